import { describe, expect, test } from 'vitest';
import { isCapitalised, isCapitalisedByClasses } from '../../../lib/text/context-rules';
import { BLOCK_BREAK, type TermPattern, compileMatcher } from '../../../lib/text/matcher';
import { prefilterSource } from '../../../lib/text/prefilter';

/** The rules engine on made-up aliases: each rule kind, in each language, read with and without the prefilter. */
const PATTERNS: TermPattern[] = [
  { id: 'us', text: 'US', lang: 'en', caseSensitive: true, veto: [{ after: '\\$' }, { before: '\\p{Lu}{3,} $' }] },
  { id: 'unsc', text: 'Security Council', lang: 'en', veto: [{ before: "Russia(?:'s|’s|n) $" }] },
  { id: 'putin', text: 'Путин', lang: 'ru', inflects: true, capitalised: true },
  { id: 'russia', text: 'Россия', lang: 'ru', inflects: true, capitalised: true, veto: [{ word: 'Росси' }] },
  { id: 'wpk', text: '노동당', lang: 'ko', inflects: true, veto: [{ before: '영국 $' }] },
  // One alias, two entities: context picks one, or neither.
  {
    id: 'treaty-ussr',
    text: 'Friendship Treaty',
    lang: 'en',
    confirm: [{ before: 'Soviet.*' }, { after: ' with Moscow' }],
  },
  {
    id: 'treaty-prc',
    text: 'Friendship Treaty',
    lang: 'en',
    confirm: [{ before: 'Chinese.*' }, { after: ' with Beijing' }],
  },
  // Only as Korean writes it: Hangul next to it.
  { id: 'dprk', text: '北', lang: 'ko', confirm: [{ after: '^[^\\p{L}]{0,3}\\p{Script=Hangul}' }] },
];

const MATCHERS = [
  ['reading every unit', () => compileMatcher(PATTERNS)],
  ['with its prefilter', () => compileMatcher(PATTERNS, prefilterSource(PATTERNS))],
] as const;

describe.each(MATCHERS)('context rules, %s', (_how, make) => {
  const matcher = make();
  const found = (text: string) => matcher.scan(text).map((m) => [text.slice(m.start, m.end), m.id]);

  test.each<[string, string, string[][]]>([
    ['en: veto after', 'US$1.3b from the US', [['US', 'us']]],
    ['en: veto before, a run of capitals', 'FOLLOW US and the US', [['US', 'us']]],
    [
      'en: veto before, possessive',
      "Russia's Security Council and the Security Council",
      [['Security Council', 'unsc']],
    ],
    ['en: confirm picks one entity', 'the Soviet Friendship Treaty', [['Friendship Treaty', 'treaty-ussr']]],
    ['en: confirm after', 'the Friendship Treaty with Beijing', [['Friendship Treaty', 'treaty-prc']]],
    ['en: neither confirmed: left out', 'the Friendship Treaty', []],
    ['en: both confirmed: left out', 'Soviet and Chinese Friendship Treaty', []],
    ['ru: capitalised', 'путина и Путина', [['Путина', 'putin']]],
    [
      'ru: capitalised, every case',
      'Путиным, Путину',
      [
        ['Путиным', 'putin'],
        ['Путину', 'putin'],
      ],
    ],
    ['ru: veto the word as written', 'Валентино Росси и России', [['России', 'russia']]],
    ['ko: veto before, a compound that is another thing', '영국 노동당은 북한 노동당과', [['노동당과', 'wpk']]],
    ['ko: confirm, Hangul beside it', '北, 미사일 발사', [['北', 'dprk']]],
    ['ko: no Hangul beside it: left out', '北 京', []],
    ['rules read within the block only', `FOLLOW${BLOCK_BREAK}US`, [['US', 'us']]],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('isCapitalised', () => {
  test.each([
    ['Путин', true],
    ['путина', false],
    ['Ким Чен Ын', true],
    ['Ким чен Ын', false],
    ['U.S.', true],
    ['wu wei', false],
    ['북한', true],
  ])('%s → %s', (text, expected) => {
    expect(isCapitalised(text)).toBe(expected);
  });

  test.each([
    ['ß', false],
    ['ÿ', false],
    ['Élysée', true],
    ['2nd Army', true],
    ['x2', false],
    ['Ωmega', true],
    ['ωmega', false],
    ['Ан-124', true],
  ])('%s → %s', (text, expected) => {
    expect(isCapitalised(text)).toBe(expected);
  });

  test("says what Unicode's classes say, for every unit alone, after a letter and after a space", () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const unit = String.fromCharCode(c);
      for (const text of [unit, `a${unit}`, `A${unit}`, ` ${unit}`, `${unit}b`, `${unit} b`, `${unit}B`]) {
        if (isCapitalised(text) !== isCapitalisedByClasses(text))
          wrong.push(`U+${c.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
