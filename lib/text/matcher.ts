/**
 * Finds every alias of every entity in a block of text, in one pass.
 *
 * Design: a word-level automaton rather than a character-level Aho–Corasick.
 * Aliases start and end at word boundaries, and the hard cases are all about
 * whole words: a Russian word is a stem plus a case ending (Пхеньяном), a
 * Korean word a noun plus particles (김정은과), "Kim Jong-un" is three words
 * whatever separates them, "Koreans" is not "Korea". And almost no word of a
 * page is an alias word, so the per-character work must be tiny. So:
 *
 *  1. One loop over the char codes (readWords) finds word boundaries (runs of
 *     \p{L}\p{M}\p{N}) with one table read per unit (./chars.ts: class and
 *     folded form, i.e. case, NFKC, dashes, quotes, ё). At the end of each
 *     word it tests a bit filter keyed by the word's first unit, last unit and
 *     length; Cyrillic and Hangul words are also tested by their first units
 *     as a possible stem. No string is made and nothing is hashed per word;
 *     nearly every word is rejected here.
 *  2. A word that passes is hashed and looked up (lookUp) in one table of all
 *     alias words (./token-table.ts); a Russian or Korean word is also split
 *     into stem + ending by a backwards walk over a closed set of endings or
 *     particles (./russian.ts, ./korean.ts, ./suffix-set.ts), each stem looked
 *     up by its prefix hash. Words that can start an alias, or continue the
 *     word recorded just before them, are recorded.
 *  3. The recorded words are walked through one trie of all aliases, whose
 *     edges are words and separators (resolve); from each word the longest
 *     path wins and matching resumes after it: leftmost-longest, no overlaps.
 *     This step costs in proportion to the hits, not to the text.
 *
 * Given a prefilter (./prefilter.ts: one native regular expression, built in
 * the background), `scan` reads only the blocks in which it hits, where an
 * alias may begin; the prefilter never misses a block that has a match. On a
 * page thick with aliases it stops searching and reads the rest whole.
 *
 * Separators: whitespace, hyphens and dashes are one separator however many
 * and however mixed ("Kim Jong-un" = "Kim Jong Un"); other punctuation is kept
 * ("Korean People's Army", "U.S"). Leading and trailing punctuation of an alias
 * is dropped, so "U.S." matches as "U.S". An English possessive ends at the
 * apostrophe, so "Putin's" marks "Putin".
 *
 * A block containing a unit the table cannot fold alone (combining marks,
 * ligatures, "…", jamo, surrogate pairs) is normalised piece by piece first
 * and read again; offsets always point into the original string.
 *
 * A text may hold several blocks separated by BLOCK_BREAK (a punctuation
 * unit no alias has): no match spans it, so that a page is read in one call.
 * A block that needs normalising is normalised alone.
 *
 * Entity linking: a mention is tested against its alias's context rules
 * (./context-rules.ts) when it is found, in the same pass, on the text around
 * it. A mention whose rules do not hold is left out. An alias shared by
 * several patterns links to the one entity whose rules hold; if none does, or
 * patterns of two entities do, the mention is left out rather than linked to
 * the wrong card. Equally long matches found through different aliases take
 * the first pattern passed to `compileMatcher`. An alias written with a
 * trailing full stop ("U.S.") covers it where the text has it.
 */
import {
  CASED,
  EXACT,
  FIRST_WORD,
  HAS_CASED,
  IS_EDGE,
  KO_NOUN,
  ROLES,
  RU_STEM,
  SEP,
  STARTS,
  koreanParticleSet,
  russianEndingSet,
} from './alias-trie';
import {
  BLOCK_BREAK,
  CLASS_SHIFT,
  COMPLEX,
  CYRILLIC_BIT,
  FOLD_MASK,
  HANGUL_BIT,
  IGNORE,
  PUNCT,
  RARE_BIT,
  WORD,
  WORD_BIT,
  classOf,
  complexClassAt,
  entryFor,
  isCyrillicLower,
  isHangulSyllable,
  entryOf,
  PAGE_MASK,
  PAGE_SHIFT,
  unitPages,
} from './chars';
import { type PartlyNormalised, normaliseKeepingCase, normalisePieces } from './normalise';
import { intAt, smallAt } from './packed';
import type { SuffixSet } from './suffix-set';
import { type PackedTokens, findToken, hashOf } from './token-table';
import type { Lang } from './lang';
import { type AliasRules, type MentionCheck, compileRules } from './context-rules';
import {
  type MatcherTables,
  MATCHER_TABLES_FORMAT,
  buildMatcherTables,
  edgeSlot,
  filterKey,
  stemKey,
} from './matcher-tables';
import type { TermMatch } from './term-matches';

