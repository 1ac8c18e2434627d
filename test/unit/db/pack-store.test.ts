import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { buildCorpusBundle } from '../../../build/corpus-plugin';
import { loadBundledCorpus, readCorpusStatus } from '../../../lib/db/corpus-store';
import { quotaMessage } from '../../../lib/db/highlight-store';
import { importPack, listPacks, removePack } from '../../../lib/db/pack-store';
import { LensDb } from '../../../lib/db/schema';

const bundle = buildCorpusBundle('data');
const PACK_TEXT = readFileSync('data/packs/example-pack.json', 'utf8');
const PACK = JSON.parse(PACK_TEXT) as Record<string, unknown> & { id: string; entities: { id: string }[] };
const size = (text: string) => new TextEncoder().encode(text).length;
const withPack = (change: (pack: Record<string, unknown> & Record<string, any>) => void): string => {
  const copy = structuredClone(PACK) as Record<string, any>;
  change(copy);
  return JSON.stringify(copy);
};

let db: LensDb;
let n = 0;
beforeEach(async () => {
  db = new LensDb(`packs-${++n}`);
  await loadBundledCorpus(db, bundle, 1000);
});
afterEach(async () => {
  await db.delete();
});

/** Everything a pack import may write, to compare before and after a refused one. */
async function snapshot() {
  return { status: await readCorpusStatus(db), packs: await db.packs.toArray(), entities: await db.entities.count() };
}

describe('importPack', () => {
  test('writes the pack’s records beside the bundled corpus and lists it with its counts', async () => {
    const result = await importPack(db, PACK_TEXT, size(PACK_TEXT), 2000);
    const counts = {
      sources: (PACK.sources as unknown[]).length,
      people: (PACK.people as unknown[]).length,
      entities: PACK.entities.length,
      claims: (PACK.claims as unknown[]).length,
      topics: (PACK.topics as unknown[]).length,
      events: (PACK.events as unknown[]).length,
    };
    expect(result).toEqual({
      status: 'added',
      pack: { id: PACK.id, name: PACK.name, description: PACK.description, importedAt: 2000, counts, own: false },
    });
    expect(await listPacks(db)).toEqual([result.pack]);
    for (const { id } of PACK.entities) expect((await db.entities.get(id))?.origin).toBe(PACK.id);
    expect(await db.entities.count()).toBe(bundle.records.entities.length + PACK.entities.length);
  });

  test('importing the same file again changes nothing; a changed file replaces the pack', async () => {
    await importPack(db, PACK_TEXT, size(PACK_TEXT), 2000);
    const before = await snapshot();
    expect((await importPack(db, PACK_TEXT, size(PACK_TEXT), 3000)).status).toBe('unchanged');
    expect(await snapshot()).toEqual(before);

    const renamed = withPack((p) => (p.name = 'Example pack, second edition'));
    const result = await importPack(db, renamed, size(renamed), 4000);
    expect(result.status).toBe('replaced');
    expect((await listPacks(db)).map((p) => [p.name, p.importedAt])).toEqual([['Example pack, second edition', 4000]]);
    expect(await db.entities.count()).toBe(before.entities);
  });

  const huge = 50 * 1024 * 1024;
  test.each<[string, string, number | null, RegExp]>([
    ['not JSON', '<html><body>Not found</body></html>', null, /not a JSON file/],
    ['truncated', PACK_TEXT.slice(0, 900), null, /cut short: it ends inside a string/],
    ['empty', '  \n', null, /empty/],
    ['huge (50 MB)', '{}', huge, /50 MB; files over 20 MB are not imported/],
    ['a highlights export', JSON.stringify({ type: 'AnnotationCollection', total: 0 }), null, /highlights file/],
    ['not a pack', JSON.stringify({ hello: 'world' }), null, /not a corpus pack/],
    ['a newer format version', withPack((p) => (p.formatVersion = 2)), null, /format version 2; .* reads version 1/],
    ['called "bundled"', withPack((p) => (p.id = 'bundled')), null, /cannot be called "bundled"/],
    [
      'a quote that is not in its text',
      withPack((p) => (p.claims[0].quote = 'words nobody wrote')),
      null,
      /claims\[0\].*quote/,
    ],
    [
      'an entity id the bundled corpus has',
      withPack((p) => (p.entities[0].id = bundle.records.entities[0]!.id)),
      null,
      /entities\[0\].*id/,
    ],
  ])('%s: refused with a clear message, nothing written', async (_name, text, byteSize, message) => {
    const before = await snapshot();
    await expect(importPack(db, text, byteSize ?? size(text), 2000)).rejects.toThrow(message);
    expect(await snapshot()).toEqual(before);
  });

  test('a full disk is said as such, and the pack is not half-written', async () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(db.packs, 'put').mockRejectedValueOnce(quota);
    const before = await snapshot();
    await expect(importPack(db, PACK_TEXT, size(PACK_TEXT), 2000)).rejects.toThrow(quotaMessage());
    expect(await snapshot()).toEqual(before);
  });
});

describe('removePack', () => {
  test('removes the pack and its records, and only those', async () => {
    const before = await snapshot();
    await importPack(db, PACK_TEXT, size(PACK_TEXT), 2000);
    await removePack(db, PACK.id);
    expect(await listPacks(db)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  test('the bundled corpus cannot be removed', async () => {
    const before = await snapshot();
    await expect(removePack(db, 'bundled')).rejects.toThrow('The bundled corpus cannot be removed.');
    expect(await snapshot()).toEqual(before);
  });
});
