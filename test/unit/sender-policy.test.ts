import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LIMITS, MAX_NOTE_LENGTH, privateWindowMessage } from '../../lib/db/highlight-store';
import { LensDb, type HighlightRow } from '../../lib/db/schema';
import { listAllHighlights, MAX_MATCH_TEXT, STALE_TERM_INDEX_MESSAGE, type Client } from '../../lib/messages';
import { MATCH_TEXT_MESSAGE } from '../../lib/service/term-index';
import { BLOCK_BREAK } from '../../lib/text/chars';
import { type NewHighlight } from '../../lib/db/highlight-store';
import {
  guardHandlers,
  OTHER_PAGE_MESSAGE,
  REFUSED_MESSAGE,
  TOO_MANY_MESSAGE,
  type Caller,
} from '../../lib/sender-policy';
import { createService } from '../../lib/service';
import { tinyBundle } from '../fixtures/corpus';
import { clientOf } from './client';

const A = 'https://news.example.org/a';
const B = 'https://news.example.org/b';

let db: LensDb;
let n = 0;
let clock = 0;
let ids = 0;
let as: (caller: Caller) => Client;
/** the stylesheets the background added, and to whom */
let inserted: [string, unknown][];

beforeEach(() => {
  db = new LensDb(`policy-${++n}`);
  clock = 1_000_000;
  const service = createService(db, tinyBundle('v1'), {
    now: () => clock,
    newId: () => `id-${++ids}`,
    onLoadError: () => undefined,
    insertCss: async (css, sender) => void inserted.push([css, sender]),
    removeCss: async (css, sender) => void inserted.push([`-${css}`, sender]),
  });
  inserted = [];
  const handlers = guardHandlers(service.handlers, { rowUrl: service.rowUrl, now: () => clock, writesPerMinute: 5 });
  as = (caller) => clientOf(handlers, caller);
});
afterEach(async () => {
  await db.delete();
});

const extension: Caller = { kind: 'extension', private: false };
const pageA: Caller = { kind: 'page', url: `${A}#top`, topFrame: true, tabId: 1, frameId: 0, private: false };
const frameOnA: Caller = { ...pageA, topFrame: false, frameId: 3 };
const privateA: Caller = { ...pageA, tabId: 2, private: true };

const draft = (url: string, overrides: Partial<NewHighlight> = {}): NewHighlight => ({
  url,
  title: 'Article',
  note: '',
  colour: 'yellow',
  entityIds: ['pyongyang'],
  quote: { type: 'TextQuoteSelector', exact: 'in Pyongyang', prefix: 'talks ', suffix: ' went on' },
  position: { type: 'TextPositionSelector', start: 40, end: 52 },
  ...overrides,
});

let settingsBefore: unknown;
const readSettings = () => as(extension)('getSettings', null);
beforeEach(async () => {
  settingsBefore = await readSettings();
});

