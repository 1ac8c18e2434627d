import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { LensDb } from '../../lib/db/schema';
import { answer, createClient } from '../../lib/messages';
import { createService } from '../../lib/service';
import { tinyBundle } from '../fixtures/tiny-corpus';

let db: LensDb;
let n = 0;
afterEach(async () => {
  await db.delete();
});

function start(bundle = tinyBundle('v1')) {
  db = new LensDb(`service-${++n}`);
  const errors: unknown[] = [];
  const service = createService(db, bundle, { now: () => 5, newId: () => 'id-1', onLoadError: (e) => errors.push(e) });
  const ask = createClient((m) => answer(service.handlers, m, null) ?? Promise.resolve(undefined));
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
    const ask = createClient((m) => answer(service.handlers, m, null) ?? Promise.resolve(undefined));

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