export { BLOCK_BREAK };
export type { MatcherTables };

/** One alias of one entity, as the corpus gives it, with its context rules (./context-rules.ts). */
export interface TermPattern extends AliasRules {
  /** entity id */
  id: string;
  text: string;
  lang: Lang;
  /** ru: every word matches in any case form; ko: the last word matches with particles attached */
  inflects?: boolean;
  /** match only as written, after NFKC ("UN" but not "un") */
  caseSensitive?: boolean;
}

/** `[start, end)` are UTF-16 offsets into the string given to `scan`, covering whole words as written. */
export type { TermMatch } from './term-matches';

export interface Matcher {
  /** Matches in text order, leftmost-longest, never overlapping. */
  scan(text: string): TermMatch[];
  /** how many patterns were compiled (patterns with no word in them are skipped) */
  readonly patternCount: number;
}

/** Separators with more punctuation than this match no alias. */
const MAX_SEP = 8;
const NO_PATTERN = 0x7fffffff;
/** A block is "stem heavy" if it has more than one word that may carry an ending per this many units. */
const STEM_HEAVY = 24;
/**
 * Matches the empty string. Run after every scan, so that the engine's record
 * of the last match (`RegExp.input`, `RegExp.lastMatch`: every successful
 * regular expression writes it) holds '' instead of the page's text, which it
 * would otherwise keep alive until the next match (issue 17: Lens keeps none
 * of a page's text).
 */
const FORGET = /(?:)/;

/** Past this many units read where the prefilter hits, if they are most of the text so far, the rest is read whole. */
const DENSE = 4096;
/** the window of a windowed read: the word just recorded and the next, which may go on its alias */
const NEXT_WORD = 2;
/** a window no text reaches the end of: read to the end */
const NO_WINDOW = 0x3fffffff;

/**
 * Builds the matcher for a set of aliases (tests, benches, the claim index;
 * pages get tables built in the background: `matcherFrom`). `prefilter` is
 * the source of their prefilter (`prefilterSource` in ./prefilter.ts):
 * without it every unit is read.
 */
export function compileMatcher(patterns: readonly TermPattern[], prefilter?: string): Matcher {
  return matcherFrom(buildMatcherTables(patterns, prefilter));
}

/** The matcher over tables built by `buildMatcherTables` (./matcher-tables.ts), as they arrive: nothing is compiled. */
export function matcherFrom(tables: MatcherTables): Matcher {
  if (tables.format !== MATCHER_TABLES_FORMAT) {
    throw new Error(`The matcher's tables are of format ${tables.format}, not ${MATCHER_TABLES_FORMAT}`);
  }
  return new WordMatcher(tables);
}

const SKIP = -1;
const GIVE_UP = -2;

/**
 * The table entry to use for a RARE unit (kept out of the hot loop): SKIP for
 * an ignorable, GIVE_UP for a COMPLEX unit in text that is not normalised yet.
 */
function rareEntry(text: string, i: number, normalised: boolean): number {
  const c = text.charCodeAt(i);
  let k = classOf(c); // learns the unit if it is new
  if (k === IGNORE) return SKIP;
  if (k !== COMPLEX) return entryOf(c);
  if (!normalised) return GIVE_UP;
  k = complexClassAt(text, i);
  return entryFor(c, k); // marks, astral letters: already folded by the normalisation
}

