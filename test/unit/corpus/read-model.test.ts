import { describe, expect, test } from 'vitest';
import { buildCard, entityCard } from '../../../lib/corpus/card-model';
import { createReadModel } from '../../../lib/corpus/read-model';
import { curatedRecords } from '../../fixtures/curated-corpus';

/** The curated corpus, as the background has it (parsed, so defaults apply). */
const records = curatedRecords();
const yours = new Set([records.claims[3]!.id]);
const model = createReadModel(records, 'bundled:test', yours);
const ids = <T extends { id: string }>(list: readonly T[]) => list.map((r) => r.id);

describe('the read model’s indexes find what a scan of the records finds, in corpus order', () => {
  test('claims by entity, speaker, source and position; events by entity and by claim', () => {
    for (const { id } of records.entities) {
      expect(ids(model.claimsNaming(id)), id).toEqual(ids(records.claims.filter((c) => c.entityIds.includes(id))));
      expect(ids(model.eventsNaming(id)), id).toEqual(ids(records.events.filter((e) => e.entityIds.includes(id))));
    }
    for (const { id } of records.people)
      expect(ids(model.claimsBy(id)), id).toEqual(ids(records.claims.filter((c) => c.speakerIds.includes(id))));
    for (const { id } of records.sources)
      expect(ids(model.claimsFrom(id)), id).toEqual(ids(records.claims.filter((c) => c.sourceId === id)));
    for (const topic of records.topics)
      for (const position of topic.positions)
        expect(ids(model.claimsTaking(topic.id, position.id)), position.id).toEqual(
          ids(
            records.claims.filter((c) => c.stances.some((s) => s.topicId === topic.id && s.positionId === position.id)),
          ),
        );
    for (const { id } of records.claims)
      expect(ids(model.eventsCiting(id)), id).toEqual(ids(records.events.filter((e) => e.claimIds.includes(id))));
  });

  test('records by id; what it does not hold is undefined, and an unknown key has no records', () => {
    for (const kind of ['entity', 'person', 'source', 'topic', 'claim', 'event'] as const) {
      const table = {
        entity: 'entities',
        person: 'people',
        source: 'sources',
        topic: 'topics',
        claim: 'claims',
        event: 'events',
      }[kind];
      for (const record of records[table as keyof typeof records]) expect(model[kind](record.id)).toBe(record);
      expect(model[kind]('no-such-id')).toBeUndefined();
    }
    expect(model.claimsNaming('no-such-id')).toEqual([]);
    expect(model.claimsTaking('no-such-topic', 'x')).toEqual([]);
  });

  test('which claims are the reader’s own', () => {
    expect(records.claims.filter((c) => model.isYours(c.id)).map((c) => c.id)).toEqual([...yours]);
  });
});

describe('entityCard', () => {
  test('is the card buildCard makes from the whole corpus, for every entity', () => {
    for (const { id } of records.entities) {
      const claims = records.claims.filter((c) => c.entityIds.includes(id));
      // Topics as the card met them in its claims (their order breaks ties between equally discussed topics).
      const topicIds = [...new Set(claims.flatMap((c) => c.stances.map((s) => s.topicId)))];
      const expected = buildCard(id, {
        entity: records.entities.find((e) => e.id === id)!,
        claims: records.claims,
        people: records.people,
        sources: records.sources,
        topics: topicIds.flatMap((t) => records.topics.filter((topic) => topic.id === t)),
        events: records.events,
        yours,
        pageEntityIds: ['e-pyongyang', 'e-russia'],
      });
      expect(entityCard(model, id, ['e-pyongyang', 'e-russia']), id).toEqual(expected);
    }
  });

  test('is null for an entity the corpus does not hold', () => {
    expect(entityCard(model, 'no-such-entity')).toBeNull();
  });
});
