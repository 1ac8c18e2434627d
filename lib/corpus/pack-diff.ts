/**
 * What replacing one version of a pack with another changes, per record type
 * and by name, so that a reader sees it before importing a newer export of a
 * pack they already have.
 */
import type { CorpusRecords, Pack } from './schema';

export interface RecordChange {
  id: string;
  name: string;
}
export type PackDiff = Record<
  keyof CorpusRecords,
  { added: RecordChange[]; changed: RecordChange[]; removed: RecordChange[] }
>;

const KINDS = ['sources', 'people', 'entities', 'claims', 'topics', 'events'] as const;

/** What importing `next` over `previous` adds, changes and removes, per record type, by name. */
export function diffPacks(previous: Pack | undefined, next: Pack): PackDiff {
  const diff = {} as PackDiff;
  for (const kind of KINDS) {
    const before = new Map<string, unknown>((previous?.[kind] ?? []).map((r) => [r.id, r]));
    const after = new Map<string, unknown>(next[kind].map((r) => [r.id, r]));
    const entry: PackDiff[typeof kind] = { added: [], changed: [], removed: [] };
    for (const [id, record] of after) {
      const old = before.get(id);
      if (old === undefined) entry.added.push({ id, name: nameOf(record) });
      else if (JSON.stringify(old) !== JSON.stringify(record)) entry.changed.push({ id, name: nameOf(record) });
    }
    for (const [id, record] of before) if (!after.has(id)) entry.removed.push({ id, name: nameOf(record) });
    diff[kind] = entry;
  }
  return diff;
}

export function isEmptyDiff(diff: PackDiff): boolean {
  return KINDS.every((k) => diff[k].added.length + diff[k].changed.length + diff[k].removed.length === 0);
}

function nameOf(record: unknown): string {
  const r = record as Record<string, unknown>;
  for (const key of ['name', 'label', 'title', 'question', 'text']) {
    const v = r[key];
    if (typeof v === 'string') return v.length > 80 ? `${v.slice(0, 79)}…` : v;
  }
  return String(r.id);
}
