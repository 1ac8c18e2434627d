/**
 * The one module of ours that imports fuse.js (STYLE rule 3). Fuse does the
 * typo-tolerant part of the search: the Bitap comparison of a query word with
 * the words of the corpus, within a number of errors.
 *
 * Fuse searches the corpus's vocabulary — every distinct word, once — not the
 * records themselves: comparing a query with every record's full text costs
 * 100–250 ms per keystroke on a corpus 100× the bundled one (test/bench), while
 * the vocabulary is small and the word index (./word-index.ts) narrows it to
 * a few candidates before Fuse sees any. The vocabulary's Fuse index is built
 * once per corpus version with `Fuse.createIndex`, cached as
 * `FuseIndex.toJSON()`, and loaded with `Fuse.parseIndex`.
 */
import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';

/** `FuseIndex.toJSON()` of the vocabulary: JSON, stored inside the serialised search index. */
export type VocabularyJSON = ReturnType<FuseIndex<string>['toJSON']>;

export interface Vocabulary {
  /** every distinct normalised word of the corpus; a word's position is its id */
  readonly words: readonly string[];
  readonly json: VocabularyJSON;
  /**
   * The candidates (word ids) that contain `term` with at most `maxErrors`
   * edits (insertions, deletions, substitutions), with Fuse's score: errors
   * divided by the term's length.
   */
  matchFuzzy(term: string, candidates: readonly number[], maxErrors: number): { word: number; score: number }[];
}

/** Bitap's own limit: longer patterns are split into chunks that match independently. */
export const MAX_FUZZY_LENGTH = 32;

export function buildVocabulary(words: readonly string[]): Vocabulary {
  return vocabulary(words, Fuse.createIndex<string>([], words));
}

export function loadVocabulary(json: VocabularyJSON): Vocabulary {
  const index = Fuse.parseIndex<string>(json);
  const words = index.records.map((r, i) => {
    if (r.i !== i || typeof r.v !== 'string') throw new Error('search index: vocabulary records out of order');
    return r.v;
  });
  return vocabulary(words, index);
}

function vocabulary(words: readonly string[], index: FuseIndex<string>): Vocabulary {
  const json = index.toJSON();
  return {
    words,
    json,
    matchFuzzy(term, candidates, maxErrors) {
      if (candidates.length === 0 || maxErrors <= 0 || term.length > MAX_FUZZY_LENGTH) return [];
      // A sub-index of the cached records: Fuse reports `refIndex` as the record's
      // own `i`, which is the word id, so no mapping back is needed.
      const records = candidates.map((id) => index.records[id]!);
      const subset = Fuse.parseIndex<string>({ keys: json.keys, records });
      const options: IFuseOptions<string> = {
        // words and terms are already folded by ../text/normalise; Fuse's own lower-casing would only cost time
        isCaseSensitive: true,
        ignoreLocation: true,
        includeScore: true,
        shouldSort: false,
        // Bitap scores errors / length; half an error of slack keeps float rounding from deciding
        threshold: (maxErrors + 0.5) / term.length,
      };
      return new Fuse(words, options, subset).search(term).map((r) => ({ word: r.refIndex, score: r.score ?? 1 }));
    },
  };
}
