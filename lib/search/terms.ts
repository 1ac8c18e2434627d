/**
 * Which words of the corpus a typed word ("term") stands for, and how well:
 * the whole word, its start, a part of it, a word within a typo or two
 * (Fuse's Bitap, ./fuzzy.ts), or — for Russian and Korean — the word that an
 * inflected term is a form of.
 *
 * The vocabulary's bigram index (./word-index.ts) picks the few words that
 * could match before any is compared, which is what keeps a keystroke cheap
 * on a large corpus.
 */
import { MAX_FUZZY_LENGTH } from './fuzzy';
import { formStems, isFormOf } from '../text/inflection';
import { codePoints } from './query';
import { type WordIndex, wordsWithBigram } from './word-index';

/** How a corpus word matched a term, best first. */
export type MatchType = 'exact' | 'prefix' | 'infix' | 'fuzzy';

export const TYPE_RANK: Readonly<Record<MatchType, number>> = { exact: 0, prefix: 1, infix: 2, fuzzy: 3 };

/**
 * A corpus word's match score for a term, before field weighting (0 best).
 * Fuzzy matches score errors / length (Fuse's Bitap score), 1/32 at best, so
 * any exact containment ranks above any typo except inside a long word.
 */
export const MATCH_SCORE: Readonly<Record<Exclude<MatchType, 'fuzzy'>, number>> = {
  exact: 0,
  prefix: 0.001,
  infix: 0.05,
};

/**
 * Typos allowed in a term, by its length in characters: none up to 4 (so
 * "Kim" matches only kim, not him or kin), one up to 8 ("Nasobn",
 * "Tilerson", "Pyongang"), two beyond.
 */
export function maxErrors(chars: number): number {
  return chars <= 4 ? 0 : chars <= 8 ? 1 : 2;
}

/** Scores of 0 become this before taking logarithms, as in fuse.js. */
export const EPSILON = Number.EPSILON;

export interface TermMatch {
  /** word ids */
  words: number[];
  /** log(max(score, ε)) per word */
  logs: number[];
  types: MatchType[];
  /** how many postings the words have: what using this term costs */
  cost: number;
}

export class VocabularyLookup {
  private readonly cache = new Map<string, TermMatch>();
  /** per-word scratch for counting shared bigrams, left all zero */
  private readonly count: Uint16Array;

  constructor(private readonly index: WordIndex) {
    this.count = new Uint16Array(index.vocabulary.words.length);
  }

  /** The vocabulary words that match a term, with their scores; memoised, since typing repeats terms. */
  match(term: string, short: boolean): TermMatch {
    const key = (short ? '1' : '0') + term;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const words = this.index.vocabulary.words;
    const out: TermMatch = { words: [], logs: [], types: [], cost: 0 };
    const add = (w: number, type: MatchType, score: number) => {
      out.words.push(w);
      out.types.push(type);
      out.logs.push(Math.log(Math.max(score, EPSILON)));
      out.cost += this.index.postStart[w + 1]! - this.index.postStart[w]!;
    };
    const exactly = (w: number) => {
      const at = words[w]!.indexOf(term);
      if (at < 0) return false;
      const type: MatchType = at > 0 ? 'infix' : words[w]!.length === term.length ? 'exact' : 'prefix';
      add(w, type, MATCH_SCORE[type]);
      return true;
    };

    const chars = codePoints(term);
    if (chars === 1) {
      // a lone letter: the word itself, or (a one-letter query) any word it begins
      for (let w = 0; w < words.length; w++) {
        if (short ? words[w]!.startsWith(term) : words[w] === term) exactly(w);
      }
    } else if (chars === 2) {
      // two letters: the start of a word only, or "un" would match every "country"
      for (const w of this.containing(term)) if (words[w]!.startsWith(term)) exactly(w);
    } else {
      const k = term.length > MAX_FUZZY_LENGTH ? 0 : maxErrors(chars);
      const fuzzy: number[] = [];
      for (const w of this.candidates(term, k)) {
        // A typo is sought in a word of about the term's length: "Putin" is one edit
        // from the "puttin" in "putting", but "putting" is not a misspelt Putin.
        if (!exactly(w) && k > 0 && words[w]!.length <= term.length + k) fuzzy.push(w);
      }
      for (const { word, score } of this.index.vocabulary.matchFuzzy(term, fuzzy, k)) add(word, 'fuzzy', score);
      // Russian case endings and Korean particles, by the matcher's rule ("лавровым" is лавров, "북한의" 북한;
      // "북한군" is not 북한, as the page does not mark it).
      const seen = new Set(out.words);
      for (const stem of formStems(term)) {
        for (const w of this.containing(stem)) {
          if (seen.has(w) || !isFormOf(term, words[w]!)) continue;
          seen.add(w);
          add(w, 'fuzzy', (term.length - stem.length) / term.length);
        }
      }
    }
    if (this.cache.size >= 256) this.cache.clear();
    this.cache.set(key, out);
    return out;
  }

  /**
   * Words that may contain `term` with at most k edits. Such a word shares at
   * least (m − 1) − 2k of the term's m − 1 bigrams (each edit breaks at most
   * two), so counting shared bigrams rules out almost the whole vocabulary
   * before any word is compared.
   */
  private candidates(term: string, k: number): number[] {
    const m = term.length;
    const need = m - 1 - 2 * k;
    const words = this.index.vocabulary.words;
    if (need < 1) {
      const all: number[] = [];
      for (let w = 0; w < words.length; w++) if (words[w]!.length >= m - k) all.push(w);
      return all;
    }
    const times = new Map<number, number>();
    const at = new Map<number, number>();
    for (let i = 0; i + 1 < m; i++) {
      const key = term.charCodeAt(i) * 65536 + term.charCodeAt(i + 1);
      times.set(key, (times.get(key) ?? 0) + 1);
      if (!at.has(key)) at.set(key, i);
    }
    const count = this.count;
    const touched: number[] = [];
    for (const [key, c] of times) {
      for (const w of wordsWithBigram(this.index, term, at.get(key)!)) {
        if (count[w] === 0) touched.push(w);
        count[w] = count[w]! + c;
      }
    }
    const out: number[] = [];
    for (const w of touched) {
      if (count[w]! >= need && words[w]!.length >= m - k) out.push(w);
      count[w] = 0;
    }
    return out;
  }

  /** Words containing `s` (any length ≥ 1). */
  containing(s: string): number[] {
    if (s.length >= 2) return this.candidates(s, 0).filter((w) => this.index.vocabulary.words[w]!.includes(s));
    const out: number[] = [];
    const words = this.index.vocabulary.words;
    for (let w = 0; w < words.length; w++) if (words[w]!.includes(s)) out.push(w);
    return out;
  }
}
