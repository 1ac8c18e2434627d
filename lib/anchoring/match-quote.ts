/**
 * Finds where a saved highlight is in a page's text now: pure string work, so
 * the same code serves a live page, a test string and a benchmark.
 *
 * Three tries, cheapest first: the stored position, the exact quote, a fuzzy
 * match of the quote (a bounded number of edits). Candidates are ranked as
 * Hypothesis's `matchQuote` ranks them: similarity of the text before and
 * after to the stored prefix and suffix, and closeness to the stored
 * position. Unlike `matchQuote`, which returns its best candidate however
 * poor, a candidate must also earn its place, so that a deleted quote becomes
 * an orphan instead of snapping onto similar text elsewhere:
 * - a fuzzy match needs context (nearly) unchanged on both sides, and no
 *   sign that the quote was deleted (its prefix and suffix now meeting, see
 *   `junctionOf`);
 * - an exact copy needs context that agrees on one side, or to be the only
 *   copy on the page, or the only copy near the stored position.
 *
 * approx-string-match is imported here only.
 */
import approxSearch from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from './selectors';
import { isKnownPosition } from './selectors';

export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

export interface QuoteAnchor {
  /** offsets in the text searched; `text.slice(start, end)` is the highlight now */
  start: number;
  end: number;
  /** 0..1, 1 = the quote and both sides of its context unchanged at the stored position */
  score: number;
  method: AnchorMethod;
}

/** The selectors of one highlight; `position` is a hint and may be missing or stale. */
export interface HighlightSelectors {
  quote: TextQuoteSelector;
  position?: TextPositionSelector | undefined;
}

/** A side of context (prefix or suffix) agrees when it is at least this similar (1 − edits / length). */
export const CONTEXT_AGREES = 0.8;
/** A fuzzy match needs both sides at least this similar: one edit in 32 characters. */
export const CONTEXT_UNCHANGED = 0.95;
/** Characters allowed between a quote and its copy at the edge of its context (", " in "X, X"). */
const REPEAT_GAP = 4;
/** A stored side shorter than this (a quote near the edge of the page) agrees only when unchanged. */
const SHORT_SIDE = 8;
/** An exact quote at least this long that is the only copy on the page needs no context (a moved paragraph). */
export const DISTINCT_QUOTE_LENGTH = 8;
/** An exact quote that is the only copy this close to its stored position needs no context. */
export const NEAR_POSITION = 256;
/** Characters either side of the stored position searched before the whole text. */
const WINDOW = 4096;
/** Characters of each side joined to detect a deleted quote (see `junctionOf`). */
const JUNCTION_SIDE = 12;
/** Fuzzy searches near the stored position and over the whole page (see `fuzzyBest`). */
const WINDOW_ROUNDS = 3;
const PAGE_ROUNDS = 1;
/** Stands in for masked text: a noncharacter, found in no quote. */
const MASK = '\uffff';
/** Exact copies of a quote scored at most (see `closest`). */
const MAX_CANDIDATES = 500;
/** How far to look for a side's context through white space (deeply indented markup). */
const MAX_SCAN = 2048;

/**
 * Weights of the score. Quote and context as in Hypothesis's matchQuote;
 * position counts for more (20, not 2) and falls off with distance rather
 * than linearly over the page, so that of two copies of a repeated block (a
 * menu in the header and the footer) the one where the highlight was wins
 * even when one of its neighbours has since been rewritten.
 */
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 20;
/** At this distance from the stored position the position score is 1/2. */
const POSITION_HALF = 1024;
const MAX_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/**
 * Edits allowed in a fuzzy match: a quarter of the quote, at most 32. Hypothesis
 * allows half (up to 256), which finds *something* for nearly any quote on a
 * long page; a quarter still absorbs fixed typos and reworded words, and 32 keeps
 * the search within one or two 32-bit blocks of approx-string-match.
 */
export function errorBudget(quoteLength: number): number {
  return Math.min(32, Math.floor(quoteLength / 4));
}

/** One page's text, shared by the highlights anchored against it (see `anchorAll`). */
interface Page {
  text: string;
  /** many highlights will be anchored: collapse the whole text once rather than each window searched */
  shared: boolean;
  /** `text` collapsed, built the first time a fuzzy search needs it */
  collapsed?: CollapsedText;
}

