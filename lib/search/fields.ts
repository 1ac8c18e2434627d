/**
 * What the search looks at in each kind of record: the fields a reader finds a
 * record by, how much a match in each counts, and how a record is shown in a
 * result list. Kept apart from the index so that changing what is searched is
 * a change to one table.
 *
 * Every searchable string of a record is one "slot" (an entity's label and each
 * of its aliases are separate slots), enumerated in a fixed order by
 * `forEachSlot`; the index stores slots by that order, so the order is part of
 * the index format (see SEARCH_INDEX_VERSION in ./word-index.ts).
 */
import { joinNames } from '../corpus/attribution';
import type { CorpusRecords, Lang } from '../corpus/schema';

export type SearchKind = 'entity' | 'person' | 'claim' | 'source' | 'event';

/** Group order when two groups' best hits score the same: names before texts. */
export const SEARCH_KINDS: readonly SearchKind[] = ['entity', 'person', 'claim', 'source', 'event'];

export type SearchField =
  'label' | 'alias' | 'name' | 'role' | 'text' | 'quote' | 'title' | 'outlet' | 'author' | 'event' | 'summary';

export interface FieldSpec {
  readonly field: SearchField;
  readonly kind: SearchKind;
  /**
   * How much a match here counts. Scores are `matchScore ^ (weight · norm)`
   * (fuse.js's formula), so a heavier field turns the same match into a better
   * score: a name or label beats a claim that merely mentions it.
   */
  readonly weight: number;
}

/** Field codes as stored in the index (a slot's field is one byte). Append only. */
export const FIELDS: readonly FieldSpec[] = [
  { field: 'label', kind: 'entity', weight: 1 },
  { field: 'alias', kind: 'entity', weight: 0.9 },
  { field: 'name', kind: 'person', weight: 1 },
  { field: 'role', kind: 'person', weight: 0.5 },
  { field: 'text', kind: 'claim', weight: 0.7 },
  { field: 'quote', kind: 'claim', weight: 0.5 },
  { field: 'title', kind: 'source', weight: 0.8 },
  { field: 'outlet', kind: 'source', weight: 0.6 },
  { field: 'author', kind: 'source', weight: 0.6 },
  // a timeline event: its label, and its summary (what happened)
  { field: 'event', kind: 'event', weight: 0.9 },
  { field: 'summary', kind: 'event', weight: 0.5 },
];

const CODE = new Map(FIELDS.map((f, i) => [f.field, i]));

export function fieldCode(field: SearchField): number {
  return CODE.get(field)!;
}

/** The records of one kind, in corpus order: a record's index here is its `doc` number. */
export function recordsOf(records: CorpusRecords, kind: SearchKind): readonly { id: string }[] {
  switch (kind) {
    case 'entity':
      return records.entities;
    case 'person':
      return records.people;
    case 'claim':
      return records.claims;
    case 'source':
      return records.sources;
    case 'event':
      return records.events;
  }
}

/**
 * Calls `visit` for every searchable string of one record, in slot order.
 * `item` is the alias's position in `entity.aliases` (0 for other fields).
 * An alias with the same words as the label or an earlier alias ("Kim
 * Jong-un" beside "Kim Jong Un") is skipped: it would count the same match
 * twice and lift the record above one that matches as well but once.
 * `words` is the caller's, so the rule folds text as the index does.
 */
export function forEachSlot(
  records: CorpusRecords,
  kind: SearchKind,
  doc: number,
  words: (s: string) => readonly string[],
  visit: (field: SearchField, item: number, text: string) => void,
): void {
  switch (kind) {
    case 'entity': {
      const e = records.entities[doc]!;
      visit('label', 0, e.label);
      const seen = new Set([words(e.label).join(' ')]);
      e.aliases.forEach((a, i) => {
        const key = words(a.text).join(' ');
        if (seen.has(key)) return;
        seen.add(key);
        visit('alias', i, a.text);
      });
      return;
    }
    case 'person': {
      const p = records.people[doc]!;
      visit('name', 0, p.name);
      visit('role', 0, p.role);
      return;
    }
    case 'claim': {
      const c = records.claims[doc]!;
      visit('text', 0, c.text);
      visit('quote', 0, c.quote);
      return;
    }
    case 'source': {
      const s = records.sources[doc]!;
      visit('title', 0, s.title);
      visit('outlet', 0, s.outlet);
      if (s.author) visit('author', 0, s.author);
      return;
    }
    case 'event': {
      const e = records.events[doc]!;
      visit('event', 0, e.label);
      visit('summary', 0, e.summary);
      return;
    }
  }
}

/** The original text of one slot, and the language where the record says it (aliases). */
export function slotText(
  records: CorpusRecords,
  field: SearchField,
  doc: number,
  item: number,
): { text: string; lang?: Lang } {
  switch (field) {
    case 'label':
      return { text: records.entities[doc]!.label };
    case 'alias': {
      const a = records.entities[doc]!.aliases[item]!;
      return { text: a.text, lang: a.lang };
    }
    case 'name':
      return { text: records.people[doc]!.name };
    case 'role':
      return { text: records.people[doc]!.role };
    case 'text':
      return { text: records.claims[doc]!.text };
    case 'quote':
      return { text: records.claims[doc]!.quote };
    case 'title':
      return { text: records.sources[doc]!.title };
    case 'outlet':
      return { text: records.sources[doc]!.outlet };
    case 'author':
      return { text: records.sources[doc]!.author ?? '' };
    case 'event':
      return { text: records.events[doc]!.label };
    case 'summary':
      return { text: records.events[doc]!.summary };
  }
}

export interface Display {
  title: string;
  subtitle: string;
  date?: string;
}

/**
 * How a record is listed: entity — label, kind; person — name, role;
 * claim — paraphrase, "speaker · date"; source — title, "outlet · date";
 * event — label, its date or span.
 * A person's role and a source's outlet begin their subtitle, so highlight
 * ranges in those fields apply to the subtitle as they are.
 */
export function displayOf(
  records: CorpusRecords,
  kind: SearchKind,
  doc: number,
  speakerName: (id: string) => string,
): Display {
  switch (kind) {
    case 'entity': {
      const e = records.entities[doc]!;
      return { title: e.label, subtitle: e.kind };
    }
    case 'person': {
      const p = records.people[doc]!;
      return { title: p.name, subtitle: p.role };
    }
    case 'claim': {
      const c = records.claims[doc]!;
      return { title: c.text, subtitle: `${joinNames(c.speakerIds.map(speakerName))} · ${c.date}`, date: c.date };
    }
    case 'source': {
      const s = records.sources[doc]!;
      return { title: s.title, subtitle: `${s.outlet} · ${s.date}`, date: s.date };
    }
    case 'event': {
      const e = records.events[doc]!;
      return { title: e.label, subtitle: e.endDate ? `${e.date} – ${e.endDate}` : e.date, date: e.date };
    }
  }
}
