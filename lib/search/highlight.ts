/**
 * Where a query matched inside a displayed string, so the popup can emphasise
 * it. Matching runs on normalised text (../text/normalise); the ranges found
 * there are mapped back to the string as written with the normaliser's offset
 * map, so "ﬁ" or a soft hyphen in the corpus cannot shift the emphasis.
 */
import { normaliseWithMap } from '../text/normalise';
import { WORD_RE } from './query';
import type { MatchType } from './terms';

/** [start, end) in UTF-16 code units, as `String.prototype.slice` takes them. */
export type Range = [start: number, end: number];

export interface WordMatch {
  type: MatchType;
  term: string;
}

/**
 * Ranges in a normalised string: for each word that matched a term, the part
 * the term covers (the whole word for an exact or fuzzy match, the typed part
 * for a prefix or infix); and every occurrence of each phrase.
 */
export function matchRanges(
  normalised: string,
  words: ReadonlyMap<string, WordMatch>,
  phrases: readonly RegExp[],
): Range[] {
  const ranges: Range[] = [];
  if (words.size > 0) {
    for (const m of normalised.matchAll(WORD_RE)) {
      const match = words.get(m[0]);
      if (!match) continue;
      const at = m.index;
      const word = m[0];
      if (match.type === 'prefix') ranges.push([at, at + match.term.length]);
      else if (match.type === 'infix') {
        const i = word.indexOf(match.term);
        ranges.push([at + i, at + i + match.term.length]);
      } else ranges.push([at, at + word.length]);
    }
  }
  for (const re of phrases) {
    re.lastIndex = 0;
    for (let m = re.exec(normalised); m; m = re.exec(normalised)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      ranges.push([m.index, m.index + m[0].length]);
    }
  }
  return merge(ranges);
}

/** A phrase as a pattern over normalised text: runs of spaces in the text count as one. */
export function phrasePattern(phrase: string): RegExp {
  return new RegExp(phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, ' +'), 'g');
}

/** Maps ranges in `normaliseForMatch(original)` back to `original`. */
export function toOriginal(original: string, ranges: readonly Range[]): Range[] {
  if (ranges.length === 0) return [];
  const map = normaliseWithMap(original);
  const out: Range[] = [];
  for (const [s, e] of ranges) {
    if (s >= e || e > map.text.length) continue;
    out.push([map.start[s]!, map.end[e - 1]!]);
  }
  return merge(out);
}

function merge(ranges: Range[]): Range[] {
  if (ranges.length <= 1) return ranges;
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [ranges[0]!];
  for (let i = 1; i < ranges.length; i++) {
    const last = out[out.length - 1]!;
    const r = ranges[i]!;
    if (r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push(r);
  }
  return out;
}