class WordMatcher implements Matcher {
  readonly patternCount: number;
  private readonly tokens: PackedTokens;
  private readonly tokenFlags: string;
  private readonly edges: string;
  private readonly edgeMask: number;
  private readonly terminal: string;
  private readonly ids: readonly string[];
  private readonly ru: SuffixSet | undefined;
  private readonly ko: SuffixSet | undefined;
  /** CYRILLIC_BIT and/or HANGUL_BIT, if words ending so must be looked up for endings */
  private readonly suffixBits: number;
  /** ROLES if some stem is a single unit, which the stem filter cannot key: then every such word is looked up */
  private readonly anyStem: number;
  private readonly spaceSep: number;
  private readonly maxWord: number;
  /**
   * Two bits (FIRST_WORD, LATER_WORD) per filterKey of an alias word and per
   * stemKey of a stem, two keys a unit: most words of a page are rejected by
   * it in the hot loop, without a branch and without hashing the word.
   */
  private readonly filter: string;
  /** the character table's pages: unit c's entry is units[c >>> PAGE_SHIFT][c & PAGE_MASK] (./chars.ts) */
  private readonly units: Int32Array[];
  private readonly prefilter: RegExp | null;
  /** the trie nodes whose mentions must be checked: patterns with rules, or several patterns */
  private readonly choices: Readonly<Record<number, readonly number[]>>;
  private readonly rules: Readonly<Record<number, AliasRules>>;
  private readonly trails: Readonly<Record<number, string>>;
  /** the rules of the patterns met so far, compiled when first needed */
  private readonly checks = new Map<number, MentionCheck | null>();

  // Scratch space, reused by every scan: the word being looked up, its prefix hashes, a separator.
  private readonly buf: Uint16Array;
  private readonly casedBuf: Uint16Array;
  private readonly prefixHash: Int32Array;
  private readonly sepBuf = new Uint16Array(MAX_SEP);
  private readonly endings = new Int32Array(16);

  // Recorded words of the current read: those that are, or can be part of, an alias.
  private nrec = 0;
  private recLocalEnd = new Int32Array(64); // where the word ends in the scanned text (normalised, on the slow path)
  private recStart = new Int32Array(64); // offsets into the original text
  private recEnd = new Int32Array(64);
  private recSep = new Int32Array(64); // SEP id between it and the previous record, if they are consecutive words; else -1
  private recCands = new Int32Array(65); // candidates of record j: cands[recCands[j] .. recCands[j + 1])
  private ncand = 0;
  private cands = new Int32Array(64);

  private original = '';
  /** whether the last read met a COMPLEX unit (then its block is read again, normalised) */
  private gaveUp = false;
  /** whether the last block read was mostly words that may carry endings (see readWords) */
  private stemHeavy = false;
  private bestEnd = -1;
  private bestPattern = NO_PATTERN;
  private bestNode = 0;

  constructor(tables: MatcherTables) {
    this.patternCount = tables.patternCount;
    this.tokens = tables.tokens;
    this.tokenFlags = tables.tokenFlags;
    this.edges = tables.edges;
    this.edgeMask = tables.edges.length / 6 - 1;
    this.terminal = tables.terminal;
    this.ids = tables.ids;
    this.choices = tables.choices;
    this.rules = tables.rules;
    this.trails = tables.trails;
    this.suffixBits = tables.suffixBits;
    this.ru = (tables.suffixBits & CYRILLIC_BIT) !== 0 ? russianEndingSet() : undefined;
    this.ko = (tables.suffixBits & HANGUL_BIT) !== 0 ? koreanParticleSet() : undefined;
    this.anyStem = tables.anyStem;
    this.spaceSep = tables.spaceSep;
    this.filter = tables.filter;
    this.units = unitPages();
    this.maxWord = tables.maxWord;
    this.buf = new Uint16Array(this.maxWord + 1);
    this.casedBuf = new Uint16Array(this.maxWord + 1);
    this.prefixHash = new Int32Array(this.maxWord + 2);
    this.prefilter = tables.prefilter === null ? null : new RegExp(tables.prefilter, 'g');
  }

  /**
   * Given a prefilter, only the text where it hits is read: from each hit
   * where an alias may begin, word by word, until a word that cannot go on
   * an alias begun before it (see readFrom); a hit on a unit the matcher normalises has its whole
   * block read, normalised. The JavaScript loop, cold on most pages, so
   * reads a few words per hit rather than every unit of every paragraph.
   */
  scan(text: string): TermMatch[] {
    if (this.patternCount === 0 || text.length === 0) return [];
    const out = this.find(text);
    FORGET.test('');
    return out;
  }