interface Search {
  page: Page;
  text: string;
  exact: string;
  /** `exact` collapsed: what a fuzzy match is searched for, and what its errors are counted against */
  collapsedExact: string;
  /** the stored prefix and suffix with each run of white space as one space (see `collapse`) */
  prefix: string;
  suffix: string;
  /** stored start, when the stored position is usable */
  hint: number | undefined;
  /** the end of the prefix joined to the start of the suffix: the text where the quote was, if it was deleted */
  junction: string | null;
  /** the quote occurs again at the end of its prefix / the start of its suffix ("we will win, we will win") */
  repeatsBefore: boolean;
  repeatsAfter: boolean;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
  /** similarity of the stored side to the text there; null when that side is no evidence (see `isEvidence`) */
  prefix: number | null;
  suffix: number | null;
  score: number;
}

/**
 * Finds the quote in `text`, or returns null (an orphan). `position` is the
 * stored TextPositionSelector: tried first, and a hint for ranking after that.
 */
export function anchorQuote(
  text: string,
  quote: TextQuoteSelector,
  position?: TextPositionSelector,
): QuoteAnchor | null {
  return anchorIn({ text, shared: false }, quote, position);
}

/**
 * Anchors many highlights against one text: build the page's text once per
 * pass (see ./text-range.ts) and pass it here, so that work on the whole
 * text is shared. Results are in input order.
 */
export function anchorAll(text: string, highlights: readonly HighlightSelectors[]): (QuoteAnchor | null)[] {
  const page: Page = { text, shared: true };
  return highlights.map((h) => anchorIn(page, h.quote, h.position));
}

function anchorIn(
  page: Page,
  quote: TextQuoteSelector,
  position: TextPositionSelector | undefined,
): QuoteAnchor | null {
  const { text } = page;
  const exact = quote.exact;
  if (exact.trim().length === 0) return null;
  const prefix = collapse(quote.prefix ?? '');
  const suffix = collapse(quote.suffix ?? '');
  const collapsedExact = collapse(exact);
  const search: Search = {
    page,
    text,
    exact,
    collapsedExact,
    prefix,
    suffix,
    hint: usableHint(position, text.length),
    junction: junctionOf(prefix, collapsedExact, suffix),
    repeatsBefore: prefix.slice(-(collapsedExact.length + REPEAT_GAP)).includes(collapsedExact),
    repeatsAfter: suffix.slice(0, collapsedExact.length + REPEAT_GAP).includes(collapsedExact),
  };
  const hint = search.hint;

  // 1. The stored position: O(quote length) when the page has not changed.
  if (hint !== undefined && text.startsWith(exact, hint)) {
    const at = candidate(search, hint, hint + exact.length, 0);
    if (sideAgrees(search.prefix, at.prefix) !== false && sideAgrees(search.suffix, at.suffix) !== false) {
      return result(at, 'position');
    }
  }

  // 2. The exact quote: first near the stored position, then everywhere.
  if (hint !== undefined && hasContext(search)) {
    // Nothing outside the window can beat unchanged context on both sides plus a closer position.
    const lo = Math.max(0, hint - WINDOW);
    const near = occurrences(text.slice(lo, Math.min(text.length, hint + exact.length + WINDOW)), exact, lo);
    const unchanged = best(
      near.map((start) => candidate(search, start, start + exact.length, 0)),
      (c) => (c.prefix ?? 1) === 1 && (c.suffix ?? 1) === 1,
    );
    if (unchanged) return result(unchanged, 'exact');
  }
  const exactStarts = occurrences(text, exact, 0);
  const exactBest = best(
    closest(exactStarts, hint).map((start) => candidate(search, start, start + exact.length, 0)),
    (c) => exactAccepted(search, c, exactStarts),
  );
  if (exactBest && (hint === undefined || Math.abs(exactBest.start - hint) <= NEAR_POSITION)) {
    return result(exactBest, 'exact');
  }

  // 3. A fuzzy match, for a quote edited since it was saved: near the stored
  // position first — where it also competes with a far exact copy (a menu
  // repeated in the footer) — then everywhere if nothing was found. Exact
  // copies are masked: the search reports only the fewest-error matches, and
  // would otherwise report nothing but them.
  const budget = errorBudget(collapsedExact.length);
  if (budget === 0 || !hasContext(search)) return exactBest ? result(exactBest, 'exact') : null;
  // A fuzzy match is also refused when the prefix and suffix now meet closer to
  // the stored position than it is: the quote was deleted from between them,
  // and in repetitive text (a TV schedule, a results table) a neighbouring
  // entry agrees on both sides.
  let junctions: number[] | undefined;
  const agrees = (c: Candidate) =>
    contextUnchanged(search, c) &&
    !isAtJunction(search, c) &&
    !(junctions ??= junctionStarts(search)).some(
      (j) => hint === undefined || Math.abs(j - hint) <= Math.abs(c.start - hint) + exact.length,
    );
  let searchedAll = false;
  // A quote edited in place is usually where it was: a small window first.
  for (const reach of [WINDOW / 8, WINDOW]) {
    if (hint === undefined) break;
    const lo = Math.max(0, hint - reach);
    const hi = Math.min(text.length, hint + exact.length + reach);
    const fuzzy = fuzzyBest(search, lo, hi, budget, exactStarts, agrees, WINDOW_ROUNDS);
    if (fuzzy) return exactBest && exactBest.score >= fuzzy.score ? result(exactBest, 'exact') : result(fuzzy, 'fuzzy');
    searchedAll = lo === 0 && hi === text.length;
    if (searchedAll) break;
  }
  if (exactBest) return result(exactBest, 'exact');
  // Where the prefix and suffix meet near the stored position, any match
  // beyond the window would be refused: spare the search of the whole page.
  const deletedHere = (junctions ??= junctionStarts(search)).some(
    (j) => hint === undefined || Math.abs(j - hint) <= WINDOW / 4,
  );
  if (!searchedAll && !deletedHere) {
    const fuzzy = fuzzyBest(search, 0, text.length, budget, exactStarts, agrees, PAGE_ROUNDS);
    if (fuzzy) return result(fuzzy, 'fuzzy');
  }
  return null;
}

