import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { privateWindowMessage, quotaMessage } from '../../lib/db/highlight-store';
import { toWebAnnotations } from '../../lib/exchange/web-annotation-export';
import Dexie from 'dexie';
import { LensDb, type HighlightRow } from '../../lib/db/schema';
import type { NewHighlight } from '../../lib/db/highlight-store';
import type { Client, PageConfig } from '../../lib/messages';
import { blockedMessage, createService } from '../../lib/service';
import { buildCorpusBundle } from '../../build/corpus-plugin';
import { tinyBundle } from '../fixtures/corpus';
import { readerPack } from '../fixtures/reader-packs';
import { clientOf, pageMatch } from './client';

/** What a page configured with `config` gets marked in `text` (the background matches it): each mark as written. */
async function marksIn(ask: Client, config: PageConfig, text: string): Promise<string[]> {
  return (await pageMatch(ask, config)(text)).map((m) => text.slice(m.start, m.end));
}

let db: LensDb;
let n = 0;
afterEach(async () => {
  await db.delete();
});

function start(bundle = tinyBundle('v1')) {
  db = new LensDb(`service-${++n}`);
  const errors: unknown[] = [];
  const service = createService(db, bundle, { now: () => 5, newId: () => 'id-1', onLoadError: (e) => errors.push(e) });
  const ask = clientOf(service.handlers, null);
  return { service, ask, errors };
}

describe('service', () => {
  test('the first message after a (re)start waits for the corpus and is answered from it', async () => {
    const { ask } = start();
    // Asked at once, before the load has finished:
    const entities = await ask('listEntities', null);
    expect(entities.map((e) => e.label)).toEqual(['Pyongyang', 'United Nations']);
  });

  test('the term index carries every alias with its matching flags', async () => {
    const { ask } = start();
    const index = await ask('getTermIndex', null);
    expect(index.version).toBe('bundled:v1');
    expect(index.patterns).toEqual([
      { id: 'pyongyang', text: 'Pyongyang', lang: 'en' },
      { id: 'pyongyang', text: 'Пхеньян', lang: 'ru', inflects: true },
      { id: 'un', text: 'UN', lang: 'en', caseSensitive: true },
    ]);
  });

  test('a corpus that fails to load is reported and the previous one keeps answering', async () => {
    const first = start(tinyBundle('v1'));
    await first.service.ready;
    const broken = tinyBundle('v2', true);
    broken.records.entities.push({ ...broken.records.entities[0]! });
    const service = createService(db, broken, { onLoadError: () => undefined });
    const ask = clientOf(service.handlers, null);

    const { status, loadError } = await ask('getStatus', null);
    expect(loadError).toMatch(/^The corpus update v2 could not be loaded: /);
    expect(status.corpora.map((c) => c.version)).toEqual(['v1']);
    expect((await ask('listEntities', null)).map((e) => e.id)).toEqual(['pyongyang', 'un']);
  });

  test('a saved highlight is stored in the reader table and listed by page', async () => {
    const { ask } = start();
    const saved = await ask('saveHighlight', {
      url: 'https://example.org/a',
      title: 'A',
      note: '',
      colour: 'yellow',
      entityIds: [],
      quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 1 },
    });
    expect(saved).toMatchObject({ id: 'id-1', createdAt: 5, updatedAt: 5 });
    expect(await ask('listHighlights', { url: 'https://example.org/a' })).toEqual([saved]);
    expect(await ask('listHighlights', { url: 'https://example.org/b' })).toEqual([]);
  });

  test('search answers from the corpus, and caches its index for the corpus version', async () => {
    const { ask } = start();
    const results = await ask('search', { query: 'Pyongang' });
    expect(results.groups[0]!.hits[0]).toMatchObject({ kind: 'entity', id: 'pyongyang', title: 'Pyongyang' });
    expect(await db.searchCache.count()).toBe(1);
  });

  test('"Search in Lens" opens search and leaves the query for it, once; a second within the second opens nothing', async () => {
    db = new LensDb(`service-${++n}`);
    let time = 1000;
    const opened: unknown[] = [];
    const service = createService(db, tinyBundle('v1'), {
      now: () => time,
      tabOf: (sender) => (sender as { tab: number }).tab,
      openSearch: async (sender) => void opened.push(sender),
    });
    const from = (sender: unknown) => clientOf(service.handlers, sender);
    await from({ tab: 4 })('openSearch', { query: 'Pyongyang' });
    expect(opened).toEqual([{ tab: 4 }]);
    await from({ tab: 4 })('openSearch', { query: 'again' });
    expect(opened).toHaveLength(1);
    const popup = from(null);
    expect(await popup('takeSearch', null)).toEqual({ query: 'Pyongyang', tabId: 4 });
    expect(await popup('takeSearch', null)).toBeNull();
    time += 1000;
    await from({ tab: 5 })('openSearch', { query: 'Wonsan' });
    expect(opened).toHaveLength(2);
  });

  test('a claim opens with its quote, speaker and source', async () => {
    const { ask } = start();
    const detail = await ask('getDetail', { kind: 'claim', id: 'c-1' });
    expect(detail).toMatchObject({
      kind: 'claim',
      claim: { id: 'c-1', quote: 'Pyongyang', speakerName: 'Outlet', sourceTitle: 'A' },
      source: { id: 'src-a', outlet: 'Outlet' },
      entities: [
        { id: 'pyongyang', label: 'Pyongyang' },
        { id: 'un', label: 'United Nations' },
      ],
    });
    expect(await ask('getDetail', { kind: 'person', id: 'nobody' })).toBeNull();
  });
});

