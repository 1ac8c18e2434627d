import { describe, expect, test } from 'vitest';
import { type Claim, type Person, type Source, type Topic } from '../../../lib/corpus/schema';
import { buildCard, firstSentence, isWebUrl, type CardInput } from '../../../lib/corpus/card-model';
import en from '../../../locales/en.json';
import { curatedRecords } from '../../fixtures/curated-corpus';

const OTHER_CLAIMS = en.cardOtherClaims;

const corpus = curatedRecords();

/** What the background gathers for one entity. */
function inputFor(entityId: string): CardInput {
  const entity = corpus.entities.find((e) => e.id === entityId);
  if (!entity) throw new Error(`no entity ${entityId}`);
  return { ...corpus, entity, claims: corpus.claims.filter((c) => c.entityIds.includes(entityId)) };
}

function card(entityId: string) {
  const data = buildCard(entityId, inputFor(entityId));
  if (!data) throw new Error(`no card for ${entityId}`);
  return data;
}

// Expected values below were read from data/corpus/*.json by hand.
describe('buildCard on the curated corpus: Kim Jong Un', () => {
  const kim = card('e-kim-jong-un');

  test.each([
    ['Capital of North Korea. Putin visited in 2024.', 'Capital of North Korea.'],
    ['The U.S. leads the sanctions. Russia vetoes.', 'The U.S. leads the sanctions.'],
    ['Met c. 2024 in Wonsan. Then again.', 'Met c. 2024 in Wonsan.'],
    ['One sentence only', 'One sentence only'],
    ['평양은 수도이다. 다음 문장.', '평양은 수도이다.'],
  ])('the definition is the first sentence: %s', (summary, definition) => {
    expect(firstSentence(summary)).toBe(definition);
  });

  test('the entity, and every claim that names him', () => {
    expect(kim.entity).toEqual({
      id: 'e-kim-jong-un',
      label: 'Kim Jong Un',
      kind: 'person',
      summary: expect.stringContaining('Leader of North Korea'),
      definition: expect.stringMatching(/^Leader of North Korea[^.]*\.$/),
      // of the relationship itself: his card opens with the whole summary
      tier: 'core',
    });
    expect(kim.claimCount).toBe(16);
    expect(kim.searchQuery).toBe('Kim Jong Un');
  });

  test('claims are grouped by topic, most-discussed first, "Other claims" last', () => {
    expect(kim.topics.map((t) => [t.id, t.claims.length])).toEqual([
      ['t-closeness', 4],
      ['t-after-ukraine', 2],
      ['t-independence', 1],
      [null, 10],
    ]);
    expect(kim.topics[0]?.question).toBe('How close are Russia and North Korea really?');
    expect(kim.topics[3]?.question).toBe(OTHER_CLAIMS);
  });

  test('claims in a topic are newest first, with their position', () => {
    const closeness = kim.topics[0]!;
    expect(closeness.claims.map((c) => [c.id, c.date.value, c.positionLabel])).toEqual([
      ['c-003-14', '2025-07', 'De facto alliance'],
      ['c-004-03', '2024-06-16', 'Pragmatic partnership'], // "fragile bromance" stands on two scales
      ['c-002-08', '2024-06', 'Alliance in the making'],
      ['c-001-05', '2017-04-27', undefined],
    ]);
    expect(closeness.viewsDiffer).toBe(true);
    expect(kim.topics[1]?.claims.find((c) => c.id === 'c-004-03')?.positionLabel).toBe('Likely to fade after the war');
    expect(kim.topics[1]?.viewsDiffer).toBe(false); // both after-ukraine claims say "likely to fade"
  });

  test('each claim says who (name and role), where, when, and links its source', () => {
    const claim = kim.topics[0]!.claims[0]!;
    expect(claim).toMatchObject({
      id: 'c-003-14',
      quote: expect.stringContaining('alliance relationship'),
      speaker: {
        id: 'p-kim-jong-un',
        name: 'Kim Jong Un',
        role: 'North Korean leader',
        kind: 'official',
        ownVoice: false,
      },
      sourceId: 's-003',
      outlet: 'Zhi News (on Toutiao)',
      sourceUrl: 'https://www.toutiao.com/article/7526550289370874395/',
      date: { value: '2025-07', inferred: true },
    });
  });

  test('an outlet speaking in its own voice is marked so; an outlet it cites is not', () => {
    const all = kim.topics.flatMap((t) => t.claims);
    expect(all.find((c) => c.id === 'c-002-08')?.speaker).toMatchObject({ id: 'p-outlet-002', ownVoice: true });
    // The Economist, quoted by News1
    expect(all.find((c) => c.id === 'c-004-03')?.speaker).toMatchObject({ name: 'The Economist', ownVoice: false });
    expect(all.find((c) => c.id === 'c-004-03')?.outlet).toMatch(/^News1/);
    // s-002 gives no URL
    expect(all.find((c) => c.id === 'c-002-08')).not.toHaveProperty('sourceUrl');
  });

  test('"views differ" on closeness: the positions taken, in scale order, with who and when', () => {
    expect(kim.viewsDiffer).toHaveLength(1);
    const views = kim.viewsDiffer[0]!;
    expect(views.topicId).toBe('t-closeness');
    expect(views.scale.map((p) => p.label)).toEqual([
      'A myth',
      'Mutual leverage',
      'Pragmatic partnership',
      'Alliance in the making',
      'De facto alliance',
    ]);
    expect(views.positions).toEqual([
      {
        id: 't-closeness-pragmatic',
        label: 'Pragmatic partnership',
        summary: expect.any(String),
        index: 2,
        total: 5,
        claims: [
          { claimIds: ['c-004-03'], speakerName: 'The Economist', date: { value: '2024-06-16', inferred: true } },
        ],
      },
      {
        id: 't-closeness-emerging-alliance',
        label: 'Alliance in the making',
        summary: expect.any(String),
        index: 3,
        total: 5,
        claims: [
          {
            claimIds: ['c-002-08'],
            speakerName: 'an unsigned explainer (2024)',
            date: { value: '2024-06', inferred: true },
          },
        ],
      },
      {
        id: 't-closeness-de-facto-alliance',
        label: 'De facto alliance',
        summary: expect.any(String),
        index: 4,
        total: 5,
        claims: [{ claimIds: ['c-003-14'], speakerName: 'Kim Jong Un', date: { value: '2025-07', inferred: true } }],
      },
    ]);
  });

  test('related events: those naming him and those citing his claims, oldest first', () => {
    expect(kim.events.map((e) => [e.id, e.date])).toEqual([
      ['ev-2000-treaty', '2000'], // through Fang Liang's claim c-001-06
      ['ev-2023-09-kim-visit-russia', '2023-09'],
      ['ev-2024-lavrov-visit', '2024'], // through Zhi News's claim c-003-01
      ['ev-2024-06-putin-visit', '2024-06'],
      ['ev-2024-06-16-economist', '2024-06-16'],
      ['ev-2025-06-goma-coast-opening', '2025-06'],
      ['ev-2025-07-lavrov-wonsan', '2025-07'],
    ]);
  });

  test('sources: newest first, with their claim counts and URLs where known', () => {
    expect(kim.sources.map((s) => [s.id, s.claimCount, s.url ?? null])).toEqual([
      ['s-003', 9, 'https://www.toutiao.com/article/7526550289370874395/'],
      ['s-002', 1, null],
      ['s-004', 4, null],
      ['s-001', 2, null],
    ]);
    expect(kim.sources[0]).toMatchObject({
      date: { value: '2025-07-13', inferred: true },
      dateInferredFrom: expect.stringContaining('7526550289370874395'),
    });
  });

  test('no figure is stated in a claim about him', () => {
    expect(kim.figures).toEqual([]);
  });
});

