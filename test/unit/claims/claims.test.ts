import { describe, expect, it } from 'vitest';
import { buildClaimIndex, propositionOf } from '../../../lib/claims/build';
import { CLAIM_THRESHOLD, createClaimMatcher } from '../../../lib/claims/match';
import { sentencesWithEntities, splitSentences } from '../../../lib/claims/sentences';
import { hasPhrase, stemPositions, stemsOf } from '../../../lib/claims/tokens';
import { compileMatcher } from '../../../lib/text/matcher';
import { evaluate, loadCorpus } from '../../bench/claims-eval';

const corpus = loadCorpus();
const index = buildClaimIndex(corpus);
const matcher = createClaimMatcher(index);
const entities = compileMatcher(corpus.entities.flatMap((e) => e.aliases.map((a) => ({ ...a, id: e.id }))));
const match = (s: string) => matcher.match(s, entities.scan(s));

describe('splitSentences', () => {
  it.each([
    [
      'Russia and North Korea signed a treaty. It took effect in 2024.',
      ['Russia and North Korea signed a treaty.', 'It took effect in 2024.'],
    ],
    ['The U.S. and N. Korea met. Talks failed.', ['The U.S. and N. Korea met.', 'Talks failed.']],
    ['Russia wrote off $3.5 billion. Mr. Putin said so.', ['Russia wrote off $3.5 billion.', 'Mr. Putin said so.']],
    ['"Is it real?" he asked. No.', ['"Is it real?" he asked.', 'No.']],
    [
      'Путин прибыл в Пхеньян. Ким Чен Ын встретил его в аэропорту.',
      ['Путин прибыл в Пхеньян.', 'Ким Чен Ын встретил его в аэропорту.'],
    ],
    ['В 1948 г. СССР признал КНДР. Это было первым шагом.', ['В 1948 г. СССР признал КНДР.', 'Это было первым шагом.']],
    ['푸틴이 평양에 도착했다. 김정은이 공항에서 맞이했다.', ['푸틴이 평양에 도착했다.', '김정은이 공항에서 맞이했다.']],
    ['No stop at the end', ['No stop at the end']],
  ])('%s', (text, expected) => {
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(expected);
  });
});

describe('sentencesWithEntities', () => {
  it('keeps the sentences that hold an entity span whole, with the spans rebased to the sentence', () => {
    const text = 'Putin came. Rain fell. Kim met Putin in Pyongyang.';
    const span = (word: string, id: string, from = 0) => {
      const start = text.indexOf(word, from);
      return { start, end: start + word.length, id };
    };
    // Given out of order (context entities come last from the scan).
    const spans = [span('Pyongyang', 'p'), span('Putin', 'v'), span('Putin', 'v', 20)];
    const found = sentencesWithEntities(text, spans);
    expect(found.map((s) => [s.text, text.slice(s.start, s.end)])).toEqual([
      ['Putin came.', 'Putin came.'],
      ['Kim met Putin in Pyongyang.', 'Kim met Putin in Pyongyang.'],
    ]);
    expect(found[1]!.entities.map((e) => [found[1]!.text.slice(e.start, e.end), e.id])).toEqual([
      ['Putin', 'v'],
      ['Pyongyang', 'p'],
    ]);
  });

  it('a span across two sentences is in neither', () => {
    expect(sentencesWithEntities('It was N. Korea. Yes.', [{ start: 13, end: 20, id: 'x' }])).toEqual([]);
  });
});

describe('stemsOf', () => {
  it('meets inflected forms in each language', () => {
    expect(stemsOf('sanctions')).toEqual(stemsOf('sanction'));
    expect(stemsOf('supplying')).toEqual(stemsOf('supplies'));
    expect(stemsOf('санкциями')).toEqual(stemsOf('санкции'));
    expect(stemsOf('제재를')).toEqual(stemsOf('제재'));
  });
  it('drops function words and keeps numbers', () => {
    expect(stemsOf('the trade of 2023 is')).toEqual(['trade', '2023']);
  });
  it('reads an entity mention as one token, the same in every language, with what it stands for', () => {
    const un = [{ start: 4, end: 6, id: 'e-united-nations' }];
    expect(stemsOf('the UN cap', un)).toEqual(['@e-united-nations', 'cap']);
    const pyongyang = [{ start: 0, end: 9, id: 'e-pyongyang' }];
    expect(stemsOf('Pyongyang', pyongyang, { 'e-pyongyang': ['e-north-korea'] })).toEqual([
      '@e-pyongyang',
      '@e-north-korea',
    ]);
  });
});

describe('hasPhrase', () => {
  const phrase = (cue: string) => stemsOf(cue);
  it.each([
    ['Russia now supports sanctions against Pyongyang.', 'supports sanctions', true],
    ['Russia supports tougher new sanctions.', 'supports sanctions', true],
    ["Sanctions passed in exchange for Moscow's support.", 'supports sanctions', false],
    ['a new set of North Korea sanctions, not normal trade', 'new normal', false],
    ['Pyongyang and Moscow are now de facto allies.', 'de facto allies', true],
    ['평양과 모스크바는 이제 사실상 동맹이다.', '사실상 동맹', true],
    ['Пхеньян и Москва теперь фактические союзники.', 'фактические союзники', true],
  ])('%s ~ "%s": %s', (text, cue, found) => {
    expect(hasPhrase(stemPositions(text), phrase(cue))).toBe(found);
  });
});

