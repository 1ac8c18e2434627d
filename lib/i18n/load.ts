/**
 * The reader's translator: the browser's own i18n (the `_locales` the
 * browser picked for its language) when the options follow the browser, or
 * the chosen language's bundled catalog when they override it — the browser's
 * i18n.getMessage cannot switch language.
 */
import { chosenLocale, type LanguageSetting, type UiLocale } from './locales';
import { catalogLookup, createTranslator, type Translator } from './translate';

/** What the entrypoint passes in of the browser's i18n (browser.i18n). */
export interface BrowserI18n {
  getUILanguage(): string;
  getMessage(key: string): string;
}

export type Catalog = Readonly<Record<string, string>>;

/** The translator for a language setting, given the catalogs of the UI's languages (locales/*.json). */
export function translatorFor(
  setting: LanguageSetting,
  browserI18n: BrowserI18n,
  catalogs: Partial<Record<UiLocale, Catalog>>,
): Translator {
  const locale = chosenLocale(setting, browserI18n.getUILanguage());
  if (setting === 'browser') return createTranslator(locale, (key) => browserI18n.getMessage(key) || undefined);
  return createTranslator(locale, catalogLookup(catalogs[locale] ?? {}, catalogs.en ?? {}));
}

// Each loaded only when chosen: an extension page's bundle splits them off.
const CATALOGS: Record<UiLocale, () => Promise<{ default: Catalog }>> = {
  en: () => import('../../locales/en.json'),
  ru: () => import('../../locales/ru.json'),
  ko: () => import('../../locales/ko.json'),
};

/** translatorFor, loading only the catalogs the setting needs (none when it follows the browser). */
export async function loadTranslator(setting: LanguageSetting, browserI18n: BrowserI18n): Promise<Translator> {
  if (setting === 'browser') return translatorFor(setting, browserI18n, {});
  const [chosen, en] = await Promise.all([CATALOGS[setting](), CATALOGS.en()]);
  return translatorFor(setting, browserI18n, { [setting]: chosen.default, en: en.default });
}
