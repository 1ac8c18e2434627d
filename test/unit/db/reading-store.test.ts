import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { buildCorpusBundle } from '../../../build/corpus-plugin';
import type { Pack } from '../../../lib/corpus/schema';
import { loadBundledCorpus } from '../../../lib/db/corpus-store';
import { exportPack, importPack, listPacks, previewPack, removePack } from '../../../lib/db/pack-store';
import { addReading, readingPack, removeReading } from '../../../lib/db/reading-store';
import { LensDb } from '../../../lib/db/schema';
import type { PassageDraft } from '../../../lib/corpus/reading-pack';
import { passageDraft as draft } from '../../fixtures/passage-draft';

const bundle = buildCorpusBundle('data');
const size = (text: string) => new TextEncoder().encode(text).length;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 5, 9, 30);

const dbs: LensDb[] = [];
let n = 0;
async function freshStore(): Promise<LensDb> {
  const db = new LensDb(`reading-${++n}`);
  dbs.push(db);
  await loadBundledCorpus(db, bundle, 1000);
  return db;
}
let db: LensDb;
beforeEach(async () => {
  db = await freshStore();
});
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

describe('addReading', () => {
  test('a passage with a new person and a stance becomes a claim of "My reading", in the corpus tables', async () => {
    const { claimId, pack } = await addReading(db, draft(), NOW, 'abc123');
    expect(pack).toMatchObject({ id: 'mine-abc123', name: 'My reading', own: true });
    expect(pack.counts).toMatchObject({ sources: 1, claims: 1, entities: 1, people: 2 });

    const claim = await db.claims.get(claimId);
    expect(claim).toMatchObject({
      origin: 'mine-abc123',
      quote: 'The partnership is now an alliance in all but name',
      date: '2026-12-04',
      speakerIds: ['p-mine-abc123-jane-doe'],
      entityIds: ['e-mine-abc123-jane-doe', 'e-russia', 'e-north-korea'],
      stances: [{ topicId: 't-closeness', positionId: 't-closeness-de-facto-alliance' }],
      passage: { url: 'https://news.example/2026/12/visit', highlightId: 'h-1' },
    });
    // The new person is an entity whose name is marked from now on.
    expect(await db.entities.get('e-mine-abc123-jane-doe')).toMatchObject({
      label: 'Jane Doe',
      kind: 'person',
      aliases: [{ text: 'Jane Doe', lang: 'en', ambiguous: true }],
    });
    expect(await db.people.get('p-mine-abc123-jane-doe')).toMatchObject({ entityId: 'e-mine-abc123-jane-doe' });
    // The page is a source with its metadata; the outlet a new person record of kind outlet.
    const source = await db.sources.get(claim!.sourceId);
    expect(source).toMatchObject({
      title: 'Envoy visits Pyongyang',
      author: 'A. Reporter',
      url: 'https://news.example/2026/12/visit',
    });
    expect(await db.people.get(source!.outletId)).toMatchObject({ name: 'Example Daily', kind: 'outlet' });

    // The pack carries the quote in its context, verbatim at its span.
    const stored = (await readingPack(db))!;
    const text = stored.texts[source!.file]!;
    expect(text.slice(...claim!.span)).toBe(claim!.quote);
    expect(text).toContain('analyst Jane Doe told reporters. "The partnership is now');
  });

  test('a second passage of the same page joins its source; the person is reused', async () => {
    await addReading(db, draft(), NOW, 'abc123');
    const second = draft({
      quote: {
        type: 'TextQuoteSelector',
        exact: 'Trade has barely grown',
        prefix: 'Doe said. ',
        suffix: ' since the summit.',
      },
      position: { type: 'TextPositionSelector', start: 2000, end: 2022 },
      speaker: { kind: 'new', name: 'jane doe', role: 'analyst', personKind: 'expert' },
      text: 'Jane Doe says trade has barely grown since the summit.',
      stance: undefined,
    });
    const { claimId } = await addReading(db, second, NOW + 1000);
    expect(claimId).toBe('c-mine-abc123-002');
    const pack = (await readingPack(db))!;
    expect(pack.sources).toHaveLength(1);
    expect(pack.people.map((p) => p.name)).toEqual(['Example Daily', 'Jane Doe']);
    const text = pack.texts[pack.sources[0]!.file]!;
    for (const c of pack.claims) expect(text.slice(...c.span)).toBe(c.quote);
  });

  test('a page that gives no date: the claim is dated the day it was saved, and says so', async () => {
    const { claimId } = await addReading(db, draft({ page: { ...draft().page, date: undefined } }), NOW, 'abc123');
    expect(await db.claims.get(claimId)).toMatchObject({
      date: '2026-12-05',
      dateInferred: { inferredFrom: expect.stringContaining('gives no date') },
    });
  });

  test('the outlet’s own voice, and an outlet the corpus already has, reuse its record', async () => {
    const { claimId } = await addReading(
      db,
      draft({ page: { ...draft().page, outlet: 'News1' }, speaker: { kind: 'outlet' }, stance: undefined }),
      NOW,
      'abc123',
    );
    const claim = await db.claims.get(claimId);
    const outlet = bundle.records.people.find((p) => p.name === 'News1')!;
    expect(claim!.speakerIds).toEqual([outlet.id]);
    // News1 writes in Korean: its words on an English page were translated, and the claim says so.
    expect(claim!.quotedVia).toEqual(['ko', 'en']);
    expect((await readingPack(db))!.people).toEqual([]);
  });

  test.each<[string, Partial<PassageDraft>, RegExp]>([
    ['a paraphrase too short', { text: 'Alliance.' }, /claims\[0\].*text/],
    [
      'a new entity whose name the corpus already marks',
      { newEntities: [{ label: 'Pyongyang', kind: 'place' }] },
      /alias "Pyongyang" is also an alias of entity "e-pyongyang"/,
    ],
    [
      'a position of another topic',
      { stance: { topicId: 't-closeness', positionId: 't-trade-aid-marginal' } },
      /is not a position of topic "t-closeness"/,
    ],
    ['an entity that does not exist', { entityIds: ['e-atlantis'] }, /no entity "e-atlantis"/],
    ['a page that is not on the web', { page: { ...draft().page, url: 'file:///home/me/page.html' } }, /url/],
  ])('%s is refused with a message, and nothing is written', async (_name, change, message) => {
    await expect(addReading(db, draft(change), NOW, 'abc123')).rejects.toThrow(message);
    expect(await db.packs.count()).toBe(0);
    expect(await db.claims.where('origin').equals('mine-abc123').count()).toBe(0);
  });

  test('a "new" person the corpus already has is its person, and their entity is listed', async () => {
    const { claimId } = await addReading(
      db,
      draft({
        speaker: { kind: 'new', name: 'Kim Jong Un', role: 'leader', personKind: 'official' },
        stance: undefined,
      }),
      NOW,
      'abc123',
    );
    const kim = bundle.records.people.find((p) => p.name === 'Kim Jong Un')!;
    expect(await db.claims.get(claimId)).toMatchObject({
      speakerIds: [kim.id],
      entityIds: [kim.entityId, 'e-russia', 'e-north-korea'],
    });
  });

  test('a refused passage leaves the earlier ones as they were', async () => {
    await addReading(db, draft(), NOW, 'abc123');
    const before = await readingPack(db);
    await expect(addReading(db, draft({ text: 'short' }), NOW + DAY)).rejects.toThrow(/nothing was saved/);
    expect(await readingPack(db)).toEqual(before);
  });

  test('two saves at once are both kept', async () => {
    await addReading(db, draft(), NOW, 'abc123');
    const other = (exact: string) =>
      draft({ quote: { ...draft().quote, exact }, text: `Jane Doe says: ${exact}.`, stance: undefined });
    await Promise.all([
      addReading(db, other('First thing said'), NOW + 1),
      addReading(db, other('Second thing said'), NOW + 2),
    ]);
    expect((await readingPack(db))!.claims.map((c) => c.quote)).toEqual([
      'The partnership is now an alliance in all but name',
      'First thing said',
      'Second thing said',
    ]);
  });
});