  private find(text: string): TermMatch[] {
    const out: TermMatch[] = [];
    const pre = this.prefilter;
    if (pre === null) {
      this.readFrom(text, 0, false, out);
      return out;
    }
    pre.lastIndex = 0;
    /** the text before this has been read */
    let done = 0;
    let read = 0;
    for (let hit = pre.exec(text); hit !== null; hit = pre.exec(text)) {
      const at = hit.index;
      if (read > DENSE && read * 2 > at) {
        // Hits all over (a page thick with aliases): the rest is read whole, not searched first.
        this.readFrom(text, done, false, out);
        break;
      }
      let from = at;
      let stop: number;
      if (hit[1] !== undefined) {
        // A unit that needs normalising: its block is read whole.
        from = text.lastIndexOf(BLOCK_BREAK, at) + 1;
        stop = this.readNormalised(text, at, done, out);
      } else {
        // (The prefilter's lookbehind knows the common letters only: the word may begin before the hit.)
        while (from > done && this.inWord(text, from - 1)) from--;
        stop = this.readFrom(text, from, true, out);
      }
      read += stop - Math.max(from, done);
      done = stop;
      pre.lastIndex = Math.max(stop, at + 1);
    }
    return out;
  }

  /**
   * Reads `text` from unit `from` (a word boundary) and adds its matches to
   * `out`: to the end, or, `windowed`, until a word passes that is not
   * recorded: the words of an alias follow one another, so no alias goes on
   * past such a word, and one that begins after it has a prefilter hit of its
   * own (issue 17: reading up to the longest alias's length in words past
   * every hit made the matcher's cold loop read several times the text).
   * Returns where it stopped.
   */
  private readFrom(text: string, from: number, windowed: boolean, out: TermMatch[]): number {
    const n = text.length;
    let at = from;
    for (;;) {
      this.original = text;
      this.nrec = 0;
      this.ncand = 0;
      this.gaveUp = false;
      const stop = this.readWords(text, null, at, windowed ? NEXT_WORD : NO_WINDOW);
      if (!this.gaveUp) {
        this.resolveInto(out, 0, from);
        this.original = '';
        return stop;
      }
      // A unit that needs normalising: its block is read again, normalised, with offsets mapped back.
      this.dropRecordsFrom(text.lastIndexOf(BLOCK_BREAK, stop) + 1);
      this.resolveInto(out, 0, from);
      at = this.readNormalised(text, stop, from, out);
      if (windowed || at >= n) return at;
    }
  }

  /**
   * Reads the block of `text` that unit `at` is in, normalised piece by piece
   * (./normalise.ts), and adds its matches that begin at or after `minStart`
   * to `out`. Returns where the block ends.
   */
  private readNormalised(text: string, at: number, minStart: number, out: TermMatch[]): number {
    const blockStart = text.lastIndexOf(BLOCK_BREAK, at) + 1;
    let blockEnd = text.indexOf(BLOCK_BREAK, at);
    if (blockEnd < 0) blockEnd = text.length;
    const block = text.slice(blockStart, blockEnd); // (the text itself, if it is one block)
    const normalised = normalisePieces(block);
    this.original = block;
    this.nrec = 0;
    this.ncand = 0;
    this.readWords(normalised.text, normalised, 0, NO_WINDOW);
    this.resolveInto(out, blockStart, minStart);
    this.original = '';
    this.nrec = 0;
    this.ncand = 0;
    return blockEnd;
  }

  /** Forgets the records of words starting at or after `offset` of the original text. */
  private dropRecordsFrom(offset: number): void {
    let j = this.nrec;
    while (j > 0 && this.recStart[j - 1]! >= offset) j--;
    this.nrec = j;
    this.ncand = j === 0 ? 0 : this.recCands[j]!;
  }

