/**
 * The one Dexie schema of the extension. Only the background (and extension
 * pages) open it: a content script's IndexedDB would belong to the web page's
 * origin.
 *
 * Two kinds of tables, with different owners:
 * - corpus tables (sources … events, corpusMeta, searchCache): replaced wholesale when the
 *   bundled corpus changes, or a pack is imported or removed;
 * - reader tables (highlights, settings, packs): the reader's own data. Nothing that
 *   loads the bundled corpus may touch them.
 *
 * Indexes are only those a `where()` uses. Every version a release shipped
 * stays declared (Dexie upgrades from any of them); test/unit/db/migration.test.ts
 * opens a store written by each previous version, with real rows.
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import { upgradeLegacyClaim } from '../corpus/legacy';
import type { Claim, CorpusRecords, Entity, Event, Pack, Person, Source, Topic } from '../corpus/schema';
import type { SerializedSearchIndex } from '../search';
import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/selectors';

/** Where a corpus row came from: the bundled corpus or a pack id. */
export const BUNDLED = 'bundled';
export interface Origin {
  origin: string;
}

export type SourceRow = Source & Origin;
export type PersonRow = Person & Origin;
export type EntityRow = Entity & Origin;
export type ClaimRow = Claim & Origin;
export type TopicRow = Topic & Origin;
export type EventRow = Event & Origin;

/** One row per loaded corpus (the bundled one and each pack). */
export interface CorpusMetaRow {
  origin: string;
  version: string;
  loadedAt: number;
  counts: Record<CorpusTableName, number>;
}

export interface HighlightRow {
  id: string;
  /** normalised page URL: no fragment, no tracking parameters */
  url: string;
  title: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  note: string;
  colour: string;
  entityIds: string[];
  createdAt: number;
  updatedAt: number;
}

export interface SearchCacheRow {
  key: string;
  index: SerializedSearchIndex;
}

/**
 * A corpus pack the reader imported, as imported: its records are also in the
 * corpus tables (origin = the pack's id); this row is what lists it and what
 * can check it again against a newer bundled corpus.
 */
export interface PackRow {
  id: string;
  name: string;
  description: string;
  /** content hash: re-importing the same file changes nothing */
  version: string;
  importedAt: number;
  pack: Pack;
  /** the reader's own pack ("My reading"), which their saved passages are written to */
  own?: boolean;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export const CORPUS_TABLES = ['sources', 'people', 'entities', 'claims', 'topics', 'events'] as const;
export type CorpusTableName = (typeof CORPUS_TABLES)[number];

export const DB_NAME = 'rdl-lens';

export class LensDb extends Dexie {
  sources!: EntityTable<SourceRow, 'id'>;
  people!: EntityTable<PersonRow, 'id'>;
  entities!: EntityTable<EntityRow, 'id'>;
  claims!: EntityTable<ClaimRow, 'id'>;
  topics!: EntityTable<TopicRow, 'id'>;
  events!: EntityTable<EventRow, 'id'>;
  corpusMeta!: EntityTable<CorpusMetaRow, 'origin'>;
  /** the search index, built once per corpus version (it is derived from the corpus tables) */
  searchCache!: EntityTable<SearchCacheRow, 'key'>;
  highlights!: EntityTable<HighlightRow, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  packs!: EntityTable<PackRow, 'id'>;

  /** `options` is the test seam: unit tests pass fake-indexeddb's indexedDB and IDBKeyRange. */
  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      sources: 'id, origin',
      people: 'id, origin',
      entities: 'id, origin',
      claims: 'id, origin, sourceId, speakerId, topicId, *entityIds',
      topics: 'id, origin',
      events: 'id, origin, *entityIds',
      corpusMeta: 'origin',
      searchCache: 'key',
      highlights: 'id, url, updatedAt',
      settings: 'key',
    });
    // 0.2.0: imported corpus packs are kept as imported.
    this.version(2).stores({ packs: 'id' });
    // 0.3.0: a claim has several speakers and stances (speakerIds, stances),
    // which no where() reads, so their old indexes go; pack rows written
    // before are rewritten in the new shape (the bundled corpus reloads anyway,
    // its version having changed).
    this.version(3)
      .stores({ claims: 'id, origin, sourceId, *entityIds' })
      .upgrade(async (tx) => {
        await tx
          .table('claims')
          .toCollection()
          .modify((row: Record<string, unknown>) => reshape(row, upgradeLegacyClaim(row)));
        await tx
          .table('packs')
          .toCollection()
          .modify((row: { pack: { claims: unknown[] } }) => {
            row.pack.claims = row.pack.claims.map(upgradeLegacyClaim);
          });
      });
  }
}

/** Rewrites `row` in place as `next` (Dexie's modify() keeps the object it passed). */
function reshape(row: Record<string, unknown>, next: unknown): void {
  const fields = next as Record<string, unknown>;
  for (const key of Object.keys(row)) if (!(key in fields)) delete row[key];
  Object.assign(row, fields);
}

/** Every corpus record in the store (but those of origin `except`), without the `origin` bookkeeping. */
export async function readCorpusRecords(db: LensDb, except?: string): Promise<CorpusRecords> {
  const strip = <T extends Origin>(rows: T[]): Omit<T, 'origin'>[] =>
    rows.flatMap(({ origin, ...record }) => (origin === except ? [] : [record]));
  const [sources, people, entities, claims, topics, events] = await Promise.all([
    db.sources.toArray(),
    db.people.toArray(),
    db.entities.toArray(),
    db.claims.toArray(),
    db.topics.toArray(),
    db.events.toArray(),
  ]);
  return {
    sources: strip(sources),
    people: strip(people),
    entities: strip(entities),
    claims: strip(claims),
    topics: strip(topics),
    events: strip(events),
  };
}
