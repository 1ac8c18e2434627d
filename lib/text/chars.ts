/**
 * What each UTF-16 code unit is to the matcher: its class (part of a word, a
 * spacing separator, punctuation, ignorable, or "complex") and its folded form
 * (NFKC, lower case, plain quotes/dashes/spaces, ё→е), kept in one lookup
 * table indexed by char code.
 *
 * Tables rather than a regular expression or `normalize()` per character: the
 * matcher's hot loop reads every character of every page, and a table read is
 * the only per-character work cheap enough for that. Entries are learned on
 * first sight (`learnUnit`), so a page pays `normalize()` once per distinct
 * character, not once per occurrence, and nothing is computed at import time.
 *
 * A unit is COMPLEX when folding it alone could give a different answer from
 * folding it in its string: its NFKC form is longer than one unit (ﬁ, ½), it
 * can combine with the unit before it (combining marks, Hangul jamo: these
 * also carry ATTACH_BIT), it is half of a surrogate pair, or lower-casing
 * expands it (İ). A block of text containing one is normalised piece by piece
 * first (`normalisePieces` in ./normalise.ts), with a map back to offsets in
 * the original.
 */

export { BLOCK_BREAK } from './block-break';

export const UNKNOWN = 0;
/** a letter, mark or digit (\p{L}\p{M}\p{N}) */
export const WORD = 1;
/** whitespace, every hyphen and dash, zero-width space: all equivalent between words */
export const SPACE = 2;
/** any other separator: punctuation, symbols; kept as written (folded) between words */
export const PUNCT = 3;
/** invisible inside words (soft hyphen, joiners, BOM): skipped as if absent */
export const IGNORE = 4;
/** needs string-level normalisation, see the header */
export const COMPLEX = 5;

export type CharClass = typeof UNKNOWN | typeof WORD | typeof SPACE | typeof PUNCT | typeof IGNORE | typeof COMPLEX;

/*
 * One Int32 per code unit, so that the hot loop does one table read per unit:
 * bits 0–15 the folded unit, 16–18 the class, then flags the matcher tests
 * without branching on the class.
 */
export const FOLD_MASK = 0xffff;
export const CLASS_SHIFT = 16;
/** the class is WORD */
export const WORD_BIT = 1 << 19;
/** the class is UNKNOWN, IGNORE or COMPLEX: the hot loop's only rarely taken branch */
export const RARE_BIT = 1 << 20;
/** the folded unit is Cyrillic а–я: the word may carry a Russian ending */
export const CYRILLIC_BIT = 1 << 21;
/** a Hangul syllable: the word may carry a Korean particle */
export const HANGUL_BIT = 1 << 22;
/** a COMPLEX unit that may combine with the unit before it (a mark, a jamo) */
export const ATTACH_BIT = 1 << 23;

const WORD_RE = /^[\p{L}\p{M}\p{N}]$/u;
const MARK_RE = /^\p{M}$/u;
const SPACE_RE = /^\s$/u;

/**
 * The lookup table is kept in pages of 256 units, and a page is made when one
 * of its units is first learned: a page reads a few scripts, so it holds a few
 * KB rather than 256 KB for the whole plane — in every frame Lens runs in
 * (issue 17: Lens's memory in a page).
 */
export const PAGE_SHIFT = 8;
const PAGE_UNITS = 1 << PAGE_SHIFT;
/** a unit's place in its page: `c & PAGE_MASK` */
export const PAGE_MASK = PAGE_UNITS - 1;
/** The entries of every page none of whose units is learned yet: all UNKNOWN, shared, never written. */
const UNLEARNED = new Int32Array(PAGE_UNITS).fill(RARE_BIT);

let pages: Int32Array[] | undefined;

/**
 * The shared lookup table, by page: the entry of unit `c` is
 * `pages[c >>> 8][c & 0xff]`; entries are learned on first sight.
 */
export function unitPages(): Int32Array[] {
  pages ??= Array.from({ length: 0x10000 >>> PAGE_SHIFT }, () => UNLEARNED);
  return pages;
}

/** The table entry of unit `c` as learned so far (UNKNOWN if not yet). */
export function entryOf(c: number): number {
  return unitPages()[c >>> PAGE_SHIFT]![c & PAGE_MASK]!;
}

function storeEntry(c: number, e: number): void {
  const all = unitPages();
  let page = all[c >>> PAGE_SHIFT]!;
  if (page === UNLEARNED) all[c >>> PAGE_SHIFT] = page = new Int32Array(PAGE_UNITS).fill(RARE_BIT);
  page[c & PAGE_MASK] = e;
}