describe('highlights', () => {
  const draft = (overrides: Partial<NewHighlight> = {}): NewHighlight => ({
    url: 'https://news.example.org/article?id=7&utm_source=mail#comments',
    title: 'Article',
    note: '',
    colour: 'yellow',
    entityIds: ['pyongyang', 'pyongyang'],
    quote: { type: 'TextQuoteSelector', exact: 'in Pyongyang', prefix: 'talks ', suffix: ' went on' },
    position: { type: 'TextPositionSelector', start: 40, end: 52 },
    ...overrides,
  });

  function startClocked(options: { db?: LensDb; onHighlightDeleted?: (id: string) => void } = {}) {
    db = options.db ?? new LensDb(`service-${++n}`);
    let time = 100;
    let id = 0;
    const service = createService(db, tinyBundle('v1'), {
      now: () => ++time,
      newId: () => `h-${++id}`,
      onLoadError: () => undefined,
      ...(options.onHighlightDeleted && { onHighlightDeleted: options.onHighlightDeleted }),
    });
    return clientOf(service.handlers, null);
  }

  test('a saved highlight is filed under its normalised URL, and comes with the page config of any form of it', async () => {
    const ask = startClocked();
    const saved = await ask('saveHighlight', draft());
    expect(saved).toMatchObject({
      id: 'h-1',
      url: 'https://news.example.org/article?id=7',
      entityIds: ['pyongyang'],
      createdAt: saved.updatedAt,
    });
    const config = await ask('getPageConfig', { url: 'https://news.example.org/article?id=7&fbclid=x' });
    expect(config.highlights).toEqual({ rows: [saved], unavailable: null });
    expect(await ask('listHighlights', { url: 'https://news.example.org/article?id=7#top' })).toEqual([saved]);
  });

  test('note and colour are updated, with a new updated time; the rest stays', async () => {
    const ask = startClocked();
    const saved = await ask('saveHighlight', draft());
    const noted = await ask('updateHighlight', { id: saved.id, note: 'Check this figure' });
    expect(noted).toEqual({ ...saved, note: 'Check this figure', updatedAt: saved.updatedAt + 1 });
    const green = await ask('updateHighlight', { id: saved.id, colour: 'green' });
    expect(green).toMatchObject({ note: 'Check this figure', colour: 'green', createdAt: saved.createdAt });
    expect(await ask('listHighlights', {})).toEqual([green]);
  });

  test('a deleted highlight can be put back exactly as it was (undo)', async () => {
    const ask = startClocked();
    const saved = await ask('saveHighlight', draft({ note: 'keep' }));
    await ask('deleteHighlight', { id: saved.id });
    expect(await ask('restoreHighlight', saved)).toEqual(saved);
    expect(await ask('listHighlights', {})).toEqual([saved]);
  });

  test('export → clear → import gives back the same highlights; importing again adds nothing', async () => {
    const ask = startClocked();
    const a = await ask('saveHighlight', draft({ note: 'first' }));
    const b = await ask('saveHighlight', draft({ note: 'second', colour: 'green' }));
    const json = JSON.stringify(toWebAnnotations([a, b]));
    await ask('deleteHighlight', { id: a.id });
    await ask('deleteHighlight', { id: b.id });

    expect(await ask('importHighlights', { json, byteSize: json.length })).toEqual({
      added: 2,
      unchanged: 0,
      skipped: [],
    });
    const back = await ask('listHighlights', {});
    expect(back.map((r) => [r.id, r.note, r.colour, r.url, r.quote.exact]).sort()).toEqual(
      [a, b].map((r) => [r.id, r.note, r.colour, r.url, r.quote.exact]).sort(),
    );
    expect(await ask('importHighlights', { json, byteSize: json.length })).toEqual({
      added: 0,
      unchanged: 2,
      skipped: [],
    });
    expect(await ask('listHighlights', {})).toHaveLength(2);
  });

  test('an imported highlight keeps the entity tags this corpus knows, and drops the others', async () => {
    const ask = startClocked();
    const row = await ask('saveHighlight', draft());
    const json = JSON.stringify(toWebAnnotations([{ ...row, entityIds: ['pyongyang', 'e-of-another-corpus'] }]));
    await ask('deleteHighlight', { id: row.id });
    await ask('importHighlights', { json, byteSize: json.length });
    expect((await ask('listHighlights', {})).map((r) => r.entityIds)).toEqual([['pyongyang']]);
  });

  test('a bad import file changes nothing and says what is wrong', async () => {
    const ask = startClocked();
    const kept = await ask('saveHighlight', draft());
    const good = toWebAnnotations([{ ...kept, id: 'other' }]);
    const items = [...good.first!.items, { type: 'Annotation', target: {} }];
    const broken = JSON.stringify({ ...good, total: 2, first: { ...good.first!, items } });
    await expect(ask('importHighlights', { json: broken, byteSize: broken.length })).rejects.toThrow(/item 2/);
    await expect(ask('importHighlights', { json: '{"items": [', byteSize: 11 })).rejects.toThrow(/cut short/);
    expect(await ask('listHighlights', {})).toEqual([kept]);
  });

  test('a deleted highlight is gone; deleting it again is not an error, updating it is', async () => {
    const told: string[] = [];
    const ask = startClocked({ onHighlightDeleted: (id) => told.push(id) });
    const saved = await ask('saveHighlight', draft());
    expect(await ask('deleteHighlight', { id: saved.id })).toBeNull();
    // The background tells the pages (whoever deleted it): the popup does not relay it.
    expect(told).toEqual([saved.id]);
    expect(await ask('deleteHighlight', { id: saved.id })).toBeNull();
    expect(await ask('listHighlights', {})).toEqual([]);
    await expect(ask('updateHighlight', { id: saved.id, note: 'x' })).rejects.toThrow(/no longer saved/);
  });

  test.each([
    ['an unknown colour', { colour: 'red; background: url(x)' }, /Unknown highlight colour/],
    [
      'no text',
      { quote: { type: 'TextQuoteSelector' as const, exact: '  ', prefix: '', suffix: '' } },
      /needs some text/,
    ],
    ['a note that is not text', { note: 5 as unknown as string }, /must be text/],
  ])('a highlight with %s is refused', async (_, overrides, message) => {
    const ask = startClocked();
    await expect(ask('saveHighlight', draft(overrides))).rejects.toThrow(message);
    expect(await ask('listHighlights', {})).toEqual([]);
  });

  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  test.each([
    ['as the browser throws it', quota],
    [
      'wrapped by Dexie in a transaction abort',
      () => Object.assign(new Error('Aborted'), { name: 'AbortError', inner: quota() }),
    ],
  ])('a full disk reaches the reader as a message (%s)', async (_, error) => {
    const ask = startClocked();
    const saved = await ask('saveHighlight', draft());
    vi.spyOn(db.highlights, 'add').mockRejectedValueOnce(error());
    await expect(ask('saveHighlight', draft())).rejects.toThrow(quotaMessage());
    vi.spyOn(db.highlights, 'put').mockRejectedValueOnce(error());
    await expect(ask('updateHighlight', { id: saved.id, note: 'x' })).rejects.toThrow(quotaMessage());
    expect(await ask('listHighlights', {})).toEqual([saved]);
  });

  test('from a private window pages are marked, no highlight is read or saved, and the reader is told why', async () => {
    db = new LensDb(`service-${++n}`);
    const service = createService(db, tinyBundle('v1'), {
      isPrivate: (sender) => sender === 'private tab',
      onLoadError: () => undefined,
    });
    const from = (sender: string) => clientOf(service.handlers, sender);
    const normal = from('normal tab');
    const privately = from('private tab');
    const kept = await normal('saveHighlight', draft());

    const config = await privately('getPageConfig', { url: kept.url });
    expect(config.active).toBe(true);
    expect(await marksIn(privately, config, 'A day in Pyongyang.')).toEqual(['Pyongyang']);
    expect(config.highlights).toEqual({ rows: [], unavailable: privateWindowMessage() });
    await expect(privately('saveHighlight', draft({ note: 'private' }))).rejects.toThrow(privateWindowMessage());

    expect(await normal('listHighlights', {})).toEqual([kept]);
    expect((await normal('getPageConfig', { url: kept.url })).highlights).toEqual({ rows: [kept], unavailable: null });
  });

  test('without IndexedDB (Firefox set to never remember history) pages are still marked, and saving says why it is off', async () => {
    const refused: IDBFactory = {
      open() {
        throw new DOMException(
          'A mutation operation was attempted on a database that did not allow mutations.',
          'InvalidStateError',
        );
      },
      deleteDatabase: () => indexedDB.deleteDatabase('never-created'),
      databases: () => Promise.resolve([]),
      cmp: (a, b) => indexedDB.cmp(a, b),
    };
    const ask = startClocked({ db: new LensDb(`service-${++n}`, { indexedDB: refused, IDBKeyRange }) });
    db = new LensDb(`service-${n}`); // what afterEach deletes

    const config = await ask('getPageConfig', { url: 'https://example.org/' });
    expect(config.active).toBe(true);
    expect(await marksIn(ask, config, 'A day in Pyongyang.')).toEqual(['Pyongyang']);
    expect(config.highlights.rows).toEqual([]);
    expect(config.highlights.unavailable).toMatch(/^Saving highlights is off: .*mutation operation.*normal window/);
    await expect(ask('saveHighlight', draft())).rejects.toThrow(config.highlights.unavailable!);
  });
});