  /**
   * Finds the words of `text` from unit `from` on that may be alias words and
   * records those that are, after the records already made. Returns where it
   * stopped: the end of the text; or once `window` words have passed since
   * the last recorded word (the first word counts as one); or, without a map,
   * at the first COMPLEX unit (then `gaveUp`: the caller reads that unit's
   * block normalised, with its map).
   *
   * There are two versions of the hot loop. Both do per unit one table read
   * and arithmetic without branches — a branch per word boundary would be
   * mispredicted at almost every word and cost more than the rest of the
   * loop — and take a branch only for rare units and for words that pass the
   * filter. They differ in words that may be a stem plus an ending (Cyrillic
   * and Hangul, when the matcher has stems): the first branches on those, the
   * second reads the stem filter for every word instead. Which is cheaper
   * depends on how many such words the text has, so each block is read with
   * the loop that suited the block before it (pages are mostly in one
   * language). The results do not depend on the choice.
   */
  private readWords(text: string, map: PartlyNormalised | null, from: number, window: number): number {
    return this.stemHeavy
      ? this.readWordsReadingStems(text, map, from, window)
      : this.readWordsBranchingOnStems(text, map, from, window);
  }

  private readWordsBranchingOnStems(text: string, map: PartlyNormalised | null, from: number, window: number): number {
    const { units, filter, suffixBits, anyStem } = this;
    let inWord = 0; // 1 inside a word
    let first = 0; // folded first unit of the current word
    let prev = 0; // table entry of the previous unit
    let len = 0; // word units (not ignorables) of the current word so far
    let stemWords = 0;
    let words = 0; // words read
    let stopAt = window === NO_WINDOW ? NO_WINDOW : 1;
    const n = text.length;
    for (let i = from; i < n; i++) {
      const c = text.charCodeAt(i);
      let e = units[c >>> PAGE_SHIFT]![c & PAGE_MASK]!;
      if ((e & RARE_BIT) !== 0) {
        e = rareEntry(text, i, map !== null);
        if (e === SKIP) continue;
        if (e === GIVE_UP) {
          this.gaveUp = true;
          return i;
        }
      }
      const w = (e & WORD_BIT) >>> 19;
      const ends = -(inWord & (w ^ 1)); // -1 if a word ended before this unit, else 0
      const whole = filterKey(first, prev & FOLD_MASK, len);
      let hit = (filter.charCodeAt(whole >>> 1) >>> ((whole & 1) << 1)) & ROLES & ends;
      if ((prev & suffixBits & ends) !== 0) {
        // A Cyrillic or Hangul word: it may be a stem plus an ending. Its start is i - len, unless
        // an ignorable sits inside it (then the unit before that start is part of the word).
        stemWords++;
        const s0 = i - len;
        if (s0 > 0 && (entryOf(text.charCodeAt(s0 - 1)) & (WORD_BIT | RARE_BIT)) !== 0) {
          hit = ROLES;
        } else {
          const stem = stemKey(first, len > 1 ? entryOf(text.charCodeAt(s0 + 1)) & FOLD_MASK : 0);
          hit |= ((filter.charCodeAt(stem >>> 1) >>> ((stem & 1) << 1)) | anyStem) & ROLES;
        }
      }
      if (hit !== 0) stopAt = this.lookUpInWindow(text, map, i, len, hit, words + window, stopAt);
      words -= ends;
      if (words >= stopAt) {
        this.stemHeavy = stemWords * STEM_HEAVY > i - from;
        return i;
      }
      const starts = -(w & (inWord ^ 1));
      first = (first & ~starts) | (e & FOLD_MASK & starts);
      len = (len + 1) & -w;
      prev = e;
      inWord = w;
    }
    if (inWord !== 0) this.lookUp(text, map, n, len, ROLES);
    this.stemHeavy = stemWords * STEM_HEAVY > n - from;
    return n;
  }

