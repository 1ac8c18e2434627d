/**
 * How the UI writes dates, figures and lists: in the reader's language
 * (lib/i18n), the same everywhere, so that a browser's regional format never
 * turns "19 June 2024" into "6/19/2024" in one place and not another.
 * English is written the British way ("19 June 2024"); Russian and Korean as
 * Intl writes them ("19 июня 2024 г.", "2024년 6월 19일").
 */
import type { EntityKind } from '../corpus/schema';
import { INTL_TAGS, type UiLocale } from '../i18n/locales';
import { t, uiLocale, type MessageKey } from '../i18n/translate';

/** The Intl formats of a language, made once each. */
function formatsOf(locale: UiLocale) {
  const tag = INTL_TAGS[locale];
  const dateFormat = (month: 'long' | 'short', day: boolean) =>
    new Intl.DateTimeFormat(tag, { ...(day && { day: 'numeric' }), month, year: 'numeric', timeZone: 'UTC' });
  return {
    date: {
      long: { month: dateFormat('long', false), day: dateFormat('long', true) },
      short: { month: dateFormat('short', false), day: dateFormat('short', true) },
    },
    integer: new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }),
    decimal: new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }),
    // Russian and Korean: Intl's own words for millions ("29 млн", "2900만"); English keeps its own below.
    compact: new Intl.NumberFormat(tag, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 }),
    list: new Intl.ListFormat(tag, { type: 'conjunction' }),
  };
}
const FORMATS = new Map<UiLocale, ReturnType<typeof formatsOf>>();
function formats() {
  const locale = uiLocale();
  let made = FORMATS.get(locale);
  if (!made) FORMATS.set(locale, (made = formatsOf(locale)));
  return made;
}

/** 'long': "19 June 2024"; 'short', for narrow columns such as the timeline: "19 Jun 2024". */
export type DateStyle = 'long' | 'short';
const ORDINAL = new Intl.PluralRules('en', { type: 'ordinal' });
const ORDINAL_SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

const KIND_LABELS: Record<EntityKind, MessageKey> = {
  country: 'kindCountry',
  person: 'kindPerson',
  place: 'kindPlace',
  organisation: 'kindOrganisation',
  treaty: 'kindTreaty',
  event: 'kindEvent',
  concept: 'kindConcept',
};

/** An entity's kind as the reader sees it: 'organisation' → 'Organisation'. */
export function formatKind(kind: EntityKind): string {
  return t(KIND_LABELS[kind]);
}

/** "A", "A and B", "A, B and C", in the reader's language. */
export function formatList(items: string[]): string {
  return formats().list.format(items);
}

/** The word between the last two of a list ("and", "и", "및"), for a list whose items are elements. */
export function listAnd(): string {
  const parts = formats().list.formatToParts(['a', 'b']);
  return parts.find((part) => part.type === 'literal')?.value ?? ' and ';
}

/** '2024' → '2024', '2024-06' → 'June 2024', '2024-06-19' → '19 June 2024'; anything else as given. */
export function formatPartialDate(date: string, style: DateStyle = 'long'): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const [, year, month, day] = m;
  if (month === undefined) return String(Number(year));
  const time = Date.UTC(Number(year), Number(month) - 1, day === undefined ? 1 : Number(day));
  if (Number.isNaN(time)) return date;
  const styled = formats().date[style];
  return (day === undefined ? styled.month : styled.day).format(time);
}

/** '1950', '1953' → '1950–1953'; a single date when there is no end (or it is the same). */
export function formatDateRange(start: string, end?: string, style: DateStyle = 'long'): string {
  if (end === undefined || end === start) return formatPartialDate(start, style);
  return `${formatPartialDate(start, style)}–${formatPartialDate(end, style)}`;
}

/** The year a figure is about, in the reader's words: "as of 2023". */
export function asOf(year: number, endYear?: number): string {
  // Years as strings: a year is not a quantity ("2023", never "2 023").
  return endYear === undefined || endYear === year ? t('figureAsOf', { year: String(year) }) : `${year}–${endYear}`;
}

/**
 * A figure with its unit, in the words a news reader expects:
 * 29000000 USD → '$29 million', 2 percent → '2%', 9000 containers →
 * '9,000 containers', 5 rank → '5th', 24 years → '24 years'.
 */
export function formatFigure({ value, unit }: { value: number; unit: string }): string {
  const u = unit.trim();
  if (/^[A-Z]{3}$/.test(u)) return formatMoney(value, u);
  switch (u.toLowerCase()) {
    case 'percent':
    case '%':
      return new Intl.NumberFormat(INTL_TAGS[uiLocale()], { style: 'percent', maximumFractionDigits: 1 }).format(
        value / 100,
      );
    case 'rank':
      return ordinal(value);
    default:
      return `${formatCount(value)} ${Math.abs(value) === 1 ? singular(u) : u}`;
  }
}

/** A figure as the card lists it: "$29 million (as of 2023)". */
export function formatFigureAsOf(figure: { value: number; unit: string; year: number }): string {
  return t('figureWithYear', { figure: formatFigure(figure), asOf: asOf(figure.year) });
}

const SCALES: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

function formatMoney(value: number, currency: string): string {
  if (uiLocale() !== 'en') return formatMoneyIntl(value, currency);
  const symbol = currencySymbol(currency);
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  for (const [size, word] of SCALES) {
    // Intl's compact notation writes "$29M" for currencies even with compactDisplay: 'long'.
    if (abs >= size) return `${sign}${symbol}${formats().decimal.format(abs / size)} ${word}`;
  }
  return `${sign}${symbol}${formats().integer.format(abs)}`;
}

/** Russian and Korean: Intl's compact currency ("29 млн $", "$2900만"). */
function formatMoneyIntl(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat(INTL_TAGS[uiLocale()], {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    }).format(value);
  } catch {
    return `${formats().compact.format(value)} ${currency}`;
  }
}

function formatCount(value: number): string {
  if (uiLocale() !== 'en')
    return Math.abs(value) >= 1e4 ? formats().compact.format(value) : formats().decimal.format(value);
  const abs = Math.abs(value);
  for (const [size, word] of SCALES) {
    if (abs >= size) return `${value < 0 ? '-' : ''}${formats().decimal.format(abs / size)} ${word}`;
  }
  return formats().decimal.format(value);
}

function currencySymbol(currency: string): string {
  try {
    const parts = new Intl.NumberFormat('en', {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
    }).formatToParts(0);
    const symbol = parts.find((p) => p.type === 'currency')?.value;
    // A code without a symbol ("XYZ") reads better with a space: "XYZ 5 million".
    if (symbol === undefined || symbol === currency) return `${currency} `;
    return symbol;
  } catch {
    return `${currency} `;
  }
}

function ordinal(value: number): string {
  if (!Number.isInteger(value)) return formats().decimal.format(value);
  if (uiLocale() !== 'en') return t('figureRank', { rank: value });
  return `${formats().integer.format(value)}${ORDINAL_SUFFIX[ORDINAL.select(value)] ?? 'th'}`;
}

function singular(unit: string): string {
  return unit.endsWith('s') && unit.length > 1 ? unit.slice(0, -1) : unit;
}

/** A moment's day, in the reader's time zone and language: when a pack was imported. */
export function formatDay(time: number): string {
  return new Intl.DateTimeFormat(INTL_TAGS[uiLocale()], { dateStyle: 'medium' }).format(time);
}