describe('packs and settings', () => {
  const bundle = buildCorpusBundle('data');
  const packText = readFileSync('data/packs/example-pack.json', 'utf8');
  const packEntity = (JSON.parse(packText) as { entities: { id: string; aliases: { text: string }[] }[] }).entities[0]!;

  function startReal() {
    db = new LensDb(`service-${++n}`);
    const changes: string[] = [];
    const badges: [number, unknown][] = [];
    const service = createService(db, bundle, {
      onConfigChanged: () => changes.push('changed'),
      setBadge: async (count, sender) => void badges.push([count, sender]),
    });
    const ask = clientOf(service.handlers, { tab: { id: 7 } });
    return { ask, changes, badges };
  }

  test('an imported pack is marked, carded and searched at once; removing it takes it away', async () => {
    const { ask, changes } = startReal();
    const url = 'https://example.org/news';
    /** the entity each of the pack entity's aliases is marked as, on a page */
    const aliasesMarkedAs = async () => {
      const config = await ask('getPageConfig', { url });
      if (!config.active) throw new Error(`Lens is not active here (${config.reason})`);
      const match = pageMatch(ask, config);
      return Promise.all(packEntity.aliases.map(async (a) => (await match(`… ${a.text} …`)).map((m) => m.id)));
    };
    expect(await aliasesMarkedAs()).toEqual(packEntity.aliases.map(() => []));
    await ask('search', { query: 'Jane Example' }); // the search index is open before the import

    const imported = await ask('importPack', { json: packText, byteSize: packText.length });
    expect(imported.status).toBe('added');
    expect(changes).toEqual(['changed']);
    expect(await aliasesMarkedAs()).toEqual(packEntity.aliases.map(() => [packEntity.id]));
    expect((await ask('getCard', { entityId: packEntity.id }))?.entity.id).toBe(packEntity.id);
    const found = await ask('search', { query: 'Jane Example' });
    expect(JSON.stringify(found)).toContain('p-jane-example');
    expect((await ask('listPacks', null)).map((p) => p.id)).toEqual([imported.pack.id]);

    // The same file again: nothing changes, so open tabs are not redrawn.
    expect((await ask('importPack', { json: packText, byteSize: packText.length })).status).toBe('unchanged');
    expect(changes).toEqual(['changed']);

    await ask('removePack', { id: imported.pack.id });
    expect(changes).toEqual(['changed', 'changed']);
    expect(await aliasesMarkedAs()).toEqual(packEntity.aliases.map(() => []));
    expect(await ask('getCard', { entityId: packEntity.id })).toBeNull();
    expect(JSON.stringify(await ask('search', { query: 'Jane Example' }))).not.toContain('p-jane-example');
    await expect(ask('removePack', { id: 'bundled' })).rejects.toThrow('The bundled corpus cannot be removed.');
  });

  test('two colleagues’ packs and the reader’s own that name the same new person: one mark, one card, one search result', async () => {
    const { ask } = startReal();
    const colleague = (suffix: string, words: string) =>
      JSON.stringify(
        readerPack(suffix, `${words}, said Jane Doe`, {
          text: `Jane Doe says ${words}.`,
          stance: { topicId: 't-closeness', positionId: 't-closeness-de-facto-alliance' },
        }),
      );
    for (const [suffix, words] of [
      ['aaaa1111', 'the alliance is real'],
      ['bbbb2222', 'the alliance is deep'],
    ] as const) {
      const json = colleague(suffix, words);
      expect((await ask('importPack', { json, byteSize: json.length })).status).toBe('added');
    }
    const own = await ask('addReading', {
      page: { url: 'https://news.example/mine', title: 'Mine', outlet: 'Other Weekly', language: 'en' },
      quote: { type: 'TextQuoteSelector', exact: 'Jane Doe was right', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 18 },
      speaker: { kind: 'outlet' },
      text: 'Other Weekly says Jane Doe was right.',
      entityIds: [],
      newEntities: [{ label: 'Jane Doe', kind: 'person' }],
    });
    const ownId = own.pack.id;

    const patterns = (await ask('getTermIndex', null)).patterns;
    expect(patterns.filter((p) => p.text === 'Jane Doe').map((p) => p.id)).toEqual([`e-${ownId}-jane-doe`]);

    // Her card, reached from either pack's id, is the reader's own entity with the claims of all three packs.
    for (const entityId of ['e-mine-aaaa1111-jane-doe', `e-${ownId}-jane-doe`]) {
      const card = (await ask('getCard', { entityId }))!;
      expect(card.entity.id).toBe(`e-${ownId}-jane-doe`);
      expect(JSON.stringify(card)).toContain('Jane Doe says the alliance is real.');
      expect(JSON.stringify(card)).toContain('Jane Doe says the alliance is deep.');
      expect(JSON.stringify(card)).toContain('Other Weekly says Jane Doe was right.');
    }
    // North Korea's "Views differ": both colleagues' Jane Doe, as one person, at the position they took.
    const northKorea = (await ask('getCard', { entityId: 'e-north-korea' }))!;
    const janes = northKorea.viewsDiffer
      .flatMap((v) => v.positions)
      .flatMap((p) => p.claims.map((c) => ({ position: p.id, ...c })))
      .filter((c) => c.speakerName === 'Jane Doe');
    expect(janes.map((c) => c.position)).toContain('t-closeness-de-facto-alliance');
    expect(janes.flatMap((c) => c.claimIds).sort()).toEqual(['c-mine-aaaa1111-001', 'c-mine-bbbb2222-001']);

    const found = await ask('search', { query: 'Jane Doe' });
    const entities = found.groups.flatMap((g) => g.hits).filter((h) => h.kind === 'entity' && h.title === 'Jane Doe');
    expect(entities.map((h) => h.id)).toEqual([`e-${ownId}-jane-doe`]);
  });

  test('a claim added from a highlight keeps its quote when the highlight is deleted, and its card says so', async () => {
    const { ask } = startReal();
    const quote = {
      type: 'TextQuoteSelector' as const,
      exact: 'an alliance in all but name',
      prefix: 'now ',
      suffix: '.',
    };
    const position = { type: 'TextPositionSelector' as const, start: 4, end: 31 };
    const url = 'https://news.example/a';
    const highlight = await ask('saveHighlight', {
      url,
      title: 'A',
      note: '',
      colour: 'yellow',
      entityIds: [],
      quote,
      position,
    });
    const { claimId } = await ask('addReading', {
      page: { url, title: 'A', outlet: 'Example Daily', date: '2026-12-04', language: 'en' },
      quote,
      position,
      highlightId: highlight.id,
      speaker: { kind: 'outlet' },
      text: 'Example Daily calls it an alliance in all but name.',
      entityIds: ['e-north-korea'],
    });
    const yours = async () =>
      (await ask('getCard', { entityId: 'e-north-korea' }))!.topics
        .flatMap((t) => t.claims)
        .find((c) => c.id === claimId)!;
    expect((await yours()).yours).toEqual({ pageUrl: url });

    await ask('updateHighlight', { id: highlight.id, note: 'edited', colour: 'green' });
    expect((await yours()).yours).toEqual({ pageUrl: url });
    await ask('deleteHighlight', { id: highlight.id });
    expect(await yours()).toMatchObject({
      quote: 'an alliance in all but name',
      yours: { pageUrl: url, highlightDeleted: true },
    });
    await ask('restoreHighlight', highlight);
    expect((await yours()).yours).toEqual({ pageUrl: url });
  });

  test('a card request names the page entities as a short list of ids, or is refused', async () => {
    const { ask } = startReal();
    const card = await ask('getCard', { entityId: 'e-north-korea', pageEntityIds: ['e-wonsan'] });
    expect(card?.onPage.length).toBeGreaterThan(0);
    for (const pageEntityIds of [Array.from({ length: 201 }, (_, i) => `e-${i}`), ['x'.repeat(101)], 'e-wonsan', [1]])
      await expect(ask('getCard', { entityId: 'e-north-korea', pageEntityIds } as never)).rejects.toThrow(
        /pageEntityIds must be a list of at most 200 entity ids/,
      );
  });

  test('a bad pack is refused with its reason and nothing changes', async () => {
    const { ask, changes } = startReal();
    await expect(ask('importPack', { json: packText.slice(0, 200), byteSize: 200 })).rejects.toThrow(/cut short/);
    expect(await ask('listPacks', null)).toEqual([]);
    expect(changes).toEqual([]);
  });

  test('changed settings reach open tabs; a disabled site gets no marks', async () => {
    const { ask, changes } = startReal();
    await ask('setSettings', { disabledSites: ['example.org'], markStyle: 'tint' });
    expect(changes).toEqual(['changed']);
    const config = await ask('getPageConfig', { url: 'https://news.example.org/a' });
    expect(config).toMatchObject({ active: false, reason: 'site-off', settings: { markStyle: 'tint' } });
    expect(config).not.toHaveProperty('termIndex');
    expect((await ask('getPageConfig', { url: 'https://example.com/a' })).active).toBe(true);
  });

  test('the badge shows the count the sender’s tab reports', async () => {
    const { ask, badges } = startReal();
    await ask('setPageEntityCount', { count: 12 });
    await expect(ask('setPageEntityCount', { count: -1 })).rejects.toThrow('A count is a whole number');
    expect(badges).toEqual([[12, { tab: { id: 7 } }]]);
  });
});

