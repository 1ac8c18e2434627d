/**
 * What a new highlight stores about where it is: W3C Web Annotation
 * selectors over the document text (./text-range.ts) — the quote with
 * 32 characters of context either side, and its offsets.
 */

/** W3C Web Annotation selectors, as stored (https://www.w3.org/TR/annotation-model/#selectors). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/**
 * Characters of prefix and suffix stored, as in Hypothesis and
 * dom-anchor-text-quote — but each run of white space counts as one
 * character. Page text is full of markup indentation: 32 raw characters
 * before a heading or a paragraph are often nothing but spaces and line
 * breaks, which tell a paragraph from any other. The context stays verbatim
 * text adjacent to the quote, as the W3C model requires.
 */
export const CONTEXT_LENGTH = 32;
/** However much white space there is, a side of context spans at most this many characters. */
export const MAX_CONTEXT_SPAN = 1024;

/** The characters String.prototype.trim removes. */
const SPACE = /\s/;

export interface RangeSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/**
 * Selectors for `text.slice(start, end)`. White space at either end of the
 * selection is left out (a double-click or a drag to the line's end takes a
 * space or a line break with it), so the stored quote is what the reader
 * meant and `position` covers exactly the stored quote.
 * Throws a RangeError for offsets outside `text` or a selection of only
 * white space.
 */
export function describeRange(text: string, start: number, end: number): RangeSelectors {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) {
    throw new RangeError(`Offsets ${start}–${end} are outside the text (0–${text.length})`);
  }
  while (start < end && SPACE.test(text.charAt(start))) start++;
  while (end > start && SPACE.test(text.charAt(end - 1))) end--;
  if (start === end) throw new RangeError('The selection has no text');

  let prefixStart = contextEdge(text, start, -1);
  let suffixEnd = contextEdge(text, end, 1);
  // Do not cut a surrogate pair in half: a lone half is not a character and
  // does not survive every JSON or UTF-8 round trip.
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  if (suffixEnd < text.length && isLowSurrogate(text.charCodeAt(suffixEnd))) suffixEnd--;

  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** Where a side of context starting at `from` ends, going in `direction` (−1: back, 1: forward). */
function contextEdge(text: string, from: number, direction: -1 | 1): number {
  const limit = direction < 0 ? Math.max(0, from - MAX_CONTEXT_SPAN) : Math.min(text.length, from + MAX_CONTEXT_SPAN);
  let at = from;
  let counted = 0;
  let inSpace = false;
  while (at !== limit && counted < CONTEXT_LENGTH) {
    const space = SPACE.test(text.charAt(direction < 0 ? at - 1 : at));
    if (!space || !inSpace) counted++;
    inSpace = space;
    at += direction;
  }
  return at;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The position of a highlight imported without a TextPositionSelector (a
 * Web Annotation from another tool). The row type requires a position;
 * anchoring ignores this one and export leaves it out.
 */
export const UNKNOWN_POSITION: TextPositionSelector = { type: 'TextPositionSelector', start: -1, end: -1 };

export function isKnownPosition(position: TextPositionSelector): boolean {
  return (
    Number.isInteger(position.start) &&
    Number.isInteger(position.end) &&
    position.start >= 0 &&
    position.start <= position.end
  );
}
