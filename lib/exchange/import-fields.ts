/**
 * What both importers (./web-annotation-import.ts, ./hypothesis-import.ts)
 * check the same way: dates, the two text selectors we use, web addresses,
 * ids for annotations that have none, and zod's issues as lines that name the
 * item's field.
 */
import { UNKNOWN_POSITION, type TextPositionSelector, type TextQuoteSelector } from '../anchoring/selectors';
import type { HighlightRow } from '../db/schema';
import { describeIssue, formatPath, z, type ZodIssue } from '../zod';

/** One item of an import: a highlight, one left out (and why), or what is wrong with it. */
export type Converted =
  { kind: 'row'; row: HighlightRow } | { kind: 'skip'; reason: string } | { kind: 'problems'; problems: string[] };

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function problems(...list: string[]): Converted {
  return { kind: 'problems', problems: list };
}

/** One line per issue: `target.selector[0].exact: expected text, got the number 5`. */
export function issueLines(issues: readonly ZodIssue[], input: unknown, base = ''): string[] {
  return issues.map((issue) => {
    const { path, message } = describeIssue(issue, input);
    const where = formatPath(path, base);
    return where ? `${where}: ${message}` : message;
  });
}

/** ISO 8601 date-time, as both formats write it (Hypothesis with microseconds). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
export const DateTime = z
  .string()
  .regex(ISO_DATE_TIME, 'expected a date and time like 2024-06-19T10:20:00Z')
  // Only for the right form, so that "yesterday" gets one message, not two.
  .refine((value) => !ISO_DATE_TIME.test(value) || !Number.isNaN(parseDateTime(value)), 'not a real date and time');

/** Milliseconds of a `DateTime`: fractions cut to milliseconds and offsets given a colon, the form every engine parses. */
export function parseDateTime(value: string): number {
  return Date.parse(value.replace(/(\.\d{3})\d+/, '$1').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

const QuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().refine((exact) => exact.trim().length > 0, 'the quote is empty'),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});

const PositionSelector = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.int('expected a whole number').nonnegative('expected 0 or more'),
    end: z.int('expected a whole number').nonnegative('expected 0 or more'),
  })
  .refine((s) => s.start <= s.end, { message: 'start is after end', path: ['end'] });

/** Any selector: kept whole (not stripped to `type`) for `readSelectors` to check the ones we use. */
export const AnySelector = z.looseObject({ type: z.string() });

/** The first TextQuoteSelector and TextPositionSelector among `selector`, checked; other selector types are ignored. */
export function readSelectors(
  selector: unknown,
  path: string,
): { quote: TextQuoteSelector; position: TextPositionSelector } | { problems: string[] } {
  const list: unknown[] = Array.isArray(selector) ? selector : [selector];
  const at = (i: number) => (Array.isArray(selector) ? `${path}[${i}]` : path);
  const quoteIndex = list.findIndex((s) => isRecord(s) && s.type === 'TextQuoteSelector');
  if (quoteIndex === -1) return { problems: [`${path}: no TextQuoteSelector`] };
  const quote = QuoteSelector.safeParse(list[quoteIndex]);
  if (!quote.success) return { problems: issueLines(quote.error.issues, list[quoteIndex], at(quoteIndex)) };
  const positionIndex = list.findIndex((s) => isRecord(s) && s.type === 'TextPositionSelector');
  let position = UNKNOWN_POSITION;
  if (positionIndex !== -1) {
    const parsed = PositionSelector.safeParse(list[positionIndex]);
    if (!parsed.success) return { problems: issueLines(parsed.error.issues, list[positionIndex], at(positionIndex)) };
    position = { type: 'TextPositionSelector', start: parsed.data.start, end: parsed.data.end };
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: quote.data.exact,
      prefix: quote.data.prefix ?? '',
      suffix: quote.data.suffix ?? '',
    },
    position,
  };
}

/**
 * Highlights are of web pages: an imported `javascript:` or `data:` address
 * would otherwise become a link in the popup.
 */
export function isWebAddress(url: string): boolean {
  return /^https?:\/\/[^/\s]/i.test(url);
}

/** A UUID-shaped id from the content of an annotation that has none, the same every time. */
export function derivedId(parts: readonly string[]): string {
  const input = parts.join('\u0000');
  // Four 32-bit multiplicative hashes with different seeds and multipliers,
  // each finished with MurmurHash3's avalanche: 128 bits, synchronously
  // (crypto.subtle.digest is async, and import is checked in one pass).
  const hex = [
    [0x811c9dc5, 0x01000193],
    [0x9e3779b9, 0x5bd1e995],
    [0x85ebca6b, 0x27d4eb2d],
    [0xc2b2ae35, 0x165667b1],
  ]
    .map(([seed, multiplier]) => {
      let h = seed! >>> 0;
      for (let i = 0; i < input.length; i++) h = Math.imul(h ^ input.charCodeAt(i), multiplier!);
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      return ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0');
    })
    .join('');
  // Version 8 ("custom") and the RFC 9562 variant bits, so that it is a well-formed UUID.
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
