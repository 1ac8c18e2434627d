import { describe, expect, test } from 'vitest';
import {
  CLASS_SHIFT,
  COMPLEX,
  PUNCT,
  SPACE,
  WORD,
  entryOfUnit,
  learnUnit,
  quickEntryOf,
} from '../../../lib/text/chars';

describe('quickEntryOf', () => {
  test('gives, for every unit it answers, the entry the general rule gives', () => {
    const wrong: string[] = [];
    let answered = 0;
    for (let c = 0; c < 0x10000; c++) {
      const quick = quickEntryOf(c);
      if (quick === -1) continue;
      answered++;
      const general = entryOfUnit(c);
      if (quick !== general) wrong.push(`U+${c.toString(16)}: ${quick.toString(16)} ≠ ${general.toString(16)}`);
    }
    expect(wrong).toEqual([]);
    // (ASCII, Latin-1's letters and Cyrillic at least: the units most pages are made of.)
    expect(answered).toBeGreaterThan(128 + 62 + 66);
  });

  test.each([
    ['A', 'a', WORD],
    ['Ж', 'ж', WORD],
    ['Ё', 'е', WORD],
    ['É', 'é', WORD],
    ['\u00a0', ' ', SPACE],
    ['—', '-', SPACE],
    ['’', "'", PUNCT],
    ['«', '"', PUNCT],
    ['…', '…', COMPLEX],
  ])('%s folds to %s', (unit, folded, k) => {
    const e = quickEntryOf(unit.charCodeAt(0));
    expect(String.fromCharCode(e & 0xffff)).toBe(folded);
    expect((e >>> CLASS_SHIFT) & 7).toBe(k);
  });

  test('leaves units it cannot tell to the general rule', () => {
    for (const unit of ['ª', '²', 'ﬁ', '\u0301', 'İ', '가', 'ㄱ', 'Ω', '\ud83d']) {
      expect(quickEntryOf(unit.charCodeAt(0))).toBe(-1);
    }
    expect(learnUnit('ﬁ'.charCodeAt(0))).toBe(COMPLEX);
  });
});
