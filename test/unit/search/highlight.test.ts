import { describe, expect, test } from 'vitest';
import { type WordMatch, matchRanges, phrasePattern, toOriginal } from '../../../lib/search/highlight';
import { normaliseForMatch } from '../../../lib/text/normalise';

const words = (entries: [string, WordMatch][]) => new Map(entries);

describe('matchRanges', () => {
  test.each([
    ['rex tillerson', [['tillerson', { type: 'fuzzy', term: 'tilerson' }]], [], [[4, 13]]],
    ['pyongyang', [['pyongyang', { type: 'prefix', term: 'pyong' }]], [], [[0, 5]]],
    ['pyongyang', [['pyongyang', { type: 'infix', term: 'yang' }]], [], [[5, 9]]],
    [
      'kim jong-un and kim',
      [['kim', { type: 'exact', term: 'kim' }]],
      [],
      [
        [0, 3],
        [16, 19],
      ],
    ],
    ['a  de facto   alliance.', [], ['de facto alliance'], [[3, 22]]],
    [
      'de facto de facto',
      [],
      ['de facto'],
      [
        [0, 8],
        [9, 17],
      ],
    ],
  ] as [string, [string, WordMatch][], string[], [number, number][]][])('%j', (text, matches, phrases, expected) => {
    expect(matchRanges(text, words(matches), phrases.map(phrasePattern))).toEqual(expected);
  });

  test('overlapping marks merge', () => {
    expect(
      matchRanges('north korea', words([['korea', { type: 'exact', term: 'korea' }]]), [phrasePattern('th kor')]),
    ).toEqual([[3, 11]]);
  });

  test('a phrase is literal text, not a pattern', () => {
    expect(matchRanges('a (b) c', new Map(), [phrasePattern('(b)')])).toEqual([[2, 5]]);
    expect(matchRanges('a b c', new Map(), [phrasePattern('a.b')])).toEqual([]);
  });
});

describe('toOriginal', () => {
  test.each([
    ['Pyong\u00ADyang', [[0, 9]], [[0, 10]]],
    ['ﬁrst', [[0, 5]], [[0, 4]]],
    // a mark that starts inside the ligature widens to all of it
    ['ﬁrst', [[1, 3]], [[0, 2]]],
    ['Kim Jong\u2011un', [[4, 11]], [[4, 11]]],
    ['“de facto”', [[1, 9]], [[1, 9]]],
  ] as [string, [number, number][], [number, number][]][])('%j %j → %j', (original, ranges, expected) => {
    expect(toOriginal(original, ranges)).toEqual(expected);
  });

  test('ranges past the end are dropped', () => {
    expect(toOriginal('abc', [[1, 9]])).toEqual([]);
  });

  test('the folded text is what matchRanges sees', () => {
    expect(normaliseForMatch('Pyong\u00ADyang')).toBe('pyongyang');
  });
});
