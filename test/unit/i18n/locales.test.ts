/**
 * Every UI string in every language (issue 19): locales/en.json holds each
 * message; Russian and Korean must have each one, each plural form their
 * language uses, and the same placeholders — and nothing English does not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import en from '../../../locales/en.json';
import ko from '../../../locales/ko.json';
import ru from '../../../locales/ru.json';
import { UI_LOCALES, type UiLocale } from '../../../lib/i18n/locales';
import { catalogLookup, createTranslator } from '../../../lib/i18n/translate';

const CATALOGS: Record<UiLocale, Record<string, string>> = { en, ru, ko };
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** The keys a locale must have: every message of English, with the plural forms of its own language. */
function expectedKeys(locale: UiLocale): string[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of Object.keys(en)) {
    if (!PLURAL.test(key)) keys.add(key);
    else for (const category of categories) keys.add(key.replace(PLURAL, `_${category}`));
  }
  return [...keys].sort();
}

const placeholders = (message: string) => [...new Set(message.match(/\{\w+\}/g) ?? [])].sort();
const englishOf = (key: string) =>
  (en as Record<string, string>)[key] ?? en[key.replace(PLURAL, '_other') as keyof typeof en];

describe.each(UI_LOCALES)('%s', (locale) => {
  const catalog = CATALOGS[locale];

  test('has every message, and each plural form the language uses, and no other', () => {
    expect(Object.keys(catalog).sort()).toEqual(expectedKeys(locale));
  });

  test('each message is written, with the placeholders of the English', () => {
    for (const [key, message] of Object.entries(catalog)) {
      expect(message.trim(), key).not.toBe('');
      // A plural form may say its count or not ("a claim"; Russian's "one" is also 21, 31 …): {count} aside.
      const own = (text: string) => placeholders(text).filter((p) => !(PLURAL.test(key) && p === '{count}'));
      expect(own(message), key).toEqual(own(englishOf(key)!));
    }
  });

  if (locale !== 'en') {
    test('is translated: no message is the English one, but for names and examples', () => {
      // The extension's name, and the search box's example names, are the same in every language.
      const SAME = new Set([
        ...['extName', 'toolbarActive', 'searchPlaceholder', 'optionsSiteExample', 'hlMarkdown'],
        ...['searchDatePattern', 'readDatePattern'],
      ]);
      const untranslated = Object.keys(catalog).filter(
        (key) =>
          !SAME.has(key) &&
          catalog[key] === (en as Record<string, string>)[key] &&
          /\p{L}{3}/u.test(catalog[key]!.replace(/\{\w+\}/g, '')),
      );
      expect(untranslated).toEqual([]);
    });
  }

  test('each key is a name the browser takes, and no message has a "$" (a placeholder sign for it)', () => {
    for (const [key, message] of Object.entries(catalog)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(message, key).not.toContain('$');
    }
  });

  test('the manifest’s name and description fit the stores (45 and 132 characters)', () => {
    expect(catalog.extName!.length).toBeLessThanOrEqual(45);
    expect(catalog.extDescription!.length).toBeLessThanOrEqual(132);
  });

  test('a plural message takes the form its language gives the count', () => {
    const translator = createTranslator(locale, catalogLookup(catalog));
    for (const count of [1, 2, 5, 21]) {
      const category = new Intl.PluralRules(locale).select(count);
      expect(translator.plural('countClaims', count)).toBe(
        catalog[`countClaims_${category}`]!.replace('{count}', new Intl.NumberFormat(locale).format(count)),
      );
    }
  });
});

test('every __MSG_…__ of the manifest is a message', () => {
  const config = readFileSync(join(import.meta.dirname, '../../../wxt.config.ts'), 'utf8');
  const named = [...config.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
  expect(named.length).toBeGreaterThan(3);
  for (const key of named) expect(Object.keys(en)).toContain(key);
});

test('the manifest’s English description is the store listing’s summary', () => {
  const listing = JSON.parse(readFileSync(join(import.meta.dirname, '../../../store/en/listing.json'), 'utf8'));
  expect(en.extDescription).toBe(listing.summary);
});