  private readWordsReadingStems(text: string, map: PartlyNormalised | null, from: number, window: number): number {
    const { units, filter, suffixBits, anyStem } = this;
    let inWord = 0;
    let first = 0;
    let second = 0; // folded second unit of the current word, or 0
    let prev = 0;
    let len = 0;
    let stemWords = 0;
    let words = 0;
    let stopAt = window === NO_WINDOW ? NO_WINDOW : 1;
    const n = text.length;
    for (let i = from; i < n; i++) {
      const c = text.charCodeAt(i);
      let e = units[c >>> PAGE_SHIFT]![c & PAGE_MASK]!;
      if ((e & RARE_BIT) !== 0) {
        e = rareEntry(text, i, map !== null);
        if (e === SKIP) continue;
        if (e === GIVE_UP) {
          this.gaveUp = true;
          return i;
        }
      }
      const w = (e & WORD_BIT) >>> 19;
      const ends = -(inWord & (w ^ 1));
      const stemmable = -(prev & suffixBits) >> 31; // -1 if the word may carry an ending, else 0
      const whole = filterKey(first, prev & FOLD_MASK, len);
      const stem = stemKey(first, second);
      const wholeBits = filter.charCodeAt(whole >>> 1) >>> ((whole & 1) << 1);
      const stemBits = ((filter.charCodeAt(stem >>> 1) >>> ((stem & 1) << 1)) | anyStem) & stemmable;
      const hit = (wholeBits | stemBits) & ROLES & ends;
      stemWords += stemmable & ends & 1;
      if (hit !== 0) stopAt = this.lookUpInWindow(text, map, i, len, hit, words + window, stopAt);
      words -= ends;
      if (words >= stopAt) {
        this.stemHeavy = stemWords * STEM_HEAVY > i - from;
        return i;
      }
      const f = e & FOLD_MASK;
      const starts = -(w & (inWord ^ 1));
      const isSecond = -(w & inWord & (((len ^ 1) - 1) >>> 31)); // -1 on the second unit of a word
      first = (first & ~starts) | (f & starts);
      second = (second & ~starts & ~isSecond) | (f & isSecond);
      len = (len + 1) & -w;
      prev = e;
      inWord = w;
    }
    if (inWord !== 0) this.lookUp(text, map, n, len, ROLES);
    this.stemHeavy = stemWords * STEM_HEAVY > n - from;
    return n;
  }

  /** Looks a word up (lookUp); returns where the window ends now: at `ifRecorded` words if the word was recorded. */
  private lookUpInWindow(
    text: string,
    map: PartlyNormalised | null,
    after: number,
    len: number,
    roles: number,
    ifRecorded: number,
    stopAt: number,
  ): number {
    const records = this.nrec;
    this.lookUp(text, map, after, len, roles);
    return this.nrec !== records ? ifRecorded : stopAt;
  }

  /** The class of unit `i` of text the table has already seen. */
  private classAt(text: string, i: number): number {
    const k = (entryOf(text.charCodeAt(i)) >>> CLASS_SHIFT) & 7;
    return k === COMPLEX ? complexClassAt(text, i) : k;
  }

  private inWord(text: string, i: number): boolean {
    const k = this.classAt(text, i);
    return k === WORD || k === IGNORE;
  }

  /**
   * Looks up the word of `len` units that ends before unit `after` of `text`,
   * and records it if it may start an alias or continue the previous record.
   * `roles` are the filter's bits for it: a word that is only ever a later
   * word of an alias ("of", "and") is dropped at once unless it directly
   * follows a recorded word.
   */
  private lookUp(text: string, map: PartlyNormalised | null, after: number, len: number, roles: number): void {
    if (len > this.maxWord) return;
    const { tokens, buf, prefixHash, units } = this;
    if ((roles & FIRST_WORD) === 0 && !this.followsRecord(text, after - len)) return;
    let start = after - len;
    let end = after;
    if (
      map !== null ||
      (start > 0 && (entryOf(text.charCodeAt(start - 1)) & (WORD_BIT | RARE_BIT)) !== 0) ||
      (entryOf(text.charCodeAt(end - 1)) & RARE_BIT) !== 0
    ) {
      // Ignorables in or at the end of the word, or COMPLEX units: find its bounds by class.
      while (this.classAt(text, end - 1) === IGNORE) end--;
      start = end - 1;
      while (start > 0 && this.inWord(text, start - 1)) start--;
    }
    let h = 0;
    let m = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      const e = units[c >>> PAGE_SHIFT]![c & PAGE_MASK]!;
      const k = (e >>> CLASS_SHIFT) & 7;
      if (k === IGNORE) continue;
      const f = k === COMPLEX ? c : e & FOLD_MASK;
      buf[m] = f;
      h = (Math.imul(h, 31) + f) | 0;
      prefixHash[++m] = h;
    }

