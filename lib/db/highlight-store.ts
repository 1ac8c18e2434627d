/**
 * The reader's highlights in the store: checked before they are written, and
 * write failures turned into something a reader can act on. A full disk
 * (QuotaExceededError) must reach the reader as a message, never as a
 * highlight that silently was not kept.
 */
import { normaliseUrl } from '../anchoring/url';
import { isHighlightColour } from '../highlight-colours';
import type { HighlightRow, LensDb } from './schema';
import { errorMessage } from '../errors';

/** A highlight as the reader saves it: the store gives it its id and times. */
export type NewHighlight = Omit<HighlightRow, 'id' | 'createdAt' | 'updatedAt'>;

/** What a reader may change of a saved highlight. */
export type HighlightPatch = Partial<Pick<HighlightRow, 'note' | 'colour'>>;

export const QUOTA_MESSAGE =
  'Lens could not save this: the browser has no room left for its data. Delete highlights you no longer need (or free some disk space) and try again.';

/** Notes longer than this are refused (a pasted article is not a note, and would eat the quota). */
export const MAX_NOTE_LENGTH = 20_000;

/**
 * What one highlight may hold, checked in the background for every row
 * written (saved, restored, imported), whoever sent it. With these, the
 * largest row is about 80 kB as a message, so a page of rows stays far
 * below the browser's message limit (64 MiB in Chrome).
 */
export const LIMITS = {
  /** characters of the highlighted text; a longer selection is refused with a message */
  quote: 10_000,
  /** characters of the quote's context either side (32 are saved; Hypothesis's are as long) */
  context: 256,
  /** characters of a page title: a longer one is cut */
  title: 500,
  /** characters of a URL */
  url: 4_096,
  /** entity tags on one highlight, and characters of one */
  entities: 200,
  entityId: 100,
  /** characters of a highlight id (imports keep theirs) */
  id: 200,
} as const;

/** The most highlights listed in one answer, and roughly the most characters (see listHighlights). */
export const LIST_PAGE_ROWS = 200;
export const LIST_PAGE_CHARS = 8_000_000;

/**
 * Whether the store failed because the browser's storage quota is used up.
 * Dexie wraps the DOMException: in a transaction's AbortError (`inner`), or a
 * bulk operation's `failures`.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  if (Array.isArray(e.failures) && e.failures.some((f) => isQuotaError(f, depth + 1))) return true;
  return isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1);
}

/**
 * What the reader is told in a private window. The store is there (the
 * background is never private), but what is written to it outlives the
 * private session: so Lens writes nothing for a private window.
 */
export const PRIVATE_WINDOW_MESSAGE =
  'Saving highlights is off in private windows: Lens keeps nothing from them. Highlights can be saved in a normal window.';

/** What the reader is told when the store cannot be opened at all. */
export function unavailableMessage(error: unknown): string {
  // Dexie's OpenFailedError repeats its `inner` error's name and message on a second line.
  let cause = error;
  while (cause instanceof Error && (cause as { inner?: unknown }).inner instanceof Error)
    cause = (cause as { inner?: unknown }).inner;
  const reason = errorMessage(cause).split('\n')[0]!.trim();
  return `Saving highlights is off: this browser window gives Lens no storage (${reason}). Private windows keep no data; highlights can be saved in a normal window.`;
}

async function writing<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) throw new Error(QUOTA_MESSAGE, { cause: error });
    throw error;
  }
}

function checkNote(note: unknown): string {
  if (typeof note !== 'string') throw new Error('A note must be text');
  if (note.length > MAX_NOTE_LENGTH) throw new Error(`A note can be at most ${MAX_NOTE_LENGTH} characters long`);
  return note;
}

