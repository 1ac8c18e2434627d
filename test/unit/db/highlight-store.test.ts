import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { toWebAnnotations } from '../../../lib/exchange/web-annotation-export';
import { LensDb, type HighlightRow } from '../../../lib/db/schema';
import { type NewHighlight } from '../../../lib/db/highlight-store';
import { createService } from '../../../lib/service';
import { tinyBundle } from '../../fixtures/corpus';
import { clientOf } from '../client';

let db: LensDb;
let n = 0;
afterEach(async () => {
  await db.delete();
});

/** A client of a fresh service, as every tab and the popup are: messages it sends are handled concurrently. */
function start() {
  db = new LensDb(`highlight-store-${++n}`);
  let time = 1000;
  let id = 0;
  const service = createService(db, tinyBundle('v1'), {
    now: () => ++time,
    newId: () => `h-${++id}`,
    onLoadError: () => undefined,
  });
  return clientOf(service.handlers, null);
}

const draft = (page: number, text: string): NewHighlight => ({
  url: `https://news.example.org/article-${page}`,
  title: `Article ${page}`,
  note: '',
  colour: 'yellow',
  entityIds: [],
  quote: { type: 'TextQuoteSelector', exact: text, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: text.length },
});

describe('concurrent writes', () => {
  test('saves, edits and an import interleaved from many senders: every write is kept, each highlight once', async () => {
    const ask = start();
    const first = await Promise.all([1, 2, 3, 4, 5].map((i) => ask('saveHighlight', draft(i % 2, `first ${i}`))));
    const imported: HighlightRow[] = [1, 2, 3, 4, 5, 6].map((i) => ({
      ...draft(2, `imported ${i}`),
      id: `imported-${i}`,
      createdAt: 10 + i,
      updatedAt: 10 + i,
    }));
    const json = JSON.stringify(toWebAnnotations(imported));

    // Everything at once: new saves, a note and a colour on each earlier one,
    // and an import (one transaction) in the middle of them.
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) writes.push(ask('saveHighlight', draft(i % 3, `second ${i}`)));
    for (const row of first) {
      writes.push(ask('updateHighlight', { id: row.id, note: `note on ${row.quote.exact}` }));
      writes.push(ask('updateHighlight', { id: row.id, colour: 'green' }));
    }
    writes.splice(7, 0, ask('importHighlights', { json, byteSize: json.length }));
    const settled = await Promise.allSettled(writes);
    expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);

    const all = await ask('listHighlights', {});
    expect(all).toHaveLength(5 + 20 + 6);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    expect(all.map((r) => r.quote.exact).sort()).toEqual(
      [
        ...[1, 2, 3, 4, 5].map((i) => `first ${i}`),
        ...Array.from({ length: 20 }, (_, i) => `second ${i}`),
        ...[1, 2, 3, 4, 5, 6].map((i) => `imported ${i}`),
      ].sort(),
    );
    // Neither edit of a highlight overwrote the other (each reads the row in its own transaction).
    for (const row of first) {
      expect(all.find((r) => r.id === row.id)).toMatchObject({ note: `note on ${row.quote.exact}`, colour: 'green' });
    }
  });

  test('the same import sent twice at once adds each highlight once', async () => {
    const ask = start();
    const rows: HighlightRow[] = [1, 2, 3].map((i) => ({
      ...draft(1, `text ${i}`),
      id: `x-${i}`,
      createdAt: i,
      updatedAt: i,
    }));
    const json = JSON.stringify(toWebAnnotations(rows));
    const results = await Promise.all([1, 2].map(() => ask('importHighlights', { json, byteSize: json.length })));
    expect(results.map((r) => r.added).sort()).toEqual([0, 3]);
    expect((await ask('listHighlights', {})).map((r) => r.id).sort()).toEqual(['x-1', 'x-2', 'x-3']);
  });
});
