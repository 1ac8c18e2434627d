/**
 * The one read model of the corpus: the bundled corpus and the reader's packs
 * as the background holds them in memory, indexed for what is asked of them —
 * an entity's card, a record's detail, a claim card, search, the term index,
 * the "Add to my corpus" form. Read from the store once per corpus version
 * (lib/db/corpus-store.ts, `readCorpus`), so that a hover costs a few map
 * lookups, never a scan of a table.
 */
import type { Claim, CorpusRecords, Entity, Event, Person, Source, Topic } from './schema';

export interface CorpusReadModel {
  /** which corpora these records are (`corpusVersion`): what caches derived from them are keyed by */
  version: string;
  /** every record, for what reads them all (search, the claim matcher, the term index) */
  records: CorpusRecords;
  entity(id: string): Entity | undefined;
  person(id: string): Person | undefined;
  source(id: string): Source | undefined;
  topic(id: string): Topic | undefined;
  claim(id: string): Claim | undefined;
  event(id: string): Event | undefined;
  /** the claims that name an entity, in corpus order */
  claimsNaming(entityId: string): readonly Claim[];
  /** the claims a person made (alone or with others) */
  claimsBy(personId: string): readonly Claim[];
  claimsFrom(sourceId: string): readonly Claim[];
  /** the claims that take a position on a topic */
  claimsTaking(topicId: string, positionId: string): readonly Claim[];
  /** the events that name an entity */
  eventsNaming(entityId: string): readonly Event[];
  /** the events that rest on a claim */
  eventsCiting(claimId: string): readonly Event[];
  /** whether a claim is the reader's own (their "My reading" pack) */
  isYours(claimId: string): boolean;
  /**
   * the entity or person kept for `id`: a reader's record that another
   * reader's pack names too is read as theirs (lib/corpus/reader-links.ts)
   */
  canonical(id: string): string;
}

export function createReadModel(
  records: CorpusRecords,
  version: string,
  yours: ReadonlySet<string> = new Set(),
  canonical: (id: string) => string = (id) => id,
): CorpusReadModel {
  const entities = byId(records.entities);
  const people = byId(records.people);
  const sources = byId(records.sources);
  const topics = byId(records.topics);
  const claims = byId(records.claims);
  const events = byId(records.events);
  const naming = groupBy(records.claims, (c) => c.entityIds);
  const by = groupBy(records.claims, (c) => c.speakerIds);
  const from = groupBy(records.claims, (c) => [c.sourceId]);
  const taking = groupBy(records.claims, (c) =>
    c.stances.flatMap((s) => (s.positionId ? [positionKey(s.topicId, s.positionId)] : [])),
  );
  const eventsNaming = groupBy(records.events, (e) => e.entityIds);
  const citing = groupBy(records.events, (e) => e.claimIds);
  const none: readonly never[] = [];
  return {
    version,
    records,
    entity: (id) => entities.get(id),
    person: (id) => people.get(id),
    source: (id) => sources.get(id),
    topic: (id) => topics.get(id),
    claim: (id) => claims.get(id),
    event: (id) => events.get(id),
    claimsNaming: (id) => naming.get(id) ?? none,
    claimsBy: (id) => by.get(id) ?? none,
    claimsFrom: (id) => from.get(id) ?? none,
    claimsTaking: (topicId, positionId) => taking.get(positionKey(topicId, positionId)) ?? none,
    eventsNaming: (id) => eventsNaming.get(id) ?? none,
    eventsCiting: (id) => citing.get(id) ?? none,
    isYours: (id) => yours.has(id),
    canonical,
  };
}

const positionKey = (topicId: string, positionId: string) => JSON.stringify([topicId, positionId]);

function byId<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  return new Map(records.map((r) => [r.id, r]));
}

/** Each record under every key it has (once per key), in corpus order. */
function groupBy<T>(records: readonly T[], keysOf: (record: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    for (const key of new Set(keysOf(record))) {
      const group = groups.get(key);
      if (group) group.push(record);
      else groups.set(key, [record]);
    }
  }
  return groups;
}