describe('buildCard on the curated corpus: figures, North Korea', () => {
  test('Russia’s figures sit by what they measure, then by year', () => {
    const russia = card('e-russia');
    expect(russia.figures.map((f) => [f.measures, f.year, f.value, f.unit, f.claimId])).toEqual([
      ["a partner's share of North Korea's foreign trade", 2017, 2, 'percent', 'c-001-04'],
      ['containers sent from Russia to North Korea', 2023, 9000, 'containers', 'c-004-10'],
      ['North Korean debt cancelled by Russia', 2000, 3500000000, 'USD', 'c-003-25'],
      ['North Korean debt cancelled by Russia', 2012, 1100000000, 'USD', 'c-000-11'],
      ['Russia–North Korea trade volume', 2023, 29000000, 'USD', 'c-000-16'],
      ["South Korea's rank as an export partner", 2021, 5, 'rank', 'c-004-20'],
    ]);
    expect(russia.figures.find((f) => f.claimId === 'c-004-10')).toMatchObject({ year: 2023, endYear: 2024 });
    expect(russia.figures.find((f) => f.claimId === 'c-000-16')).toMatchObject({
      speakerName: 'Toutiao',
      date: { value: '2024-06-09', inferred: true },
    });
  });

  test('North Korea: every topic where positions differ, each in scale order', () => {
    const nk = card('e-north-korea');
    expect(nk.claimCount).toBe(91);
    const closeness = nk.viewsDiffer.find((v) => v.topicId === 't-closeness')!;
    expect(closeness.positions.map((p) => [p.index, p.claims.flatMap((s) => s.claimIds).length])).toEqual([
      [0, 2], // Devyatov and Nasobin's joint statements count once
      [1, 4],
      [2, 2],
      [3, 3],
      [4, 3],
    ]);
    // Fang Liang takes "mutual leverage" three times in his one article: one line, three claims
    const leverage = closeness.positions[1]!.claims;
    expect(leverage.map((s) => [s.speakerName, s.date.value, s.claimIds.length])).toEqual([
      ['Toutiao', '2024-06-09', 1],
      ['Fang Liang', '2017-04-27', 3],
    ]);
    expect(nk.viewsDiffer.map((v) => v.topicId).sort()).toEqual([
      't-after-ukraine',
      't-closeness',
      't-independence',
      't-sanctions',
      't-trade-aid',
    ]);
    // "views differ" follows the order of the topics
    expect(nk.viewsDiffer.map((v) => v.topicId)).toEqual(nk.topics.flatMap((t) => (t.viewsDiffer ? [t.id] : [])));
  });

  test.each(corpus.entities.map((e) => [e.id]))('%s: plain JSON, small enough to message', (id) => {
    const data = card(id);
    const json = JSON.stringify(data);
    expect(JSON.parse(json)).toStrictEqual(data);
    // Grows with the claims only: no source texts, spans or aliases ride along.
    expect(json.length).toBeLessThan(1_500 * (data.claimCount + 10));
    expect(json).not.toMatch(/"(span|file|aliases)"/);
  });
});

