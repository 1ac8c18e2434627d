import { describe, expect, test } from 'vitest';
import { allowedRecords, firstDay, lastDay } from '../../../lib/search/filters';
import { searchRecords } from '../../fixtures/corpus';

describe('partial dates as intervals', () => {
  test.each([
    ['2024', '2024-01-01', '2024-12-31'],
    ['2024-06', '2024-06-01', '2024-06-31'],
    ['2024-06-19', '2024-06-19', '2024-06-19'],
  ])('%s → %s … %s', (d, first, last) => {
    expect([firstDay(d), lastDay(d)]).toEqual([first, last]);
  });
});

describe('allowedRecords', () => {
  const records = searchRecords();
  const allowedIds = (f: Parameters<typeof allowedRecords>[1]) => {
    const a = allowedRecords(records, f);
    return {
      claims: records.claims.filter((_, i) => a.claim[i]).map((c) => c.id),
      entities: records.entities.filter((_, i) => a.entity[i]).map((e) => e.id),
      people: records.people.filter((_, i) => a.person[i]).map((p) => p.id),
      sources: records.sources.filter((_, i) => a.source[i]).map((s) => s.id),
    };
  };

  // claim dates: c-1 2024-06-19, c-2 2024, c-3 2017-04, c-4 2016-12-31, c-5 2025
  test.each([
    [{ from: '2024' }, ['c-1', 'c-2', 'c-5']],
    [{ to: '2016' }, ['c-4']],
    [{ from: '2016-12', to: '2017-04' }, ['c-3', 'c-4']],
    [{ from: '2017-05', to: '2023' }, []],
    // a claim dated only "2024" may fall inside June 2024, so it stays
    [{ from: '2024-06', to: '2024-06' }, ['c-1', 'c-2']],
    [{ from: '2024-06-20' }, ['c-2', 'c-5']],
    [{ to: '2024-06-18' }, ['c-2', 'c-3', 'c-4']],
    [{ sourceIds: ['s-b'] }, ['c-3', 'c-4']],
    [{ topicId: 't-sanctions' }, ['c-3', 'c-4', 'c-5']],
    [{ topicId: 't-sanctions', sourceIds: ['s-a'] }, ['c-5']],
  ])('%j → claims %j', (filters, claims) => {
    expect(allowedIds(filters).claims).toEqual(claims);
  });

  test('entities and people follow the claims; sources their own id, date and topic', () => {
    expect(allowedIds({ sourceIds: ['s-a'] })).toEqual({
      claims: ['c-1', 'c-2', 'c-5'],
      entities: ['e-pyongyang', 'e-kim', 'e-sanctions'],
      people: ['p-daily'],
      sources: ['s-a'],
    });
    expect(allowedIds({ topicId: 't-sanctions', from: '2020' })).toEqual({
      claims: ['c-5'],
      entities: ['e-pyongyang', 'e-sanctions'],
      people: ['p-daily'],
      sources: ['s-a'],
    });
  });

  test.each(['24', '2024-13', '2024-6', 'June 2024'])('a malformed date (%s) is an error', (from) => {
    expect(() => allowedRecords(records, { from })).toThrow(RangeError);
  });
});
