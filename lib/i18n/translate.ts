/**
 * The UI's words: every string a reader sees comes from here, by key, in the
 * reader's language. The messages are locales/*.json, which @wxt-dev/i18n
 * builds into the extension's `_locales`; where a translator reads them is
 * the caller's business (lib/i18n/load.ts: the browser's own i18n, or the
 * bundled catalog when the options override the browser's language), so this
 * module runs anywhere.
 */
import type en from '../../locales/en.json';
import type { UiLocale } from './locales';

/** A message's key: locales/en.json holds every one (the other locales are tested against it). */
export type MessageKey = keyof typeof en;

/**
 * A message with plural forms: `key_one`, `key_few`, `key_many`, `key_other`
 * as the locale's Intl.PluralRules name them (English: one, other; Russian:
 * one, few, many, other; Korean: other), since the browser's i18n has no plurals.
 */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

export type Vars = Record<string, string | number>;

export interface Translator {
  readonly locale: UiLocale;
  /** The message, its `{name}` placeholders filled (numbers written in the locale's digits). */
  t(key: MessageKey, vars?: Vars): string;
  /** The plural form for `count`, with `{count}` and the other placeholders filled. */
  plural(key: PluralKey, count: number, vars?: Vars): string;
}

/** A translator over `lookup`, which gives a message by key (undefined: none). */
export function createTranslator(locale: UiLocale, lookup: (key: string) => string | undefined): Translator {
  const numbers = new Intl.NumberFormat(locale);
  const rules = new Intl.PluralRules(locale);
  const fill = (message: string, vars: Vars | undefined) =>
    vars === undefined
      ? message
      : message.replace(/\{(\w+)\}/g, (whole, name: string) => {
          const value = vars[name];
          if (value === undefined) return whole;
          return typeof value === 'number' ? numbers.format(value) : value;
        });
  // A key with no message shows as itself: visible, and caught by the locale tests, never an empty label.
  const message = (key: string) => lookup(key) || key;
  return {
    locale,
    t: (key, vars) => fill(message(key), vars),
    plural: (key, count, vars) => {
      const form = lookup(`${key}_${rules.select(count)}`) || message(`${key}_other`);
      return fill(form, { count, ...vars });
    },
  };
}

/** A lookup over catalogs (locales/*.json: key → message), the first that has the key. */
export function catalogLookup(...catalogs: Readonly<Record<string, string>>[]): (key: string) => string | undefined {
  return (key) => catalogs.find((catalog) => Object.hasOwn(catalog, key))?.[key];
}

let current: Translator = createTranslator('en', () => undefined);

/**
 * The translator the UI speaks with, set once by each entrypoint before it
 * renders (and again when the reader changes the language in the options).
 * One per JavaScript context, like the browser's own i18n.getMessage.
 */
export function setTranslator(translator: Translator): void {
  current = translator;
}

/** The current translator's message for `key`. */
export function t(key: MessageKey, vars?: Vars): string {
  return current.t(key, vars);
}

/** The current translator's plural form of `key` for `count`. */
export function plural(key: PluralKey, count: number, vars?: Vars): string {
  return current.plural(key, count, vars);
}

/** The UI's language now: what dates and numbers are written in, and which corpus translation is shown. */
export function uiLocale(): UiLocale {
  return current.locale;
}

/**
 * Text a context hands to the UI of another: a message by key, put in words
 * where it is shown (the content script has no catalog; the card UI's script
 * does), or a text already in the reader's words (an error the background
 * answered with).
 */
export type UiText = string | { key: MessageKey };

/** A UiText in the reader's words. */
export function textOf(text: UiText): string {
  return typeof text === 'string' ? text : t(text.key);
}