describe('buildCard rules', () => {
  const topic: Topic = {
    id: 't',
    question: 'How much?',
    positions: [
      { id: 't-low', label: 'Low', summary: 'low' },
      { id: 't-mid', label: 'Mid', summary: 'mid' },
      { id: 't-high', label: 'High', summary: 'high' },
    ],
  };
  const source: Source = {
    id: 's',
    file: 's.txt',
    title: 'S',
    outlet: 'Outlet',
    outletId: 'o',
    date: '2024',
    language: 'en',
    kind: 'news',
    url: 'https://example.org/s',
  };
  const people: Person[] = [
    { id: 'o', name: 'Outlet', role: 'outlet', kind: 'outlet' },
    { id: 'a', name: 'Ann', role: 'expert', kind: 'expert' },
  ];
  const claim = (id: string, extra: Partial<Claim> = {}): Claim => ({
    id,
    sourceId: 's',
    text: `Claim ${id} says something.`,
    quote: 'something',
    span: [0, 9],
    speakerIds: ['a'],
    date: '2024-01',
    entityIds: ['x'],
    stances: [],
    figures: [],
    ...extra,
  });
  const input = (claims: Claim[], more: Partial<CardInput> = {}): CardInput => ({
    entity: {
      id: 'x',
      label: 'X',
      kind: 'concept',
      aliases: [{ text: 'X', lang: 'en' }],
      summary: 'An entity for the rules.',
    },
    claims,
    people,
    sources: [source],
    topics: [topic],
    events: [],
    ...more,
  });

  test('a card for another entity is null', () => {
    expect(buildCard('y', input([claim('c1')]))).toBeNull();
  });

  test('the reader’s own claims are marked theirs, with their page, and stand on the timeline at their date', () => {
    const mine = claim('c2', {
      date: '2026-12-04',
      passage: {
        url: 'https://news.example/a',
        quote: { type: 'TextQuoteSelector', exact: 'q', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 1 },
      },
    });
    const data = buildCard('x', input([claim('c1'), mine], { yours: new Set(['c2']) }))!;
    const all = data.topics.flatMap((t) => t.claims);
    expect(all.find((c) => c.id === 'c2')?.yours).toEqual({ pageUrl: 'https://news.example/a' });
    expect(all.find((c) => c.id === 'c1')?.yours).toBeUndefined();
    expect(data.events).toEqual([{ id: 'c2', label: mine.text, date: '2026-12-04', yours: true }]);
  });

  test('claims that do not name the entity are ignored', () => {
    const data = buildCard('x', input([claim('c1'), claim('c2', { entityIds: ['y'] })]))!;
    expect(data.claimCount).toBe(1);
  });

  test('one position taken twice is not "views differ"; two positions are, low to high', () => {
    const same = buildCard(
      'x',
      input([
        claim('c1', { stances: [{ topicId: 't', positionId: 't-high' }] }),
        claim('c2', { stances: [{ topicId: 't', positionId: 't-high' }] }),
      ]),
    )!;
    expect(same.viewsDiffer).toEqual([]);
    const differ = buildCard(
      'x',
      input([
        claim('c1', { stances: [{ topicId: 't', positionId: 't-high' }], date: '2024-03' }),
        claim('c2', { stances: [{ topicId: 't', positionId: 't-low' }], date: '2024-01' }),
        claim('c3', { stances: [{ topicId: 't', positionId: 't-high' }], date: '2024-05', speakerIds: ['o'] }),
      ]),
    )!;
    expect(
      differ.viewsDiffer[0]?.positions.map((p) => [p.label, p.index, p.total, p.claims.map((c) => c.claimIds)]),
    ).toEqual([
      ['Low', 0, 3, [['c2']]],
      ['High', 2, 3, [['c3'], ['c1']]],
    ]);
  });

  test('a topic the records do not know, and a missing speaker, degrade without dropping the claim', () => {
    const data = buildCard('x', input([claim('c1', { stances: [{ topicId: 'gone' }], speakerIds: ['nobody'] })]))!;
    expect(data.topics).toHaveLength(1);
    expect(data.topics[0]).toMatchObject({ id: null, question: OTHER_CLAIMS });
    expect(data.topics[0]?.claims[0]?.speaker).toEqual({
      id: 'nobody',
      name: 'nobody',
      role: '',
      kind: null,
      ownVoice: false,
    });
  });

  test('a statement made together is one claim, with both speakers and their shared role', () => {
    const people2 = [...people, { id: 'b', name: 'Ben', role: 'expert', kind: 'expert' as const }];
    const data = buildCard(
      'x',
      input([claim('c1', { speakerIds: ['a', 'b'], stances: [{ topicId: 't', positionId: 't-low' }] })], {
        people: people2,
      }),
    )!;
    expect(data.claimCount).toBe(1);
    expect(data.topics[0]?.claims.map((c) => c.speaker)).toEqual([
      { id: 'a', name: 'Ann and Ben', role: 'experts', kind: 'expert', ownVoice: false },
    ]);
  });

  test('a claim with stances on two topics answers each, with the position it takes there', () => {
    const other: Topic = {
      ...topic,
      id: 'u',
      question: 'How close?',
      positions: [
        { id: 'u-far', label: 'Far', summary: 'far' },
        { id: 'u-near', label: 'Near', summary: 'near' },
      ],
    };
    const data = buildCard(
      'x',
      input(
        [
          claim('c1', {
            stances: [
              { topicId: 't', positionId: 't-high' },
              { topicId: 'u', positionId: 'u-near' },
            ],
          }),
        ],
        { topics: [topic, other] },
      ),
    )!;
    expect(data.claimCount).toBe(1);
    expect(data.topics.map((t) => [t.id, t.claims.map((c) => [c.id, c.positionLabel])])).toEqual([
      ['t', [['c1', 'High']]],
      ['u', [['c1', 'Near']]],
    ]);
  });

  test.each<[string, Partial<Source>, Partial<Claim>, string | undefined]>([
    ['an English original', {}, {}, undefined],
    ['a Korean article read in English', { language: 'en', languageChain: ['ko', 'en'] }, {}, 'translated from Korean'],
    [
      'Putin in a Korean article',
      { languageChain: ['ko', 'en'] },
      { quotedVia: ['ru', 'ko', 'en'] },
      'from Russian via Korean',
    ],
    [
      'The Economist in a Korean article',
      { languageChain: ['ko', 'en'] },
      { quotedVia: ['en', 'ko', 'en'] },
      'back-translated via Korean',
    ],
  ])('the quote of %s says how it was translated', (_name, sourceFields, claimFields, label) => {
    const data = buildCard('x', input([claim('c1', claimFields)], { sources: [{ ...source, ...sourceFields }] }))!;
    expect(data.topics[0]?.claims[0]?.translation).toBe(label);
  });

  test('only http(s) URLs become links', () => {
    const bad = { ...source, url: 'javascript:alert(1)' };
    const data = buildCard('x', input([claim('c1')], { sources: [bad] }))!;
    expect(data.topics[0]?.claims[0]).not.toHaveProperty('sourceUrl');
    expect(data.sources[0]).not.toHaveProperty('url');
    expect([
      isWebUrl('https://a.example/'),
      isWebUrl('http://a.example/'),
      isWebUrl('data:text/html,x'),
      isWebUrl('nope'),
    ]).toEqual([true, true, false, false]);
  });

  test('events: related by entity or by claim, date-sorted; unrelated ones left out', () => {
    const ev = (id: string, date: string, entityIds: string[], claimIds: string[], endDate?: string) => ({
      id,
      label: id,
      date,
      summary: 'An event for the rules.',
      entityIds,
      claimIds,
      ...(endDate && { endDate }),
    });
    const data = buildCard(
      'x',
      input([claim('c1')], {
        events: [
          ev('late', '2024-06', ['x'], ['z']),
          ev('war', '1950', [], ['c1'], '1953'),
          ev('other', '2000', ['y'], ['z']),
        ],
      }),
    )!;
    expect(data.events).toEqual([
      { id: 'war', label: 'war', date: '1950', endDate: '1953' },
      { id: 'late', label: 'late', date: '2024-06' },
    ]);
  });

  describe('"On this page": the claims that name another entity on the page come first, once', () => {
    const claims = [
      claim('c1', { date: '2023-05', entityIds: ['x', 'y', 'v'], stances: [{ topicId: 't', positionId: 't-low' }] }),
      claim('c2', { date: '2024-02', entityIds: ['x', 'v'], stances: [{ topicId: 't', positionId: 't-high' }] }),
      claim('c3', { date: '2024-03', entityIds: ['x', 'z', 'v'] }),
      claim('c4', { date: '2022-01', entityIds: ['x'] }),
    ];
    test.each<[string, string[] | undefined, string[], Record<string, string[]>]>([
      ['no page entities (the popup)', undefined, [], { 'How much?': ['c2', 'c1'], [OTHER_CLAIMS]: ['c3', 'c4'] }],
      ['only the entity itself', ['x'], [], { 'How much?': ['c2', 'c1'], [OTHER_CLAIMS]: ['c3', 'c4'] }],
      ['no overlap', ['w'], [], { 'How much?': ['c2', 'c1'], [OTHER_CLAIMS]: ['c3', 'c4'] }],
      ['one entity', ['y'], ['c1'], { 'How much?': ['c2'], [OTHER_CLAIMS]: ['c3', 'c4'] }],
      [
        'an entity in most of its claims singles nothing out',
        ['v'],
        [],
        { 'How much?': ['c2', 'c1'], [OTHER_CLAIMS]: ['c3', 'c4'] },
      ],
      ['with one that does', ['v', 'y'], ['c1'], { 'How much?': ['c2'], [OTHER_CLAIMS]: ['c3', 'c4'] }],
      ['two entities, newest first', ['y', 'z', 'x'], ['c3', 'c1'], { 'How much?': ['c2'], [OTHER_CLAIMS]: ['c4'] }],
    ])('%s', (_, pageEntityIds, onPage, topics) => {
      const data = buildCard('x', input(claims, pageEntityIds ? { pageEntityIds } : {}))!;
      expect(data.onPage.map((c) => c.id)).toEqual(onPage);
      expect(Object.fromEntries(data.topics.map((t) => [t.question, t.claims.map((c) => c.id)]))).toEqual(topics);
      // Moved, not dropped: every claim is still counted and still placed on its scale.
      expect(data.claimCount).toBe(4);
      expect(data.viewsDiffer[0]?.positions.flatMap((p) => p.claims.flatMap((st) => st.claimIds))).toEqual([
        'c1',
        'c2',
      ]);
    });

    test('a topic whose claims are all on the page is not listed empty', () => {
      const onIt = claim('c1', { entityIds: ['x', 'y'], stances: [{ topicId: 't', positionId: 't-low' }] });
      const data = buildCard('x', input([onIt, claim('c2')], { pageEntityIds: ['y'] }))!;
      expect(data.onPage.map((c) => c.id)).toEqual(['c1']);
      expect(data.topics.map((t) => [t.question, t.claims.map((c) => c.id)])).toEqual([[OTHER_CLAIMS, ['c2']]]);
    });

    test('North Korea on a page that names Wonsan and Lavrov opens on their claims', () => {
      const nk = buildCard('e-north-korea', {
        ...inputFor('e-north-korea'),
        pageEntityIds: ['e-wonsan', 'e-sergey-lavrov'],
      })!;
      const expected = corpus.claims
        .filter((c) => c.entityIds.includes('e-north-korea'))
        .filter((c) => c.entityIds.includes('e-wonsan') || c.entityIds.includes('e-sergey-lavrov'))
        .map((c) => c.id);
      expect(nk.onPage.map((c) => c.id).sort()).toEqual([...expected].sort());
      expect(expected.length).toBeGreaterThan(0);
      const below = new Set(nk.topics.flatMap((t) => t.claims.map((c) => c.id)));
      expect(expected.filter((id) => below.has(id))).toEqual([]);
    });
  });
});
