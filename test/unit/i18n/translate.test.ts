import { afterEach, describe, expect, test } from 'vitest';
import en from '../../../locales/en.json';
import ko from '../../../locales/ko.json';
import ru from '../../../locales/ru.json';
import { translatorFor } from '../../../lib/i18n/load';
import { chosenLocale, uiLocaleOf } from '../../../lib/i18n/locales';
import { catalogLookup, createTranslator, setTranslator } from '../../../lib/i18n/translate';
import { formatDateRange, formatFigure, formatFigureAsOf, formatList, formatPartialDate } from '../../../lib/ui/format';
import { translationLabel } from '../../../lib/corpus/attribution';

const CATALOGS = { en, ru, ko };

describe('which language the reader gets', () => {
  test.each([
    ['ru-RU', 'ru'],
    ['ru', 'ru'],
    ['ko-KR', 'ko'],
    ['ko_KR', 'ko'],
    ['en-US', 'en'],
    ['de-AT', 'en'],
    ['', 'en'],
  ] as const)('a browser in %j reads %s', (tag, locale) => {
    expect(uiLocaleOf(tag)).toBe(locale);
    expect(chosenLocale('browser', tag)).toBe(locale);
  });

  test('a language chosen in the options wins over the browser’s', () => {
    expect(chosenLocale('ko', 'ru-RU')).toBe('ko');
  });

  test('following the browser, the words are the browser’s own i18n’s; chosen, the bundled catalog’s', () => {
    const asked: string[] = [];
    const browserI18n = {
      getUILanguage: () => 'ru-RU',
      getMessage: (key: string) => (asked.push(key), key === 'close' ? 'Закрыть (из браузера)' : ''),
    };
    const following = translatorFor('browser', browserI18n, CATALOGS);
    expect(following.locale).toBe('ru');
    expect(following.t('close')).toBe('Закрыть (из браузера)');
    expect(asked).toEqual(['close']);
    const chosen = translatorFor('ko', browserI18n, CATALOGS);
    expect(chosen.locale).toBe('ko');
    expect(chosen.t('close')).toBe(ko.close);
  });
});

describe('a translator', () => {
  const ruT = createTranslator('ru', catalogLookup(ru, en));

  test('fills placeholders, writing numbers the locale’s way', () => {
    expect(ruT.t('optionsSiteOn', { site: 'nknews.org' })).toBe('Снова включить Lens на nknews.org');
    expect(ruT.t('searchUpTo', { count: 12000 })).toBe(`до ${new Intl.NumberFormat('ru').format(12000)}`);
  });

  test.each([
    [1, '1 утверждение'],
    [3, '3 утверждения'],
    [5, '5 утверждений'],
    [21, '21 утверждение'],
  ])('Russian plural of %d: %s', (count, expected) => {
    expect(ruT.plural('countClaims', count)).toBe(expected);
  });

  test('a key without a message shows as itself, never as an empty label', () => {
    const bare = createTranslator('en', () => undefined);
    expect(bare.t('close')).toBe('close');
  });
});

describe('dates, figures and lists follow the language', () => {
  afterEach(() => setTranslator(createTranslator('en', catalogLookup(en))));

  test.each([
    ['en', '2024-06', 'June 2024'],
    ['en', '2024-06-19', '19 June 2024'],
    ['ru', '2024-06-19', '19 июня 2024 г.'],
    ['ru', '2024-06', 'июнь 2024 г.'],
    ['ko', '2024-06', '2024년 6월'],
    ['ko', '2024-06-19', '2024년 6월 19일'],
  ] as const)('%s: %s → %s', (locale, date, expected) => {
    setTranslator(createTranslator(locale, catalogLookup(CATALOGS[locale])));
    expect(formatPartialDate(date)).toBe(expected);
  });

  test('Russian: a range, a figure with its year, a list, how a quote was translated', () => {
    setTranslator(createTranslator('ru', catalogLookup(ru)));
    expect(formatDateRange('1950', '1953')).toBe('1950–1953');
    expect(formatFigureAsOf({ value: 29_000_000, unit: 'USD', year: 2023 })).toBe(
      `${formatFigure({ value: 29_000_000, unit: 'USD' })} (на 2023 г.)`,
    );
    expect(formatFigure({ value: 29_000_000, unit: 'USD' })).toMatch(/^29\sмлн\s\$$/);
    expect(formatList(['Лавров', 'Шойгу', 'Путин'])).toBe('Лавров, Шойгу и Путин');
    expect(translationLabel(['ko', 'en'])).toBe('перевод, язык оригинала: корейский');
  });

  test('Korean: a figure’s rank and year, a list', () => {
    setTranslator(createTranslator('ko', catalogLookup(ko)));
    expect(formatFigure({ value: 5, unit: 'rank' })).toBe('5위');
    expect(formatFigureAsOf({ value: 2, unit: 'percent', year: 2024 })).toBe('2% (2024년 기준)');
    expect(formatList(['평양', '모스크바'])).toBe('평양 및 모스크바');
  });
});
