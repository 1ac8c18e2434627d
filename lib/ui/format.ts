/**
 * How the card writes dates and figures. English only for now, like the rest
 * of the UI; the locale is fixed so that a reader's browser locale does not
 * turn "19 June 2024" into "6/19/2024" in one place and not another.
 */
import type { EntityKind } from '../corpus/schema';

const LOCALE = 'en-GB';

const dateFormat = (month: 'long' | 'short', day: boolean) =>
  new Intl.DateTimeFormat(LOCALE, { ...(day && { day: 'numeric' }), month, year: 'numeric', timeZone: 'UTC' });
const DATE_FORMATS = {
  long: { month: dateFormat('long', false), day: dateFormat('long', true) },
  short: { month: dateFormat('short', false), day: dateFormat('short', true) },
};

/** 'long': "19 June 2024"; 'short', for narrow columns such as the timeline: "19 Jun 2024". */
export type DateStyle = keyof typeof DATE_FORMATS;
const INTEGER = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const ORDINAL = new Intl.PluralRules('en', { type: 'ordinal' });
const ORDINAL_SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

const KIND_LABELS: Record<EntityKind, string> = {
  country: 'Country',
  person: 'Person',
  place: 'Place',
  organisation: 'Organisation',
  treaty: 'Treaty',
  event: 'Event',
  concept: 'Concept',
};

/** An entity's kind as the reader sees it: 'organisation' → 'Organisation'. */
export function formatKind(kind: EntityKind): string {
  return KIND_LABELS[kind];
}

/** '2024' → '2024', '2024-06' → 'June 2024', '2024-06-19' → '19 June 2024'; anything else as given. */
export function formatPartialDate(date: string, style: DateStyle = 'long'): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const [, year, month, day] = m;
  if (month === undefined) return String(Number(year));
  const time = Date.UTC(Number(year), Number(month) - 1, day === undefined ? 1 : Number(day));
  if (Number.isNaN(time)) return date;
  const formats = DATE_FORMATS[style];
  return (day === undefined ? formats.month : formats.day).format(time);
}

/** '1950', '1953' → '1950–1953'; a single date when there is no end (or it is the same). */
export function formatDateRange(start: string, end?: string, style: DateStyle = 'long'): string {
  if (end === undefined || end === start) return formatPartialDate(start, style);
  return `${formatPartialDate(start, style)}–${formatPartialDate(end, style)}`;
}

/** The year a figure is about, in the reader's words: "as of 2023". */
export function asOf(year: number, endYear?: number): string {
  return endYear === undefined || endYear === year ? `as of ${year}` : `${year}–${endYear}`;
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
      return `${DECIMAL.format(value)}%`;
    case 'rank':
      return ordinal(value);
    default:
      return `${formatCount(value)} ${Math.abs(value) === 1 ? singular(u) : u}`;
  }
}

/** A figure as the card lists it: "$29 million (as of 2023)". */
export function formatFigureAsOf(figure: { value: number; unit: string; year: number }): string {
  return `${formatFigure(figure)} (${asOf(figure.year)})`;
}

const SCALES: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

function formatMoney(value: number, currency: string): string {
  const symbol = currencySymbol(currency);
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  for (const [size, word] of SCALES) {
    // Intl's compact notation writes "$29M" for currencies even with compactDisplay: 'long'.
    if (abs >= size) return `${sign}${symbol}${DECIMAL.format(abs / size)} ${word}`;
  }
  return `${sign}${symbol}${INTEGER.format(abs)}`;
}

function formatCount(value: number): string {
  const abs = Math.abs(value);
  for (const [size, word] of SCALES) {
    if (abs >= size) return `${value < 0 ? '-' : ''}${DECIMAL.format(abs / size)} ${word}`;
  }
  return DECIMAL.format(value);
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
  if (!Number.isInteger(value)) return DECIMAL.format(value);
  return `${INTEGER.format(value)}${ORDINAL_SUFFIX[ORDINAL.select(value)] ?? 'th'}`;
}

function singular(unit: string): string {
  return unit.endsWith('s') && unit.length > 1 ? unit.slice(0, -1) : unit;
}
