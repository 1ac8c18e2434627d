/**
 * "My reading": the reader's own findings as a corpus pack like any other.
 * A passage saved from a web page becomes a claim — the verbatim quote, its
 * selectors and URL (`Claim.passage`), who says it, a paraphrase, the
 * entities it concerns, optionally a stance — and the page becomes a source.
 *
 * The pack carries, as the text of each page's source, the passages taken
 * from it with the context their selectors recorded (prefix + quote + suffix),
 * so the same validator that checks the bundled corpus finds every quote
 * verbatim at its span. The texts and spans are derived from the claims'
 * passages each time the pack changes, never edited by hand.
 *
 * Ids are namespaced by the pack (`mine-3f9k2a7c`, `p-mine-3f9k2a7c-jane-doe`),
 * and the names of people and entities a reader adds are ambiguous aliases,
 * so two readers' packs that both name a new person can be imported side by
 * side. Pure: the store (lib/db/reading-store.ts) validates and writes.
 */
import type {
  Claim,
  CorpusRecords,
  Entity,
  EntityKind,
  Lang,
  Pack,
  PartialDate,
  Passage,
  Person,
  PersonKind,
  Source,
  Stance,
  TextLang,
} from './schema';
import { PACK_FORMAT } from './schema';
import { readerPackOf } from './reader-links';

export const READING_PACK_NAME = 'My reading';
/** Pack ids of reader packs start so; the rest is random, so two readers' packs never share an id. */
export const READING_PREFIX = 'mine-';
/** Between two passages of one page in its source text. */
const PASSAGE_BREAK = '\n\n[…]\n\n';
const LANGS: readonly Lang[] = ['en', 'ru', 'ko'];

/** The page a passage is on, as its metadata says and the reader corrected it. */
export interface PageDraft {
  url: string;
  title: string;
  outlet: string;
  author?: string;
  /** as published; absent when the page does not say */
  date?: PartialDate;
  /** the language the page is in, as the reader confirmed it: any ISO 639 code ("en", "de") */
  language: TextLang;
}

export type SpeakerDraft =
  | { kind: 'person'; id: string }
  /** the outlet in its own voice */
  | { kind: 'outlet' }
  | { kind: 'new'; name: string; role: string; personKind: PersonKind };

export interface NewEntityDraft {
  label: string;
  kind: EntityKind;
}

export interface PassageDraft {
  page: PageDraft;
  quote: Passage['quote'];
  position: Passage['position'];
  highlightId?: string;
  speaker: SpeakerDraft;
  /** the reader's one-sentence paraphrase */
  text: string;
  /** entities of the corpus the claim concerns (those marked inside the passage, as the reader kept them) */
  entityIds: string[];
  newEntities?: NewEntityDraft[];
  stance?: Stance;
  /** when the claim was made, if not the page's date */
  date?: PartialDate;
}

export function newReadingPack(suffix: string = randomSuffix()): Pack {
  return {
    format: PACK_FORMAT,
    formatVersion: 1,
    id: `${READING_PREFIX}${suffix}`,
    name: READING_PACK_NAME,
    description: 'Passages a reader saved from news pages with Lens, each with its page, quote and context.',
    texts: {},
    sources: [],
    people: [],
    entities: [],
    claims: [],
    topics: [],
    events: [],
  };
}

export function isReadingPackId(id: string): boolean {
  return id.startsWith(READING_PREFIX);
}

/**
 * The pack with the passage added as a claim (and its page, speaker and new
 * entities as records where the corpus has none). `base` is the corpus the
 * pack joins, to reuse an outlet or person it already has; `today` dates a
 * claim from a page that gives no date. Validation is the caller's.
 */
