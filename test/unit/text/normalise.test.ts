import { describe, expect, test } from 'vitest';
import {
  normaliseForMatch,
  normaliseKeepingCase,
  normalisePieces,
  normaliseWithMap,
} from '../../../lib/text/normalise';

describe('normaliseForMatch', () => {
  test.each([
    ['plain ASCII is lower-cased', 'North Korea', 'north korea'],
    ['empty string', '', ''],
    ['fullwidth letters (NFKC)', 'ＤＰＲＫ', 'dprk'],
    ['non-breaking hyphen', 'Kim Jong‑un', 'kim jong-un'],
    ['every hyphen and dash', 'a‐b‑c‒d–e—f―g−h-i', 'a-b-c-d-e-f-g-h-i'],
    ['no-break, narrow no-break and figure spaces', 'a\u00a0b\u202fc\u2007d', 'a b c d'],
    ['tabs, newlines and em spaces', 'a\tb\nc\u2003d', 'a b c d'],
    ['runs of spaces are kept', 'a  b', 'a  b'],
    ['curly single quotes', 'Putin’s ‘deal’', "putin's 'deal'"],
    ['curly double quotes and guillemets', '“КНДР” «Пхеньян»', '"кндр" "пхеньян"'],
    ['ё is е', 'Королёв', 'королев'],
    ['Ё is е', 'ЁЛКА', 'елка'],
    ['soft hyphen is removed', 'Pyong\u00adyang', 'pyongyang'],
    ['ligature', 'ﬁnal', 'final'],
    ['decomposed accent composes', 'Core\u0301e', 'corée'],
    ['circled digit', '①', '1'],
    ['vulgar fraction expands', '½', '1⁄2'],
    ['halfwidth katakana', 'ｶ', 'カ'],
    ['Hangul compatibility jamo compose', 'ㄱㅏ', '가'],
    ['Hangul syllables are unchanged', '북한의 김정은', '북한의 김정은'],
    ['Cyrillic capitals', 'СЕВЕРНАЯ КОРЕЯ', 'северная корея'],
    ['lower case per code point: no final sigma', 'ΟΔΟΣ', 'οδοσ'],
    ['dotted capital I lower-cases to i + combining dot', 'İ', 'i\u0307'],
    ['astral characters pass through', 'Putin 👍', 'putin 👍'],
  ])('%s', (_name, input, expected) => {
    expect(normaliseForMatch(input)).toBe(expected);
  });
});

describe('normaliseKeepingCase', () => {
  test.each([
    ['fullwidth capitals stay capitals', 'ＵＮ', 'UN'],
    ['dashes and spaces are still plain', 'US‑led\u00a0force', 'US-led force'],
    ['Ё becomes Е, not е', 'ЁЛКА', 'ЕЛКА'],
    ['curly apostrophe', 'People’s', "People's"],
  ])('%s', (_name, input, expected) => {
    expect(normaliseKeepingCase(input)).toBe(expected);
  });
});

describe('normaliseWithMap', () => {
  test.each([
    ['one unit each', 'Ab', 'ab', [0, 1], [1, 2]],
    ['a ligature: both letters come from it', 'ﬁx', 'fix', [0, 0, 1], [1, 1, 2]],
    ['a decomposed accent: one letter from two units', 'e\u0301x', 'éx', [0, 2], [2, 3]],
    ['a removed soft hyphen leaves a gap', 'a\u00adb', 'ab', [0, 2], [1, 3]],
    ['a surrogate pair', 'a😀b', 'a😀b', [0, 1, 1, 3], [1, 3, 3, 4]],
  ])('%s', (_name, input, text, start, end) => {
    const n = normaliseWithMap(input);
    expect(n.text).toBe(text);
    expect([...n.start]).toEqual(start);
    expect([...n.end]).toEqual(end);
  });
});

describe('normalisePieces', () => {
  test.each([
    ['nothing to do', 'Kim, Un', 'Kim, Un', [0, 1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6, 7]],
    [
      'an ellipsis becomes three dots; the rest is left as written',
      'Ab…C',
      'Ab...C',
      [0, 1, 2, 2, 2, 3],
      [1, 2, 3, 3, 3, 4],
    ],
    ['a decomposed accent joins its letter', 'Core\u0301e', 'Corée', [0, 1, 2, 3, 5], [1, 2, 3, 5, 6]],
    ['numero sign', '№1', 'no1', [0, 0, 1], [1, 1, 2]],
    ['ignorables are kept: the matcher skips them', 'a\u00adb', 'a\u00adb', [0, 1, 2], [1, 2, 3]],
  ])('%s', (_name, input, text, starts, ends) => {
    const n = normalisePieces(input);
    expect(n.text).toBe(text);
    expect(Array.from({ length: n.text.length }, (_u, i) => n.startOf(i))).toEqual(starts);
    expect(Array.from({ length: n.text.length }, (_u, i) => n.endOf(i))).toEqual(ends);
  });
});
