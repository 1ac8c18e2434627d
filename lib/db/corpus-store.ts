/**
 * Loading a corpus into the store. A load is one read-write transaction over
 * the corpus tables only: it either replaces every row of its origin, or (on
 * any error) aborts and leaves the previous corpus exactly as it was. Reader
 * tables are outside the transaction's scope, so a load cannot touch them.
 */
import type { CorpusBundle } from '../corpus/bundle';
import type { CorpusRecords } from '../corpus/schema';
import { BUNDLED, CORPUS_TABLES, type CorpusMetaRow, type CorpusTableName, type LensDb } from './schema';

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
  const tables = CORPUS_TABLES.map((name) => db.table(name));
  return db.transaction('rw', [...tables, db.corpusMeta, db.searchCache], async () => {
    const stored = await db.corpusMeta.get(origin);
    if (stored?.version === version) return { status: 'unchanged', version } as const;
    // The search index is derived from the corpus: it is rebuilt on next use.
    await db.searchCache.clear();
    const counts = {} as Record<CorpusTableName, number>;
    for (const name of CORPUS_TABLES) {
      const table = db.table(name);
      await table.where('origin').equals(origin).delete();
      const rows = records[name].map((record) => ({ ...record, origin }));
      await table.bulkAdd(rows);
      counts[name] = rows.length;
    }
    const meta: CorpusMetaRow = { origin, version, loadedAt: now, counts };
    await db.corpusMeta.put(meta);
    return { status: 'loaded', version, previousVersion: stored?.version ?? null } as const;
  });
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