describe('what a web page’s content script may ask', () => {
  test('its page’s configuration carries its own highlights only, and not the sites Lens is off on', async () => {
    const own = await as(extension)('saveHighlight', draft(A));
    await as(extension)('saveHighlight', draft(B));
    await as(extension)('setSettings', { disabledSites: ['elsewhere.example'] });

    const config = await as(pageA)('getPageConfig', { url: A });
    expect(config.highlights.rows).toEqual([own]);
    expect(config.settings.disabledSites).toEqual([]);
    // Another URL (a pushState to it), or a frame: marks, but no highlights.
    expect((await as(pageA)('getPageConfig', { url: B })).highlights.rows).toEqual([]);
    expect((await as(frameOnA)('getPageConfig', { url: A })).highlights.rows).toEqual([]);
  });

  test('any frame has its text matched with the term index it was configured with; what is not a text, or too long, is refused', async () => {
    const config = await as(frameOnA)('getPageConfig', { url: A });
    if (!config.active) throw new Error('Lens is not active on the test page');
    const { version, entities } = config.termIndex;
    const text = `A day in Pyongyang.${BLOCK_BREAK}`;
    const wire = await as(frameOnA)('matchTerms', { version, text });
    expect(wire).toEqual([text.indexOf('Pyongyang'), text.indexOf('Pyongyang') + 9, expect.any(Number)]);
    expect(entities[wire[2]!]!.id).toBe('pyongyang');
    // A renderer that sends anything else, or more than a message may carry, is told what a text may be.
    for (const bad of [{ version, text: 42 }, { version, text: 'x'.repeat(MAX_MATCH_TEXT + 1) }, null])
      await expect(as(frameOnA)('matchTerms', bad as never)).rejects.toThrow(MATCH_TEXT_MESSAGE);
    // Once the corpus changed, the old version is refused: the page is told to start anew.
    await expect(as(frameOnA)('matchTerms', { version: 'v0', text })).rejects.toThrow(STALE_TERM_INDEX_MESSAGE);
  });

  test("any frame has a mark style's rule added to itself, by name; a name Lens has no rule for is refused and adds nothing", async () => {
    await as(frameOnA)('styleMarks', { name: 'rdl-term' });
    await as(pageA)('styleMarks', { name: 'rdl-claim' });
    expect(inserted).toEqual([
      [expect.stringMatching(/^::highlight\(rdl-term\)\{[^}]*underline dotted[^}]*\}$/), frameOnA],
      [expect.stringMatching(/^::highlight\(rdl-claim\)\{[^}]*underline wavy[^}]*\}$/), pageA],
    ]);
    // A page's renderer cannot have the background add a stylesheet of its own, nor reach the object's prototype.
    for (const name of ['*{display:none}', 'toString', 'rdl-saved-yellow', 42])
      await expect(as(pageA)('styleMarks', { name } as never)).rejects.toThrow('Lens has no such mark style');
    await expect(as(pageA)('styleMarks', null as never)).rejects.toThrow('Lens has no such mark style');
    expect(inserted).toHaveLength(2);
    // Its marks gone, a frame has the rules taken away, each once; again only Lens's, by name.
    await as(frameOnA)('unstyleMarks', { names: ['rdl-term', 'rdl-term'] });
    expect(inserted.slice(2)).toEqual([[`-${inserted[0]![0]}`, frameOnA]]);
    for (const names of [['*{display:none}'], 'rdl-term', [42], null])
      await expect(as(pageA)('unstyleMarks', { names } as never)).rejects.toThrow('Lens has no such mark style');
    expect(inserted).toHaveLength(3);
  });

  test('it lists, changes and deletes only the rows of its own page', async () => {
    const own = await as(extension)('saveHighlight', draft(A));
    const other = await as(extension)('saveHighlight', draft(B));
    const page = as(pageA);

    expect(await page('listHighlights', { url: A })).toEqual([own]);
    await expect(page('listHighlights', { url: B })).rejects.toThrow(OTHER_PAGE_MESSAGE);
    await expect(page('listHighlights', {})).rejects.toThrow(OTHER_PAGE_MESSAGE);
    await expect(as(frameOnA)('listHighlights', { url: A })).rejects.toThrow(OTHER_PAGE_MESSAGE);
    await expect(page('updateHighlight', { id: other.id, note: 'mine now' })).rejects.toThrow(OTHER_PAGE_MESSAGE);
    await expect(page('deleteHighlight', { id: other.id })).rejects.toThrow(OTHER_PAGE_MESSAGE);

    expect((await page('updateHighlight', { id: own.id, note: 'ok' })).note).toBe('ok');
    await page('deleteHighlight', { id: own.id });
    expect((await listAllHighlights(as(extension))).map((r) => r.id)).toEqual([other.id]);
  });

  test('it saves for its own top-frame page only', async () => {
    await expect(as(pageA)('saveHighlight', draft(B))).rejects.toThrow(OTHER_PAGE_MESSAGE);
    await expect(as(frameOnA)('saveHighlight', draft(A))).rejects.toThrow(OTHER_PAGE_MESSAGE);
    expect((await as(pageA)('saveHighlight', draft(`${A}?utm_source=x`))).url).toBe(A);
  });

  test.each([
    ['getStatus', null],
    ['listEntities', null],
    ['getTermIndex', null],
    ['getSettings', null],
    ['setSettings', { theme: 'dark' }],
    ['search', { query: 'Pyongyang' }],
    ['getDetail', { kind: 'entity', id: 'pyongyang' }],
    ['getFilterOptions', null],
    ['openHighlight', { url: A, id: 'x' }],
    ['restoreHighlight', { id: 'x' }],
    ['importHighlights', { json: '[]', byteSize: 2 }],
    ['importPack', { json: '{}', byteSize: 2 }],
    ['listPacks', null],
    ['removePack', { id: 'x' }],
  ] as const)('%s is refused', async (type, payload) => {
    await expect(as(pageA)(type, payload as never)).rejects.toThrow(REFUSED_MESSAGE);
  });

  test('a sender that is neither the extension’s page nor a tab is answered nothing', async () => {
    await expect(as({ kind: 'other' })('getCard', { entityId: 'pyongyang' })).rejects.toThrow(REFUSED_MESSAGE);
  });

  test('from a private window it writes nothing', async () => {
    const own = await as(extension)('saveHighlight', draft(A));
    const page = as(privateA);
    await expect(page('saveHighlight', draft(A))).rejects.toThrow(privateWindowMessage());
    await expect(page('updateHighlight', { id: own.id, note: 'x' })).rejects.toThrow(privateWindowMessage());
    await expect(page('deleteHighlight', { id: own.id })).rejects.toThrow(privateWindowMessage());
    expect(await listAllHighlights(as(extension))).toEqual([own]);
  });

  test.each([
    ['setSettings', { disabledSites: ['private.example'] }],
    ['importHighlights', { json: '[]', byteSize: 2 }],
    ['removePack', { id: 'x' }],
    ['restoreHighlight', { id: 'x' }],
  ] as const)('from a Lens page in a private window, %s writes nothing', async (type, payload) => {
    await expect(as({ kind: 'extension', private: true })(type, payload as never)).rejects.toThrow(
      privateWindowMessage(),
    );
    expect(await readSettings()).toEqual(settingsBefore);
  });

  test('a flood of writes from one tab is cut off, and a minute later it may write again', async () => {
    const page = as(pageA);
    for (let i = 0; i < 5; i++) await page('saveHighlight', draft(A));
    await expect(page('saveHighlight', draft(A))).rejects.toThrow(TOO_MANY_MESSAGE);
    // Another tab is not held back by this one.
    await as({ ...pageA, tabId: 9 })('saveHighlight', draft(A));
    clock += 60_001;
    await page('saveHighlight', draft(A));
    expect(await listAllHighlights(as(extension))).toHaveLength(7);
  });
});

