import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { buildCorpusBundle } from '../../../build/corpus-plugin';
import { passageDraft } from '../../fixtures/passage-draft';
import { corpusVersion } from '../../../lib/db/corpus-store';
import { LensDb } from '../../../lib/db/schema';
import { clientOf } from '../client';
import { SEARCH_INDEX_VERSION } from '../../../lib/search';
import { createService } from '../../../lib/service';
import { readFileSync } from 'node:fs';

const bundle = buildCorpusBundle('data');
const packText = readFileSync('data/packs/example-pack.json', 'utf8');
let db: LensDb;
let n = 0;
afterEach(() => db.delete());

function start() {
  db = new LensDb(`service-cards-${++n}`);
  const service = createService(db, bundle, { now: () => 1000 });
  return clientOf(service.handlers, null);
}

/** Spies on every way the store's corpus tables can be read. */
function corpusReads() {
  const reads: string[] = [];
  for (const name of ['entities', 'claims', 'people', 'sources', 'topics', 'events'] as const) {
    const table = db[name] as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of ['get', 'bulkGet', 'where', 'filter', 'toArray', 'toCollection', 'each']) {
      const original = table[method]!.bind(table);
      table[method] = (...args) => {
        reads.push(`${name}.${method}`);
        return original(...args);
      };
    }
  }
  return reads;
}

describe('card queries', () => {
  test('once the corpus is read, a hover reads no table: cards, claim cards and details are lookups', async () => {
    const ask = start();
    expect((await ask('getCard', { entityId: 'e-wonsan' }))?.entity.label).toBe('Wonsan');
    const reads = corpusReads();
    const card = await ask('getCard', { entityId: 'e-north-korea', pageEntityIds: ['e-russia', 'e-wonsan'] });
    expect(card?.entity.label).toBe('North Korea');
    expect(card?.events.length).toBeGreaterThan(0);
    const claimId = card!.topics[0]!.claims[0]!.id;
    expect(await ask('getClaimCard', { kind: 'claim', claimId })).toMatchObject({ claim: { id: claimId } });
    expect(await ask('getDetail', { kind: 'claim', id: claimId })).toMatchObject({ kind: 'claim' });
    expect(await ask('getCard', { entityId: 'no-such-entity' })).toBeNull();
    expect(reads).toEqual([]);
  });

  test('an event that cites one of the entity’s claims, without naming it, is on its timeline', async () => {
    const ask = start();
    const { records } = bundle;
    const cited = records.events.flatMap((event) =>
      event.claimIds.flatMap((claimId) => {
        const claim = records.claims.find((c) => c.id === claimId);
        const entityId = claim?.entityIds.find((id) => !event.entityIds.includes(id));
        return entityId ? [{ event, entityId }] : [];
      }),
    )[0];
    expect(cited).toBeDefined();
    const card = await ask('getCard', { entityId: cited!.entityId });
    expect(card?.events.map((e) => e.id)).toContain(cited!.event.id);
  });

  test('the reader’s own claim is on the card marked as theirs, as soon as it is saved', async () => {
    const ask = start();
    const before = await ask('getCard', { entityId: 'e-russia' });
    // From a fresh selection: no highlight that could have been deleted.
    const saved = await ask('addReading', passageDraft({ highlightId: undefined }));
    const card = await ask('getCard', { entityId: 'e-russia' });
    expect(card!.claimCount).toBe(before!.claimCount + 1);
    const mine = card!.topics.flatMap((t) => t.claims).filter((c) => c.yours);
    expect(mine.map((c) => c.id)).toEqual([saved.claimId]);
    expect(mine[0]!.yours).toEqual({ pageUrl: 'https://news.example/2026/12/visit' });
  });

  test('the entity list and the reading form’s choices come from the same corpus', async () => {
    const ask = start();
    const entities = await ask('listEntities', null);
    expect(entities).toHaveLength(bundle.records.entities.length);
    expect(entities.map((e) => e.label)).toEqual([...entities.map((e) => e.label)].sort((a, b) => a.localeCompare(b)));
    const choices = await ask('getReadingChoices', { entityIds: ['e-wonsan', 'no-such-entity'] });
    expect(choices.entities).toEqual([{ id: 'e-wonsan', label: 'Wonsan' }]);
    expect(choices.people).toHaveLength(bundle.records.people.length);
    expect(choices.topics).toHaveLength(bundle.records.topics.length);
  });
});

describe('one corpus version', () => {
  test('the term index and the search cache are keyed by the same version of the corpus and its packs', async () => {
    const ask = start();
    const versionNow = async () => {
      const config = await ask('getPageConfig', { url: 'https://example.org/' });
      if (!config.active) throw new Error('Lens is off');
      await ask('search', { query: 'Wonsan' });
      return {
        termIndex: config.termIndex.version,
        cached: (await db.searchCache.toCollection().primaryKeys()) as string[],
      };
    };
    const first = await versionNow();
    expect(first.termIndex).toBe(`bundled:${bundle.version}`);
    expect(first.termIndex).toBe(await corpusVersion(db));
    expect(first.cached).toEqual([`${SEARCH_INDEX_VERSION}|${first.termIndex}`]);

    const { pack } = await ask('importPack', { json: packText, byteSize: packText.length });
    const second = await versionNow();
    expect(second.termIndex).toBe(await corpusVersion(db));
    // Each corpus with its version, in one order (the term index's version was unsorted, the cache key sorted).
    const origins = second.termIndex.split(',').map((v) => v.split(':')[0]);
    expect(origins).toEqual(['bundled', pack.id].sort());
    expect(second.cached).toEqual([`${SEARCH_INDEX_VERSION}|${second.termIndex}`]);
  });
});
