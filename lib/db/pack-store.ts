/**
 * Corpus packs a reader imports: validated whole against the corpus already in
 * the store, then written in one transaction — the pack's records into the
 * corpus tables (origin = the pack's id) and the pack itself into `packs`. A
 * pack that fails any check writes nothing and says what is wrong and where.
 */
import { diffPacks, isEmptyDiff, type PackDiff } from '../corpus/pack-diff';
import { formatIssues, validatePack } from '../corpus/validate';
import { PACK_FORMAT, type CorpusRecords, type Pack } from '../corpus/schema';
import { MAX_PACK_BYTES, readJsonFile } from '../json-file';
import { corpusTables, removeCorpus, writeCorpus } from './corpus-store';
import { isQuotaError, quotaMessage } from './highlight-store';
import { BUNDLED, CORPUS_TABLES, readCorpusRecords, type CorpusTableName, type LensDb, type PackRow } from './schema';

export interface PackSummary {
  id: string;
  name: string;
  description: string;
  importedAt: number;
  counts: Record<CorpusTableName, number>;
  /** the reader's own "My reading" pack */
  own: boolean;
}

export type PackImport = { status: 'added' | 'replaced' | 'unchanged'; pack: PackSummary };

export class PackError extends Error {
  override name = 'PackError';
}

/** The pack in `text`, checked against the store's corpus; throws a PackError that says what is wrong. */
export async function checkPack(db: LensDb, text: string, byteSize: number): Promise<Pack> {
  const read = readJsonFile(text, byteSize, MAX_PACK_BYTES);
  if (!read.ok) throw new PackError(read.error);
  const data = read.data;
  const header =
    typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  if (header.format !== PACK_FORMAT) {
    const looksLikeHighlights = header.type === 'AnnotationCollection' || Array.isArray(header.rows);
    throw new PackError(
      looksLikeHighlights
        ? 'This is a highlights file, not a corpus pack: import it in the popup’s Highlights tab.'
        : `This is not a corpus pack: a pack says "format": "${PACK_FORMAT}".`,
    );
  }
  if (header.formatVersion !== 1) {
    throw new PackError(
      `This pack is in format version ${JSON.stringify(header.formatVersion)}; this version of Lens reads version 1. ` +
        'A newer Lens may read it.',
    );
  }
  // Against everything but an older copy of the same pack (re-importing replaces it).
  const id = typeof header.id === 'string' ? header.id : undefined;
  if (id === BUNDLED) throw new PackError(`A pack cannot be called "${BUNDLED}": that is the bundled corpus.`);
  const checked = validatePack(data, await readCorpusRecords(db, id));
  if (!checked.ok) {
    const n = checked.issues.length;
    throw new PackError(
      `The pack has ${n} problem${n === 1 ? '' : 's'}; nothing was imported.\n${formatIssues(checked.issues)}`,
    );
  }
  return checked.value;
}

export async function importPack(db: LensDb, text: string, byteSize: number, now: number): Promise<PackImport> {
  return installPack(db, await checkPack(db, text, byteSize), now);
}

/**
 * What importing the pack in `text` would do, to show the reader before it
 * does it: a pack with the id of one already installed replaces it, so the
 * reader sees what it adds, changes and removes (and whether it is the older
 * of the two) first. Throws a PackError, as importPack would, for a bad file.
 */
export async function previewPack(db: LensDb, text: string, byteSize: number): Promise<PackPreview> {
  const pack = await checkPack(db, text, byteSize);
  const previous = await db.packs.get(pack.id);
  const diff = diffPacks(previous?.pack, pack);
  const status = previous === undefined ? 'new' : isEmptyDiff(diff) ? 'unchanged' : 'replaces';
  const older =
    previous?.pack.updatedAt !== undefined && pack.updatedAt !== undefined && pack.updatedAt < previous.pack.updatedAt;
  return { id: pack.id, name: pack.name, status, diff, older };
}

export interface PackPreview {
  id: string;
  name: string;
  /** `replaces`: a pack with this id is installed and this file differs from it */
  status: 'new' | 'replaces' | 'unchanged';
  diff: PackDiff;
  /** the file was written before the installed copy (both say when) */
  older: boolean;
}

/**
 * Writes a validated pack in one transaction — its records into the corpus
 * tables (origin = its id), the pack into `packs` — replacing an older copy
 * of the same id. `own` marks the reader's own pack ("My reading"), kept
 * when an export of it is imported again.
 */
export async function installPack(db: LensDb, pack: Pack, now: number, own = false): Promise<PackImport> {
  const version = await contentHash(JSON.stringify(pack));
  try {
    return await db.transaction('rw', [...corpusTables(db), db.packs], async () => {
      const previous = await db.packs.get(pack.id);
      const loaded = await writeCorpus(db, pack.id, version, recordsOf(pack), now);
      if (loaded.status === 'unchanged' && previous && (previous.own ?? false) === own)
        return { status: 'unchanged', pack: summary(previous) };
      const row: PackRow = {
        id: pack.id,
        name: pack.name,
        description: pack.description ?? '',
        version,
        importedAt: now,
        pack,
        ...((own || previous?.own) && { own: true }),
      };
      await db.packs.put(row);
      return { status: previous ? 'replaced' : 'added', pack: summary(row) };
    });
  } catch (error) {
    if (isQuotaError(error)) throw new PackError(quotaMessage(), { cause: error });
    throw error;
  }
}

export async function listPacks(db: LensDb): Promise<PackSummary[]> {
  const rows = await db.packs.toArray();
  return rows.map(summary).sort((a, b) => a.importedAt - b.importedAt);
}

/** The pack as a file a colleague can import: the pack as stored, texts and all. */
export async function exportPack(db: LensDb, id: string): Promise<string | undefined> {
  const row = await db.packs.get(id);
  return row === undefined ? undefined : `${JSON.stringify(row.pack, null, 2)}\n`;
}

/** Removes a pack and its records. Removing one that is not there is not an error. */
export async function removePack(db: LensDb, id: string): Promise<void> {
  if (id === BUNDLED) throw new PackError('The bundled corpus cannot be removed.');
  await db.transaction('rw', [...corpusTables(db), db.packs], async () => {
    await removeCorpus(db, id);
    await db.packs.delete(id);
  });
}

function recordsOf(pack: Pack): CorpusRecords {
  return Object.fromEntries(CORPUS_TABLES.map((name) => [name, pack[name]])) as CorpusRecords;
}

/** A pack as listed: its counts are those of the records it brought (the rows of its origin). */
function summary(row: PackRow): PackSummary {
  const counts = Object.fromEntries(
    CORPUS_TABLES.map((name) => [name, row.pack[name].length]),
  ) as PackSummary['counts'];
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    importedAt: row.importedAt,
    counts,
    own: row.own === true,
  };
}

async function contentHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
