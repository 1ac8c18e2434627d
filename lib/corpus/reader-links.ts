/**
 * Two readers' packs that name the same new person: Lena's "My reading" and
 * a colleague's both add "Jane Doe", each as an entity of its own pack
 * (`e-mine-3f9k2a7c-jane-doe`, `e-mine-8d1x0b4q-jane-doe`). A reader who has
 * both expects one Jane Doe: one mark, one card with every claim about her,
 * one search result — not a refused import, and not a name left unmarked
 * because two entities claim it.
 *
 * So entities that readers created (ids `e-mine-<pack>-…`, see
 * reading-pack.ts) of the same kind and the same name are one entity across
 * packs: the validator lets them share that name, and the background reads
 * the corpus through `linkReaderRecords`, which keeps one of them (the
 * reader's own pack's, else the first by id, so every context agrees) and
 * points every reference to the others at it. Each pack still holds its own
 * record, so removing either leaves the other whole. Curated entities never
 * link: two of those sharing a name must still say how to tell them apart.
 *
 * Pure; types only from ./schema (no zod).
 */
import type { CorpusRecords, Entity, Person, Source } from './schema';

const READER_ENTITY = /^e-mine-([a-z0-9]+)-/;

/**
 * A name as a page would meet it: NFKC, case-folded, curly quotes and dashes
 * as plain, runs of spaces as one (the validator compares aliases so too).
 */
export function nameKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

/** The reader pack an entity id belongs to (`mine-3f9k2a7c`), or undefined for a curated entity. */
export function readerPackOf(entityId: string): string | undefined {
  const suffix = READER_ENTITY.exec(entityId)?.[1];
  return suffix === undefined ? undefined : `mine-${suffix}`;
}

/** What makes two reader-created entities one: their kind and their name; undefined for a curated entity. */
export function readerKey(entity: Pick<Entity, 'id' | 'kind' | 'label'>): string | undefined {
  return readerPackOf(entity.id) === undefined ? undefined : `${entity.kind}\u0000${nameKey(entity.label)}`;
}

/** Whether two entities of different reader packs are the same person or thing, named `alias` by both. */
export function linkedBy(
  a: Pick<Entity, 'id' | 'kind' | 'label'>,
  b: Pick<Entity, 'id' | 'kind' | 'label'>,
  alias: string,
): boolean {
  const key = readerKey(a);
  return (
    key !== undefined &&
    key === readerKey(b) &&
    readerPackOf(a.id) !== readerPackOf(b.id) &&
    nameKey(alias) === nameKey(a.label)
  );
}

export interface ReaderLinks {
  /** each reader record (entity or person) that is kept as another → the one kept */
  to: Map<string, string>;
  /** the ids one record stands for: the one kept first, then those linked to it */
  membersOf(id: string): string[];
  /** the record kept for `id` (itself when it is not linked) */
  canonical(id: string): string;
}

const READER_PERSON = /^p-mine-([a-z0-9]+)-/;
const READER_SOURCE = /^s-mine-([a-z0-9]+)-/;

/**
 * Which reader entities are one, and which reader people (the outlet
 * "Example Daily" both readers recorded, the person who is Jane Doe): the
 * same kind and name. Two readers' sources of one page (the same URL) are
 * one source too. `own` is the reader's own pack's id: its record is
 * the one kept, so the reader's card shows their wording.
 */
export function readerLinks(
  records: {
    entities: readonly Pick<Entity, 'id' | 'kind' | 'label'>[];
    people: readonly Pick<Person, 'id' | 'kind' | 'name'>[];
    sources?: readonly Pick<Source, 'id' | 'url'>[];
  },
  own?: string,
): ReaderLinks {
  const groups = new Map<string, string[]>();
  const join = (key: string, id: string) => groups.set(key, [...(groups.get(key) ?? []), id]);
  for (const e of records.entities) {
    const key = readerKey(e);
    if (key !== undefined) join(`e\u0000${key}`, e.id);
  }
  for (const p of records.people) {
    if (READER_PERSON.test(p.id)) join(`p\u0000${p.kind}\u0000${nameKey(p.name)}`, p.id);
  }
  for (const s of records.sources ?? []) {
    if (READER_SOURCE.test(s.id) && s.url !== undefined) join(`s\u0000${s.url}`, s.id);
  }
  const packOf = (id: string) =>
    READER_ENTITY.exec(id)?.[1] ?? READER_PERSON.exec(id)?.[1] ?? READER_SOURCE.exec(id)?.[1];
  const to = new Map<string, string>();
  const members = new Map<string, string[]>();
  for (const ids of groups.values()) {
    if (ids.length < 2) continue;
    const sorted = [...ids].sort();
    const kept = sorted.find((id) => own !== undefined && `mine-${packOf(id)}` === own) ?? sorted[0]!;
    for (const id of sorted) if (id !== kept) to.set(id, kept);
    members.set(kept, [kept, ...sorted.filter((id) => id !== kept)]);
  }
  const canonical = (id: string) => to.get(id) ?? id;
  return { to, canonical, membersOf: (id) => members.get(canonical(id)) ?? [id] };
}

/**
 * The corpus as the reader meets it: linked reader entities and people as
 * one (the others' records left out, every reference pointed at the one
 * kept).
 */
export function linkReaderRecords(records: CorpusRecords, links: ReaderLinks): CorpusRecords {
  if (links.to.size === 0) return records;
  const one = (id: string) => links.canonical(id);
  const ids = (list: string[]) => [...new Set(list.map(one))];
  return {
    ...records,
    entities: records.entities.filter((e) => !links.to.has(e.id)),
    people: records.people
      .filter((p) => !links.to.has(p.id))
      .map((p) => (p.entityId === undefined ? p : { ...p, entityId: one(p.entityId) })),
    sources: records.sources
      .filter((s) => !links.to.has(s.id))
      .map((s) => ({
        ...s,
        outletId: one(s.outletId),
        ...(s.authorId !== undefined && { authorId: one(s.authorId) }),
      })),
    claims: records.claims.map((c) => ({
      ...c,
      sourceId: one(c.sourceId),
      entityIds: ids(c.entityIds),
      speakerIds: ids(c.speakerIds),
    })),
    events: records.events.map((ev) => ({ ...ev, entityIds: ids(ev.entityIds) })),
  };
}
