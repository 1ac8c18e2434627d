import { describe, expect, test } from 'vitest';
import { beforeAll } from 'vitest';
import { BLOCK_BREAK, type Matcher, type TermPattern, compileMatcher } from '../../../lib/text/matcher';
import { prefilterSource } from '../../../lib/text/prefilter';

const PATTERNS: TermPattern[] = [
  { id: 'russia', text: 'Russia', lang: 'en' },
  { id: 'dprk', text: 'North Korea', lang: 'en' },
  { id: 'dprk', text: 'North Korean', lang: 'en' },
  { id: 'dprk', text: 'DPRK', lang: 'en' },
  { id: 'dprk', text: "Democratic People's Republic of Korea", lang: 'en' },
  { id: 'korea', text: 'Korea', lang: 'en' },
  { id: 'korean-war', text: 'Korean War', lang: 'en' },
  { id: 'kpa', text: "Korean People's Army", lang: 'en' },
  { id: 'putin', text: 'Putin', lang: 'en' },
  { id: 'putin', text: 'Vladimir Putin', lang: 'en' },
  { id: 'kim-jong-un', text: 'Kim Jong Un', lang: 'en' },
  { id: 'kim-family', text: 'Kim', lang: 'en' },
  { id: 'pyongyang', text: 'Pyongyang', lang: 'en' },
  { id: 'un', text: 'UN', lang: 'en', caseSensitive: true },
  { id: 'us', text: 'US', lang: 'en', caseSensitive: true },
  { id: 'us', text: 'U.S.', lang: 'en' },
  { id: 'dprk', text: 'Corée du Nord', lang: 'en' },
  { id: 'finland', text: 'Finland', lang: 'en' },
  { id: 'wonsan-port', text: 'Wonsan', lang: 'en' },
  { id: 'wonsan-city', text: 'Wonsan', lang: 'en' },
  { id: 'pyongyang', text: 'Пхеньян', lang: 'ru', inflects: true },
  { id: 'dprk', text: 'Северная Корея', lang: 'ru', inflects: true },
  { id: 'dprk', text: 'КНДР', lang: 'ru' },
  { id: 'kim-jong-un', text: 'Ким Чен Ын', lang: 'ru', inflects: true },
  { id: 'lavrov', text: 'Лавров', lang: 'ru', inflects: true },
  { id: 'russia', text: 'Россия', lang: 'ru', inflects: true },
  { id: 'moscow', text: 'Москва', lang: 'ru', inflects: true },
  { id: 'putin', text: 'Путин', lang: 'ru', inflects: true },
  { id: 'korolev', text: 'Королёв', lang: 'ru', inflects: true },
  { id: 'dprk', text: '북한', lang: 'ko', inflects: true },
  { id: 'kim-jong-un', text: '김정은', lang: 'ko', inflects: true },
  { id: 'pyongyang', text: '평양', lang: 'ko', inflects: true },
  { id: 'russia', text: '러시아', lang: 'ko', inflects: true },
  { id: 'dprk', text: '조선민주주의인민공화국', lang: 'ko' },
];

/** Every case runs twice: with the matcher reading every unit, and reading only where its prefilter hits. */
let matcher: Matcher;
const MATCHERS: [string, () => Matcher][] = [
  ['reading every unit', () => compileMatcher(PATTERNS)],
  ['with its prefilter', () => compileMatcher(PATTERNS, prefilterSource(PATTERNS))],
];

// The matcher reads each block with the loop that suited the block before it (Latin or mostly
// Cyrillic/Hangul); results must not depend on it, so every case is scanned after one of each.
const LATIN_BLOCK = 'The quick brown fox jumps over the lazy dog, again and again.';
const CYRILLIC_BLOCK = 'в пхеньяне и москве снова говорили о мире и дружбе';

/** Each match as [the text it covers, entity id]: the slice checks that offsets point into the original. */
function found(text: string): [string, string][] {
  const slices = () => matcher.scan(text).map((m): [string, string] => [text.slice(m.start, m.end), m.id]);
  matcher.scan(LATIN_BLOCK);
  const afterLatin = slices();
  matcher.scan(CYRILLIC_BLOCK);
  expect(slices()).toEqual(afterLatin);
  return afterLatin;
}