// ---------------------------------------------------------------------------

function usableHint(position: TextPositionSelector | undefined, length: number): number | undefined {
  return position && isKnownPosition(position) ? Math.min(position.start, length) : undefined;
}

function result(c: Candidate, method: AnchorMethod): QuoteAnchor {
  return { start: c.start, end: c.end, score: c.score, method };
}

/**
 * At most MAX_CANDIDATES of `starts`, the closest to `hint`: a quote of a
 * word or two can occur thousands of times on a long page, and each
 * candidate costs two context comparisons.
 */
function closest(starts: readonly number[], hint: number | undefined): readonly number[] {
  if (starts.length <= MAX_CANDIDATES) return starts;
  if (hint === undefined) return starts.slice(0, MAX_CANDIDATES);
  return [...starts].sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint)).slice(0, MAX_CANDIDATES);
}

/** Start offsets of every occurrence of `needle` in `haystack`, shifted by `offset`. */
function occurrences(haystack: string, needle: string, offset: number): number[] {
  const starts: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) starts.push(i + offset);
  return starts;
}

function candidate(search: Search, start: number, end: number, errors: number): Candidate {
  const { text, prefix, suffix, hint } = search;
  const prefixScore = isEvidence(prefix) ? similarity(collapsedBefore(text, start, prefix.length), prefix) : null;
  const suffixScore = isEvidence(suffix) ? similarity(collapsedAfter(text, end, suffix.length), suffix) : null;
  const positionScore = hint === undefined ? 1 : 1 / (1 + Math.abs(start - hint) / POSITION_HALF);
  const raw =
    QUOTE_WEIGHT * (1 - errors / search.collapsedExact.length) +
    PREFIX_WEIGHT * (prefixScore ?? 1) +
    SUFFIX_WEIGHT * (suffixScore ?? 1) +
    POSITION_WEIGHT * positionScore;
  return { start, end, errors, prefix: prefixScore, suffix: suffixScore, score: raw / MAX_WEIGHT };
}

/** 1 − (edits to find `expected` in `actual`) / its length; 1 when equal. */
function similarity(actual: string, expected: string): number {
  if (actual === expected) return 1;
  if (actual.length === 0) return 0;
  const match = approxSearch(actual, expected, expected.length)[0];
  return match ? 1 - match.errors / expected.length : 0;
}

/**
 * Context is compared with each run of white space as one space: pages are
 * re-indented between visits, and a side that is only indentation (a quote
 * that is a whole paragraph) would otherwise "agree" with every other
 * paragraph break on the page.
 */