describe('every row is checked in the background, whoever sends it', () => {
  test.each([
    ['javascript:alert(1)'],
    ['file:///etc/passwd'],
    ['data:text/html,hi'],
    ['chrome://settings'],
    ['not a url'],
  ])('a highlight of %s is refused, saved or restored', async (url) => {
    await expect(as(extension)('saveHighlight', draft(url))).rejects.toThrow(/web pages \(http or https\) only/);
    const row: HighlightRow = { ...draft(A), url, id: 'r', createdAt: 1, updatedAt: 1 };
    await expect(as(extension)('restoreHighlight', row)).rejects.toThrow(/web pages \(http or https\) only/);
    await expect(as(extension)('openHighlight', { url, id: 'r' })).rejects.toThrow(/web pages \(http or https\) only/);
  });

  test('limits: the quote, the note and the entities are refused beyond them; a long title is cut', async () => {
    const ask = as(extension);
    const long = (n: number) => 'x'.repeat(n);
    await expect(
      ask(
        'saveHighlight',
        draft(A, { quote: { type: 'TextQuoteSelector', exact: long(LIMITS.quote + 1), prefix: '', suffix: '' } }),
      ),
    ).rejects.toThrow(/at most 10,000 characters/);
    await expect(ask('saveHighlight', draft(A, { note: long(MAX_NOTE_LENGTH + 1) }))).rejects.toThrow(/note/);
    await expect(
      ask('saveHighlight', draft(A, { entityIds: Array.from({ length: LIMITS.entities + 1 }, (_, i) => `e-${i}`) })),
    ).rejects.toThrow(/at most 200 entities/);
    await expect(ask('saveHighlight', draft(A, { entityIds: [long(LIMITS.entityId + 1)] }))).rejects.toThrow(
      /entity id/,
    );
    await expect(ask('saveHighlight', draft(A, { url: `${A}?${long(LIMITS.url)}` }))).rejects.toThrow(/address/);
    const saved = await ask(
      'saveHighlight',
      draft(A, {
        title: long(LIMITS.title + 50),
        quote: { type: 'TextQuoteSelector', exact: 'in', prefix: long(600), suffix: long(600) },
      }),
    );
    expect(saved.title).toHaveLength(LIMITS.title);
    expect(saved.quote.prefix).toHaveLength(LIMITS.context);
    expect(saved.quote.suffix).toHaveLength(LIMITS.context);
  });

  test('the size of an import is measured, not taken from the sender', async () => {
    const pack = `{"format":"rdl-corpus-pack","padding":"${' '.repeat(21 * 1024 * 1024)}"}`;
    await expect(as(extension)('importPack', { json: pack, byteSize: 10 })).rejects.toThrow(/files over 20 MB/);
    const annotations = `[${' '.repeat(51 * 1024 * 1024)}]`;
    await expect(as(extension)('importHighlights', { json: annotations, byteSize: 10 })).rejects.toThrow(
      /files over 50 MB/,
    );
  });

  test('settings are checked by their own keys: inherited names are not settings', async () => {
    const ask = as(extension);
    for (const key of ['toString', 'constructor', '__proto__', 'hasOwnProperty'])
      await expect(ask('setSettings', JSON.parse(`{"${key}": 1}`))).rejects.toThrow(`Unknown setting "${key}"`);
    await expect(ask('setSettings', null as never)).rejects.toThrow(/key–value/);
    await expect(ask('setSettings', { disabledSites: Array(10_001).fill('a.example') })).rejects.toThrow(
      /Invalid value/,
    );
  });
});

