/**
 * The searcher's mechanics on a small fixed corpus (searchRecords, ../../fixtures/corpus.ts): the cached
 * index, highlight offsets in text that normalisation changes, filters, short
 * queries, limits and grouping.
 */
import { describe, expect, test } from 'vitest';
import type { CorpusRecords } from '../../../lib/corpus/schema';
import { type SearchFilters, type SearchKind, buildSearchIndex, createSearcher } from '../../../lib/search';
import { generateCorpus } from '../../bench/generate-corpus';
import { searchRecords } from '../../fixtures/corpus';

const records = searchRecords();
const searcher = createSearcher(records);

function groups(query: string, filters?: SearchFilters) {
  return Object.fromEntries(searcher.search(query, filters).groups.map((g) => [g.kind, g.hits.map((h) => h.id)]));
}

function marked(query: string, kind: SearchKind, id: string) {
  const hit = searcher
    .search(query)
    .groups.find((g) => g.kind === kind)!
    .hits.find((h) => h.id === id)!;
  return hit.highlights.map((h) => ({ field: h.field, marked: h.ranges.map(([s, e]) => h.text.slice(s, e)) }));
}

describe('the cached index', () => {
  const queries = [
    'pyongyang',
    'Pyongyng',
    'sanctions',
    '"strategic partnership"',
    'Ким',
    '김정은',
    'p',
    'anna petrova summit',
  ];

  test('survives JSON and answers exactly as a freshly built one', () => {
    const cached = JSON.parse(JSON.stringify(buildSearchIndex(records)));
    const fromCache = createSearcher(records, cached);
    expect(fromCache.indexSource).toBe('cache');
    expect(createSearcher(records).indexSource).toBe('built');
    for (const q of queries) expect(fromCache.search(q)).toEqual(searcher.search(q));
    expect(fromCache.toJSON()).toBe(cached);
  });

  test('is rebuilt, not trusted, when it belongs to other records', () => {
    const cached = buildSearchIndex(records);
    const changed: CorpusRecords = searchRecords();
    changed.claims.push({ ...changed.claims[0]!, id: 'c-new', text: 'A new claim about Wonsan and its port.' });
    const s = createSearcher(changed, cached);
    expect(s.indexSource).toBe('built');
    expect(s.search('Wonsan').groups.map((g) => g.hits.map((h) => h.id))).toEqual([['c-new']]);
  });

  test.each([
    ['another format', { format: 'something-else' }],
    ['another version', { version: 999 }],
    ['unreadable postings', { postings: { lengths: 'AAAA', gaps: '@@@' } }],
    ['a truncated slot table', { slotFields: btoa('\x02\x01') }],
  ])('is rebuilt when it has %s', (_, damage) => {
    const cached = { ...buildSearchIndex(records), ...damage } as ReturnType<typeof buildSearchIndex>;
    const s = createSearcher(records, cached);
    expect(s.indexSource).toBe('built');
    expect(s.search('pyongyang')).toEqual(searcher.search('pyongyang'));
  });
});

describe('highlights are ranges of the text as written', () => {
  test('a soft hyphen inside the word is inside the mark', () => {
    expect(marked('pyongyang', 'claim', 'c-1')).toEqual([{ field: 'text', marked: ['Pyong\u00ADyang'] }]);
  });

  test('a ligature that normalises to two letters is marked whole', () => {
    expect(marked('first', 'claim', 'c-2')).toEqual([
      { field: 'text', marked: ['ﬁrst'] },
      { field: 'quote', marked: ['first'] },
    ]);
  });

  test('words joined by a no-break hyphen are marked one by one', () => {
    const hit = searcher.search('kim jong-un').groups.find((g) => g.kind === 'entity')!.hits[0]!;
    expect(hit.id).toBe('e-kim');
    expect(hit.highlights[0]).toEqual({
      field: 'label',
      text: 'Kim Jong\u2011un',
      ranges: [
        [0, 3],
        [4, 8],
        [9, 11],
      ],
    });
  });

  test('a phrase typed with straight quotes matches text with curly ones', () => {
    expect(marked('"comprehensive strategic partnership"', 'claim', 'c-1')).toEqual([
      { field: 'text', marked: ['comprehensive strategic partnership'] },
      { field: 'quote', marked: ['comprehensive strategic partnership'] },
    ]);
  });

  test('a prefix marks the typed part, an infix its place in the word', () => {
    expect(marked('sanct', 'entity', 'e-sanctions')).toEqual([{ field: 'label', marked: ['Sanct'] }]);
    expect(marked('yang', 'entity', 'e-pyongyang')).toEqual([{ field: 'label', marked: ['yang'] }]);
  });
});

