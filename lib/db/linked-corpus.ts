/**
 * The corpus as the background shows it: every pack's records, with the
 * entities and people that two readers' packs both created (the same new
 * person) read as one (lib/corpus/reader-links.ts). Search, cards, the
 * claim index and the term index all read it so, so that one name is one
 * mark, one card and one search result.
 */
import { linkReaderRecords, readerLinks, type ReaderLinks } from '../corpus/reader-links';
import type { CorpusRecords } from '../corpus/schema';
import { readCorpusRecords, type EntityRow, type LensDb } from './schema';

/** Which reader records are one; the reader's own pack's are the ones kept. */
export async function readReaderLinks(db: LensDb): Promise<ReaderLinks> {
  const [entities, people, own] = await Promise.all([
    db.entities.where('id').startsWith('e-mine-').toArray(),
    db.people.where('id').startsWith('p-mine-').toArray(),
    db.packs.filter((row) => row.own === true).primaryKeys(),
  ]);
  return readerLinks({ entities, people }, own[0] as string | undefined);
}

/** Every record of the store, linked reader records as one. */
export async function readLinkedCorpus(db: LensDb): Promise<CorpusRecords> {
  const [records, links] = await Promise.all([readCorpusRecords(db), readReaderLinks(db)]);
  return linkReaderRecords(records, links);
}

/** The entities to mark: one per linked group. */
export async function readLinkedEntities(db: LensDb): Promise<EntityRow[]> {
  const [entities, links] = await Promise.all([db.entities.toArray(), readReaderLinks(db)]);
  return entities.filter((e) => !links.to.has(e.id));
}