function checkColour(colour: unknown): string {
  if (!isHighlightColour(colour)) throw new Error(`Unknown highlight colour "${String(colour)}"`);
  return colour;
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** A web page's URL, normalised: Lens opens what it stores, so javascript:, file: or data: never gets in. */
export function checkPageUrl(url: unknown): string {
  if (!isText(url) || url.length > LIMITS.url) throw new Error('A highlight needs the address of its page');
  const normalised = normaliseUrl(url);
  if (!/^https?:\/\/[^/]/i.test(normalised)) throw new Error('Highlights are kept for web pages (http or https) only');
  return normalised;
}

/**
 * A row as it may be stored, or an error naming what is wrong: every field
 * of the right type and within LIMITS. A too long title is cut, since the
 * page chose it; anything else too long is refused.
 */
export function checkRow(row: HighlightRow): HighlightRow {
  const { quote, position } = row ?? {};
  if (!isText(row?.id) || row.id === '' || row.id.length > LIMITS.id) throw new Error('A highlight needs an id');
  if (!isText(quote?.exact) || quote.exact.trim() === '') throw new Error('A highlight needs some text');
  if (quote.exact.length > LIMITS.quote)
    throw new Error(`A highlight can be at most ${LIMITS.quote.toLocaleString('en')} characters long; select less`);
  if (!isText(quote.prefix) || !isText(quote.suffix)) throw new Error('A highlight’s quote needs its context');
  // -1, -1: an imported highlight whose position is not known (lib/anchoring/selectors.ts).
  const unknown = position?.start === -1 && position.end === -1;
  if (!unknown && (!isCount(position?.start) || !isCount(position.end) || position.end < position.start))
    throw new Error('A highlight’s position must be two whole numbers, start before end');
  if (!Array.isArray(row.entityIds) || row.entityIds.length > LIMITS.entities)
    throw new Error(`A highlight can name at most ${LIMITS.entities} entities`);
  if (!row.entityIds.every((id) => isText(id) && id.length <= LIMITS.entityId))
    throw new Error('An entity id is a short text');
  if (!Number.isFinite(row.createdAt) || !Number.isFinite(row.updatedAt))
    throw new Error('A highlight needs its dates');
  return {
    id: row.id,
    url: checkPageUrl(row.url),
    title: isText(row.title) ? row.title.slice(0, LIMITS.title) : '',
    quote: {
      type: 'TextQuoteSelector',
      exact: quote.exact,
      prefix: quote.prefix.slice(-LIMITS.context),
      suffix: quote.suffix.slice(0, LIMITS.context),
    },
    position: { type: 'TextPositionSelector', start: position.start, end: position.end },
    note: checkNote(row.note),
    colour: checkColour(row.colour),
    entityIds: [...new Set(row.entityIds)],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function addHighlight(db: LensDb, draft: NewHighlight, id: string, time: number): Promise<HighlightRow> {
  const row = checkRow({ ...draft, id, createdAt: time, updatedAt: time });
  await writing(() => db.highlights.add(row));
  return row;
}

export async function updateHighlight(db: LensDb, id: string, patch: HighlightPatch, time: number) {
  const changes: HighlightPatch = {};
  if (patch.note !== undefined) changes.note = checkNote(patch.note);
  if (patch.colour !== undefined) changes.colour = checkColour(patch.colour);
  return writing(() =>
    db.transaction('rw', db.highlights, async () => {
      const row = await db.highlights.get(id);
      if (!row) throw new Error('This highlight is no longer saved: it was deleted.');
      const updated: HighlightRow = { ...row, ...changes, updatedAt: time };
      await db.highlights.put(updated);
      return updated;
    }),
  );
}

export async function deleteHighlight(db: LensDb, id: string): Promise<void> {
  await db.highlights.delete(id);
}

/**
 * A page's highlights (any form of its URL), or all of them; most recently
 * changed first; one page of them from `offset`: at most LIST_PAGE_ROWS rows
 * and about LIST_PAGE_CHARS characters, so that no answer nears the
 * browser's message limit. An empty page is the end. A row stored before
 * the limits (by an older version) is listed cut to them, so that it can be
 * seen and deleted.
 */
export async function listHighlights(db: LensDb, url?: string, offset = 0): Promise<HighlightRow[]> {
  const keys = url
    ? await db.highlights.where('url').equals(normaliseUrl(url)).primaryKeys()
    : await db.highlights.toCollection().primaryKeys();
  // Sorted by their dates without holding every row: dates first, then one page of rows.
  const dated = (await db.highlights.bulkGet(keys))
    .flatMap((row) => (row ? [{ id: row.id, updatedAt: row.updatedAt }] : []))
    .sort((a, b) => b.updatedAt - a.updatedAt);
  const page: HighlightRow[] = [];
  let chars = 0;
  for (const { id } of dated.slice(offset, offset + LIST_PAGE_ROWS)) {
    const row = await db.highlights.get(id);
    if (!row) continue;
    const listed = withinLimits(row);
    chars += listed.quote.exact.length + listed.note.length + listed.title.length + listed.url.length + 400;
    if (page.length > 0 && chars > LIST_PAGE_CHARS) break;
    page.push(listed);
  }
  return page;
}

/** A stored row cut to LIMITS (rows written before them may be larger). */
function withinLimits(row: HighlightRow): HighlightRow {
  const cut = (text: unknown, max: number) => (typeof text === 'string' ? text.slice(0, max) : '');
  return {
    ...row,
    url: cut(row.url, LIMITS.url),
    title: cut(row.title, LIMITS.title),
    note: cut(row.note, MAX_NOTE_LENGTH),
    quote: {
      ...row.quote,
      exact: cut(row.quote?.exact, LIMITS.quote),
      prefix: cut(row.quote?.prefix, LIMITS.context),
      suffix: cut(row.quote?.suffix, LIMITS.context),
    },
    entityIds: Array.isArray(row.entityIds) ? row.entityIds.slice(0, LIMITS.entities) : [],
  };
}

/**
 * Writes imported (already validated) highlights in one transaction: a row
 * whose id is already stored is left as it is, so importing the same file
 * twice adds nothing the second time. All or nothing.
 */
export async function importHighlights(
  db: LensDb,
  rows: readonly HighlightRow[],
): Promise<{ added: number; unchanged: number }> {
  return writing(() =>
    db.transaction('rw', db.highlights, async () => {
      const existing = new Set((await db.highlights.bulkGet(rows.map((r) => r.id))).flatMap((r) => (r ? [r.id] : [])));
      const fresh = rows.filter((r) => !existing.has(r.id)).map(checkRow);
      await db.highlights.bulkAdd(fresh);
      return { added: fresh.length, unchanged: rows.length - fresh.length };
    }),
  );
}

/** Puts back a highlight exactly as it was (undo of a delete). */
export async function restoreHighlight(db: LensDb, row: HighlightRow): Promise<HighlightRow> {
  const checked = checkRow(row);
  await writing(() => db.highlights.put(checked));
  return checked;
}
