/**
 * Loading a corpus into the store. A load is one read-write transaction over
 * the corpus tables only: it either replaces every row of its origin, or (on
 * any error) aborts and leaves the previous corpus exactly as it was. Reader
 * tables are outside the transaction's scope, so a load cannot touch them.
 */
import type { CorpusBundle } from '../corpus/bundle';
import { createReadModel, type CorpusReadModel } from '../corpus/read-model';
import { linkReaderRecords, readerLinks } from '../corpus/reader-links';
import type { CorpusRecords } from '../corpus/schema';
import {
  BUNDLED,
  CORPUS_TABLES,
  readCorpusRecords,
  type CorpusMetaRow,
  type CorpusTableName,
  type LensDb,
} from './schema';

export type LoadResult =
  { status: 'unchanged'; version: string } | { status: 'loaded'; version: string; previousVersion: string | null };

/** Loads the bundled corpus when its version differs from the stored one. */
export async function loadBundledCorpus(db: LensDb, bundle: CorpusBundle, now = Date.now()): Promise<LoadResult> {
  return loadCorpus(db, BUNDLED, bundle.version, bundle.records, now);
}

export async function loadCorpus(
  db: LensDb,
  origin: string,
  version: string,
  records: CorpusRecords,
  now = Date.now(),
): Promise<LoadResult> {
  return db.transaction('rw', corpusTables(db), () => writeCorpus(db, origin, version, records, now));
}

/** Every table a corpus load writes: a transaction that calls writeCorpus() must include them. */
export function corpusTables(db: LensDb) {
  return [...CORPUS_TABLES.map((name) => db.table(name)), db.corpusMeta, db.searchCache];
}

/** Replaces the rows of `origin`; only inside a transaction over corpusTables(). */
export async function writeCorpus(
  db: LensDb,
  origin: string,
  version: string,
  records: CorpusRecords,
  now: number,
): Promise<LoadResult> {
  const stored = await db.corpusMeta.get(origin);
  if (stored?.version === version) return { status: 'unchanged', version };
  await removeCorpus(db, origin);
  const counts = {} as Record<CorpusTableName, number>;
  for (const name of CORPUS_TABLES) {
    const rows = records[name].map((record) => ({ ...record, origin }));
    await db.table(name).bulkAdd(rows);
    counts[name] = rows.length;
  }
  const meta: CorpusMetaRow = { origin, version, loadedAt: now, counts };
  await db.corpusMeta.put(meta);
  return { status: 'loaded', version, previousVersion: stored?.version ?? null };
}

/** Deletes every row of `origin`; only inside a transaction over corpusTables(). */
export async function removeCorpus(db: LensDb, origin: string): Promise<void> {
  for (const name of CORPUS_TABLES) await db.table(name).where('origin').equals(origin).delete();
  await db.corpusMeta.delete(origin);
  // The search index is derived from the corpus: it is rebuilt on next use.
  await db.searchCache.clear();
}

export interface CorpusStatus {
  /** the loaded corpora: the bundled one first, then packs */
  corpora: CorpusMetaRow[];
  counts: Record<CorpusTableName, number>;
}

export async function readCorpusStatus(db: LensDb): Promise<CorpusStatus> {
  const corpora = await db.corpusMeta.toArray();
  corpora.sort((a, b) => (a.origin === BUNDLED ? -1 : b.origin === BUNDLED ? 1 : a.loadedAt - b.loadedAt));
  const counts = {} as Record<CorpusTableName, number>;
  for (const name of CORPUS_TABLES) counts[name] = await db.table(name).count();
  return { corpora, counts };
}

/**
 * Which corpora the store holds: each origin (the bundled corpus, every pack)
 * with its version, in one order. What is derived from the corpus (the term
 * index, the search index, the read model) is keyed by it.
 */
export async function corpusVersion(db: LensDb): Promise<string> {
  return versionOf(await db.corpusMeta.toArray());
}

function versionOf(meta: readonly CorpusMetaRow[]): string {
  return meta
    .map((m) => `${m.origin}:${m.version}`)
    .sort()
    .join(',');
}

/** The corpus's read model: every record of the bundled corpus and the packs, read in one transaction. */
export async function readCorpus(db: LensDb): Promise<CorpusReadModel> {
  return db.transaction('r', [...CORPUS_TABLES.map((name) => db.table(name)), db.corpusMeta, db.packs], async () => {
    const [records, meta, own] = await Promise.all([
      readCorpusRecords(db),
      db.corpusMeta.toArray(),
      db.packs.filter((row) => row.own === true).primaryKeys(),
    ]);
    // The reader's own claims are those of their own pack ("My reading").
    const yours = own.length ? await db.claims.where('origin').anyOf(own).primaryKeys() : [];
    // Two readers' packs that name the same new person: one entity, one person (lib/corpus/reader-links.ts).
    const links = readerLinks(records, own[0] as string | undefined);
    return createReadModel(linkReaderRecords(records, links), versionOf(meta), new Set(yours), links.canonical);
  });
}
