/**
 * The one normalisation used wherever text is compared: the matcher, and any
 * search or anchoring code that must agree with it. Unicode NFKC, lower case,
 * curly quotes → straight, every hyphen and dash → "-", every space
 * (no-break, narrow, figure, tabs, newlines) → " ", ё → е, and invisible
 * characters (soft hyphen, zero-width joiners, BOM) removed. Runs of spaces are
 * not collapsed, so for most text the result has the input's length.
 *
 * NFKC is applied to pieces, not to the whole string, so that every output
 * unit can be traced to the input range it came from (`normaliseWithMap`):
 * a piece is one character plus the marks and jamo that may combine with it
 * (see COMPLEX and ATTACH_BIT in ./chars.ts). Folding is per code point, so the result
 * never depends on context, and it agrees unit for unit with the matcher's
 * lookup tables.
 */
import { COMPLEX, IGNORE, attaches, classOf, foldNfkc, foldOf } from './chars';

/** Text after normalisation, with where each of its units came from. */
export interface NormalisedText {
  readonly text: string;
  /** `start[i]`..`end[i]` is the range of the original string that `text[i]` came from */
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/** Printable ASCII without the backtick (which folds to an apostrophe): lower-casing is the whole job. */
const PLAIN_ASCII = /^[\x20-\x5f\x61-\x7e]*$/;

/** Normalises a whole string for comparison (see the module comment). */
export function normaliseForMatch(s: string): string {
  return PLAIN_ASCII.test(s) ? s.toLowerCase() : run(s, false, false).text;
}

/** As `normaliseForMatch`, but letter case is kept: for aliases that must match only as written ("UN"). */
export function normaliseKeepingCase(s: string): string {
  return run(s, true, false).text;
}

/** As `normaliseForMatch`, with a map from each output unit back to the original string. */
export function normaliseWithMap(s: string): NormalisedText {
  return run(s, false, true);
}

/**
 * A string with only its COMPLEX pieces normalised (see `normalisePieces`),
 * and the way back to offsets in the original.
 */
export class PartlyNormalised {
  /**
   * @param pieces where the replaced pieces are, four numbers each: start and
   *   end in `text`, start and end in the original; in text order
   */
  constructor(
    readonly text: string,
    private readonly pieces: readonly number[],
  ) {}

  /** Where the original range that `text[i]` came from starts. */
  startOf(i: number): number {
    const k = this.pieceAtOrBefore(i);
    if (k < 0) return i;
    const p = this.pieces;
    return i < p[k + 1]! ? p[k + 2]! : p[k + 3]! + (i - p[k + 1]!);
  }

  /** Where the original range that `text[i]` came from ends. */
  endOf(i: number): number {
    const k = this.pieceAtOrBefore(i);
    if (k < 0) return i + 1;
    const p = this.pieces;
    return i < p[k + 1]! ? p[k + 3]! : p[k + 3]! + (i - p[k + 1]!) + 1;
  }

  /** Offset in `pieces` of the last piece starting at or before `i`, or -1. */
  private pieceAtOrBefore(i: number): number {
    const p = this.pieces;
    let lo = 0;
    let hi = p.length / 4 - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (p[mid * 4]! <= i) {
        found = mid * 4;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}

/**
 * Normalises only the pieces of `s` that the unit table cannot fold unit by
 * unit (COMPLEX units and the marks attached to them), leaving every other
 * unit as written: the matcher folds those through the table as it reads
 * them. Its slow path uses this rather than `normaliseWithMap` because a
 * block is long and its COMPLEX pieces few (an ellipsis, a "№"): the rest is
 * copied in slices, and offsets map back through the list of pieces.
 */
export function normalisePieces(s: string): PartlyNormalised {
  const n = s.length;
  const pieces: number[] = [];
  let text = '';
  let copiedTo = 0;
  for (let i = 0; i < n;) {
    const c = s.charCodeAt(i);
    let j = i + 1;
    if (c >= 0xd800 && c <= 0xdbff && j < n && (s.charCodeAt(j) & 0xfc00) === 0xdc00) j++; // a surrogate pair
    while (j < n && attaches(s.charCodeAt(j))) j++;
    if (j === i + 1 && classOf(c) !== COMPLEX) {
      i = j;
      continue;
    }
    text += s.slice(copiedTo, i);
    const piece = foldNfkc(s.slice(i, j).normalize('NFKC'), false);
    pieces.push(text.length, text.length + piece.length, i, j);
    text += piece;
    copiedTo = j;
    i = j;
  }
  text += s.slice(copiedTo);
  return new PartlyNormalised(text, pieces);
}

const EMPTY = new Int32Array(0);

/**
 * Scratch space for the output units, reused by every call: aliases are
 * normalised by the thousand when a matcher is built, and a typed array per
 * call costs more in allocation and garbage collection than the work itself.
 */
const scratch: number[] = [];

function run(s: string, keepCase: boolean, withMap: boolean): NormalisedText {
  const n = s.length;
  const units = scratch;
  units.length = 0;
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    const k = classOf(c);
    let j = i + 1;
    if (c >= 0xd800 && c <= 0xdbff && j < n && (s.charCodeAt(j) & 0xfc00) === 0xdc00) j++; // a surrogate pair
    while (j < n && attaches(s.charCodeAt(j))) j++;
    if (k !== COMPLEX && j === i + 1 && !keepCase) {
      if (k === IGNORE) {
        i = j;
        continue;
      }
      units.push(foldOf(s.charCodeAt(i)));
      if (withMap) {
        start.push(i);
        end.push(j);
      }
    } else {
      const piece = foldNfkc(s.slice(i, j).normalize('NFKC'), keepCase);
      for (let p = 0; p < piece.length; p++) {
        units.push(piece.charCodeAt(p));
        if (withMap) {
          start.push(i);
          end.push(j);
        }
      }
    }
    i = j;
  }
  return {
    text: decode(units),
    start: withMap ? Int32Array.from(start) : EMPTY,
    end: withMap ? Int32Array.from(end) : EMPTY,
  };
}

function decode(units: number[]): string {
  if (units.length <= 4096) return String.fromCharCode(...units);
  let out = '';
  for (let p = 0; p < units.length; p += 4096) out += String.fromCharCode(...units.slice(p, p + 4096));
  return out;
}
