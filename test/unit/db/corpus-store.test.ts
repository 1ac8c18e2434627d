import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { loadBundledCorpus, readCorpusStatus } from '../../../lib/db/corpus-store';
import { LensDb, type HighlightRow } from '../../../lib/db/schema';
import { tinyBundle } from '../../fixtures/corpus';

let db: LensDb;
let n = 0;
function openDb() {
  db = new LensDb(`test-${++n}`);
  return db;
}
afterEach(async () => {
  await db.delete();
});

const highlight: HighlightRow = {
  id: 'h1',
  url: 'https://example.org/a',
  title: 'A',
  note: 'keep me',
  colour: 'yellow',
  entityIds: ['pyongyang'],
  quote: { type: 'TextQuoteSelector', exact: 'Pyongyang', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 9 },
  createdAt: 1,
  updatedAt: 1,
};

describe('loadBundledCorpus', () => {
  test('seeds every corpus table on first start', async () => {
    openDb();
    const result = await loadBundledCorpus(db, tinyBundle('v1'), 1000);
    expect(result).toEqual({ status: 'loaded', version: 'v1', previousVersion: null });
    const status = await readCorpusStatus(db);
    expect(status.counts).toEqual({ sources: 1, people: 1, entities: 2, claims: 1, topics: 0, events: 0 });
    expect(status.corpora).toEqual([{ origin: 'bundled', version: 'v1', loadedAt: 1000, counts: status.counts }]);
    expect((await db.entities.get('pyongyang'))?.origin).toBe('bundled');
  });

  test('does nothing when the stored version is the bundled one', async () => {
    openDb();
    await loadBundledCorpus(db, tinyBundle('v1'), 1000);
    await db.entities.delete('un'); // would be restored by a reload
    expect(await loadBundledCorpus(db, tinyBundle('v1'), 2000)).toEqual({ status: 'unchanged', version: 'v1' });
    expect(await db.entities.get('un')).toBeUndefined();
  });

  test('a changed corpus version replaces the corpus and leaves the reader tables alone', async () => {
    openDb();
    await loadBundledCorpus(db, tinyBundle('v1'), 1000);
    await db.highlights.add(highlight);
    await db.settings.put({ key: 'density', value: 'first' });

    const result = await loadBundledCorpus(db, tinyBundle('v2', true), 2000);
    expect(result).toEqual({ status: 'loaded', version: 'v2', previousVersion: 'v1' });
    expect((await db.entities.toArray()).map((e) => e.id).sort()).toEqual(['pyongyang', 'un', 'wonsan']);
    expect(await db.highlights.toArray()).toEqual([highlight]);
    expect(await db.settings.get('density')).toEqual({ key: 'density', value: 'first' });
  });

  test('a load that fails leaves the previous corpus exactly in place', async () => {
    openDb();
    await loadBundledCorpus(db, tinyBundle('v1'), 1000);
    const broken = tinyBundle('v2', true);
    // Two entities with one id: the second bulkAdd fails half-way through the load.
    broken.records.entities.push({ ...broken.records.entities[0]! });

    await expect(loadBundledCorpus(db, broken, 2000)).rejects.toThrow();
    const status = await readCorpusStatus(db);
    expect(status.corpora.map((c) => c.version)).toEqual(['v1']);
    expect(status.counts).toEqual({ sources: 1, people: 1, entities: 2, claims: 1, topics: 0, events: 0 });
    expect(await db.entities.get('wonsan')).toBeUndefined();
  });

  test('a pack corpus is kept when the bundled corpus is reloaded', async () => {
    openDb();
    await loadBundledCorpus(db, tinyBundle('v1'), 1000);
    await db.entities.add({ ...tinyBundle('p', true).records.entities[2]!, origin: 'pack-x' });
    await loadBundledCorpus(db, tinyBundle('v2'), 2000);
    expect((await db.entities.get('wonsan'))?.origin).toBe('pack-x');
  });
});
