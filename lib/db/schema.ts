/**
 * The one Dexie schema of the extension. Only the background (and extension
 * pages) open it: a content script's IndexedDB would belong to the web page's
 * origin.
 *
 * Two kinds of tables, with different owners:
 * - corpus tables (sources … events, corpusMeta, searchCache): replaced wholesale when the
 *   bundled corpus changes, or a pack is imported or removed;
 * - reader tables (highlights, settings): the reader's own data. Nothing that
 *   loads a corpus may touch them.
 *
 * Indexes are only those a `where()` uses.
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Claim, CorpusRecords, Entity, Event, Person, Source, Topic } from '../corpus/schema';
import type { SerializedSearchIndex } from '../search';

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

/** W3C Web Annotation selectors, as stored (https://www.w3.org/TR/annotation-model/#selectors). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
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
  }
}

/** Every corpus record in the store, without the `origin` bookkeeping. */
export async function readCorpusRecords(db: LensDb): Promise<CorpusRecords> {
  const strip = <T extends Origin>(rows: T[]): Omit<T, 'origin'>[] => rows.map(({ origin: _, ...record }) => record);
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