describe.each(MATCHERS)('%s', (_, make) => {
  beforeAll(() => {
    matcher = make();
  });

  describe('compileMatcher', () => {
    test('counts the patterns it compiled', () => {
      expect(matcher.patternCount).toBe(PATTERNS.length);
    });

    test('skips patterns with no word in them', () => {
      expect(
        compileMatcher([
          { id: 'x', text: '—', lang: 'en' },
          { id: 'y', text: 'Y', lang: 'en' },
        ]).patternCount,
      ).toBe(1);
    });

    test('a matcher with no patterns finds nothing', () => {
      expect(compileMatcher([]).scan('Putin met Kim Jong Un.')).toEqual([]);
    });
  });

  describe('what a scan keeps', () => {
    test("none of the text: the engine's record of the last match is left empty", () => {
      const text = 'Context: Vladimir Putin, said to be unpredictable, met Kim Jong Un in Pyongyang.';
      expect(matcher.scan(text).length).toBeGreaterThan(0);
      // (Legacy statics of RegExp: what the last successful match of this realm was run on.)
      const legacy = RegExp as unknown as { input: string; lastMatch: string };
      expect(legacy.input).toBe('');
      expect(legacy.lastMatch).toBe('');
    });
  });

  describe('offsets', () => {
    test('are UTF-16 offsets into the original string', () => {
      expect(matcher.scan('Putin met Kim Jong-un in Pyongyang.')).toEqual([
        { start: 0, end: 5, id: 'putin' },
        { start: 10, end: 21, id: 'kim-jong-un' },
        { start: 25, end: 34, id: 'pyongyang' },
      ]);
    });

    test('stay in the original string when the block needed normalising (ligature before the match)', () => {
      // "ﬁ" is one unit that normalises to two; the match after it must still point at the original.
      expect(matcher.scan('ﬁne words from Putin')).toEqual([{ start: 15, end: 20, id: 'putin' }]);
    });

    test('are found once when the block needs normalising after them', () => {
      expect(matcher.scan('Putin said … to Kim Jong Un')).toEqual([
        { start: 0, end: 5, id: 'putin' },
        { start: 16, end: 27, id: 'kim-jong-un' },
      ]);
    });

    test('stay in the original string after an astral character', () => {
      expect(matcher.scan('👍 Putin')).toEqual([{ start: 3, end: 8, id: 'putin' }]);
    });

    test('do not take in an emoji right after the word', () => {
      expect(matcher.scan('Putin👍')).toEqual([{ start: 0, end: 5, id: 'putin' }]);
    });

    test('cover a whole word written in decomposed Hangul (NFD)', () => {
      const nfd = '\u1107\u116e\u11a8\u1112\u1161\u11ab\u110b\u1174'; // 북한의 as conjoining jamo
      expect(matcher.scan(`${nfd} 관계`)).toEqual([{ start: 0, end: 8, id: 'dprk' }]);
    });
  });

  describe('several blocks in one text', () => {
    /** The matches of each block scanned alone, with offsets moved to where the block sits in the joined text. */
    function blockByBlock(blocks: string[]) {
      let at = 0;
      return blocks.flatMap((block) => {
        const shifted = matcher.scan(block).map((m) => ({ ...m, start: m.start + at, end: m.end + at }));
        at += block.length + BLOCK_BREAK.length;
        return shifted;
      });
    }

    test.each([
      ['plain blocks', ['Putin met Kim Jong Un.', 'Then Pyongyang.']],
      ['an alias cut by a break matches in neither block', ['Talks with North', 'Korea went on']],
      ['a break right after a word', ['Kim', 'Jong Un']],
      ['a block that needs normalising among plain ones', ['Putin', 'ﬁne words … from Kim Jong Un', 'North Korea']],
      ['two blocks that need normalising', ['👍 Putin', 'Putin👍', 'and Russia']],
      ['a match before the unit that needs normalising', ['Russia', 'Putin said … to Kim Jong Un', 'Korea']],
      ['a normalised last block', ['Russia', '북한의 관계']],
      ['Russian and Korean blocks', ['в Пхеньяне с Лавровым', '북한과 러시아는', 'UN and U.S.']],
      ['empty blocks', ['', 'Putin', '', '']],
    ])('finds what each block finds alone: %s', (_, blocks) => {
      expect(matcher.scan(blocks.join(BLOCK_BREAK))).toEqual(blockByBlock(blocks));
    });

    test('an alias holding the break is not compiled', () => {
      expect(compileMatcher([{ id: 'x', text: `a${BLOCK_BREAK}b`, lang: 'en' }]).scan(`a${BLOCK_BREAK}b`)).toEqual([]);
    });
  });

  describe('English', () => {
    test.each<[string, string, [string, string][]]>([
      ['whole string', 'Putin', [['Putin', 'putin']]],
      [
        'several entities',
        'Russia and North Korea signed',
        [
          ['Russia', 'russia'],
          ['North Korea', 'dprk'],
        ],
      ],
      [
        'case-insensitive by default',
        'NORTH KOREA and north korea',
        [
          ['NORTH KOREA', 'dprk'],
          ['north korea', 'dprk'],
        ],
      ],
      [
        'multi-word names',
        'Vladimir Putin met Kim Jong Un.',
        [
          ['Vladimir Putin', 'putin'],
          ['Kim Jong Un', 'kim-jong-un'],
        ],
      ],
      ['hyphen for space', 'Kim Jong-un', [['Kim Jong-un', 'kim-jong-un']]],
      ['non-breaking hyphen', 'Kim Jong‑un', [['Kim Jong‑un', 'kim-jong-un']]],
      ['en dash with spaces', 'Kim Jong – Un', [['Kim Jong – Un', 'kim-jong-un']]],
      ['no-break space and a run of spaces', 'Kim  Jong\u00a0Un', [['Kim  Jong\u00a0Un', 'kim-jong-un']]],
      ['line break inside a name', 'Kim Jong\nUn', [['Kim Jong\nUn', 'kim-jong-un']]],
      ['narrow no-break space', 'North\u202fKorea', [['North\u202fKorea', 'dprk']]],
      ['figure space', 'North\u2007Korea', [['North\u2007Korea', 'dprk']]],
      ['possessive, straight apostrophe', "Putin's war", [['Putin', 'putin']]],
      ['possessive, curly apostrophe', 'Putin’s war', [['Putin', 'putin']]],
      [
        'punctuation around',
        '(Putin), "Putin", —Putin—.',
        [
          ['Putin', 'putin'],
          ['Putin', 'putin'],
          ['Putin', 'putin'],
        ],
      ],
      [
        'hyphenated compound',
        'Russia-North Korea ties',
        [
          ['Russia', 'russia'],
          ['North Korea', 'dprk'],
        ],
      ],
      ['hyphenated adjective', 'Russo-North Korean relations', [['North Korean', 'dprk']]],
      ['prefix', 'an anti-Putin rally', [['Putin', 'putin']]],
      ['apostrophe inside an alias, curly in the text', 'the Korean People’s Army', [['Korean People’s Army', 'kpa']]],
      ['long alias', "the Democratic People's Republic of Korea", [["Democratic People's Republic of Korea", 'dprk']]],
      ['a trailing full stop of the alias is covered', 'U.S. forces', [['U.S.', 'us']]],
      ['…where the text has it', 'U.S forces', [['U.S', 'us']]],
      ['fullwidth letters (NFKC)', 'ＤＰＲＫ missiles', [['ＤＰＲＫ', 'dprk']]],
      ['decomposed accent (slow path)', 'la Core\u0301e du Nord', [['Core\u0301e du Nord', 'dprk']]],
      ['ligature inside the match (slow path)', 'ﬁnland', [['ﬁnland', 'finland']]],
      ['soft hyphen inside a word', 'Pyong\u00adyang', [['Pyong\u00adyang', 'pyongyang']]],
      ['soft hyphen inside a later word of an alias', 'Kim Jo\u00adng Un', [['Kim Jo\u00adng Un', 'kim-jong-un']]],
      ['same alias, two entities, no rule to choose: left out', 'Wonsan', []],
    ])('%s', (_name, text, expected) => {
      expect(found(text)).toEqual(expected);
    });
  });

  describe('never part of a longer word', () => {
    test.each([
      ['Putinism', 'Putinism and Putinist'],
      ['Kim in kimchi', 'kimchi and Kimberley'],
      ['Korea in Koreans', 'Koreans and Koreanists'],
      ['Pyongyang with a suffix', 'Pyongyangers'],
      ['Russia inside a word', 'Prussia'],
      ['digits join words too', 'Putin2024'],
      ['no aliases at all', 'The quick brown fox jumps over the lazy dog.'],
      ['empty text', ''],
    ])('%s', (_name, text) => {
      expect(found(text)).toEqual([]);
    });
  });

  describe('case-sensitive aliases', () => {
    test.each<[string, string, [string, string][]]>([
      ['UN as written', 'the UN said', [['UN', 'un']]],
      ['un in lower case is not UN', 'the un said', []],
      ['Un is not UN', 'Un jour', []],
      ['the un of Kim Jong-un is not UN', 'Kim Jong-un', [['Kim Jong-un', 'kim-jong-un']]],
      ['US as written', 'US sanctions', [['US', 'us']]],
      ['us is not US', 'told us', []],
      ['fullwidth UN (NFKC, then case)', 'ＵＮ vote', [['ＵＮ', 'un']]],
    ])('%s', (_name, text, expected) => {
      expect(found(text)).toEqual(expected);
    });
  });

  describe('leftmost-longest, non-overlapping', () => {
    test.each<[string, string, [string, string][]]>([
      ['North Korea beats Korea', 'North Korea', [['North Korea', 'dprk']]],
      ['Korea alone', 'South Korea', [['Korea', 'korea']]],
      ['Korean War is its own entity', 'the Korean War', [['Korean War', 'korean-war']]],
      ['Vladimir Putin beats Putin', 'Vladimir Putin', [['Vladimir Putin', 'putin']]],
      [
        'Kim Jong Un beats Kim',
        'Kim Jong Un and Kim',
        [
          ['Kim Jong Un', 'kim-jong-un'],
          ['Kim', 'kim-family'],
        ],
      ],
      ['an unfinished longer alias falls back to the shorter', 'Kim Jong said', [['Kim', 'kim-family']]],
      [
        'a longer alias after a shorter one',
        'Korea North Korea',
        [
          ['Korea', 'korea'],
          ['North Korea', 'dprk'],
        ],
      ],
      ['punctuation breaks a multi-word alias', 'North, Korea', [['Korea', 'korea']]],
    ])('%s', (_name, text, expected) => {
      expect(found(text)).toEqual(expected);
    });
  });

  describe('Russian', () => {
    test.each<[string, string, [string, string][]]>([
      ['dictionary form', 'Пхеньян', [['Пхеньян', 'pyongyang']]],
      ['genitive', 'из Пхеньяна', [['Пхеньяна', 'pyongyang']]],
      ['instrumental', 'над Пхеньяном', [['Пхеньяном', 'pyongyang']]],
      ['prepositional', 'в Пхеньяне', [['Пхеньяне', 'pyongyang']]],
      ['adjective + noun, genitive', 'лидер Северной Кореи', [['Северной Кореи', 'dprk']]],
      ['adjective + noun, accusative', 'в Северную Корею', [['Северную Корею', 'dprk']]],
      ['adjective + noun, prepositional', 'в Северной Корее', [['Северной Корее', 'dprk']]],
      ['capitals', 'СЕВЕРНОЙ КОРЕИ', [['СЕВЕРНОЙ КОРЕИ', 'dprk']]],
      ['three-word name, genitive', 'визит Ким Чен Ына', [['Ким Чен Ына', 'kim-jong-un']]],
      ['three-word name, instrumental', 'с Ким Чен Ыном', [['Ким Чен Ыном', 'kim-jong-un']]],
      ['three-word name with a hyphen', 'Ким Чен-Ын', [['Ким Чен-Ын', 'kim-jong-un']]],
      ['surname, genitive', 'слова Лаврова', [['Лаврова', 'lavrov']]],
      ['surname, instrumental', 'с Лавровым', [['Лавровым', 'lavrov']]],
      ['Россия: genitive', 'России', [['России', 'russia']]],
      ['Россия: instrumental', 'с Россией', [['Россией', 'russia']]],
      ['Россия: accusative', 'в Россию', [['Россию', 'russia']]],
      ['Москва: genitive', 'из Москвы', [['Москвы', 'moscow']]],
      ['Москва: prepositional', 'в Москве', [['Москве', 'moscow']]],
      ['Путин: genitive', 'визит Путина', [['Путина', 'putin']]],
      ['Путин: instrumental', 'с Путиным', [['Путиным', 'putin']]],
      ['ё in the alias, е in the text', 'с Королевым', [['Королевым', 'korolev']]],
      ['ё in both', 'у Королёва', [['Королёва', 'korolev']]],
      ['guillemets around', '«Пхеньяна»', [['Пхеньяна', 'pyongyang']]],
      ['soft hyphen inside an inflected word', 'в Пхе\u00adньяне', [['Пхе\u00adньяне', 'pyongyang']]],
      [
        'an alias that does not inflect',
        'КНДР и Россия',
        [
          ['КНДР', 'dprk'],
          ['Россия', 'russia'],
        ],
      ],
      [
        'dash between countries',
        'Россия—КНДР',
        [
          ['Россия', 'russia'],
          ['КНДР', 'dprk'],
        ],
      ],
      [
        'Latin and Cyrillic in one block',
        'Putin (Путин)',
        [
          ['Putin', 'putin'],
          ['Путин', 'putin'],
        ],
      ],
      [
        'a block that needs normalising (№, …)',
        '№1: Путина… в Пхеньяне',
        [
          ['Путина', 'putin'],
          ['Пхеньяне', 'pyongyang'],
        ],
      ],
    ])('%s', (_name, text, expected) => {
      expect(found(text)).toEqual(expected);
    });

    test.each([
      ['-изм is not an ending', 'путинизм'],
      ['Корейский is an adjective, not Корея', 'Корейский полуостров'],
      ['Российский is not Россия', 'Российский'],
      ['Москвич is not Москва', 'москвичи'],
      ['Пхеньянский is not Пхеньян', 'пхеньянский'],
      ['Лавровский is not Лавров', 'Лавровский'],
      ['an alias that does not inflect does not take endings', 'КНДРовский'],
    ])('%s', (_name, text) => {
      expect(found(text)).toEqual([]);
    });
  });

  describe('Korean', () => {
    test.each<[string, string, [string, string][]]>([
      ['bare noun', '북한', [['북한', 'dprk']]],
      ['genitive 의', '북한의', [['북한의', 'dprk']]],
      ['with 과', '북한과', [['북한과', 'dprk']]],
      ['subject 이', '북한이', [['북한이', 'dprk']]],
      ['object 을', '북한을', [['북한을', 'dprk']]],
      ['locative 에', '북한에', [['북한에', 'dprk']]],
      ['direction 으로', '북한으로', [['북한으로', 'dprk']]],
      ['combined 에서는', '북한에서는', [['북한에서는', 'dprk']]],
      ['combined 과의', '북한과의', [['북한과의', 'dprk']]],
      ['a name ending in 은, bare', '김정은', [['김정은', 'kim-jong-un']]],
      ['a name ending in 은, with 은', '김정은은', [['김정은은', 'kim-jong-un']]],
      ['a name with 과', '김정은과', [['김정은과', 'kim-jong-un']]],
      ['place with 에서', '평양에서', [['평양에서', 'pyongyang']]],
      ['with 와', '러시아와', [['러시아와', 'russia']]],
      ['topic 는', '러시아는', [['러시아는', 'russia']]],
      [
        'in a sentence',
        '김정은 국무위원장은 러시아와 북한의 관계를',
        [
          ['김정은', 'kim-jong-un'],
          ['러시아와', 'russia'],
          ['북한의', 'dprk'],
        ],
      ],
      ['middle dot between countries', '북·러 정상회담', []],
      ['an alias that does not inflect', '조선민주주의인민공화국', [['조선민주주의인민공화국', 'dprk']]],
    ])('%s', (_name, text, expected) => {
      expect(found(text)).toEqual(expected);
    });

    test.each([
      ['북한군 is a compound, not 북한 + particle', '북한군'],
      ['북한산 is a compound', '북한산'],
      ['러시아인 is a noun, not 러시아 + copula', '러시아인'],
      ['김정은씨: 씨 is not a particle', '김정은씨'],
      ['an alias that does not inflect takes no particles', '조선민주주의인민공화국의'],
    ])('%s', (_name, text) => {
      expect(found(text)).toEqual([]);
    });
  });
});