describe('search', () => {
  test.each([
    // a query that names an entity also finds what calls it by an English name, then what is linked to it (c-5)
    ['Pyongyng', { entity: ['e-pyongyang'], source: ['s-a'], claim: ['c-1', 'c-5'] }],
    ['Пхеньян', { entity: ['e-pyongyang'], source: ['s-a'], claim: ['c-1', 'c-5'] }],
    ['평양', { entity: ['e-pyongyang'], source: ['s-a'], claim: ['c-1', 'c-5'] }],
    // all three say "sanctions" in paraphrase and quote: the shorter first
    ['санкции', { entity: ['e-sanctions'], source: ['s-b'], claim: ['c-4', 'c-5', 'c-3'] }],
    // the person whose entity it is; c-2 names him, c-1 is linked to him
    ['김정은', { entity: ['e-kim'], person: ['p-kim'], claim: ['c-2', 'c-1'] }],
    // equal matches: the shorter paraphrase and quote (c-4) first
    ['petrova', { person: ['p-petrova'], source: ['s-b'], claim: ['c-4', 'c-3'] }],
    ['anna petrova summit', {}],
    ['"votes on sanctions"', { claim: ['c-4'] }],
  ])('%s → %j', (query, expected) => {
    expect(groups(query)).toEqual(expected);
  });

  test('every word must match, in any field of the record', () => {
    // "petrova" is in c-3's paraphrase, "nuclear" in both its paraphrase and quote
    expect(groups('petrova nuclear')).toEqual({ claim: ['c-3'] });
  });

  test('groups are ordered by their best hit: a name before the claims that mention it', () => {
    expect(searcher.search('pyongyang').groups.map((g) => g.kind)).toEqual(['entity', 'source', 'claim']);
  });

  test('one or two characters: the start of a word, in names only', () => {
    const kinds = searcher.search('p').groups.map((g) => g.kind);
    expect(kinds).toEqual(['entity', 'person']);
    expect(groups('p').entity).toEqual(['e-pyongyang']);
    expect(groups('평')).toEqual({ entity: ['e-pyongyang'] });
    expect(groups('UN').entity![0]).toBe('e-un');
  });

  test('limit is per group; total counts every match', () => {
    const claims = searcher.search('sanctions', {}, 1).groups.find((g) => g.kind === 'claim')!;
    expect(claims.total).toBe(3);
    expect(claims.hits).toHaveLength(1);
  });

  test('filters narrow every group', () => {
    expect(groups('sanctions', { sourceIds: ['s-b'] })).toEqual({
      entity: ['e-sanctions'],
      source: ['s-b'],
      claim: ['c-4', 'c-3'],
    });
    expect(groups('summit', { topicId: 't-sanctions' })).toEqual({ source: ['s-a'], claim: ['c-5'] });
    expect(groups('petrova', { kinds: ['person'] })).toEqual({ person: ['p-petrova'] });
    // s-a is dated 2024-06, which may be after the 20th; c-5 names the summit in paraphrase and quote
    expect(groups('summit', { from: '2024-06-20' })).toEqual({ source: ['s-a'], claim: ['c-5', 'c-2'] });
  });

  test('an empty query lists what the filters allow, or nothing', () => {
    expect(searcher.search('').groups).toEqual([]);
    expect(searcher.search('   ', { kinds: ['claim'] }).groups).toEqual([]);
    expect(groups('', { sourceIds: ['s-a'] })).toEqual({
      entity: ['e-pyongyang', 'e-kim', 'e-sanctions'],
      person: ['p-daily'],
      claim: ['c-1', 'c-2', 'c-5'],
      source: ['s-a'],
    });
  });

  test('a hit says what to show', () => {
    const [claim] = searcher.search('votes').groups[0]!.hits;
    expect(claim).toMatchObject({
      kind: 'claim',
      id: 'c-4',
      title: records.claims[3]!.text,
      subtitle: 'Anna Petrova · 2016-12-31',
      date: '2016-12-31',
    });
    const source = searcher.search('policy review', { kinds: ['source'] }).groups[0]!.hits[0]!;
    expect(source).toMatchObject({ id: 's-b', title: 'Sanctions and their limits', subtitle: 'Policy Review · 2017' });
    // the outlet begins the subtitle, so its ranges apply there as they are
    const outlet = source.highlights.find((h) => h.field === 'outlet')!;
    expect(outlet.ranges.map(([s, e]) => source.subtitle.slice(s, e))).toEqual(['Policy', 'Review']);
  });

  test('scores run from 0 (exact) towards 1, best first', () => {
    for (const q of ['sanctions', 'Pyongyng', 'summit']) {
      for (const g of searcher.search(q).groups) {
        const scores = g.hits.map((h) => h.score);
        expect(scores).toEqual([...scores].sort((a, b) => a - b));
        for (const s of scores) (expect(s).toBeGreaterThanOrEqual(0), expect(s).toBeLessThanOrEqual(1));
      }
    }
  });

  describe('a phrase with many candidates is checked only as far as the hits need', () => {
    // 100 copies: c-1, c-2 and c-5 each say "the summit", so 300 claims match
    const big = createSearcher(generateCorpus(searchRecords(), 100));

    test('the hits are checked; the total is an upper bound', () => {
      const claims = big.search('"the summit"').groups.find((g) => g.kind === 'claim')!;
      expect(claims.approximate).toBe(true);
      expect(claims.total).toBe(300);
      expect(claims.hits).toHaveLength(10);
      for (const hit of claims.hits) expect(hit.title.toLowerCase()).toContain('the summit');
    });

    test('candidates that all fail are all checked: nothing, exactly', () => {
      // every copy has both words, never in this order
      expect(big.search('"summit the"').groups).toEqual([]);
    });

    test('a few candidates are counted exactly', () => {
      const claims = big.search('"delays the votes"').groups.find((g) => g.kind === 'claim')!;
      expect(claims).toMatchObject({ total: 100, approximate: false });
    });
  });
});
