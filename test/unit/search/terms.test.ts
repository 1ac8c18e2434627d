/**
 * Which corpus words a typed word stands for. The bigram filter must never
 * lose a word that Fuse itself would match: checked against Fuse run over the
 * whole vocabulary, on the corpus generated 10× from the fixture and on
 * hand-picked typos.
 */
import { describe, expect, test } from 'vitest';
import { VocabularyLookup, maxErrors } from '../../../lib/search/terms';
import { buildWordIndex } from '../../../lib/search/word-index';
import { generateCorpus, prng } from '../../bench/generate-corpus';
import { searchRecords } from '../../fixtures/corpus';

const index = buildWordIndex(generateCorpus(searchRecords(), 10));
const words = index.vocabulary.words;
const lookup = new VocabularyLookup(index);

function matched(term: string, short = false): Map<string, string> {
  const m = lookup.match(term, short);
  return new Map(m.words.map((w, i) => [words[w]!, m.types[i]!]));
}

describe('maxErrors', () => {
  test.each([
    [3, 0],
    [4, 0],
    [5, 1],
    [8, 1],
    [9, 2],
    [20, 2],
  ])('%i characters → %i typos', (chars, k) => {
    expect(maxErrors(chars)).toBe(k);
  });
});

describe('VocabularyLookup', () => {
  test.each([
    ['pyongyang', 'pyongyang', 'exact'],
    ['pyong', 'pyongyang', 'prefix'],
    ['yang', 'pyongyang', 'infix'],
    ['pyongyng', 'pyongyang', 'fuzzy'],
    ['pyongang', 'pyongyang', 'fuzzy'],
    ['sanctons', 'sanctions', 'fuzzy'],
    ['пхеньяна', 'пхеньян', 'fuzzy'],
    ['김정은과', '김정은', 'fuzzy'],
  ])('%s finds %s (%s)', (term, word, type) => {
    expect(matched(term).get(word)).toBe(type);
  });

  test.each([
    // no typos below five letters
    ['kin', 'kim'],
    ['wier', 'wire'],
    // two letters: the start of a word only
    ['it', 'summit'],
    // a typo is looked for in words of about the term's length, not inside a longer one
    ['prehenxive', 'comprehensive'],
  ])('%s does not find %s', (term, word) => {
    expect(words).toContain(word);
    expect(matched(term).has(word)).toBe(false);
  });

  test('a lone letter is a whole word, or in a one-letter query the start of one', () => {
    expect([...matched('s').keys()]).toEqual(['s'].filter((w) => words.includes(w)));
    expect([...matched('p', true).keys()].every((w) => w.startsWith('p'))).toBe(true);
    expect(matched('p', true).size).toBeGreaterThan(3);
  });

  test('the bigram filter loses nothing Fuse would find in the whole vocabulary', () => {
    const random = prng(7);
    const all = words.map((_, i) => i);
    const typo = (w: string) => {
      const i = Math.floor(random() * w.length);
      const r = random();
      const c = 'aeiounrst'[Math.floor(random() * 9)]!;
      return r < 0.33
        ? w.slice(0, i) + w.slice(i + 1)
        : r < 0.66
          ? w.slice(0, i) + c + w.slice(i)
          : w.slice(0, i) + c + w.slice(i + 1);
    };
    const terms = words.filter((w) => w.length >= 5).map(typo);
    expect(terms.length).toBeGreaterThan(100);
    for (const term of terms) {
      const k = maxErrors([...term].length);
      const expected = new Set(words.filter((w) => w.includes(term)));
      for (const { word } of index.vocabulary.matchFuzzy(term, all, k)) {
        if (words[word]!.length <= term.length + k) expected.add(words[word]!);
      }
      const found = matched(term);
      expect(
        [...expected].filter((w) => !found.has(w)),
        term,
      ).toEqual([]);
    }
  });
});