describe('an upgrade blocked by another tab', () => {
  test('says so, still marks pages, writes nothing, and loses nothing once the other tab lets go', async () => {
    const name = `service-blocked-${++n}`;
    // The previous release's store (schema 1), with the reader's rows in it.
    const v1 = new Dexie(name);
    v1.version(1).stores({ highlights: 'id, url, updatedAt', settings: 'key' });
    const row: HighlightRow = {
      id: 'h-old',
      url: 'https://example.org/a',
      title: 'A',
      note: 'kept through the upgrade',
      colour: 'green',
      entityIds: ['pyongyang'],
      quote: { type: 'TextQuoteSelector', exact: 'Pyongyang', prefix: 'in ', suffix: '.' },
      position: { type: 'TextPositionSelector', start: 3, end: 12 },
      createdAt: 1,
      updatedAt: 2,
    };
    await v1.open();
    await v1.table('highlights').add(row);
    await v1.table('settings').put({ key: 'density', value: 'first-per-paragraph' });
    v1.close();
    // Another tab of that release holds it open and does not close on a version change.
    const other = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });

    db = new LensDb(name);
    const service = createService(db, tinyBundle('v1'), { now: () => 5, newId: () => 'id-new' });
    const ask = clientOf(service.handlers, null);

    const config = await ask('getPageConfig', { url: row.url });
    expect(config.highlights.unavailable).toBe(blockedMessage());
    expect(await marksIn(ask, config, 'Pyongyang, Пхеньяна, UN, un')).toEqual(['Pyongyang', 'Пхеньяна', 'UN']);
    const { id: _, createdAt: __, updatedAt: ___, ...draft } = row;
    await expect(ask('saveHighlight', draft)).rejects.toThrow(blockedMessage());
    await expect(ask('listHighlights', { url: row.url })).rejects.toThrow(blockedMessage());
    await expect(ask('getStatus', null)).rejects.toThrow(blockedMessage());

    other.close();
    await service.ready; // the upgrade, then the corpus load, once the other tab let go
    expect(await ask('listHighlights', { url: row.url })).toEqual([row]);
    expect((await ask('getSettings', null)).density).toBe('first-per-paragraph');
    expect((await ask('getPageConfig', { url: row.url })).highlights).toEqual({ rows: [row], unavailable: null });
    expect((await ask('saveHighlight', draft)).id).toBe('id-new');
  });
});