export function addPassage(
  pack: Pack,
  draft: PassageDraft,
  base: CorpusRecords,
  today: PartialDate,
): { pack: Pack; claimId: string } {
  const next: Pack = structuredClone(pack);
  // The pack stands alone: a record of another reader's pack (a colleague's Jane Doe) is not
  // referred to but recorded again in this one, and linked with theirs by name (reader-links.ts).
  const otherReaders = (id: string) => {
    const owner = readerPackOf(id.replace(/^p-/, 'e-'));
    return owner !== undefined && owner !== next.id;
  };
  const shared = { ...base, people: base.people.filter((p) => !otherReaders(p.id)) };
  const known = (name: string) => findPerson([...next.people, ...shared.people], name);

  // The outlet: a person record of kind outlet, reused by name.
  let outlet = known(draft.page.outlet);
  if (outlet === undefined) {
    outlet = {
      id: uniqueId(next, 'p', draft.page.outlet),
      name: draft.page.outlet,
      role: 'news outlet, as the reader recorded it',
      kind: 'outlet',
    };
    next.people.push(outlet);
  }

  // The page: one source per URL, its metadata as the reader last corrected it.
  const inferred = draft.page.date === undefined;
  const pageDate = draft.page.date ?? today;
  let source = next.sources.find((s) => s.url === draft.page.url);
  const sourceFields: Omit<Source, 'id' | 'file'> = {
    title: draft.page.title,
    outlet: draft.page.outlet,
    outletId: outlet.id,
    ...(draft.page.author && { author: draft.page.author }),
    date: pageDate,
    ...(inferred && { dateInferred: { inferredFrom: 'the day the reader saved it; the page gives no date' } }),
    language: draft.page.language,
    kind: 'article',
    url: draft.page.url,
  };
  if (source === undefined) {
    const id = `s-${next.id}-${counter(next.sources, 's-' + next.id)}`;
    source = { id, file: `${id}.txt`, ...sourceFields };
    next.sources.push(source);
  } else {
    const { id, file } = source;
    source = { id, file, ...sourceFields };
    next.sources = next.sources.map((s) => (s.id === id ? (source as Source) : s));
  }

  // A name is matched in the page's language where Lens has rules for it (Russian endings, Korean
  // particles); on a page in any other language, as written.
  const aliasLang: Lang = (LANGS as readonly string[]).includes(source.language) ? (source.language as Lang) : 'en';
  const entityIds = draft.entityIds.map((id) => {
    const theirs = otherReaders(id) ? base.entities.find((e) => e.id === id) : undefined;
    return theirs ? newEntity(next, theirs.label, theirs.kind, aliasLang, theirs.summary).id : id;
  });
  let speaker = draft.speaker;
  if (speaker.kind === 'person' && otherReaders(speaker.id)) {
    const theirs = base.people.find((p) => p.id === (speaker as { id: string }).id);
    if (theirs) speaker = { kind: 'new', name: theirs.name, role: theirs.role, personKind: theirs.kind };
  }
  let speakerId: string;
  if (speaker.kind === 'outlet') speakerId = outlet.id;
  else if (speaker.kind === 'person') speakerId = speaker.id;
  else {
    const { name, role, personKind } = speaker;
    const existing = known(name);
    if (existing !== undefined) {
      speakerId = existing.id;
      if (existing.entityId !== undefined) entityIds.unshift(existing.entityId);
    } else {
      // A new person is an entity too, so that their name is marked on pages from now on.
      const entity = newEntity(
        next,
        name,
        'person',
        aliasLang,
        `${name}, ${role}, as recorded by the reader from ${draft.page.outlet}.`,
      );
      const person: Person = { id: uniqueId(next, 'p', name), name, role, kind: personKind, entityId: entity.id };
      next.people.push(person);
      speakerId = person.id;
      entityIds.unshift(entity.id);
    }
  }
  for (const e of draft.newEntities ?? []) {
    const entity = newEntity(
      next,
      e.label,
      e.kind,
      aliasLang,
      `${e.label}, added by the reader from ${draft.page.outlet}.`,
    );
    entityIds.push(entity.id);
  }

  // A speaker who speaks another language than the page was translated on the
  // way to it (News1 in English, Kim Jong Un in a German report): say so, as
  // the corpus's rule asks of every translated quote.
  const spoken = [...next.people, ...base.people].find((p) => p.id === speakerId)?.language;
  const quotedVia = spoken !== undefined && spoken !== source.language ? [spoken, source.language] : undefined;

  const claimId = `c-${next.id}-${counter(next.claims, 'c-' + next.id)}`;
  const claim: Claim = {
    id: claimId,
    sourceId: source.id,
    text: draft.text.trim(),
    quote: draft.quote.exact,
    span: [0, 1], // set from the page's text below
    speakerIds: [speakerId],
    ...(quotedVia && { quotedVia }),
    date: draft.date ?? pageDate,
    ...(draft.date === undefined &&
      inferred && { dateInferred: { inferredFrom: 'the day the reader saved it; the page gives no date' } }),
    entityIds: [...new Set(entityIds)],
    stances: draft.stance ? [draft.stance] : [],
    figures: [],
    passage: {
      url: draft.page.url,
      quote: draft.quote,
      position: draft.position,
      ...(draft.highlightId !== undefined && { highlightId: draft.highlightId }),
    },
  };
  next.claims.push(claim);
  return { pack: withTexts(next), claimId };
}

