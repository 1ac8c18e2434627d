/*
 * Entity linking with the bundled corpus, as a page meets it: the demonyms and
 * adjectives that link to their country, and the look-alikes readers met on
 * real news pages (issue 13) that must not be marked. The expectations come
 * from reading the sentences, not from the data.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { Entity } from '../../../lib/corpus/schema';
import { termPatternsOf } from '../../../lib/corpus/term-patterns';
import { compileMatcher } from '../../../lib/text/matcher';
import { prefilterSource } from '../../../lib/text/prefilter';

const entities = Entity.array().parse(
  JSON.parse(readFileSync(fileURLToPath(new URL('../../../data/corpus/entities.json', import.meta.url)), 'utf8')),
);
const patterns = termPatternsOf(entities);
const matcher = compileMatcher(patterns, prefilterSource(patterns));

/** Each mark as [the text it covers, entity id]. */
const marks = (text: string) => matcher.scan(text).map((m) => [text.slice(m.start, m.end), m.id]);

describe('demonyms and adjectives link to their entity, the mark covering the word as written', () => {
  test.each<[string, string, string[][]]>([
    ['en', 'North Korean troops', [['North Korean', 'e-north-korea']]],
    ['en', 'two North Koreans defected', [['North Koreans', 'e-north-korea']]],
    ['en', 'N. Korean leader', [['N. Korean', 'e-north-korea']]],
    [
      'en',
      'Russian and Ukrainian forces',
      [
        ['Russian', 'e-russia'],
        ['Ukrainian', 'e-ukraine'],
      ],
    ],
    [
      'en',
      'South Korean and Chinese officials',
      [
        ['South Korean', 'e-south-korea'],
        ['Chinese', 'e-china'],
      ],
    ],
    ['en', 'a Soviet-era treaty', [['Soviet', 'e-soviet-union']]],
    [
      'en',
      'North Korean workers in Russia',
      [
        ['North Korean workers', 'e-north-korean-workers'],
        ['Russia', 'e-russia'],
      ],
    ],
    [
      'en',
      'the U.S. and Russia',
      [
        ['U.S.', 'e-united-states'],
        ['Russia', 'e-russia'],
      ],
    ],
    ['en', 'the U.N. Security Council', [['U.N. Security Council', 'e-un-security-council']]],
    ['ru', 'северокорейские военные', [['северокорейские', 'e-north-korea']]],
    ['ru', 'северокорейского лидера', [['северокорейского', 'e-north-korea']]],
    [
      'ru',
      'российских и южнокорейских',
      [
        ['российских', 'e-russia'],
        ['южнокорейских', 'e-south-korea'],
      ],
    ],
    [
      'ru',
      'советским и китайским',
      [
        ['советским', 'e-soviet-union'],
        ['китайским', 'e-china'],
      ],
    ],
    ['ru', 'украинская сторона', [['украинская', 'e-ukraine']]],
    [
      'ru',
      'Путин и Ким Чен Ын',
      [
        ['Путин', 'e-vladimir-putin'],
        ['Ким Чен Ын', 'e-kim-jong-un'],
      ],
    ],
    [
      'ru',
      'встреча с Путиным в России',
      [
        ['Путиным', 'e-vladimir-putin'],
        ['России', 'e-russia'],
      ],
    ],
    ['ko', '북러 정상회담', [['북러', 'e-north-korea']]],
    ['ko', '러북 조약은', [['러북', 'e-north-korea']]],
    ['ko', '북·러 관계', [['북·러', 'e-north-korea']]],
    ['ko', '북측은 거부했다', [['북측은', 'e-north-korea']]],
    ['ko', '北, 미사일 발사', [['北', 'e-north-korea']]],
    ['ko', '北에 경고', [['北에', 'e-north-korea']]],
    [
      'ko',
      '북한 노동당',
      [
        ['북한', 'e-north-korea'],
        ['노동당', 'e-workers-party-of-korea'],
      ],
    ],
    [
      'ko',
      '북한 원산의 갈마',
      [
        ['북한', 'e-north-korea'],
        ['원산의', 'e-wonsan'],
        ['갈마', 'e-goma-coast'],
      ],
    ],
  ])('%s: %s', (_lang, text, expected) => {
    expect(marks(text)).toEqual(expected);
  });
});