describe('removeReading', () => {
  test('removes the claim and the person only it named; the pack stays valid', async () => {
    const { claimId } = await addReading(db, draft(), NOW, 'abc123');
    await addReading(
      db,
      draft({
        speaker: { kind: 'outlet' },
        text: 'Example Daily says the partnership is an alliance.',
        stance: undefined,
      }),
      NOW,
    );
    await removeReading(db, claimId, NOW + DAY);
    expect(await db.claims.get(claimId)).toBeUndefined();
    expect(await db.entities.get('e-mine-abc123-jane-doe')).toBeUndefined();
    expect((await readingPack(db))!.claims).toHaveLength(1);
  });
});

describe('sharing "My reading"', () => {
  async function readerWith(suffix: string, passage = draft()): Promise<{ store: LensDb; file: string }> {
    const store = await freshStore();
    await addReading(store, passage, NOW, suffix);
    return { store, file: (await exportPack(store, `mine-${suffix}`))! };
  }

  test('exported, cleared and imported as a colleague: the same records, listed as an imported pack', async () => {
    const { store, file } = await readerWith('aaa111');
    const exported = JSON.parse(file) as Pack;
    expect(exported.texts[exported.sources[0]!.file]).toContain(draft().quote.prefix + draft().quote.exact);
    await removePack(store, 'mine-aaa111');
    expect(await db.claims.where('origin').equals('mine-aaa111').count()).toBe(0);

    const colleague = await freshStore();
    const result = await importPack(colleague, file, size(file), NOW + DAY);
    expect(result).toMatchObject({ status: 'added', pack: { id: 'mine-aaa111', name: 'My reading', own: false } });
    expect(await colleague.claims.get('c-mine-aaa111-001')).toMatchObject({ quote: draft().quote.exact });
    expect(await readingPack(colleague)).toBeUndefined(); // their own passages start a pack of their own
  });

  test('two readers’ packs never share an id; both naming the same new person install side by side', async () => {
    const a = await readerWith('aaa111');
    const b = await readerWith(
      'bbb222',
      draft({ speaker: { kind: 'new', name: 'John Roe', role: 'analyst', personKind: 'expert' } }),
    );
    // Different new people: both packs side by side, every id namespaced by its pack.
    expect((await importPack(b.store, a.file, size(a.file), NOW + DAY)).status).toBe('added');
    expect(
      (await b.store.entities.filter((e) => e.id.startsWith('e-mine-')).toArray()).map((e) => e.id).sort(),
    ).toEqual(['e-mine-aaa111-jane-doe', 'e-mine-bbb222-john-roe']);
    // The same new name in both: installed too, each pack whole (linked as one person when read).
    const c = await readerWith('ccc333');
    expect((await importPack(c.store, a.file, size(a.file), NOW + DAY)).status).toBe('added');
    expect((await c.store.entities.filter((e) => e.label === 'Jane Doe').toArray()).map((e) => e.id).sort()).toEqual([
      'e-mine-aaa111-jane-doe',
      'e-mine-ccc333-jane-doe',
    ]);
    // Removing the colleague's pack leaves the reader's own whole.
    await removePack(c.store, 'mine-aaa111');
    expect(await c.store.claims.where('origin').equals('mine-ccc333').count()).toBe(1);
    expect(await c.store.entities.get('e-mine-ccc333-jane-doe')).toBeDefined();
  });

  test('a newer export of the same pack shows what it changes, then replaces it; an older one says so', async () => {
    const reader = await readerWith('aaa111');
    const first = reader.file;
    await addReading(
      reader.store,
      draft({
        speaker: { kind: 'outlet' },
        text: 'Example Daily calls the partnership an alliance.',
        stance: undefined,
      }),
      NOW + DAY,
    );
    const second = (await exportPack(reader.store, 'mine-aaa111'))!;

    const colleague = await freshStore();
    await importPack(colleague, first, size(first), NOW + DAY);
    const preview = await previewPack(colleague, second, size(second));
    expect(preview).toMatchObject({ id: 'mine-aaa111', status: 'replaces', older: false });
    expect(preview.diff.claims.added.map((c) => c.name)).toEqual(['Example Daily calls the partnership an alliance.']);
    expect(preview.diff.claims.removed).toEqual([]);
    expect((await importPack(colleague, second, size(second), NOW + 2 * DAY)).status).toBe('replaced');
    expect(await colleague.claims.where('origin').equals('mine-aaa111').count()).toBe(2);

    expect(await previewPack(colleague, first, size(first))).toMatchObject({ status: 'replaces', older: true });
    expect(await previewPack(colleague, second, size(second))).toMatchObject({ status: 'unchanged' });
  });

  test('a tampered export is refused whole', async () => {
    const { file } = await readerWith('aaa111');
    const pack = JSON.parse(file) as Pack;
    pack.claims[0]!.quote = 'The partnership is a myth';
    const bad = JSON.stringify(pack);
    const colleague = await freshStore();
    await expect(importPack(colleague, bad, size(bad), NOW)).rejects.toThrow(/not verbatim|does not occur/);
    await expect(importPack(colleague, bad, size(bad), NOW)).rejects.toThrow(
      /passage selected on the page is not the claim’s quote/,
    );
    expect(await listPacks(colleague)).toEqual([]);
    expect(await colleague.entities.where('origin').equals('mine-aaa111').count()).toBe(0);
  });
});
