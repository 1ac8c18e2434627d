import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { CorpusRecords } from '../../../lib/corpus/schema';
import { fixture, quote, TEXT, TEXTS, validFixture } from '../../fixtures/corpus';
import { type CorpusIssue, formatIssues, validateCorpus, validatePack } from '../../../lib/corpus/validate';

/** Loose view of the corpus so that cases can break the schema on purpose. */
type Loose = Record<string, Array<Record<string, unknown>>>;
type Texts = Record<string, string>;

function expectIssue(issues: CorpusIssue[], record: string, field: string, message?: RegExp): void {
  const hit = issues.find((i) => i.record === record && i.field === field && (!message || message.test(i.message)));
  expect(hit, `expected an issue on ${record} → ${field}; got:\n${formatIssues(issues)}`).toBeDefined();
}

describe('validateCorpus', () => {
  test('the fixture corpus is valid', () => {
    const result = validateCorpus(validFixture(), TEXTS);
    expect(result.ok ? [] : formatIssues(result.issues)).toEqual([]);
  });

  test.each<[string, (c: Loose, t: Texts) => void, string, string, RegExp?]>([
    [
      'quote not verbatim at its span',
      (c) => {
        c.claims![0]!.span = [1, 40];
      },
      'claims[0] (id "c-1")',
      'span',
      /not verbatim.*occurs at \[11, 50\]/,
    ],
    [
      'quote not in the text at all',
      (c) => {
        c.claims![0]!.quote = 'Russia and North Korea are enemies';
      },
      'claims[0] (id "c-1")',
      'quote',
      /does not occur in a\.txt/,
    ],
    [
      'span past the end of the text',
      (c) => {
        c.claims![0]!.span = [80, 900];
      },
      'claims[0] (id "c-1")',
      'span',
      /past the end/,
    ],
    [
      'claim without source',
      (c) => {
        delete c.claims![0]!.sourceId;
      },
      'claims[0] (id "c-1")',
      'sourceId',
      /is required/,
    ],
    [
      'claim without date',
      (c) => {
        delete c.claims![1]!.date;
      },
      'claims[1] (id "c-2")',
      'date',
      /is required/,
    ],
    [
      'claim with a malformed date',
      (c) => {
        c.claims![1]!.date = '2024-13';
      },
      'claims[1] (id "c-2")',
      'date',
      /YYYY/,
    ],
    [
      'claim without entity',
      (c) => {
        c.claims![0]!.entityIds = [];
      },
      'claims[0] (id "c-1")',
      'entityIds',
    ],
    [
      'claim with an unknown field',
      (c) => {
        c.claims![0]!.colour = 'red';
      },
      'claims[0] (id "c-1")',
      'colour',
      /unknown field/,
    ],
    [
      'figure without a year',
      (c) => {
        delete (c.claims![1]!.figures as Array<Record<string, unknown>>)[0]!.year;
      },
      'claims[1] (id "c-2")',
      'figures[0].year',
      /is required/,
    ],
    [
      'dangling sourceId',
      (c) => {
        c.claims![0]!.sourceId = 's-9';
      },
      'claims[0] (id "c-1")',
      'sourceId',
      /no source "s-9"/,
    ],
    [
      'dangling speaker',
      (c) => {
        c.claims![0]!.speakerIds = ['p-alpha', 'p-nobody'];
      },
      'claims[0] (id "c-1")',
      'speakerIds[1]',
      /no person or organisation "p-nobody"/,
    ],
    [
      'claim without a speaker',
      (c) => {
        c.claims![0]!.speakerIds = [];
      },
      'claims[0] (id "c-1")',
      'speakerIds',
    ],
    [
      'speaker listed twice',
      (c) => {
        c.claims![0]!.speakerIds = ['p-alpha', 'p-alpha'];
      },
      'claims[0] (id "c-1")',
      'speakerIds[1]',
      /listed twice/,
    ],
    [
      'claim with an old single speakerId next to speakerIds',
      (c) => {
        c.claims![0]!.speakerId = 'p-alpha';
      },
      'claims[0] (id "c-1")',
      'speakerId',
      /unknown field/,
    ],
    [
      'dangling claim entityId',
      (c) => {
        c.claims![0]!.entityIds = ['e-ru', 'e-mars'];
      },
      'claims[0] (id "c-1")',
      'entityIds[1]',
      /no entity "e-mars"/,
    ],
    [
      'stance on a topic that does not exist',
      (c) => {
        c.claims![0]!.stances = [{ topicId: 't-1', positionId: 't-1-ally' }, { topicId: 't-9' }];
      },
      'claims[0] (id "c-1")',
      'stances[1].topicId',
      /no topic "t-9"/,
    ],
    [
      'stance with a position that does not exist',
      (c) => {
        c.claims![0]!.stances = [{ topicId: 't-1', positionId: 't-1-rivals' }];
      },
      'claims[0] (id "c-1")',
      'stances[0].positionId',
      /"t-1-rivals" is not a position of topic "t-1"/,
    ],
    [
      'stance with a position of another topic',
      (c) => {
        c.claims![0]!.stances = [{ topicId: 't-1', positionId: 't-2-a' }];
      },
      'claims[0] (id "c-1")',
      'stances[0].positionId',
      /not a position of topic "t-1"/,
    ],
    [
      'stance with a position but no topic',
      (c) => {
        c.claims![0]!.stances = [{ positionId: 't-1-ally' }];
      },
      'claims[0] (id "c-1")',
      'stances[0].topicId',
      /is required/,
    ],
    [
      'two positions on one topic',
      (c) => {
        c.claims![0]!.stances = [
          { topicId: 't-1', positionId: 't-1-ally' },
          { topicId: 't-1', positionId: 't-1-myth' },
        ];
      },
      'claims[0] (id "c-1")',
      'stances[1].topicId',
      /answered twice/,
    ],
    [
      'translated quote without its chain',
      (c) => {
        c.people![1]!.language = 'ru';
      },
      'claims[0] (id "c-1")',
      'quotedVia',
      /Alpha speaks Russian and s-1's original is English; give its chain, e\.g\. \["ru","en"\]/,
    ],
    [
      "translated quote whose chain does not end in the source's",
      (c) => {
        c.people![1]!.language = 'ru';
        c.claims![0]!.quotedVia = ['ru', 'ko'];
      },
      'claims[0] (id "c-1")',
      'quotedVia',
      /must be longer than and end in s-1's chain \["en"\]/,
    ],
    [
      "translated quote whose chain starts in another language than the speaker's",
      (c) => {
        c.people![1]!.language = 'ru';
        c.claims![0]!.quotedVia = ['ko', 'en'];
      },
      'claims[0] (id "c-1")',
      'quotedVia',
      /starts in "ko", but Alpha speaks "ru"/,
    ],
    [
      "quote chain no longer than the source's",
      (c) => {
        c.sources![0]!.languageChain = ['ko', 'en'];
        c.claims![0]!.quotedVia = ['ko', 'en'];
      },
      'claims[0] (id "c-1")',
      'quotedVia',
      /must be longer than/,
    ],
    [
      "source language chain that does not end in the text's language",
      (c) => {
        c.sources![0]!.languageChain = ['en', 'ko'];
      },
      'sources[0] (id "s-1")',
      'languageChain',
      /ends in "ko", not the text's language "en"/,
    ],
    [
      'source language chain in an unknown language',
      (c) => {
        c.sources![0]!.languageChain = ['xx', 'en'];
      },
      'sources[0] (id "s-1")',
      'languageChain[0]',
    ],
    [
      'dangling source authorId',
      (c) => {
        c.sources![0]!.authorId = 'p-gone';
      },
      'sources[0] (id "s-1")',
      'authorId',
      /no person/,
    ],
    [
      'a decade in an entity summary that no quote gives, unflagged',
      (c) => {
        c.entities![0]!.summary = 'A country that turned to the West in the 1990s.';
      },
      'entities[0] (id "e-ru")',
      'summary',
      /states 1990s, which no source quote of it gives/,
    ],
    [
      'a project note that does not name the year it adds',
      (c) => {
        c.entities![0]!.summary = 'A country that turned to the West in 1992.';
        c.entities![0]!.projectNote = 'The date is the project’s.';
      },
      'entities[0] (id "e-ru")',
      'projectNote',
      /states 1992/,
    ],
    [
      'an event date that no quote of its claims gives, unflagged',
      (c) => {
        delete c.events![0]!.projectNote;
        c.claims![0]!.dateInferred = { inferredFrom: 'inferred by the fixture, not printed' };
      },
      'events[0] (id "ev-1")',
      'date',
      /states 2024/,
    ],
    [
      'an event end date that no quote gives and the note does not name',
      (c) => {
        c.events![0]!.endDate = '2025';
      },
      'events[0] (id "ev-1")',
      'projectNote',
      /states 2025/,
    ],
    [
      'a claim paraphrase that adds a year its quote does not give',
      (c) => {
        c.claims![0]!.text = 'Alpha called them close allies in 1999.';
      },
      'claims[0] (id "c-1")',
      'text',
      /states 1999/,
    ],
    [
      'an empty project note',
      (c) => {
        c.entities![0]!.projectNote = '';
      },
      'entities[0] (id "e-ru")',
      'projectNote',
    ],
    [
      'the same figure recorded twice',
      (c) => {
        c.claims![0]!.figures = [{ id: 'f-2', value: 1, unit: 'myth', measures: 'myths', year: 2024 }];
      },
      'claims[1] (id "c-2")',
      'figures[0]',
      /the same datum as figure "f-2" of claim "c-1"; keep one record per datum/,
    ],
    [
      'a figure whose period ends before it starts',
      (c) => {
        (c.claims![1]!.figures as Array<Record<string, unknown>>)[0]!.endYear = 2023;
      },
      'claims[1] (id "c-2")',
      'figures[0].endYear',
      /before it starts/,
    ],
    [
      'source url that is not http(s)',
      (c) => {
        c.sources![0]!.url = 'javascript:alert(1)';
      },
      'sources[0] (id "s-1")',
      'url',
    ],
    [
      'dangling outletId',
      (c) => {
        c.sources![0]!.outletId = 'p-gone';
      },
      'sources[0] (id "s-1")',
      'outletId',
      /no person/,
    ],
    [
      'dangling person entityId',
      (c) => {
        c.people![1]!.entityId = 'e-gone';
      },
      'people[1] (id "p-alpha")',
      'entityId',
      /no entity/,
    ],
    [
      'dangling event entityId',
      (c) => {
        c.events![0]!.entityIds = ['e-gone'];
      },
      'events[0] (id "ev-1")',
      'entityIds[0]',
      /no entity/,
    ],
    [
      'dangling event claimId',
      (c) => {
        c.events![0]!.claimIds = ['c-1', 'c-99'];
      },
      'events[0] (id "ev-1")',
      'claimIds[1]',
      /no claim "c-99"/,
    ],
    [
      'event ending before it starts',
      (c) => {
        c.events![0]!.endDate = '2023';
      },
      'events[0] (id "ev-1")',
      'endDate',
      /before it starts/,
    ],
    [
      'entity without claims',
      (c) => {
        c.entities!.push({
          id: 'e-moon',
          label: 'Moon',
          kind: 'place',
          aliases: [{ text: 'Moon', lang: 'en' }],
          summary: 'Not in any claim at all.',
        });
      },
      'entities[2] (id "e-moon")',
      'id',
      /no claims/,
    ],
    [
      'entity without aliases',
      (c) => {
        c.entities![1]!.aliases = [];
      },
      'entities[1] (id "e-nk")',
      'aliases',
    ],
    [
      'alias claimed by two entities',
      (c) => {
        (c.entities![1]!.aliases as unknown[]).push({ text: 'RUSSIA', lang: 'en' });
      },
      'entities[1] (id "e-nk")',
      'aliases[2].text',
      /also an alias of entity "e-ru"/,
    ],
    [
      'alias shared after NFKC and dash folding',
      (c) => {
        (c.entities![1]!.aliases as unknown[]).push({ text: 'Ｒｏｓｓｉｙａ', lang: 'en' });
        (c.entities![0]!.aliases as unknown[]).push({ text: 'rossiya', lang: 'en' });
      },
      'entities[1] (id "e-nk")',
      'aliases[2].text',
      /also an alias/,
    ],
    [
      'alias shared, marked ambiguous on one side only',
      (c) => {
        (c.entities![1]!.aliases as unknown[]).push({ text: 'Russia', lang: 'en', ambiguous: true });
      },
      'entities[1] (id "e-nk")',
      'aliases[2].text',
      /mark it ambiguous on both/,
    ],
    [
      'shared ambiguous alias without confirm rules to tell the entities apart',
      (c) => {
        (c.entities![0]!.aliases as unknown[]).push({ text: 'the North', lang: 'en', ambiguous: true });
        (c.entities![1]!.aliases as unknown[]).push({ text: 'the North', lang: 'en', ambiguous: true });
      },
      'entities[1] (id "e-nk")',
      'aliases[2].text',
      /needs confirm rules/,
    ],
    [
      'context rule with no part',
      (c) => {
        (c.entities![0]!.aliases as unknown[]).push({ text: 'RF', lang: 'en', veto: [{}] });
      },
      'entities[0] (id "e-ru")',
      'aliases[2].veto[0]',
      /before, after or word/,
    ],
    [
      'context rule pattern that does not compile',
      (c) => {
        (c.entities![0]!.aliases as unknown[]).push({ text: 'RF', lang: 'en', veto: [{ after: '(\\$' }] });
      },
      'entities[0] (id "e-ru")',
      'aliases[2].veto[0]',
      /does not compile/,
    ],
    [
      'capitalised rule on an alias that is not capitalised',
      (c) => {
        (c.entities![0]!.aliases as unknown[]).push({ text: 'россия', lang: 'ru', capitalised: true });
      },
      'entities[0] (id "e-ru")',
      'aliases[2].capitalised',
      /would never be marked/,
    ],
    [
      'capitalised rule on an alias without cased letters',
      (c) => {
        (c.entities![0]!.aliases as unknown[]).push({ text: '러시아', lang: 'ko', capitalised: true });
      },
      'entities[0] (id "e-ru")',
      'aliases[2].capitalised',
      /does nothing/,
    ],
    [
      'veto of the alias itself',
      (c) => {
        (c.entities![0]!.aliases as unknown[]).push({ text: 'Rossiya', lang: 'en', veto: [{ word: 'Ross.*' }] });
      },
      'entities[0] (id "e-ru")',
      'aliases[2].veto[0].word',
      /vetoes "Rossiya" itself/,
    ],
    [
      'alias listed twice by one entity',
      (c) => {
        (c.entities![0]!.aliases as unknown[]).push({ text: 'russia', lang: 'en' });
      },
      'entities[0] (id "e-ru")',
      'aliases[2].text',
      /listed twice/,
    ],
    [
      'topic position without claims',
      (c) => {
        (c.topics![0]!.positions as unknown[]).push({ id: 't-1-rivals', label: 'Rivals', summary: 'Rivals.' });
      },
      'topics[0] (id "t-1")',
      'positions[2]',
      /"t-1-rivals" has no claims/,
    ],
    [
      'topic with one position',
      (c) => {
        (c.topics![1]!.positions as unknown[]).pop();
      },
      'topics[1] (id "t-2")',
      'positions',
    ],
    [
      'source file not listed',
      (_c, t) => {
        t['b.txt'] = 'stray text';
      },
      'texts["b.txt"]',
      'file',
      /not listed by any source/,
    ],
    [
      'source file missing',
      (_c, t) => {
        delete t['a.txt'];
      },
      'sources[0] (id "s-1")',
      'file',
      /is missing/,
    ],
    [
      'duplicate claim id',
      (c) => {
        c.claims!.push({ ...c.claims![0]! });
      },
      'claims[4] (id "c-1")',
      'id',
      /duplicate id/,
    ],
    [
      'duplicate figure id',
      (c) => {
        c.claims![0]!.figures = [{ id: 'f-1', value: 2, unit: 'x', measures: 'more myths', year: 2024 }];
      },
      'claims[1] (id "c-2")',
      'figures[0].id',
      /already used in claim "c-1"/,
    ],
    [
      'duplicate position id',
      (c) => {
        (c.topics![1]!.positions as Array<Record<string, unknown>>)[0]!.id = 't-1-myth';
      },
      'topics[1] (id "t-2")',
      'positions[0].id',
      /already used/,
    ],
    [
      'records list missing',
      (c) => {
        delete c.events;
      },
      'corpus',
      'events',
      /is required/,
    ],
  ])('fails on %s', (_name, mutate, record, field, message) => {
    const corpus = structuredClone(validFixture()) as unknown as Loose;
    const texts: Texts = { ...TEXTS };
    mutate(corpus, texts);
    const result = validateCorpus(corpus, texts);
    expect(result.ok).toBe(false);
    if (!result.ok) expectIssue(result.issues, record, field, message);
  });

  test('two entities may share an alias both mark ambiguous, when context rules tell them apart', () => {
    const c = validFixture();
    c.entities[0]!.aliases.push({ text: 'the North', lang: 'en', ambiguous: true, confirm: [{ after: ' of Russia' }] });
    c.entities[1]!.aliases.push({ text: 'The North', lang: 'en', ambiguous: true, confirm: [{ after: ' of Korea' }] });
    expect(validateCorpus(c, TEXTS).ok).toBe(true);
  });
});