describe('look-alikes are not marked', () => {
  test.each<[string, string, string[][]]>([
    ['en', 'FOLLOW US on Twitter', []],
    ['en', 'revenue of US$1.3b', []],
    ['en', 'the U.S. Open final', []],
    ['en', 'Harris opposes US Steel’s sale', []],
    ['en', 'U.S. News & World Report', []],
    ['en', "Russia's Security Council met", [['Russia', 'e-russia']]],
    ['en', 'new sanctions against Russia', [['Russia', 'e-russia']]],
    [
      'en',
      'sanctions against North Korea',
      [
        ['sanctions', 'e-sanctions'],
        ['North Korea', 'e-north-korea'],
      ],
    ],
    ['en', 'Chivas USA lost', []],
    ['en', 'the UN_willing hashtag', []],
    ['ru', 'Банк ДОМ.РФ', []],
    ['ru', 'Правительство РФ', [['РФ', 'e-russia']]],
    ['en', 'the Taoist principle of wu wei', []],
    ['en', 'the Taoist Wu Wei', []],
    ['en', 'analyst Wu Wei says', [['Wu Wei', 'e-wu-wei']]],
    [
      'en',
      'China’s Treaty of Friendship, Cooperation and Mutual Assistance with Pyongyang',
      [
        ['China', 'e-china'],
        ['Pyongyang', 'e-pyongyang'],
      ],
    ],
    [
      'en',
      'the Soviet Treaty of Friendship, Cooperation and Mutual Assistance',
      [
        ['Soviet', 'e-soviet-union'],
        ['Treaty of Friendship, Cooperation and Mutual Assistance', 'e-treaty-1961'],
      ],
    ],
    ['en', 'the Treaty of Friendship, Cooperation and Mutual Assistance', []],
    ['ru', 'АО «Почта России»', []],
    ['ru', 'путина продлится до осени', []],
    ['ru', 'скелет кита', []],
    ['ru', 'Валентино Росси', []],
    ['ru', 'санкции против России', [['России', 'e-russia']]],
    ['ru', 'Кремль и кремль Пскова', [['Кремль', 'e-kremlin']]],
    ['ko', '영국 노동당은', []],
    ['ko', '남미 원산의 식물', []],
    ['ko', '법적 제재를 받을 수 있습니다', []],
    ['ko', '관련 법률에 의해 제재 받을 수 있습니다', []],
    ['ko', '대북제재 위반', [['대북제재', 'e-sanctions']]],
  ])('%s: %s', (_lang, text, expected) => {
    expect(marks(text)).toEqual(expected);
  });
});

describe('tiers', () => {
  test('every bundled entity has its tier written out', () => {
    expect(entities.filter((e) => e.tier === undefined).map((e) => e.id)).toEqual([]);
  });

  test.each([
    ['e-north-korea', 'core'],
    ['e-kim-jong-un', 'core'],
    ['e-pyongyang', 'core'],
    ['e-treaty-2024', 'core'],
    ['e-wonsan', 'core'],
    ['e-sergey-lavrov', 'core'],
    ['e-united-states', 'context'],
    ['e-china', 'context'],
    ['e-russia', 'context'],
    ['e-vladimir-putin', 'context'],
    ['e-moscow', 'context'],
    ['e-ukraine', 'context'],
    ['e-united-nations', 'context'],
    ['e-european-union', 'context'],
  ])('%s is %s', (id, tier) => {
    expect(entities.find((e) => e.id === id)?.tier).toBe(tier);
  });
});