    const firstCand = this.ncand;
    const exact = findToken(tokens, EXACT, h, buf, len);
    if (exact >= 0) {
      const f = smallAt(this.tokenFlags, exact);
      if ((f & IS_EDGE) !== 0) this.addCandidate(exact);
      if ((f & HAS_CASED) !== 0) {
        const from = map === null ? start : map.startOf(start);
        const to = map === null ? end : map.endOf(end - 1);
        const cased = this.casedToken(normaliseKeepingCase(this.original.slice(from, to)));
        if (cased >= 0) this.addCandidate(cased);
      }
    }
    const lastUnit = buf[len - 1]!;
    const endings =
      this.ru !== undefined && isCyrillicLower(lastUnit)
        ? this.ru
        : this.ko !== undefined && isHangulSyllable(lastUnit)
          ? this.ko
          : undefined;
    if (endings !== undefined) {
      const kind = endings === this.ru ? RU_STEM : KO_NOUN;
      const count = endings.endingsOf(buf, len, this.endings);
      for (let q = 0; q < count; q++) {
        const stemLen = len - this.endings[q]!;
        const id = findToken(tokens, kind, prefixHash[stemLen]!, buf, stemLen);
        if (id >= 0) this.addCandidate(id);
      }
    }
    if (this.ncand === firstCand) return;