describe('propositionOf', () => {
  it.each([
    ['Fang Liang says Putin has supported sanctions every time.', 'Putin has supported sanctions every time.'],
    [
      'Andrei Devyatov and Oleg Nasobin, as the Toutiao summary reports them, say Pyongyang uses Russia.',
      'Pyongyang uses Russia.',
    ],
    ['The unsigned 2024 explainer says that Russia vetoed it.', 'Russia vetoed it.'],
    ['Trade was tiny.', 'Trade was tiny.'],
  ])('%s', (paraphrase, proposition) => expect(propositionOf(paraphrase)).toBe(proposition));
});

describe('claim matching', () => {
  it("finds the issue's examples: a claim, and a position on the closeness scale", () => {
    const oil = match('Russia is supplying refined petroleum above the UN cap.');
    expect(oil && (oil.kind === 'claim' ? oil.positionIds : [oil.positionId])).toContain('t-sanctions-obstructs');
    expect(match('Pyongyang and Moscow are now de facto allies.')).toMatchObject({
      kind: 'position',
      positionId: 't-closeness-de-facto-alliance',
    });
  });
  it.each([
    ['en', 'Moscow has been sending refined petroleum to North Korea beyond what the UN allows.', 'c-002-04'],
    ['ru', 'Россия поставляет КНДР нефтепродукты сверх лимита, установленного ООН.', 'c-002-04'],
    ['ko', '러시아는 유엔 상한을 넘어 북한에 정제유를 공급했다.', 'c-002-04'],
  ])('finds a claim stated in %s', (_lang, sentence, claimId) => {
    expect(match(sentence)).toMatchObject({ kind: 'claim', claimId });
  });
  it.each([
    'Russia is supplying wheat to North Korea by rail.',
    'Trade between Russia and China reached a record in 2023.',
    'Россия поставляет в КНДР пшеницу по железной дороге.',
    '러시아가 철도로 북한에 밀을 보내고 있다.',
  ])('leaves a look-alike unmarked: %s', (sentence) => {
    expect(match(sentence)).toBeNull();
  });
  it('needs an entity of the claim in the sentence: the entity scan narrows the candidates', () => {
    const s = 'Russia is supplying refined petroleum above the UN cap.';
    expect(matcher.match(s, [])).toBeNull();
  });
  it('scores every candidate in [0, 1], the threshold inside that range', () => {
    const s = 'Trade between Russia and North Korea was only $29 million in 2023.';
    const scores = matcher.scores(s, entities.scan(s));
    expect(scores.length).toBeGreaterThan(0);
    for (const h of scores) (expect(h.score).toBeGreaterThan(0), expect(h.score).toBeLessThanOrEqual(1 + 1e-9));
    expect(CLAIM_THRESHOLD).toBeGreaterThan(0);
    expect(CLAIM_THRESHOLD).toBeLessThan(1);
  });
  it('counts a pack claim like a bundled one', () => {
    const pack = {
      ...corpus,
      claims: [
        ...corpus.claims,
        {
          id: 'c-pack-1',
          text: 'A pack analyst says North Korea supplies half of the artillery shells Russia fires.',
          quote: 'half of the shells Russia fires come from North Korea',
          entityIds: ['e-north-korea', 'e-russia'],
          stances: [],
        },
      ],
    };
    const withPack = createClaimMatcher(buildClaimIndex(pack));
    const s = 'Half of the artillery shells that Russia fires are supplied by North Korea.';
    expect(withPack.match(s, entities.scan(s))).toMatchObject({ kind: 'claim', claimId: 'c-pack-1' });
    expect(match(s)?.kind === 'claim' && match(s)).toBeFalsy();
  });
});

describe('the labelled set (test/fixtures/claims) at the shipped threshold', () => {
  const groups = evaluate();
  it.each(groups.map((g) => [g.group, g] as const))(
    '%s: precision ≥ 90 %%, recall ≥ 70 %% on claim sentences',
    (_, g) => {
      expect(g.sentences).toBeGreaterThan(30);
      expect(g.precision, JSON.stringify(g.mistakes, null, 1)).toBeGreaterThanOrEqual(0.9);
      expect(g.claimRecall, JSON.stringify(g.mistakes, null, 1)).toBeGreaterThanOrEqual(0.7);
    },
  );
  it('holds sentences of each kind in every language', () => {
    for (const lang of ['en', 'ru', 'ko']) {
      const g = groups.find((x) => x.group === lang)!;
      expect(g.claimSentences).toBeGreaterThanOrEqual(10);
      expect(g.positionSentences).toBeGreaterThanOrEqual(4);
      expect(g.sentences - g.claimSentences - g.positionSentences).toBeGreaterThanOrEqual(15);
    }
  });
});
