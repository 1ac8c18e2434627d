import { describe, expect, test } from 'vitest';
import { parseQuery } from '../../../lib/search/query';

describe('parseQuery', () => {
  test.each([
    ['Pyongyang', ['pyongyang'], [], false],
    ['  UN ', ['un'], [], true],
    ['평', ['평'], [], true],
    ['평양', ['평양'], [], true],
    ['Kim', ['kim'], [], false],
    // folding: case, ё, the no-break hyphen splits words like a hyphen
    ['Kim Jong\u2011un', ['kim', 'jong', 'un'], [], false],
    ['Ёлка', ['елка'], [], false],
    ['kim KIM Kim', ['kim'], [], false],
    // initials beside real words are dropped; initials alone are kept as written
    ['N. Korea', ['korea'], [], false],
    ['U.S.', [], ['u.s.'], false],
    // quotes of every kind make a phrase; an unclosed one runs to the end
    ['"de facto alliance"', [], ['de facto alliance'], false],
    ['“de facto” alliance', ['alliance'], ['de facto'], false],
    ['«Arduous March»', [], ['arduous march'], false],
    ['"de facto', [], ['de facto'], false],
    ['"de   facto  "', [], ['de facto'], false],
    ['""', [], [], false],
    // the first keystroke of a phrase is not yet a phrase
    ['"d', [], [], false],
    ['"de', [], ['de'], false],
    // fuse.js's extended-search operators are plain punctuation here
    ['kim|jong !un ^pyongyang lavrov$', ['kim', 'jong', 'un', 'pyongyang', 'lavrov'], [], false],
    ['', [], [], false],
  ])('%j → terms %j, phrases %j, short %s', (query, terms, phrases, short) => {
    expect(parseQuery(query)).toEqual({ terms, phrases, short });
  });

  test('at most 8 words', () => {
    expect(parseQuery('one two three four five six seven eight nine ten').terms).toHaveLength(8);
  });
});
