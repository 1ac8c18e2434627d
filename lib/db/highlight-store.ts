/**
 * The reader's highlights in the store: checked before they are written, and
 * write failures turned into something a reader can act on. A full disk
 * (QuotaExceededError) must reach the reader as a message, never as a
 * highlight that silently was not kept.
 */
import { normaliseUrl } from '../anchoring/url';
import { isHighlightColour } from '../highlight-colours';
import type { HighlightPatch, NewHighlight } from '../messages';
import type { HighlightRow, LensDb } from './schema';

export const QUOTA_MESSAGE =
  'Lens could not save this: the browser has no room left for its data. Delete highlights you no longer need (or free some disk space) and try again.';

/** Notes longer than this are refused (a pasted article is not a note, and would eat the quota). */
export const MAX_NOTE_LENGTH = 20_000;

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
  const reason = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0]!.trim();
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

export async function addHighlight(db: LensDb, draft: NewHighlight, id: string, time: number): Promise<HighlightRow> {
  if (typeof draft.quote?.exact !== 'string' || draft.quote.exact.trim() === '') {
    throw new Error('A highlight needs some text');
  }
  const row: HighlightRow = {
    id,
    url: normaliseUrl(draft.url),
    title: draft.title,
    quote: draft.quote,
    position: draft.position,
    note: checkNote(draft.note),
    colour: checkColour(draft.colour),
    entityIds: [...new Set(draft.entityIds)],
    createdAt: time,
    updatedAt: time,
  };
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

/** A page's highlights (any form of its URL), or all of them; most recently changed first. */
export async function listHighlights(db: LensDb, url?: string): Promise<HighlightRow[]> {
  const rows = url
    ? await db.highlights.where('url').equals(normaliseUrl(url)).toArray()
    : await db.highlights.toArray();
  return rows.sort((a, b) => b.updatedAt - a.updatedAt);
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
      const fresh = rows.filter((r) => !existing.has(r.id)).map((r) => ({ ...r, url: normaliseUrl(r.url) }));
      await db.highlights.bulkAdd(fresh);
      return { added: fresh.length, unchanged: rows.length - fresh.length };
    }),
  );
}

/** Puts back a highlight exactly as it was (undo of a delete). */
export async function restoreHighlight(db: LensDb, row: HighlightRow): Promise<HighlightRow> {
  checkNote(row.note);
  checkColour(row.colour);
  await writing(() => db.highlights.put(row));
  return row;
}
