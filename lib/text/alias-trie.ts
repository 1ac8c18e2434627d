/**
 * The compiled form of a set of aliases, as the matcher uses it: one token
 * table of every alias word, stem, noun and separator (./token-table.ts), one
 * trie whose edges are those tokens, and what the matcher's filter needs to
 * know of each word. Built once per term index, in the background, and laid out for pages by
 * `buildMatcherTables` (./matcher-tables.ts).
 *
 * An alias is normalised (./normalise.ts) and split into words and the
 * separators between them. A word becomes one trie symbol, or several: a
 * Russian word that inflects becomes one per stem it may decline from
 * (./russian.ts), so an alias can reach more than one trie node.
 */
import { COMPLEX, PUNCT, SPACE, WORD, classOf, complexClassAt, isCyrillicLower, isHangulSyllable } from './chars';
import { KOREAN_PARTICLES } from './korean';
import type { TermPattern } from './matcher';
import { normaliseForMatch, normaliseKeepingCase } from './normalise';
import { RUSSIAN_ENDINGS, russianStems } from './russian';
import { SuffixSet } from './suffix-set';
import { TokenTable } from './token-table';

// Kinds of entry in the token table.
export const EXACT = 0; // a folded word matched as is
export const RU_STEM = 1; // a Russian stem, matched with any of RUSSIAN_ENDINGS
export const KO_NOUN = 2; // a Korean noun, matched with any of KOREAN_PARTICLES
export const SEP = 3; // the separator between two words: its punctuation, or " "
export const CASED = 4; // a word of a case-sensitive alias, as written

// Flags of a token table entry.
export const IS_EDGE = 1; // EXACT: some case-insensitive alias uses the word
export const HAS_CASED = 2; // EXACT: some case-sensitive alias has a word that folds to it
export const STARTS = 4; // the entry is the first word of some alias

// What a word is in the aliases it belongs to, for the filter: a word that is only ever a later
// word ("of", "and", "s" in "Korean People's Army") need not be looked up unless the word before it was.
export const FIRST_WORD = 1;
export const LATER_WORD = 2;
export const ROLES = FIRST_WORD | LATER_WORD;

let russianEndings: SuffixSet | undefined;
let koreanParticles: SuffixSet | undefined;

/** The closed set of Russian endings, built on first use and shared. */
export function russianEndingSet(): SuffixSet {
  russianEndings ??= new SuffixSet(RUSSIAN_ENDINGS);
  return russianEndings;
}