describe("a tab's frames", () => {
  test("the page the reader sees, where Lens runs, has its tab's frames read as it starts; a frame, or a page where Lens is off, does not", async () => {
    db = new LensDb(`service-${++n}`);
    const read: unknown[] = [];
    const service = createService(db, tinyBundle('v1'), { readFrames: (sender) => void read.push(sender) });
    const top = { kind: 'page', topFrame: true, tabId: 7, frameId: 0 };
    const frame = { ...top, topFrame: false, frameId: 3 };
    await clientOf(service.handlers, frame)('getPageConfig', { url: 'https://news.example.org/a' });
    expect(read).toEqual([]);
    await clientOf(service.handlers, top)('getPageConfig', { url: 'https://news.example.org/a' });
    expect(read).toEqual([top]);
    await clientOf(service.handlers, top)('setSettings', { paused: true });
    await clientOf(service.handlers, top)('getPageConfig', { url: 'https://news.example.org/a' });
    expect(read).toEqual([top]);
    // A frame of the page that loaded asks for it.
    await clientOf(service.handlers, frame)('readFrames', null);
    expect(read).toEqual([top, frame]);
  });
});

describe('the toolbar icon', () => {
  test("each page that asks for its configuration has its tab's icon set to Lens's state there, and is told it", async () => {
    db = new LensDb(`service-${++n}`);
    const shown: [string, unknown][] = [];
    const service = createService(db, tinyBundle('v1'), {
      showToolbarState: async (state, sender) => void shown.push([state, sender]),
    });
    const sender = { tab: { id: 7 }, frameId: 0 };
    const ask = clientOf(service.handlers, sender);

    const reasons: string[] = [];
    const config = async () => {
      const answered = await ask('getPageConfig', { url: 'https://news.example.org/a' });
      reasons.push(answered.active ? 'active' : answered.reason);
    };
    await config();
    await ask('setSettings', { disabledSites: ['news.example.org'] });
    await config();
    await ask('setSettings', { paused: true });
    await config();
    // The page is told why Lens is off, as the icon shows it.
    expect(reasons).toEqual(['active', 'site-off', 'paused']);
    expect(shown).toEqual([
      ['active', sender],
      ['site-off', sender],
      ['paused', sender],
    ]);
  });
});
