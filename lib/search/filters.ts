/**
 * Search filters: which records may appear, whatever the query. Claims are
 * filtered by their own source, date and topic; entities and people by the
 * claims they appear in (an entity the claim names, a person who says it), so
 * that "topic: sanctions" lists the claims on sanctions and the entities and
 * people of those claims; sources by their own id and date, and by having a
 * claim on the topic; timeline events by their own dates and by resting on
 * a claim that passes.
 *
 * Dates are partial (YYYY, YYYY-MM, YYYY-MM-DD) on both sides and compared as
 * intervals: a record dated "2024" is inside a filter from "2024-06", since it
 * may be; a reader narrowing by date should not lose undated-to-the-day claims.
 */
import type { CorpusRecords } from '../corpus/schema';
import { PartialDate } from '../corpus/schema';
import type { SearchKind } from './fields';

export interface SearchFilters {
  /** only these groups (default: all) */
  kinds?: readonly SearchKind[];
  /** only claims from these sources, the sources themselves, and the entities and people of those claims */
  sourceIds?: readonly string[];
  /** partial date, inclusive */
  from?: string;
  /** partial date, inclusive */
  to?: string;
  topicId?: string;
}

/** Whether the filters narrow records (`kinds` only chooses groups). */
export function narrowsRecords(f: SearchFilters | undefined): boolean {
  return !!f && (f.sourceIds !== undefined || f.from !== undefined || f.to !== undefined || f.topicId !== undefined);
}

/** A stable key for caching by filter. */
export function filterKey(f: SearchFilters): string {
  return JSON.stringify([
    f.sourceIds ? [...f.sourceIds].sort() : null,
    f.from ?? null,
    f.to ?? null,
    f.topicId ?? null,
  ]);
}

export interface Allowed {
  entity: Uint8Array;
  person: Uint8Array;
  claim: Uint8Array;
  source: Uint8Array;
  event: Uint8Array;
}

/** Per kind, per record (corpus order): 1 if the record passes the filters. Throws on a malformed date. */
export function allowedRecords(records: CorpusRecords, f: SearchFilters): Allowed {
  for (const d of [f.from, f.to]) {
    if (d !== undefined && !PartialDate.safeParse(d).success)
      throw new RangeError(`search filter: "${d}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
  }
  const sourceIds = f.sourceIds ? new Set(f.sourceIds) : null;
  const inDates = (d: string) =>
    (f.from === undefined || lastDay(d) >= firstDay(f.from)) && (f.to === undefined || firstDay(d) <= lastDay(f.to));

  const allowed: Allowed = {
    entity: new Uint8Array(records.entities.length),
    person: new Uint8Array(records.people.length),
    claim: new Uint8Array(records.claims.length),
    source: new Uint8Array(records.sources.length),
    event: new Uint8Array(records.events.length),
  };
  const entityDoc = new Map(records.entities.map((e, i) => [e.id, i]));
  const personDoc = new Map(records.people.map((p, i) => [p.id, i]));
  const sourcesOnTopic = new Set<string>();

  records.claims.forEach((c, i) => {
    const onTopic = f.topicId !== undefined && c.stances.some((st) => st.topicId === f.topicId);
    if (onTopic) sourcesOnTopic.add(c.sourceId);
    if (sourceIds && !sourceIds.has(c.sourceId)) return;
    if (!inDates(c.date)) return;
    if (f.topicId !== undefined && !onTopic) return;
    allowed.claim[i] = 1;
    for (const id of c.entityIds) {
      const e = entityDoc.get(id);
      if (e !== undefined) allowed.entity[e] = 1;
    }
    for (const id of c.speakerIds) {
      const p = personDoc.get(id);
      if (p !== undefined) allowed.person[p] = 1;
    }
  });
  records.sources.forEach((s, i) => {
    if (sourceIds && !sourceIds.has(s.id)) return;
    if (!inDates(s.date)) return;
    if (f.topicId !== undefined && !sourcesOnTopic.has(s.id)) return;
    allowed.source[i] = 1;
  });
  // An event's own span against the dates; its claims against the source and topic.
  const claims = new Map(records.claims.map((c) => [c.id, c]));
  const onSourceAndTopic = (id: string) => {
    const c = claims.get(id);
    return (
      !!c &&
      (!sourceIds || sourceIds.has(c.sourceId)) &&
      (f.topicId === undefined || c.stances.some((st) => st.topicId === f.topicId))
    );
  };
  records.events.forEach((e, i) => {
    const overlaps =
      (f.from === undefined || lastDay(e.endDate ?? e.date) >= firstDay(f.from)) &&
      (f.to === undefined || firstDay(e.date) <= lastDay(f.to));
    if (overlaps && e.claimIds.some(onSourceAndTopic)) allowed.event[i] = 1;
  });
  return allowed;
}

/** The first day a partial date may mean, as YYYY-MM-DD (which compares as text). */
export function firstDay(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/** The last day a partial date may mean; "-31" for every month is enough for comparing. */
export function lastDay(d: string): string {
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}
