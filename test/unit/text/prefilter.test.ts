/**
 * The prefilter must never hide a match: with it, the matcher finds exactly
 * what it finds reading every unit (whose own results are the hand-written
 * tables of ./matcher.test.ts, run both ways). Checked here for every unit of
 * the Basic Multilingual Plane in every place of an alias where the prefilter
 * looks at units, and on random text made of the real corpus's aliases.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Entity } from '../../../lib/corpus/schema';
import { BLOCK_BREAK, type TermPattern, compileMatcher } from '../../../lib/text/matcher';
import { prefilterSource } from '../../../lib/text/prefilter';

const entities = JSON.parse(readFileSync('data/corpus/entities.json', 'utf8')) as Entity[];
const PATTERNS: TermPattern[] = entities.flatMap((e) =>
  e.aliases.map((a) => ({
    id: e.id,
    text: a.text,
    lang: a.lang,
    ...(a.inflects ? { inflects: true } : {}),
    ...(a.caseSensitive ? { caseSensitive: true } : {}),
  })),
);
const everyUnit = compileMatcher(PATTERNS);
const source = prefilterSource(PATTERNS);
const prefiltered = compileMatcher(PATTERNS, source);

/**
 * Aliases of the bundled corpus as [before, unit, after]: the unit is in each
 * place the prefilter reads — a first word's units, before it, a short first
 * word's separator, the next word, a case-sensitive alias, a Russian stem and
 * its ending, a Korean noun and its particle.
 */
const PROBES: [string, string, string][] = [
  ['', 'N', 'orth Korea'],
  ['N', 'o', 'rth Korea'],
  ['Nort', 'h', ' Korea'],
  ['', ' ', 'Pyongyang'],
  ['N.', ' ', 'Korea'],
  ['UN', ' ', 'sanctions'],
  ['Kim', ' ', 'Jong Un'],
  ['N. ', 'K', 'orea'],
  ['', 'U', 'N'],
  ['U', 'N', ''],
  ['', 'П', 'хеньяне'],
  ['Пх', 'е', 'ньяне'],
  ['Пхеньян', 'е', ''],
  ['Лавров', 'ы', 'м'],
  ['Ким', ' ', 'Чен Ына'],
  ['Ким Ч', 'е', 'н Ына'],
  ['', '북', '한의'],
  ['북한', '의', ''],
  ['평양', '에', '서'],
];

/** One text, a block per probe, with `unit` in each probe's place (or the probe's own unit). */
function probeText(unit?: string): string {
  return PROBES.map(([before, own, after]) => `a ${before}${unit ?? own}${after} b`).join(BLOCK_BREAK);
}

describe('prefilter', () => {
  test('every unit of the plane, anywhere the prefilter reads one, leaves the matches as they are', () => {
    const differs: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const u = String.fromCharCode(c);
      if (u === BLOCK_BREAK) continue;
      const text = probeText(u);
      const expected = everyUnit.scan(text);
      if (JSON.stringify(prefiltered.scan(text)) !== JSON.stringify(expected)) differs.push(c.toString(16));
    }
    expect(differs).toEqual([]);
    // With their own units, the probes are real matches: each block has one.
    const blocks = new Set(everyUnit.scan(probeText()).map((m) => probeText().lastIndexOf(BLOCK_BREAK, m.start)));
    expect(blocks.size).toBe(PROBES.length);
    // 65,536 units × every probe: a few seconds alone, more on a busy 2-core machine.
  }, 60_000);

  test('random text made of the corpus aliases: the same matches either way', () => {
    let seed = 0x5eed;
    const random = () => {
      // mulberry32: a fixed seed, so every run checks the same texts
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const separators = [' ', '  ', '-', '\u2011', '\u00a0', ' — ', '\n', '.', '. ', '\u00ad', '/'];
    const affixes = ['', '', '', 's', "'s", 'ы', 'ом', 'е', 'ой', '의', '과', '에서', 'ism', 'x', '1'];
    const fillers = ['un', 'us', 'nord', 'kimchi', 'the', 'Putinism', 'война', 'и', '그리고', 'Südkorea', 'ﬁne', '…'];
    const mutate = (alias: string) =>
      [...alias.replace(/ /g, () => pick(separators))]
        .map((ch) => (random() < 0.2 ? (random() < 0.5 ? ch.toUpperCase() : ch.toLowerCase()) : ch))
        .join('');
    const token = () => {
      const r = random();
      if (r < 0.5) return mutate(pick(PATTERNS).text) + pick(affixes);
      if (r < 0.8) return pick(fillers);
      return String.fromCharCode(Math.floor(random() * 0x10000)).replace(BLOCK_BREAK, '');
    };
    let compared = 0;
    let matches = 0;
    for (let i = 0; i < 3000; i++) {
      const blocks = Array.from({ length: 1 + Math.floor(random() * 5) }, () =>
        Array.from({ length: 1 + Math.floor(random() * 10) }, token).join(pick([' ', '', ', '])),
      );
      const text = blocks.join(BLOCK_BREAK);
      const expected = everyUnit.scan(text);
      expect(prefiltered.scan(text), text).toEqual(expected);
      compared++;
      matches += expected.length;
    }
    expect(compared).toBe(3000);
    expect(matches).toBeGreaterThan(1000);
  });

  test('hits where an alias may begin, and not on the short words it begins with', () => {
    const hits = (text: string) => new RegExp(source, 'g').test(text);
    expect(hits('The quick brown fox jumps over the lazy dog, again and again.')).toBe(false);
    expect(hits('Un ministro dijo que los Estados Unidos y la UE no están de acuerdo.')).toBe(false);
    expect(hits('n and s and u and no and st and us')).toBe(false);
    for (const text of ['N. Korea', 'UN sanctions', 'US', 'U.S.', 'Pyongyang', 'пхеньяне', '북한의', 'ｕｓａ']) {
      expect(hits(text), text).toBe(true);
    }
  });
});
