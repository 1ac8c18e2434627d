import { describe, expect, test } from 'vitest';
import { decodeRuns, decodeUints, encodeRuns, encodeUints } from '../../../lib/search/codec';

describe('integer lists as base64 varints', () => {
  test.each([
    [[]],
    [[0]],
    [[1, 127, 128, 255, 16383, 16384, 2 ** 21, 2 ** 31 - 1]],
    [Array.from({ length: 70000 }, (_, i) => (i * 7919) % 100003)],
  ])('round trip of %#', (values) => {
    const encoded = encodeUints(values);
    expect(typeof JSON.parse(JSON.stringify(encoded))).toBe('string');
    expect(Array.from(decodeUints(encoded))).toEqual(values);
  });

  test.each([[-1], [2 ** 31], [1.5], [Number.NaN]])('refuses %s', (v) => {
    expect(() => encodeUints([v])).toThrow(RangeError);
  });

  test('a truncated list is an error, not a short list', () => {
    const encoded = encodeUints([1, 2, 3, 300]);
    expect(() => decodeUints(btoa(atob(encoded).slice(0, -2)))).toThrow();
  });

  test('sorted runs round trip through their gaps', () => {
    const starts = Int32Array.from([0, 3, 3, 6]);
    const values = Int32Array.from([2, 5, 9, 0, 1, 100000]);
    const { starts: s, values: v } = decodeRuns(encodeRuns(starts, values));
    expect(Array.from(s)).toEqual(Array.from(starts));
    expect(Array.from(v)).toEqual(Array.from(values));
  });
});