/** The closed set of Korean particles, built on first use and shared. */
export function koreanParticleSet(): SuffixSet {
  koreanParticles ??= new SuffixSet(KOREAN_PARTICLES);
  return koreanParticles;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ASCII_NON_WORD = /([^A-Za-z0-9]+)/;
const SPACING = /[ -]/g;
/** Punctuation an alias ends with after its last word (not a closing quote or bracket: those belong to the sentence). */
const TRAILING_PUNCT = /(?<=[\p{L}\p{N}])[.]+$/u;

/** An alias split at word boundaries: `seps[i]` lies between `words[i]` and `words[i + 1]`. */
export function splitAlias(norm: string): { words: string[]; seps: string[] } {
  const words: string[] = [];
  const seps: string[] = [];
  if (PRINTABLE_ASCII.test(norm)) {
    // Most aliases: the same split by a native regular expression. In ASCII, words are [A-Za-z0-9]
    // and the spacing separators are space and hyphen.
    const parts = norm.split(ASCII_NON_WORD); // word, separator, word, …, word (the first and last may be '')
    for (let i = 0; i < parts.length; i += 2) {
      if (parts[i] === '') continue;
      if (words.length > 0) seps.push(parts[i - 1]!.replace(SPACING, '') || ' ');
      words.push(parts[i]!);
    }
    return { words, seps };
  }
  let wordStart = -1;
  let sep = '';
  for (let i = 0; i <= norm.length; i++) {
    let k = i < norm.length ? classOf(norm.charCodeAt(i)) : SPACE;
    if (k === COMPLEX) k = complexClassAt(norm, i);
    if (k === WORD) {
      if (wordStart < 0) {
        if (words.length > 0) seps.push(sep === '' ? ' ' : sep);
        wordStart = i;
        sep = '';
      }
    } else {
      // normalised text has no ignorables, so a word is one slice
      if (wordStart >= 0) words.push(norm.slice(wordStart, i));
      wordStart = -1;
      if (k === PUNCT) sep += norm[i];
    }
  }
  return { words, seps };
}

export class TrieBuilder {
  readonly table = new TokenTable();
  /** edges[node]: symbol (token table id) → child node; node 0 is the root */
  readonly edges: (Map<number, number> | undefined)[] = [undefined];
  /** terminal[node]: index of the first pattern that ends there, or -1 */
  readonly terminal: number[] = [-1];
  /** every pattern that ends at a node, where more than one does (entity linking picks among them) */
  readonly shared = new Map<number, number[]>();
  /** trail[pattern]: the punctuation its alias ends with ("." of "U.S."), which a mention covers when the text has it */
  readonly trail: string[] = [];
  /** flags of token table ids: IS_EDGE, HAS_CASED, STARTS */
  readonly flags = new Map<number, number>();
  readonly cased = new Map<string, number>();
  /** folded alias words → FIRST_WORD | LATER_WORD, for the filter */
  readonly filterWords = new Map<string, number>();
  /** Russian stems and Korean nouns → FIRST_WORD | LATER_WORD, for the filter */
  readonly filterStems = new Map<string, number>();
  /** longest word the scanner must buffer to look up: alias word, or stem + longest ending */
  maxWord = 1;
  hasRussian = false;
  hasKorean = false;
  count = 0;

  add(p: TermPattern, index: number): void {
    const caseSensitive = p.caseSensitive === true;
    const norm = caseSensitive ? normaliseKeepingCase(p.text) : normaliseForMatch(p.text);
    const { words, seps } = splitAlias(norm);
    if (words.length === 0) return;
    this.count++;
    const trail = TRAILING_PUNCT.exec(norm)?.[0];
    if (trail !== undefined) this.trail[index] = trail;
    // The trie nodes this alias has reached so far: several when a word has several stems.
    let nodes = [0];
    for (let i = 0; i < words.length; i++) {
      if (i > 0) {
        const sep = this.table.intern(SEP, seps[i - 1] ?? ' ');
        nodes = nodes.map((n) => this.child(n, sep));
      }
      const role = i === 0 ? FIRST_WORD : LATER_WORD;
      const symbols = this.symbols(words[i]!, p, caseSensitive, words.length > 1, i === words.length - 1, role);
      if (i === 0) for (const s of symbols) this.flag(s, STARTS);
      const next: number[] = [];
      for (const n of nodes) for (const s of symbols) next.push(this.child(n, s));
      nodes = next.length < 2 ? next : [...new Set(next)];
    }
    for (const n of nodes) {
      const first = this.terminal[n]!;
      if (first === -1) {
        this.terminal[n] = index;
        continue;
      }
      const list = this.shared.get(n);
      if (list) list.push(index);
      else this.shared.set(n, [first, index]);
    }
  }

  /** The trie symbols a text word may match this alias word by (several for Russian stems). */
  private symbols(
    w: string,
    p: TermPattern,
    caseSensitive: boolean,
    multiWord: boolean,
    last: boolean,
    role: number,
  ): number[] {
    if (caseSensitive) {
      const folded = normaliseForMatch(w);
      this.flag(this.exact(folded, role), HAS_CASED);
      this.maxWord = Math.max(this.maxWord, folded.length);
      const id = this.table.intern(CASED, w);
      this.cased.set(w, id);
      return [id];
    }
    const end = w.charCodeAt(w.length - 1);
    if (p.inflects === true && p.lang === 'ru' && isCyrillicLower(end)) {
      const stems = russianStems(w, multiWord ? 2 : 3);
      if (stems.length > 0) {
        const endings = russianEndingSet();
        this.hasRussian = true;
        for (const s of stems) this.maxWord = Math.max(this.maxWord, s.length + endings.maxLength);
        for (const s of stems) this.filterStems.set(s, (this.filterStems.get(s) ?? 0) | role);
        return stems.map((s) => this.table.intern(RU_STEM, s));
      }
    }
    if (p.inflects === true && p.lang === 'ko' && last && isHangulSyllable(end)) {
      this.hasKorean = true;
      this.maxWord = Math.max(this.maxWord, w.length + koreanParticleSet().maxLength);
      this.filterStems.set(w, (this.filterStems.get(w) ?? 0) | role);
      return [this.table.intern(KO_NOUN, w)];
    }
    const id = this.exact(w, role);
    this.flag(id, IS_EDGE);
    this.maxWord = Math.max(this.maxWord, w.length);
    return [id];
  }

  private exact(w: string, role: number): number {
    this.filterWords.set(w, (this.filterWords.get(w) ?? 0) | role);
    return this.table.intern(EXACT, w);
  }

  private flag(id: number, f: number): void {
    this.flags.set(id, (this.flags.get(id) ?? 0) | f);
  }

  private child(node: number, symbol: number): number {
    let out = this.edges[node];
    if (out === undefined) {
      out = new Map();
      this.edges[node] = out;
    }
    let next = out.get(symbol);
    if (next === undefined) {
      next = this.edges.length;
      this.edges.push(undefined);
      this.terminal.push(-1);
      out.set(symbol, next);
    }
    return next;
  }
}
