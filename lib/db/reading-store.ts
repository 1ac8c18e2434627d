/**
 * The reader's own pack, "My reading": a passage saved from a page is added
 * to it as a claim, and the whole pack is validated against the rest of the
 * store (the same rules as any imported pack) before it is written through
 * the same path. A passage the rules refuse writes nothing and says why.
 */
import { addPassage, newReadingPack, removeClaim, type PassageDraft } from '../corpus/reading-pack';
import type { Pack, PartialDate } from '../corpus/schema';
import { formatIssues, validatePack } from '../corpus/validate';
import { installPack, PackError, type PackImport } from './pack-store';
import { readCorpusRecords, type LensDb } from './schema';

/** The reader's pack as stored, or undefined before their first passage. */
export async function readingPack(db: LensDb): Promise<Pack | undefined> {
  const rows = await db.packs.toArray();
  return rows.find((row) => row.own === true)?.pack;
}

export interface ReadingSaved {
  claimId: string;
  pack: PackImport['pack'];
}

/**
 * Adds the passage to the reader's pack (creating it with a new random id the
 * first time). `now` dates the pack's write and, for a page that gives no
 * date, the claim.
 */
export function addReading(db: LensDb, draft: PassageDraft, now: number, newSuffix?: string): Promise<ReadingSaved> {
  return serially(db, async () => {
    const current = (await readingPack(db)) ?? newReadingPack(newSuffix);
    const base = await readCorpusRecords(db, current.id);
    const { pack, claimId } = addPassage(current, draft, base, isoDate(now));
    const written = await writeChecked(db, pack, now);
    return { claimId, pack: written.pack };
  });
}

/** Removes one of the reader's claims (and what only it needed). */
export function removeReading(db: LensDb, claimId: string, now: number): Promise<void> {
  return serially(db, async () => {
    const current = await readingPack(db);
    if (current === undefined || !current.claims.some((c) => c.id === claimId)) return;
    await writeChecked(db, removeClaim(current, claimId), now);
  });
}

async function writeChecked(db: LensDb, pack: Pack, now: number): Promise<PackImport> {
  const stamped: Pack = { ...pack, updatedAt: new Date(now).toISOString() };
  const checked = validatePack(stamped, await readCorpusRecords(db, pack.id));
  if (!checked.ok) {
    throw new PackError(`This passage cannot be added; nothing was saved.\n${formatIssues(checked.issues)}`);
  }
  return installPack(db, checked.value, now, true);
}

/**
 * One write of the reader's pack at a time: each reads the pack, adds to it
 * and writes it whole, so two saves at once must not both start from the
 * same copy.
 */
const queues = new WeakMap<LensDb, Promise<unknown>>();
function serially<T>(db: LensDb, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(db) ?? Promise.resolve();
  const run = previous.then(task, task);
  queues.set(
    db,
    run.catch(() => undefined),
  );
  return run;
}

function isoDate(now: number): PartialDate {
  return new Date(now).toISOString().slice(0, 10);
}