/** How many pages of the table hold learned units (each PAGE_UNITS × 4 bytes). */
export function learnedPages(): number {
  return unitPages().filter((page) => page !== UNLEARNED).length;
}

/** The entry the hot loop uses for a unit of already-normalised text. */
export function entryFor(unit: number, k: CharClass): number {
  let e = unit | (k << CLASS_SHIFT);
  if (k === WORD) e |= WORD_BIT;
  if (k === UNKNOWN || k === IGNORE || k === COMPLEX) e |= RARE_BIT;
  if (k === WORD && isCyrillicLower(unit)) e |= CYRILLIC_BIT;
  if (isHangulSyllable(unit)) e |= HANGUL_BIT;
  return e;
}

export function isIgnorable(c: number): boolean {
  return c === 0xad || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0x180e;
}

function isHangulJamo(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x11ff) || // conjoining jamo
    (c >= 0x3130 && c <= 0x318f) || // compatibility jamo: NFKC turns them into conjoining ones, which compose
    (c >= 0xa960 && c <= 0xa97f) ||
    (c >= 0xd7b0 && c <= 0xd7ff) ||
    (c >= 0xffa0 && c <= 0xffdc) // halfwidth jamo
  );
}

export function isHangulSyllable(c: number): boolean {
  return c >= 0xac00 && c <= 0xd7a3;
}

/** Lower-case Cyrillic а–я (after folding, ё is е). */
export function isCyrillicLower(c: number): boolean {
  return c >= 0x430 && c <= 0x44f;
}

function isDash(c: number): boolean {
  return (
    c === 0x2d ||
    (c >= 0x2010 && c <= 0x2015) ||
    c === 0x2212 ||
    c === 0x2e3a ||
    c === 0x2e3b ||
    c === 0xfe58 ||
    c === 0xfe63 ||
    c === 0xff0d
  );
}

/** The plain form of one code unit that NFKC has already been applied to. */
function plainUnit(c: number, keepCase: boolean): number {
  if (c === 0x2018 || c === 0x2019 || c === 0x201a || c === 0x201b || c === 0x2bc || c === 0x60 || c === 0xff07) {
    return 0x27; // '
  }
  if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0x201f || c === 0xab || c === 0xbb) return 0x22; // "
  if (isDash(c)) return 0x2d;
  if (c === 0x451) return 0x435; // ё → е
  if (c === 0x401) return keepCase ? 0x415 : 0x435; // Ё → Е / е
  if (c === 0x200b) return c; // zero-width space stays itself: a SPACE that is not whitespace
  if (c > 0x20 && c < 0x7f) return c;
  if (c <= 0x20 || SPACE_RE.test(String.fromCharCode(c))) return 0x20;
  return c;
}

/**
 * Folds a string that is already in NFKC: lower case (unless `keepCase`),
 * plain quotes/dashes/spaces, ё→е, ignorables removed. Lower-casing goes code
 * point by code point, never over the whole string, so that the result never
 * depends on context (Greek final sigma) and matches the per-unit table.
 */
export function foldNfkc(s: string, keepCase: boolean): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isIgnorable(cp)) continue;
    const lower = keepCase ? ch : ch.toLowerCase();
    for (let i = 0; i < lower.length; i++) out += String.fromCharCode(plainUnit(lower.charCodeAt(i), keepCase));
  }
  return out;
}

function classOfFolded(f: number): CharClass {
  if (f === 0x20 || f === 0x2d || f === 0x200b) return SPACE;
  if (f < 0x80) {
    return (f >= 0x30 && f <= 0x39) || (f >= 0x61 && f <= 0x7a) || (f >= 0x41 && f <= 0x5a) ? WORD : PUNCT;
  }
  return WORD_RE.test(String.fromCharCode(f)) ? WORD : PUNCT;
}

/**
 * The entry of a unit whose folding and class plain code can tell: ASCII,
 * Latin-1 letters, basic Cyrillic, CJK ideographs, the no-break space, the
 * common dashes, quotes and signs; -1 for any other. Most units of a page are of
 * these, and for them a page compiles none of the Unicode property regular
 * expressions below, nor calls `normalize()`: compiling WORD_RE alone costs
 * a page about a millisecond (issue 17). The unit tests check it against
 * `entryOfUnit` for every unit it answers.
 */