function collapse(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** Up to `n` characters before `at`, collapsed as `collapse` does (looking back at most MAX_SCAN characters). */
function collapsedBefore(text: string, at: number, n: number): string {
  const out: string[] = [];
  const stop = Math.max(0, at - MAX_SCAN);
  let inSpace = false;
  for (let i = at - 1; i >= stop && out.length < n; i--) {
    const ch = text.charAt(i);
    if (isSpaceCode(text.charCodeAt(i))) {
      if (!inSpace) out.push(' ');
      inSpace = true;
    } else {
      out.push(ch);
      inSpace = false;
    }
  }
  return out.reverse().join('');
}

function collapsedAfter(text: string, at: number, n: number): string {
  const out: string[] = [];
  const stop = Math.min(text.length, at + MAX_SCAN);
  let inSpace = false;
  for (let i = at; i < stop && out.length < n; i++) {
    const ch = text.charAt(i);
    if (isSpaceCode(text.charCodeAt(i))) {
      if (!inSpace) out.push(' ');
      inSpace = true;
    } else {
      out.push(ch);
      inSpace = false;
    }
  }
  return out.join('');
}

/** A stored side is evidence when it has something besides white space. */
function isEvidence(side: string): boolean {
  return side.trim().length > 0;
}

/** null when that side is no evidence either way (nothing stored there, or only white space). */
function sideAgrees(stored: string, score: number | null): boolean | null {
  if (score === null) return null;
  return stored.trim().length >= SHORT_SIDE ? score >= CONTEXT_AGREES : score === 1;
}

function hasContext(search: Search): boolean {
  return isEvidence(search.prefix) || isEvidence(search.suffix);
}

/**
 * Required of a fuzzy match: every side with evidence (nearly) unchanged.
 * An edit inside a quote leaves its surroundings alone; a neighbour that
 * merely resembles the quote does not have them — even where deleting the
 * quote has put the stored suffix right after it (the next item of a menu,
 * the next entry of a TV schedule, whose other side is merely similar).
 */
function contextUnchanged(search: Search, c: Candidate): boolean {
  const sides = [
    [search.prefix, c.prefix],
    [search.suffix, c.suffix],
  ] as const;
  let evidence = false;
  for (const [stored, score] of sides) {
    if (score === null) continue;
    evidence = true;
    if (stored.trim().length >= SHORT_SIDE ? score < CONTEXT_UNCHANGED : score < 1) return false;
  }
  return evidence;
}

/**
 * An exact candidate whose context does not agree (both neighbours rewritten,
 * or the quote is a whole paragraph that moved) is still accepted when
 * nothing else could be meant: a long quote found once, a selector stored
 * without context and found once, or the only copy near the stored position.
 */
function exactAccepted(search: Search, c: Candidate, starts: readonly number[]): boolean {
  const prefix = sideAgrees(search.prefix, c.prefix) === true;
  const suffix = sideAgrees(search.suffix, c.suffix) === true;
  if (prefix && suffix) return true;
  if (isAtJunction(search, c)) return false;
  // One side agrees. If the quote also stood at the end of its prefix and the
  // suffix is what agrees, this may be that earlier copy, now next to the
  // suffix because the highlighted copy was deleted (and the same after).
  if (suffix) return !search.repeatsBefore;
  if (prefix) return !search.repeatsAfter;
  if (starts.length === 1 && (search.exact.length >= DISTINCT_QUOTE_LENGTH || !hasContext(search))) return true;
  const hint = search.hint;
  if (hint === undefined || Math.abs(c.start - hint) > NEAR_POSITION) return false;
  return starts.every((s) => s === c.start || Math.abs(s - hint) > NEAR_POSITION);
}

/**
 * The end of the stored prefix joined to the start of the stored suffix.
 * Found next to a candidate, it says the quote was deleted from between them
 * and the candidate is a neighbour that resembles it ("X X" with the second X
 * deleted; a menu's next item). null when it proves nothing: a side without
 * evidence, or a junction that the saved text itself contains (a quote that
 * ends like its prefix or begins like its suffix).
 */
function junctionOf(prefix: string, exact: string, suffix: string): string | null {
  if (!isEvidence(prefix) || !isEvidence(suffix)) return null;
  const junction = collapse(prefix.slice(-JUNCTION_SIDE) + suffix.slice(0, JUNCTION_SIDE));
  if (junction.trim().length < SHORT_SIDE) return null;
  return collapse(prefix + exact + suffix).includes(junction) ? null : junction;
}

/** Where the junction occurs in the text, with any white space where it has a space. */
function junctionStarts(search: Search): number[] {
  const junction = search.junction;
  if (junction === null) return [];
  // Trimmed: a pattern that starts with \s+ is tried at every character of
  // every run of indentation, quadratic in the run's length.
  const pattern = junction
    .trim()
    .split(' ')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  return Array.from(search.text.matchAll(new RegExp(pattern, 'g')), (m) => m.index);
}

function isAtJunction(search: Search, c: Candidate): boolean {
  const junction = search.junction;
  if (junction === null) return false;
  const { text } = search;
  const around =
    collapsedBefore(text, c.start, 2 * JUNCTION_SIDE) +
    text.slice(c.start, c.end) +
    collapsedAfter(text, c.end, 2 * JUNCTION_SIDE);
  return collapse(around).includes(junction);
}

/** The highest-scoring accepted candidate (the score includes closeness to the hint); ties go to the earlier. */
function best(candidates: readonly Candidate[], accepted: (c: Candidate) => boolean): Candidate | null {
  let top: Candidate | null = null;
  for (const c of candidates) {
    if (!accepted(c)) continue;
    if (!top || c.score > top.score || (c.score === top.score && c.start < top.start)) top = c;
  }
  return top;
}

/**
 * The best accepted fuzzy match of the quote in `text[lo, hi)`, searched with
 * white space collapsed (as context is compared), so a re-indented quote
 * costs nothing and a quote's indentation does not inflate its error budget.
 *
 * approx-string-match reports only the matches with the fewest errors, so a
 * rejected match with fewer errors (another copy of a repeated sentence) would
 * hide the right one: rejected matches are masked and the search repeated, up
 * to `rounds` times. Exact copies, rejected before, are masked from the start.
 */
function fuzzyBest(
  search: Search,
  lo: number,
  hi: number,
  budget: number,
  exactStarts: readonly number[],
  accepted: (c: Candidate) => boolean,
  rounds: number,
): Candidate | null {
  const { page, text } = search;
  const length = search.exact.length;
  const masked = exactStarts.filter((s) => s >= lo && s + length <= hi);
  let region: CollapsedText;
  if (page.shared || (lo === 0 && hi === text.length)) {
    const all = (page.collapsed ??= collapseWithMap(text, 0));
    const from = firstAtOrAfter(all.starts, lo);
    const to = firstAtOrAfter(all.starts, hi);
    const ranges = masked.map((s) => ({
      start: firstAtOrAfter(all.starts, s) - from,
      end: firstAtOrAfter(all.starts, s + length) - from,
    }));
    const slice = all.text.slice(from, to);
    region = {
      text: ranges.length > 0 ? maskRanges(slice, ranges) : slice,
      starts: all.starts.subarray(from, to),
      ends: all.ends.subarray(from, to),
    };
  } else {
    const raw = text.slice(lo, hi);
    region = collapseWithMap(
      masked.length > 0
        ? mask(
            raw,
            masked.map((s) => s - lo),
            length,
          )
        : raw,
      lo,
    );
  }
  let haystack = region.text;
  for (let round = 0; round < rounds; round++) {
    const matches = approxSearch(haystack, search.collapsedExact, budget);
    if (matches.length === 0) return null;
    const top = best(
      matches.map((m) => candidate(search, region.starts[m.start]!, region.ends[m.end - 1]!, m.errors)),
      accepted,
    );
    if (top) return top;
    haystack = maskRanges(haystack, matches);
  }
  return null;
}

/** The first index of the ascending `starts` whose value is at least `offset` (`starts.length` if none). */
function firstAtOrAfter(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Text with each run of white space as one space, and where each of its characters came from. */
interface CollapsedText {
  text: string;
  /** `starts[i]`..`ends[i]` is the range of the original text that `text[i]` stands for */
  starts: Int32Array;
  ends: Int32Array;
}

function collapseWithMap(raw: string, offset: number): CollapsedText {
  const starts = new Int32Array(raw.length);
  const ends = new Int32Array(raw.length);
  const parts: string[] = [];
  let n = 0;
  let runStart = 0;
  for (let i = 0; i < raw.length;) {
    if (isSpaceCode(raw.charCodeAt(i))) {
      let j = i + 1;
      while (j < raw.length && isSpaceCode(raw.charCodeAt(j))) j++;
      if (runStart < i) parts.push(raw.slice(runStart, i));
      parts.push(' ');
      starts[n] = offset + i;
      ends[n] = offset + j;
      n++;
      i = j;
      runStart = j;
    } else {
      starts[n] = offset + i;
      ends[n] = offset + i + 1;
      n++;
      i++;
    }
  }
  if (runStart < raw.length) parts.push(raw.slice(runStart));
  return { text: parts.join(''), starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/** The code units `\s` matches. */
function isSpaceCode(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `region` with each `[start, start + length)` replaced by a character no quote contains. */
function mask(region: string, starts: readonly number[], length: number): string {
  return maskRanges(
    region,
    starts.map((start) => ({ start, end: start + length })),
  );
}

function maskRanges(region: string, ranges: readonly { start: number; end: number }[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const { start, end } of [...ranges].sort((a, b) => a.start - b.start)) {
    const at = Math.max(start, from);
    if (end <= at) continue;
    parts.push(region.slice(from, at), MASK.repeat(end - at));
    from = end;
  }
  parts.push(region.slice(from));
  return parts.join('');
}