/** The pack without the claim, and without the records only it needed. */
export function removeClaim(pack: Pack, claimId: string): Pack {
  const next: Pack = structuredClone(pack);
  next.claims = next.claims.filter((c) => c.id !== claimId);
  next.events = next.events
    .map((ev) => ({ ...ev, claimIds: ev.claimIds.filter((id) => id !== claimId) }))
    .filter((ev) => ev.claimIds.length > 0);
  const usedSources = new Set(next.claims.map((c) => c.sourceId));
  next.sources = next.sources.filter((s) => usedSources.has(s.id));
  const usedEntities = new Set([
    ...next.claims.flatMap((c) => c.entityIds),
    ...next.events.flatMap((ev) => ev.entityIds),
  ]);
  next.entities = next.entities.filter((e) => usedEntities.has(e.id));
  const usedPeople = new Set([
    ...next.claims.flatMap((c) => c.speakerIds),
    ...next.sources.flatMap((s) => [s.outletId, s.authorId ?? '']),
  ]);
  next.people = next.people.filter((p) => usedPeople.has(p.id));
  return withTexts(next);
}

/**
 * Each source's text rebuilt from its claims' passages — prefix, quote and
 * suffix as the page had them — and each claim's span set to its quote there.
 */
export function withTexts(pack: Pack): Pack {
  const texts: Record<string, string> = {};
  const spans = new Map<string, [number, number]>();
  for (const source of pack.sources) {
    let text = '';
    for (const claim of pack.claims) {
      if (claim.sourceId !== source.id || claim.passage === undefined) continue;
      const { prefix, exact, suffix } = claim.passage.quote;
      if (text) text += PASSAGE_BREAK;
      const start = text.length + prefix.length;
      spans.set(claim.id, [start, start + exact.length]);
      text += prefix + exact + suffix;
    }
    texts[source.file] = text;
  }
  return {
    ...pack,
    texts,
    claims: pack.claims.map((c) => {
      const span = spans.get(c.id);
      return span ? { ...c, span } : c;
    }),
  };
}

// ---------------------------------------------------------------------------
// Ids

function findPerson(people: readonly Person[], name: string): Person | undefined {
  const key = name.trim().toLowerCase();
  return people.find((p) => p.name.trim().toLowerCase() === key);
}

function newEntity(pack: Pack, label: string, kind: EntityKind, lang: Lang, summary: string): Entity {
  const existing = pack.entities.find((e) => e.label.toLowerCase() === label.trim().toLowerCase());
  if (existing) return existing;
  // Ambiguous: another reader's pack may name the same person, and both can be imported.
  const entity: Entity = {
    id: uniqueId(pack, 'e', label),
    label: label.trim(),
    kind,
    aliases: [{ text: label.trim(), lang, ambiguous: true, ...(lang !== 'en' && { inflects: true }) }],
    summary,
  };
  pack.entities.push(entity);
  return entity;
}

/** `p-<pack id>-<slug>`, with a number when taken. */
function uniqueId(pack: Pack, prefix: 'p' | 'e', name: string): string {
  const stem = `${prefix}-${pack.id}-${slug(name)}`;
  const taken = new Set([...pack.people, ...pack.entities].map((r) => r.id));
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  return id;
}

/** The next free number of `prefix-NNN` ids. */
function counter(records: readonly { id: string }[], prefix: string): string {
  let max = 0;
  for (const r of records) {
    const n = Number(r.id.slice(prefix.length + 1));
    if (r.id.startsWith(prefix + '-') && Number.isInteger(n)) max = Math.max(max, n);
  }
  return String(max + 1).padStart(3, '0');
}

/** Latin letters and digits of a name; a name in another script gets a short hash of itself. */
export function slug(name: string): string {
  const latin = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  if (latin) return latin;
  let h = 0x811c9dc5; // FNV-1a: stable, so the same name gets the same id
  for (const ch of name.trim()) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `n${h.toString(36)}`;
}

function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return [...bytes].map((b) => (b % 36).toString(36)).join('') + Date.now().toString(36).slice(-2);
}