describe('validatePack', () => {
  const base = validFixture();
  const PACK_TEXT = 'Gamma says the friendship between Russia and North Korea is real.';

  type Rec = Record<string, unknown>;
  interface Draft {
    format: unknown;
    formatVersion: unknown;
    id: string;
    name: string;
    texts: Texts;
    sources: Rec[];
    people: Rec[];
    entities: Rec[];
    claims: Rec[];
    topics: Rec[];
    events: Rec[];
  }

  function pack(): Draft {
    const q = 'the friendship between Russia and North Korea is real';
    const start = PACK_TEXT.indexOf(q);
    return {
      format: 'rdl-corpus-pack',
      formatVersion: 1,
      id: 'test-pack',
      name: 'Test pack',
      texts: { 'p.txt': PACK_TEXT },
      sources: [
        {
          id: 's-p',
          file: 'p.txt',
          title: 'P',
          outlet: 'Outlet',
          outletId: 'p-outlet',
          date: '2026',
          language: 'en',
          kind: 'news',
        },
      ],
      people: [{ id: 'p-gamma', name: 'Gamma', role: 'analyst', kind: 'expert' }],
      entities: [
        {
          id: 'e-friendship',
          label: 'Friendship',
          kind: 'concept',
          aliases: [{ text: 'friendship', lang: 'en' }],
          summary: 'Friendship between the two.',
        },
      ],
      // refers to base: person p-outlet, entities e-ru/e-nk, topic t-1
      claims: [
        {
          id: 'c-p1',
          sourceId: 's-p',
          text: 'Gamma says the friendship is real.',
          quote: q,
          span: [start, start + q.length],
          speakerIds: ['p-gamma'],
          date: '2026',
          entityIds: ['e-friendship', 'e-ru', 'e-nk'],
          stances: [{ topicId: 't-1', positionId: 't-1-ally' }],
        },
      ],
      topics: [],
      events: [],
    };
  }

  test('a valid pack referring to base records passes', () => {
    const result = validatePack(pack(), base);
    expect(result.ok ? [] : formatIssues(result.issues)).toEqual([]);
  });

  test('a pack in the shape before 0.3 (one speakerId, one topicId and positionId) reads as the new fields', () => {
    const p = pack();
    const { speakerIds, stances, ...rest } = p.claims[0]!;
    p.claims[0] = { ...rest, speakerId: 'p-gamma', topicId: 't-1', positionId: 't-1-ally' };
    p.claims.push({ ...rest, id: 'c-p2', speakerId: 'p-gamma' });
    const result = validatePack(p, base);
    expect(result.ok ? [] : formatIssues(result.issues)).toEqual([]);
    if (!result.ok) return;
    expect(result.value.claims[0]).toMatchObject({ speakerIds, stances });
    expect(result.value.claims[0]).not.toHaveProperty('speakerId');
    expect(result.value.claims[0]).not.toHaveProperty('topicId');
    expect(result.value.claims[1]).toMatchObject({ speakerIds: ['p-gamma'], stances: [] });
  });

  test('an old-shape position without its topic is named in the new field', () => {
    const p = pack();
    const { speakerIds: _s, stances: _t, ...rest } = p.claims[0]!;
    p.claims[0] = { ...rest, speakerId: 'p-gamma', positionId: 't-1-ally' };
    const result = validatePack(p, base);
    expect(result.ok).toBe(false);
    if (!result.ok) expectIssue(result.issues, 'claims[0] (id "c-p1")', 'stances[0].topicId', /is required/);
  });

  test('the example pack in data/packs is valid against the bundled corpus', () => {
    const read = (p: string): unknown =>
      JSON.parse(readFileSync(fileURLToPath(new URL(`../../../data/${p}`, import.meta.url)), 'utf8'));
    const corpus = Object.fromEntries(
      ['sources', 'people', 'entities', 'claims', 'topics', 'events'].map((k) => [k, read(`corpus/${k}.json`)]),
    ) as unknown as CorpusRecords;
    const result = validatePack(read('packs/example-pack.json'), corpus);
    expect(result.ok ? [] : formatIssues(result.issues)).toEqual([]);
    if (result.ok) {
      expect(result.value.entities).toHaveLength(1);
      expect(result.value.claims).toHaveLength(2);
    }
  });

  test.each<[string, (p: Draft) => void, string, string, RegExp?]>([
    [
      'wrong format tag',
      (p) => {
        p.format = 'something-else';
      },
      'pack',
      'format',
    ],
    [
      'unknown format version',
      (p) => {
        p.formatVersion = 2;
      },
      'pack',
      'formatVersion',
    ],
    [
      'id colliding with the base corpus',
      (p) => {
        p.claims[0]!.id = 'c-1';
      },
      'claims[0] (id "c-1")',
      'id',
      /already used in the bundled corpus/,
    ],
    [
      'entity id colliding with the base corpus',
      (p) => {
        p.entities[0]!.id = 'e-ru';
      },
      'entities[0] (id "e-ru")',
      'id',
      /already used in the bundled corpus/,
    ],
    [
      'alias colliding with a base entity',
      (p) => {
        (p.entities[0]!.aliases as unknown[]).push({ text: 'DPRK', lang: 'en' });
      },
      'entities[0] (id "e-friendship")',
      'aliases[1].text',
      /also an alias of entity "e-nk"/,
    ],
    [
      'quote not verbatim',
      (p) => {
        p.claims[0]!.span = [0, 10];
      },
      'claims[0] (id "c-p1")',
      'span',
      /not verbatim/,
    ],
    [
      'claim quoting a base source',
      (p) => {
        p.claims[0]!.sourceId = 's-1';
      },
      'claims[0] (id "c-p1")',
      'sourceId',
      /not in this pack/,
    ],
    [
      'text not listed by a pack source',
      (p) => {
        p.texts['q.txt'] = 'extra';
      },
      'texts["q.txt"]',
      'file',
      /not listed/,
    ],
    [
      'source file already in the base corpus',
      (p) => {
        p.sources[0]!.file = 'a.txt';
        p.texts['a.txt'] = PACK_TEXT;
        delete p.texts['p.txt'];
      },
      'sources[0] (id "s-p")',
      'file',
      /already listed by source "s-1"/,
    ],
    [
      'dangling reference into base',
      (p) => {
        p.claims[0]!.stances = [{ topicId: 't-404' }];
      },
      'claims[0] (id "c-p1")',
      'stances[0].topicId',
      /no topic/,
    ],
    [
      'pack entity without claims',
      (p) => {
        p.claims[0]!.entityIds = ['e-ru'];
      },
      'entities[0] (id "e-friendship")',
      'id',
      /no claims/,
    ],
  ])('rejects a pack with %s', (_name, mutate, record, field, message) => {
    const p = pack();
    mutate(p);
    const result = validatePack(p, base);
    expect(result.ok).toBe(false);
    if (!result.ok) expectIssue(result.issues, record, field, message);
  });

  test('an invalid pack is rejected whole, with every problem named', () => {
    const p = pack();
    p.claims[0]!.span = [0, 5];
    p.people[0]!.id = 'p-alpha';
    p.claims[0]!.speakerIds = ['p-alpha'];
    const result = validatePack(p, base);
    expect(result.ok).toBe(false);
    expect('value' in result).toBe(false);
    if (result.ok) return;
    const text = formatIssues(result.issues);
    expect(text).toContain('claims[0] (id "c-p1") → span: quote is not verbatim');
    expect(text).toContain('people[0] (id "p-alpha") → id: id "p-alpha" is already used in the bundled corpus');
  });

  test('a pack that is not an object is rejected with a clear message', () => {
    const result = validatePack('not a pack', base);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatIssues(result.issues)).toMatch(/^pack → \(record\): /);
  });
});

describe('formatIssues', () => {
  test('one line per issue, cut at max with a count of the rest', () => {
    const issues = Array.from({ length: 5 }, (_, i) => ({ record: `claims[${i}]`, field: 'span', message: 'bad' }));
    expect(formatIssues(issues, 2)).toBe('claims[0] → span: bad\nclaims[1] → span: bad\n… and 3 more');
  });
});
