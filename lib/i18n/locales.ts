/**
 * The languages Lens's own UI speaks, and which one a reader gets: the
 * browser's, unless the options name another.
 */

/** The UI's languages; `en` is the manifest's default_locale, the fallback for every other browser language. */
export const UI_LOCALES = ['en', 'ru', 'ko'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** The options' language setting: follow the browser, or one of the UI's languages. */
export type LanguageSetting = 'browser' | UiLocale;
export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['browser', ...UI_LOCALES];

/** The UI language for a browser language tag: 'ru-RU' → 'ru', 'ko' → 'ko', 'de-AT' → 'en'. */
export function uiLocaleOf(tag: string): UiLocale {
  const primary = tag.toLowerCase().split(/[-_]/)[0];
  return (UI_LOCALES as readonly string[]).includes(primary ?? '') ? (primary as UiLocale) : 'en';
}

/** The language the reader gets: the setting's, or the browser's when it follows the browser. */
export function chosenLocale(setting: LanguageSetting, browserLanguage: string): UiLocale {
  return setting === 'browser' ? uiLocaleOf(browserLanguage) : setting;
}

/** Each language's name in itself, as the options list them (not translated: a reader finds their own). */
export const LOCALE_NAMES: Record<UiLocale, string> = { en: 'English', ru: 'Русский', ko: '한국어' };

/** The Intl locale a UI language writes dates, numbers and lists with: English the British way ("19 June 2024", "A, B and C"). */
export const INTL_TAGS: Record<UiLocale, string> = { en: 'en-GB', ru: 'ru', ko: 'ko' };
