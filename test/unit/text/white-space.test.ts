import { describe, expect, test } from 'vitest';
import { isWhiteSpace } from '../../../lib/text/white-space';

describe('isWhiteSpace', () => {
  test('is white space for exactly the units of \\s', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++)
      if (isWhiteSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c.toString(16));
    expect(differ).toEqual([]);
  });

  test.each([
    ['space', ' ', true],
    ['tab', '\t', true],
    ['no-break space (&nbsp;)', '\u00a0', true],
    ['ideographic space', '\u3000', true],
    ['a letter', 'a', false],
    ['a Hangul syllable', '한', false],
    ['zero-width space (not in \\s)', '\u200b', false],
    ['a control character', '\u0001', false],
  ])('%s', (_, unit, expected) => {
    expect(isWhiteSpace(unit.charCodeAt(0))).toBe(expected);
  });
});