export function quickEntryOf(c: number): number {
  if (c < 0x80) {
    if (c <= 0x20) return entryFor(0x20, SPACE); // controls and the space: white space to the matcher
    if (c === 0x2d) return entryFor(c, SPACE);
    if (c === 0x60) return entryFor(0x27, PUNCT); // ` is a quote
    if (c >= 0x41 && c <= 0x5a) return entryFor(c + 0x20, WORD);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return entryFor(c, WORD);
    return entryFor(c, PUNCT);
  }
  if (c >= 0x410 && c <= 0x44f) return entryFor(c < 0x430 ? c + 0x20 : c, WORD); // А–я
  if (c === 0x401 || c === 0x451) return entryFor(0x435, WORD); // Ё, ё → е
  if (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) {
    // Latin-1 letters (NFKC leaves them as they are); ß and ÿ have no one-unit capital here
    return entryFor(c <= 0xde ? c + 0x20 : c, WORD);
  }
  if (c === 0xa0) return entryFor(0x20, SPACE);
  if (c === 0xab || c === 0xbb) return entryFor(0x22, PUNCT);
  if (c >= 0x2010 && c <= 0x2015) return entryFor(0x2d, SPACE);
  if (c >= 0x2018 && c <= 0x201b) return entryFor(0x27, PUNCT);
  if (c >= 0x201c && c <= 0x201f) return entryFor(0x22, PUNCT);
  if (c === 0x2026 || c === 0x2116) return entryFor(c, COMPLEX); // … is "..." and № "No" under NFKC
  if (c === 0xa9 || c === 0xae || c === 0xb7 || c === 0xd7 || c === 0xf7 || c === 0x2022 || c === 0x20ac) {
    return entryFor(c, PUNCT); // © ® · × ÷ • €
  }
  if (c >= 0xa1 && c <= 0xa7) return entryFor(c, PUNCT); // ¡ ¢ £ ¤ ¥ ¦ §
  if (c >= 0x4e00 && c <= 0x9fff) return entryFor(c, WORD); // CJK ideographs (hanja in Korean text)
  return -1;
}

/** The table entry of code unit `c` by the general rule (NFKC, folding, Unicode classes). */
export function entryOfUnit(c: number): number {
  let k: CharClass;
  let f = c;
  let attaches = false;
  if (isHangulSyllable(c)) {
    k = WORD; // precomposed syllables are NFKC-stable: the common Korean case, without normalize()
  } else if (c >= 0xd800 && c <= 0xdfff) {
    k = COMPLEX;
  } else if (isHangulJamo(c)) {
    k = COMPLEX;
    attaches = true;
  } else if (isIgnorable(c)) {
    k = IGNORE;
  } else {
    const s = String.fromCharCode(c);
    const n = s.normalize('NFKC');
    const m = n.length === 1 ? foldNfkc(n, false) : '';
    attaches = MARK_RE.test(s) || MARK_RE.test(n.charAt(0)) || isHangulJamo(n.charCodeAt(0));
    if (attaches || m.length !== 1) {
      k = COMPLEX;
    } else {
      f = m.charCodeAt(0);
      k = classOfFolded(f);
    }
  }
  return entryFor(f, k) | (attaches ? ATTACH_BIT : 0);
}

/** Computes and stores the table entry of code unit `c`; returns its class. */
export function learnUnit(c: number): CharClass {
  const quick = quickEntryOf(c);
  const e = quick === -1 ? entryOfUnit(c) : quick;
  storeEntry(c, e);
  return ((e >>> CLASS_SHIFT) & 7) as CharClass;
}

/** The class of code unit `c`, learning it if needed. */
export function classOf(c: number): CharClass {
  const e = entryOf(c);
  return e === RARE_BIT ? learnUnit(c) : (((e >>> CLASS_SHIFT) & 7) as CharClass);
}

/** Whether `c` is a COMPLEX unit that may combine with the unit before it under NFKC. */
export function attaches(c: number): boolean {
  classOf(c);
  return (entryOf(c) & ATTACH_BIT) !== 0;
}

/** The folded form of a unit whose class is WORD, SPACE or PUNCT. */
export function foldOf(c: number): number {
  return entryOf(c) & FOLD_MASK;
}

const complexClasses = new Map<number, CharClass>();

/**
 * The class of a COMPLEX unit found in text that is already normalised (the
 * slow path): marks and jamo are word characters; a surrogate takes the class
 * of the code point it is half of.
 */
export function complexClassAt(text: string, i: number): CharClass {
  const c = text.charCodeAt(i);
  let cp = c;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  } else if (c >= 0xdc00 && c <= 0xdfff) {
    const d = text.charCodeAt(i - 1);
    if (d >= 0xd800 && d <= 0xdbff) cp = (d - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
  }
  let k = complexClasses.get(cp);
  if (k === undefined) {
    const s = String.fromCodePoint(cp);
    k = WORD_RE.test(s) ? WORD : SPACE_RE.test(s) ? SPACE : PUNCT;
    complexClasses.set(cp, k);
  }
  return k;
}
