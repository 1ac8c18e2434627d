import { describe, expect, test } from 'vitest';
import { describeRange, isKnownPosition, UNKNOWN_POSITION } from '../../../lib/anchoring/selectors';

describe('describeRange', () => {
  const text =
    'In June 2024 Vladimir Putin visited Pyongyang, where he and Kim Jong Un signed a treaty on comprehensive strategic partnership.';

  test('stores the quote, 32 characters either side and its offsets', () => {
    // "Kim Jong Un" starts at 60 and ends at 71.
    expect(describeRange(text, 60, 71)).toEqual({
      quote: {
        type: 'TextQuoteSelector',
        exact: 'Kim Jong Un',
        prefix: 'visited Pyongyang, where he and ',
        suffix: ' signed a treaty on comprehensiv',
      },
      position: { type: 'TextPositionSelector', start: 60, end: 71 },
    });
  });

  test('a quote near the edges of the text has shorter context', () => {
    expect(describeRange(text, 0, 12).quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'In June 2024',
      prefix: '',
      suffix: ' Vladimir Putin visited Pyongyan',
    });
    expect(describeRange(text, 108, 126).quote.suffix).toBe('.');
  });

  test('white space at either end of the selection is left out of quote and position', () => {
    // " Kim Jong Un " is 59–72.
    expect(describeRange(text, 59, 72).position).toEqual({ type: 'TextPositionSelector', start: 60, end: 71 });
    expect(describeRange(text, 59, 72).quote.exact).toBe('Kim Jong Un');
  });

  test('a run of white space counts as one character of context, so indentation does not crowd out the words', () => {
    const page = 'Russia\n        \n        North Korea\n        \n        Ukraine';
    const { quote } = describeRange(page, 24, 35);
    expect(quote.exact).toBe('North Korea');
    expect(quote.prefix).toBe('Russia\n        \n        ');
    expect(quote.suffix).toBe('\n        \n        Ukraine');
  });

  test('context stops after 32 characters counting each white-space run once', () => {
    const page = `${'word\n    '.repeat(8)}QUOTE`;
    // Counted back from QUOTE: (run, "word") × 6 = 30, then a run and the "d" of a seventh "word".
    expect(describeRange(page, page.length - 5, page.length).quote.prefix).toBe(`d\n    ${'word\n    '.repeat(6)}`);
  });

  test('context never ends in half a surrogate pair', () => {
    // 32 code units before the quote (at 41) is 9, the second half of the fifth emoji.
    const page = `${'😀'.repeat(20)}Qquote${'Q'}${'😀'.repeat(20)}`;
    const { quote } = describeRange(page, 41, 46);
    expect(quote.exact).toBe('quote');
    expect(quote.prefix).toBe(`${'😀'.repeat(15)}Q`);
    expect(quote.suffix).toBe(`Q${'😀'.repeat(15)}`);
  });

  test.each([
    [-1, 3],
    [5, 4],
    [0, 999],
    [1.5, 3],
  ])('offsets %d–%d are refused', (start, end) => {
    expect(() => describeRange(text, start, end)).toThrow(RangeError);
  });

  test('a selection of only white space is refused', () => {
    expect(() => describeRange('a    b', 1, 5)).toThrow('The selection has no text');
  });
});

describe('isKnownPosition', () => {
  test.each([
    [{ type: 'TextPositionSelector' as const, start: 0, end: 0 }, true],
    [{ type: 'TextPositionSelector' as const, start: 3, end: 9 }, true],
    [UNKNOWN_POSITION, false],
    [{ type: 'TextPositionSelector' as const, start: 9, end: 3 }, false],
  ])('%o → %s', (position, known) => {
    expect(isKnownPosition(position)).toBe(known);
  });
});
