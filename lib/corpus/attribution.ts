/**
 * Who said a claim and how its words reached us, in a reader's words: shared
 * by the card, the popup's record view and search results, so that a joint
 * statement and a translated quote read the same everywhere. Types only
 * from ./schema: the card's UI bundle must not carry zod.
 */
import type { Source, TextLang } from './schema';

/** The languages a source's text went through, original first. */
export function languageChainOf(source: Pick<Source, 'language' | 'languageChain'>): TextLang[] {
  return source.languageChain ?? [source.language];
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', ru: 'Russian', ko: 'Korean', zh: 'Chinese' };

/** "German" for "de": the corpus's own four by name, any other as the browser names it. */
export function languageName(code: TextLang): string {
  const known = LANGUAGE_NAMES[code];
  if (known !== undefined) return known;
  try {
    return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * How a quote reached the English we hold, in a reader's words: "translated
 * from Korean", "from Russian via Korean", "back-translated via Korean" (an
 * English original quoted in Korean). Undefined when it was never translated.
 */
export function translationLabel(chain: readonly TextLang[]): string | undefined {
  if (chain.length < 2) return undefined;
  const [first, ...rest] = chain.map(languageName);
  const via = rest.slice(0, -1);
  if (via.length === 0) return `translated from ${first}`;
  return chain[0] === chain[chain.length - 1]
    ? `back-translated via ${joinNames(via)}`
    : `from ${first} via ${joinNames(via)}`;
}
