/**
 * The matcher's character table is made page by page, as units are first
 * read (issue 17: Lens's memory in every frame it runs in): a page of text
 * in a few scripts makes a few of its 256 pages, and what the matcher finds
 * does not depend on it.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';

type Chars = typeof import('../../../lib/text/chars');
type MatcherModule = typeof import('../../../lib/text/matcher');
type TermPattern = import('../../../lib/text/matcher').TermPattern;

let chars: Chars;
let matcherModule: MatcherModule;

beforeEach(async () => {
  // A fresh table for each test: the module keeps one per world, as a content script's does.
  vi.resetModules();
  chars = await import('../../../lib/text/chars');
  matcherModule = await import('../../../lib/text/matcher');
});

const ENGLISH = 'Kim Jong Un met Vladimir Putin in Pyongyang on 19 June 2024 — “a new era”, said Moscow.';
const RUSSIAN = 'Путин и Ким Чен Ын подписали договор о всеобъемлющем стратегическом партнёрстве.';
const KOREAN = '김정은 국무위원장과 푸틴 대통령이 평양에서 포괄적 전략적 동반자 관계 조약에 서명했다.';

describe('the character table', () => {
  test('starts with no page made', () => {
    expect(chars.learnedPages()).toBe(0);
  });

  test('English and Russian text make the pages of the units they use, and no other', () => {
    for (const text of [ENGLISH, RUSSIAN]) for (const unit of text) chars.classOf(unit.charCodeAt(0));
    const used = new Set([...ENGLISH, ...RUSSIAN].map((u) => u.charCodeAt(0) >>> 8));
    expect(chars.learnedPages()).toBe(used.size);
    expect(used.size).toBeLessThanOrEqual(3); // ASCII and Latin-1, Cyrillic, punctuation
  });

  test('every learned entry is the one the general rule gives', () => {
    for (const unit of ENGLISH + RUSSIAN + KOREAN) chars.classOf(unit.charCodeAt(0));
    for (const unit of new Set(ENGLISH + RUSSIAN + KOREAN)) {
      const c = unit.charCodeAt(0);
      expect(chars.entryOf(c), unit).toBe(chars.entryOfUnit(c));
    }
    // A unit of a page that holds learned units, but not learned itself, is still unknown.
    expect(chars.entryOf(0x4ff)).toBe(chars.RARE_BIT);
  });

  test('a matcher reading the three scripts finds its aliases and makes only the pages of what it read', () => {
    const patterns: TermPattern[] = [
      { id: 'putin', text: 'Vladimir Putin', lang: 'en' },
      { id: 'putin', text: 'Путин', lang: 'ru', inflects: true },
      { id: 'kim', text: '김정은', lang: 'ko', inflects: true },
    ];
    const matcher = matcherModule.compileMatcher(patterns);
    const found = (text: string) => matcher.scan(text).map((m) => [m.id, text.slice(m.start, m.end)]);
    expect(found(ENGLISH)).toEqual([['putin', 'Vladimir Putin']]);
    expect(found(RUSSIAN)).toEqual([['putin', 'Путин']]);
    expect(found(KOREAN)).toEqual([['kim', '김정은']]);
    // Far fewer than the 256 pages of the whole plane (the Korean syllables spread over 44 pages).
    expect(chars.learnedPages()).toBeLessThanOrEqual(
      new Set(
        [...ENGLISH, ...RUSSIAN, ...KOREAN, ...patterns.map((p) => p.text).join('')].map((u) => u.charCodeAt(0) >>> 8),
      ).size,
    );
  });
});
