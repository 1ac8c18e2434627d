/**
 * A native prefilter for the matcher (./matcher.ts): one regular expression
 * over a page's raw text that hits wherever an alias could begin, so that the
 * matcher's own loop reads only the blocks with a hit. The engine's compiled
 * regular expressions read text at a few nanoseconds a unit from the first
 * call; the matcher's loop, cold on every page, is many times slower until
 * the JavaScript engine has optimised it, which on most pages it never does.
 *
 * It hits:
 *  - at a word start, the beginning of an alias's first word (up to
 *    PREFIX_UNITS units; for a Russian word that inflects, its shortest stem),
 *    in either case where the alias ignores case, as written where it does not;
 *  - for a short first word ("N. Korea", "UN sanctions", "Kim Jong Un"), that
 *    word, any separator and the beginning of the next word, so that every
 *    "n" and "un" of a page is not a hit;
 *  - on any ODD unit: one that the matcher folds into a letter or digit other
 *    than itself or its upper case (fullwidth letters, ligatures, the Kelvin
 *    sign), ignorables, combining marks and jamo, surrogates.
 *
 * So it is a superset: a block in which the matcher alone finds a match
 * always has a hit (the unit tests compare the two, unit by unit over the
 * whole Basic Multilingual Plane). Building it reads the matcher's table for
 * every one of the plane's 65,536 units, so it is built in the background,
 * once per term index, and sent to pages with the patterns.
 */
import { type TermPattern } from './matcher';
import { splitAlias } from './alias-trie';
import { PUNCT, SPACE, WORD, classOf, foldOf, isCyrillicLower, isHangulSyllable } from './chars';
import { normaliseForMatch, normaliseKeepingCase } from './normalise';
import { russianStems } from './russian';

/** How much of a first word the prefilter looks for. */
const PREFIX_UNITS = 6;

/**
 * Letters and digits that cannot precede an alias's first word (they would be
 * part of it): the lookbehind of every alias start. A word unit left out only
 * lets more through; the few here that the matcher normalises (ŀ, ǅ) are ODD,
 * so their blocks are read anyway.
 */
export const WORD_START_CLASS = '0-9A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u0410-\\u044f\\uac00-\\ud7a3';

let odd: string | undefined;

/** The ODD units, as the body of a character class (built once; reads the whole plane). */
export function oddUnitClass(): string {
  if (odd !== undefined) return odd;
  const ranges: number[][] = [];
  for (let c = 0; c < 0x10000; c++) {
    if (isPlain(c)) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else ranges.push([c, c]);
  }
  odd = ranges.map(([a, b]) => (a === b ? hex(a!) : `${hex(a!)}-${hex(b!)}`)).join('');
  return odd;
}

/**
 * Whether the prefilter can read unit `c` as itself: a separator (class SPACE
 * or PUNCT), or a word unit that folds to itself, or is the upper case of
 * what it folds to (ё and Ё fold to е: the prefilter writes е as [еёЕЁ]).
 */
function isPlain(c: number): boolean {
  const k = classOf(c);
  if (k === SPACE || k === PUNCT) return true;
  if (k !== WORD) return false;
  const f = foldOf(c);
  if (f === c) return true;
  if (f === 0x435 && (c === 0x451 || c === 0x401)) return true;
  const upper = String.fromCharCode(f).toUpperCase();
  return upper.length === 1 && upper.charCodeAt(0) === c;
}

function hex(c: number): string {
  return `\\u${c.toString(16).padStart(4, '0')}`;
}

/** The source of the prefilter for these patterns (flags: `g` only); its one group captures an odd unit. */
export function prefilterSource(patterns: readonly TermPattern[]): string {
  const starts = new Set<string>();
  for (const p of patterns) {
    const start = aliasStart(p);
    if (start !== null) starts.add(start);
  }
  // (Captured: the matcher reads an odd unit's whole block, normalised; elsewhere, a few words from the hit.)
  const oddUnit = `([${oddUnitClass()}])`;
  return starts.size === 0 ? oddUnit : `(?<![${WORD_START_CLASS}])(?:${[...starts].join('|')})|${oddUnit}`;
}

/** What the prefilter looks for where this alias begins, or null if the alias has no word. */
function aliasStart(p: TermPattern): string | null {
  const cased = p.caseSensitive === true;
  const { words } = splitAlias(cased ? normaliseKeepingCase(p.text) : normaliseForMatch(p.text));
  if (words.length === 0) return null;
  const first = words[0]!;
  const stem = cased ? null : shortestStem(p, first, words.length > 1);
  let out = unitsPattern((stem ?? first).slice(0, PREFIX_UNITS), cased);
  // A short first word that is matched whole: its separator and the next word's beginning too.
  const short = isHangulSyllable(first.charCodeAt(0)) ? first.length < 2 : first.length <= 3;
  if (short && stem === null && words.length > 1) {
    const next = words[1]!;
    const nextStem = cased ? null : shortestStem(p, next, true);
    out += `[^${WORD_START_CLASS}]+${unitsPattern((nextStem ?? next).slice(0, 2), cased)}`;
  }
  return out;
}

/** The shortest stem a Russian alias word may be declined from, as the trie builds it (./alias-trie.ts); null if it does not inflect. */
function shortestStem(p: TermPattern, word: string, multiWord: boolean): string | null {
  if (p.inflects !== true || p.lang !== 'ru' || !isCyrillicLower(word.charCodeAt(word.length - 1))) return null;
  const stems = russianStems(word, multiWord ? 2 : 3);
  if (stems.length === 0) return null;
  return stems.reduce((a, b) => (b.length < a.length ? b : a));
}

const SPECIAL = /[\\^$.*+?()[\]{}|/-]/g;

/** Each unit of an alias word as the text may write it: either case, unless `cased`; е also as ё. */
function unitsPattern(word: string, cased: boolean): string {
  let out = '';
  for (const ch of word.split('')) {
    if (ch === 'е') out += cased ? '[её]' : '[еёЕЁ]';
    else if (ch === 'Е' && cased) out += '[ЕЁ]';
    else {
      const upper = cased ? ch : ch.toUpperCase();
      const escaped = ch.replace(SPECIAL, '\\$&');
      out += upper.length === 1 && upper !== ch ? `[${escaped}${upper}]` : escaped;
    }
  }
  return out;
}