    let starts = false;
    for (let q = firstCand; q < this.ncand; q++)
      if ((smallAt(this.tokenFlags, this.cands[q]!) & STARTS) !== 0) starts = true;
    while (start < end && this.classAt(text, start) === IGNORE) start++;
    const j = this.nrec;
    const sep = j > 0 ? this.separator(text, this.recLocalEnd[j - 1]!, start) : -1;
    if (!starts && sep < 0) {
      this.ncand = firstCand; // can neither start an alias nor continue one
      return;
    }
    if (j + 1 >= this.recLocalEnd.length) this.growRecords();
    this.recStart[j] = map === null ? start : map.startOf(start);
    this.recEnd[j] = map === null ? end : map.endOf(end - 1);
    this.recLocalEnd[j] = end;
    this.recSep[j] = sep;
    this.recCands[j + 1] = this.ncand;
    this.nrec = j + 1;
  }

  /** The CASED token of a word of a case-sensitive alias, as written (after NFKC), or -1. */
  private casedToken(word: string): number {
    if (word.length > this.maxWord) return -1;
    for (let i = 0; i < word.length; i++) this.casedBuf[i] = word.charCodeAt(i);
    return findToken(this.tokens, CASED, hashOf(word), this.casedBuf, word.length);
  }

  /**
   * Whether the word starting at `start` comes right after the last recorded
   * word, with no word between. `start` may be late by the word's own
   * ignorables (see the hot loop), so the word's units before it are skipped.
   */
  private followsRecord(text: string, start: number): boolean {
    if (this.nrec === 0) return false;
    const from = this.recLocalEnd[this.nrec - 1]!;
    let i = start - 1;
    while (i >= from && this.inWord(text, i)) i--;
    for (; i >= from; i--) if (this.classAt(text, i) === WORD) return false;
    return from <= start;
  }

  /**
   * The SEP id of `text[from..to)` if it holds no word (so the words either
   * side are consecutive) and is a separator some alias has; else -1.
   */
  private separator(text: string, from: number, to: number): number {
    const sepBuf = this.sepBuf;
    let punct = 0;
    for (let i = to - 1; i >= from; i--) {
      const k = this.classAt(text, i);
      if (k === WORD) return -1;
      if (k !== PUNCT) continue;
      if (punct === MAX_SEP) return -1;
      const c = text.charCodeAt(i);
      const e = this.units[c >>> PAGE_SHIFT]![c & PAGE_MASK]!;
      sepBuf[MAX_SEP - 1 - punct++] = ((e >>> CLASS_SHIFT) & 7) === COMPLEX ? c : e & FOLD_MASK;
    }
    if (punct === 0) return this.spaceSep;
    sepBuf.copyWithin(0, MAX_SEP - punct);
    let h = 0;
    for (let i = 0; i < punct; i++) h = (Math.imul(h, 31) + sepBuf[i]!) | 0;
    return findToken(this.tokens, SEP, h, sepBuf, punct);
  }

  private addCandidate(id: number): void {
    if (this.ncand === this.cands.length) this.cands = grow(this.cands);
    this.cands[this.ncand++] = id;
  }

  private growRecords(): void {
    this.recLocalEnd = grow(this.recLocalEnd);
    this.recStart = grow(this.recStart);
    this.recEnd = grow(this.recEnd);
    this.recSep = grow(this.recSep);
    this.recCands = grow(this.recCands);
  }

  /** The child of trie node `node` by `symbol`, or -1. */
  private child(node: number, symbol: number): number {
    const { edges, edgeMask } = this;
    for (let s = edgeSlot(node, symbol, edgeMask); ; s = (s + 1) & edgeMask) {
      const at = intAt(edges, 3 * s);
      if (at === 0) return -1;
      if (at === node + 1 && intAt(edges, 3 * s + 1) === symbol) return intAt(edges, 3 * s + 2);
    }
  }

  /**
   * Walks the trie over the recorded words (leftmost-longest, non-overlapping)
   * and adds the matches that begin at or after `minStart` to `out`, their
   * offsets moved by `shift`.
   */
  private resolveInto(out: TermMatch[], shift: number, minStart: number): void {
    let j = 0;
    while (j < this.nrec) {
      this.bestEnd = -1;
      this.bestPattern = NO_PATTERN;
      for (let q = this.recCands[j]!; q < this.recCands[j + 1]!; q++) {
        const child = this.child(0, this.cands[q]!);
        if (child >= 0) this.walk(child, j);
      }
      if (this.bestEnd >= 0) {
        const start = this.recStart[j]!;
        let end = this.recEnd[this.bestEnd]!;
        // (Patterns ending at one node share their alias's last word, and so its trail.)
        const trail = this.trails[this.bestPattern];
        if (trail !== undefined && this.original.startsWith(trail, end)) end += trail.length;
        const choices = this.choices[this.bestNode];
        const pattern = choices === undefined ? this.bestPattern : this.choose(choices, start, end);
        if (pattern >= 0) {
          if (start + shift >= minStart) out.push({ start: start + shift, end: end + shift, id: this.ids[pattern]! });
          j = this.bestEnd + 1;
        } else {
          j++; // not this entity: a later word may still start a mention
        }
      } else {
        j++;
      }
    }
  }

  /** The check of a pattern's context rules, compiled the first time a mention needs it; null if it has none. */
  private check(pattern: number): MentionCheck | null {
    let check = this.checks.get(pattern);
    if (check === undefined) {
      const rules = this.rules[pattern];
      check = rules === undefined ? null : compileRules(rules);
      this.checks.set(pattern, check);
    }
    return check;
  }

  /**
   * The pattern a mention at `original[start, end)` links to, among those
   * ending at its trie node: the first whose rules hold, unless a pattern of
   * another entity holds too (then -1: left out, never the wrong card).
   */
  private choose(patterns: readonly number[], start: number, end: number): number {
    const text = this.original;
    const blockStart = text.lastIndexOf(BLOCK_BREAK, start - 1) + 1;
    let blockEnd = text.indexOf(BLOCK_BREAK, end);
    if (blockEnd < 0) blockEnd = text.length;
    let chosen = -1;
    for (const p of patterns) {
      const check = this.check(p);
      if (check !== null && !check.holds(text, start, end, blockStart, blockEnd)) continue;
      if (chosen < 0) chosen = p;
      else if (this.ids[p] !== this.ids[chosen]) return -1;
    }
    return chosen;
  }

  /** Depth-first over every path from `node`, which record `j` has just reached. */
  private walk(node: number, j: number): void {
    const pattern = intAt(this.terminal, node) - 1;
    if (pattern >= 0 && (j > this.bestEnd || (j === this.bestEnd && pattern < this.bestPattern))) {
      this.bestEnd = j;
      this.bestPattern = pattern;
      this.bestNode = node;
    }
    const next = j + 1;
    if (next >= this.nrec || this.recSep[next]! < 0) return;
    const afterSep = this.child(node, this.recSep[next]!);
    if (afterSep < 0) return;
    for (let q = this.recCands[next]!; q < this.recCands[next + 1]!; q++) {
      const child = this.child(afterSep, this.cands[q]!);
      if (child >= 0) this.walk(child, next);
    }
  }
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
