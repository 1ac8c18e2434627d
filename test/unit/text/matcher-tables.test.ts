/**
 * The matcher's tables are built once in the background and sent to every
 * page: they must arrive whole through either browser's messaging — Chrome's
 * (values converted to UTF-8; typed arrays would arrive as objects of keys)
 * and Firefox's (structured clone) — and, read from where the prefilter
 * hits, mark exactly what the matcher reading every unit marks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { termPatternsOf } from '../../../lib/corpus/term-patterns';
import { compileMatcher, matcherFrom } from '../../../lib/text/matcher';
import { buildMatcherTables, MATCHER_TABLES_FORMAT } from '../../../lib/text/matcher-tables';
import { intAt, packInts } from '../../../lib/text/packed';
import { prefilterSource } from '../../../lib/text/prefilter';

const entities = JSON.parse(readFileSync('data/corpus/entities.json', 'utf8')) as Parameters<typeof termPatternsOf>[0];
const patterns = termPatternsOf(entities);
const tables = buildMatcherTables(patterns, prefilterSource(patterns));

/** A text of the corpus's aliases between ordinary words, in the three languages, with the rules' look-alikes. */
const TEXT = [
  ...patterns.map((p, i) => `${i % 3 === 0 ? 'the' : 'и'} ${p.text} ${i % 2 ? 'said' : '에서'}`),
  'путина the fishing season, FOLLOW US, U.S. Open, Почта России, 영국 노동당',
].join('\x7f');

/** Every string anywhere in the tables. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('the matcher tables', () => {
  test('survive JSON over UTF-8 and structured clone unchanged, and mark what a matcher reading every unit marks', () => {
    const expected = compileMatcher(patterns).scan(TEXT);
    expect(expected.length).toBeGreaterThan(patterns.length / 2);
    const viaChrome = JSON.parse(
      new TextDecoder().decode(new TextEncoder().encode(JSON.stringify(tables))),
    ) as typeof tables;
    const viaFirefox = structuredClone(tables);
    expect(viaChrome).toEqual(tables);
    expect(viaFirefox).toEqual(tables);
    expect(matcherFrom(viaChrome).scan(TEXT)).toEqual(expected);
    expect(matcherFrom(viaFirefox).scan(TEXT)).toEqual(expected);
  });

  test('hold no typed array, and no control character or surrogate in a packed table', () => {
    const kinds = new Set<string>();
    const walk = (v: unknown) => {
      if (ArrayBuffer.isView(v)) kinds.add('typed array');
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(tables);
    expect(kinds).toEqual(new Set());
    for (const packed of [
      tables.edges,
      tables.terminal,
      tables.filter,
      tables.tokenFlags,
      tables.tokens.slots,
      tables.tokens.kinds,
    ]) {
      expect(/[\u0000-\u001f\ud800-\udfff]/.test(packed)).toBe(false);
    }
    expect(strings(tables).every((s) => s.isWellFormed())).toBe(true);
  });

  test('pack integers up to 2^30 - 1 and refuse what does not fit', () => {
    const values = [0, 1, 0x7fff, 0x8000, 0xd800, 0xdfff, 123456789, 2 ** 30 - 1];
    const packed = packInts(values);
    expect(values.map((_, i) => intAt(packed, i))).toEqual(values);
    expect(/[\u0000-\u001f\ud800-\udfff]/.test(packed)).toBe(false);
    expect(() => packInts([2 ** 30])).toThrow(/too large/);
    expect(() => packInts([-1])).toThrow(/too large/);
  });

  test('of another format are refused with a message, not misread', () => {
    expect(() => matcherFrom({ ...tables, format: MATCHER_TABLES_FORMAT + 1 })).toThrow(/format/);
  });
});
