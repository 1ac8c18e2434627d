/**
 * Upgrading the store: a store written by each schema version a release
 * shipped, with real rows, opened by the current LensDb. Every version's
 * declaration is frozen here as it shipped (a copy, not an import: the point
 * is what the old code wrote).
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { afterEach, expect, test } from 'vitest';
import { buildCorpusBundle } from '../../../build/corpus-plugin';
import { parseAnnotationImport } from '../../../lib/exchange/import';
import { toWebAnnotations } from '../../../lib/exchange/web-annotation-export';
import { loadBundledCorpus, readCorpusStatus } from '../../../lib/db/corpus-store';
import { listHighlights } from '../../../lib/db/highlight-store';
import { importPack, listPacks } from '../../../lib/db/pack-store';
import { Pack } from '../../../lib/corpus/schema';
import { LensDb, type HighlightRow } from '../../../lib/db/schema';
import { readSettings } from '../../../lib/settings';

/** Release 0.1.0's schema. */
const V1_STORES = {
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
};

const bundle = buildCorpusBundle('data');
const NAME = 'rdl-lens-migration';
afterEach(() => Dexie.delete(NAME));

/** Highlights as 0.1.0 saved them: on two pages, with notes, colours and entity tags from the corpus. */
const highlights: HighlightRow[] = [
  {
    id: '0b8f3c1e-7d2a-4f5b-9c6e-1a2b3c4d5e6f',
    url: 'https://www.example.org/news/russia-north-korea-treaty',
    title: 'Russia and North Korea sign a defence pact',
    quote: {
      type: 'TextQuoteSelector',
      exact: 'Comprehensive Strategic Partnership',
      prefix: 'the two leaders signed a Treaty on ',
      suffix: ' that obliges each side to aid the',
    },
    position: { type: 'TextPositionSelector', start: 1204, end: 1239 },
    note: 'Article 4: mutual assistance — compare with 1961.',
    colour: 'yellow',
    entityIds: [bundle.records.entities[0]!.id],
    createdAt: Date.UTC(2026, 5, 1, 9, 30),
    updatedAt: Date.UTC(2026, 5, 2, 14, 0),
  },
  {
    id: '5f4e3d2c-1b0a-4987-8654-3210fedcba98',
    url: 'https://www.example.org/news/russia-north-korea-treaty',
    title: 'Russia and North Korea sign a defence pact',
    quote: { type: 'TextQuoteSelector', exact: 'Пхеньяне', prefix: 'на переговорах в ', suffix: ' Путин' },
    position: { type: 'TextPositionSelector', start: 88, end: 96 },
    note: '',
    colour: 'blue',
    entityIds: [],
    createdAt: Date.UTC(2026, 5, 3),
    updatedAt: Date.UTC(2026, 5, 3),
  },
  {
    id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    url: 'https://news.example.kr/politics/20260610',
    title: '북러 정상회담',
    quote: { type: 'TextQuoteSelector', exact: '평양에서', prefix: '', suffix: ' 열린' },
    position: { type: 'TextPositionSelector', start: 0, end: 4 },
    note: 'Korean coverage',
    colour: 'green',
    entityIds: [],
    createdAt: Date.UTC(2026, 5, 10),
    updatedAt: Date.UTC(2026, 5, 11),
  },
];
const settings = [
  { key: 'density', value: 'first-per-paragraph' },
  { key: 'disabledSites', value: ['example.com'] },
  { key: 'theme', value: 'dark' },
];

/** Writes a 0.1.0 store: the bundled corpus as 0.1.0 loaded it, and the reader's rows. */
async function writeV1Store() {
  const v1 = new Dexie(NAME);
  v1.version(1).stores(V1_STORES);
  await v1.open();
  await v1.transaction('rw', v1.tables, async () => {
    for (const name of ['sources', 'people', 'entities', 'claims', 'topics', 'events'] as const) {
      await v1.table(name).bulkAdd(bundle.records[name].map((record) => ({ ...record, origin: 'bundled' })));
    }
    const counts = Object.fromEntries(
      (['sources', 'people', 'entities', 'claims', 'topics', 'events'] as const).map((k) => [
        k,
        bundle.records[k].length,
      ]),
    );
    await v1.table('corpusMeta').put({ origin: 'bundled', version: bundle.version, loadedAt: 1, counts });
    await v1.table('highlights').bulkAdd(highlights);
    await v1.table('settings').bulkAdd(settings);
  });
  expect(v1.verno).toBe(1);
  v1.close();
}

test('a 0.1.0 store opens in the current schema with every row as it was', async () => {
  await writeV1Store();
  const db = new LensDb(NAME);
  await db.open();
  expect(db.verno).toBe(3);

  expect(await db.highlights.toArray()).toEqual([...highlights].sort((a, b) => a.id.localeCompare(b.id)));
  expect(await listHighlights(db, highlights[0]!.url)).toHaveLength(2);
  expect(readSettings(await db.settings.toArray())).toMatchObject({
    density: 'first-per-paragraph',
    disabledSites: ['example.com'],
    theme: 'dark',
  });
  // The corpus is the same version: nothing is reloaded, and the counts hold.
  expect(await loadBundledCorpus(db, bundle, 2)).toEqual({ status: 'unchanged', version: bundle.version });
  expect((await readCorpusStatus(db)).counts.claims).toBe(bundle.records.claims.length);
  // The export of the migrated highlights reads back as the same rows.
  const exported = JSON.stringify(toWebAnnotations(await db.highlights.toArray()));
  const reread = parseAnnotationImport(exported);
  expect(reread.ok && reread.rows.map((r) => r.id).sort()).toEqual(highlights.map((h) => h.id).sort());

  // What 2 and 3 add works on the upgraded store.
  expect(await listPacks(db)).toEqual([]);
  const pack = readFileSync('data/packs/example-pack.json', 'utf8');
  expect((await importPack(db, pack, pack.length, 3)).status).toBe('added');
  expect(await listPacks(db)).toHaveLength(1);
  db.close();
});

/** Release 0.2.0's schema: 0.1.0's and the packs table. */
async function writeV2StoreWithOldPack() {
  const pack = Pack.parse(JSON.parse(readFileSync('data/packs/example-pack.json', 'utf8')));
  // As 0.2.0 wrote its claims: one speakerId, one topicId and positionId.
  const oldClaims = pack.claims.map(({ speakerIds, stances, ...rest }) => ({
    ...rest,
    speakerId: speakerIds[0],
    ...(stances[0] && { topicId: stances[0].topicId, positionId: stances[0].positionId }),
  }));
  const v2 = new Dexie(NAME);
  v2.version(1).stores(V1_STORES);
  v2.version(2).stores({ packs: 'id' });
  await v2.open();
  await v2.table('claims').bulkAdd(oldClaims.map((c) => ({ ...c, origin: pack.id })));
  await v2.table('packs').add({
    id: pack.id,
    name: pack.name,
    description: pack.description ?? '',
    version: 'v-0.2.0',
    importedAt: 1,
    pack: { ...pack, claims: oldClaims },
  });
  v2.close();
  return pack;
}

test("a 0.2.0 store's pack claims, written with one speakerId and topicId, are read in the current shape", async () => {
  const pack = await writeV2StoreWithOldPack();
  const db = new LensDb(NAME);
  await db.open();
  expect(db.verno).toBe(3);
  const rows = await db.claims.where('origin').equals(pack.id).sortBy('id');
  expect(rows.map(({ origin, ...claim }) => claim)).toEqual(pack.claims);
  const stored = await db.packs.get(pack.id);
  expect(stored?.pack.claims).toEqual(pack.claims);
  db.close();
});