describe('lists are paged, so that no answer nears the browser’s message limit', () => {
  test('rows come in pages of at most 200; listAllHighlights reads them all, most recent first', async () => {
    const rows: HighlightRow[] = Array.from({ length: 450 }, (_, i) => ({
      ...draft(A),
      id: `h-${String(i).padStart(3, '0')}`,
      createdAt: i,
      updatedAt: i,
    }));
    await db.highlights.bulkAdd(rows);
    const ask = as(extension);
    expect(await ask('listHighlights', {})).toHaveLength(200);
    expect(await ask('listHighlights', { offset: 400 })).toHaveLength(50);
    expect(await ask('listHighlights', { offset: 450 })).toEqual([]);
    const all = await listAllHighlights(ask);
    expect(all.map((r) => r.id)).toEqual(rows.map((r) => r.id).reverse());
  });

  test('a row stored by an older version beyond the limits is listed cut to them, so that it can be deleted', async () => {
    const huge = 'y'.repeat(5_000_000);
    await db.highlights.bulkAdd(
      [1, 2, 3].map((i) => ({ ...draft(A), id: `old-${i}`, title: huge, note: huge, createdAt: i, updatedAt: i })),
    );
    const ask = as(extension);
    const listed = await listAllHighlights(ask);
    expect(listed.map((r) => [r.id, r.title.length, r.note.length])).toEqual([
      ['old-3', LIMITS.title, MAX_NOTE_LENGTH],
      ['old-2', LIMITS.title, MAX_NOTE_LENGTH],
      ['old-1', LIMITS.title, MAX_NOTE_LENGTH],
    ]);
    await ask('deleteHighlight', { id: 'old-2' });
    expect((await listAllHighlights(ask)).map((r) => r.id)).toEqual(['old-3', 'old-1']);
  });
});
