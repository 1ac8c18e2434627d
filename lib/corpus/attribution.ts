/**
 * Who said a claim and how its words reached us, in a reader's words: shared
 * by the card, the popup's record view and search results, so that a joint
 * statement and a translated quote read the same everywhere. Types only
 * from ./schema: the card's UI bundle must not carry zod.
 */
import type { Source, TextLang } from './schema';
import { INTL_TAGS } from '../i18n/locales';
import { t, uiLocale } from '../i18n/translate';

/** The languages a source's text went through, original first. */
export function languageChainOf(source: Pick<Source, 'language' | 'languageChain'>): TextLang[] {
  return source.languageChain ?? [source.language];
}

/** "A", "A and B", "A, B and C", in the UI's language ("A, B и C"). */
export function joinNames(names: string[]): string {
  return new Intl.ListFormat(INTL_TAGS[uiLocale()], { type: 'conjunction' }).format(names);
}

/** The languages' English names, for the corpus validator's messages (for the corpus's authors, in English): not UI text. */
export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', ru: 'Russian', ko: 'Korean', zh: 'Chinese' };

/** A language's name in the UI's language ("Korean", "корейский", "한국어"; "German" for "de"), any language the browser names. */
export function languageName(code: TextLang): string {
  try {
    return new Intl.DisplayNames(INTL_TAGS[uiLocale()], { type: 'language', fallback: 'none' }).of(code) ?? code;
  } catch {
    return LANGUAGE_NAMES[code] ?? code;
  }
}

/**
 * How a quote reached the English we hold, in a reader's words: "translated
 * from Korean", "from Russian via Korean", "back-translated via Korean" (an
 * English original quoted in Korean). Undefined when it was never translated.
 */
export function translationLabel(chain: readonly TextLang[]): string | undefined {
  if (chain.length < 2) return undefined;
  const [first = '', ...rest] = chain.map(languageName);
  const via = joinNames(rest.slice(0, -1));
  if (rest.length === 1) return t('translatedFrom', { language: first });
  return chain[0] === chain[chain.length - 1]
    ? t('translatedBack', { via })
    : t('translatedVia', { language: first, via });
}
