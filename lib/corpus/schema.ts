/**
 * The corpus data model, as one zod schema: the bundled corpus in data/corpus/
 * and every pack a reader imports are checked by it. The TypeScript types are
 * derived from the schema so that the two cannot drift apart.
 *
 * Shape rules live here; rules that need more than one record (verbatim quotes,
 * dangling ids, alias collisions) live in ./validate.ts.
 */
import { z } from '../zod';

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: sources often give only part of a date. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
export type PartialDate = z.infer<typeof PartialDate>;

export const Lang = z.enum(['en', 'ru', 'ko']);
export type Lang = z.infer<typeof Lang>;

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and hyphens');

/**
 * A name as readers meet it in news. `inflects` marks Russian words that take
 * case endings and Korean nouns that take particles, so the matcher accepts
 * Пхеньяна for Пхеньян and 김정은과 for 김정은. `caseSensitive` is for short
 * abbreviations that collide with ordinary words (UN / un).
 * `ambiguous` allows two entities to share an alias on purpose.
 */
export const Alias = z.strictObject({
  text: z.string().min(1),
  lang: Lang,
  inflects: z.boolean().optional(),
  caseSensitive: z.boolean().optional(),
  ambiguous: z.boolean().optional(),
});
export type Alias = z.infer<typeof Alias>;

/** When a date is not printed in the document, say what it was inferred from. */
export const DateInference = z.strictObject({ inferredFrom: z.string().min(10) });

export const Source = z.strictObject({
  id: Id,
  file: z.string().regex(/^[\w.-]+\.txt$/),
  title: z.string().min(1),
  outlet: z.string().min(1),
  /** person/org id of the outlet, so an outlet's own voice can be a claim's speaker */
  outletId: Id,
  author: z.string().min(1).optional(),
  date: PartialDate,
  dateInferred: DateInference.optional(),
  language: Lang,
  kind: z.enum(['article', 'analysis', 'commentary', 'interview', 'news']),
  // http(s) only: a pack must not be able to plant a javascript: link in a card.
  url: z.httpUrl().optional(),
});
export type Source = z.infer<typeof Source>;

export const PersonKind = z.enum(['expert', 'official', 'journalist', 'institution', 'outlet']);
export type PersonKind = z.infer<typeof PersonKind>;
export const Person = z.strictObject({
  id: Id,
  name: z.string().min(1),
  /** the role the source gives them: "Russian expert", "professor, Korea University" */
  role: z.string().min(1),
  kind: PersonKind,
  /** the entity a reader would hover for this person, where the corpus has one */
  entityId: Id.optional(),
});
export type Person = z.infer<typeof Person>;

export const EntityKind = z.enum(['country', 'person', 'place', 'organisation', 'treaty', 'event', 'concept']);
export type EntityKind = z.infer<typeof EntityKind>;
export const Entity = z.strictObject({
  id: Id,
  label: z.string().min(1),
  kind: EntityKind,
  aliases: z.array(Alias).min(1),
  /** short, neutral, written by the project from the sources */
  summary: z.string().min(20),
  /**
   * core: of the relationship itself; context: a wider actor (the US, China,
   * the UN …), whose card defines it in a line and then says what the sources
   * say about it in the relationship
   */
  tier: z.enum(['core', 'context']).optional(),
});
export type Entity = z.infer<typeof Entity>;

export const Figure = z.strictObject({
  id: Id,
  value: z.number(),
  /** "USD", "percent", "containers", … */
  unit: z.string().min(1),
  /** what it measures: "Russia–North Korea trade volume" */
  measures: z.string().min(3),
  /** the year (or first year) the figure is about */
  year: z.number().int().min(1900).max(2100),
  /** "since September 2023", "at least": how the source qualifies it */
  qualifier: z.string().optional(),
});
export type Figure = z.infer<typeof Figure>;

export const Claim = z.strictObject({
  id: Id,
  sourceId: Id,
  /** neutral one-sentence paraphrase */
  text: z.string().min(10),
  /** verbatim from the source file, at span [start, end) in UTF-16 code units */
  quote: z.string().min(3),
  span: z.tuple([z.number().int().min(0), z.number().int().min(1)]),
  /** person/org id: an expert, an official, or the outlet itself */
  speakerId: Id,
  date: PartialDate,
  dateInferred: DateInference.optional(),
  entityIds: z.array(Id).min(1),
  topicId: Id.optional(),
  positionId: Id.optional(),
  figures: z.array(Figure).default([]),
});
export type Claim = z.infer<typeof Claim>;

export const Position = z.strictObject({
  id: Id,
  label: z.string().min(1),
  summary: z.string().min(1),
});
export type Position = z.infer<typeof Position>;

export const Topic = z.strictObject({
  id: Id,
  /** a question the sources answer differently */
  question: z.string().min(5),
  /** ordered along the topic's scale, e.g. myth → … → de facto alliance */
  positions: z.array(Position).min(2),
});
export type Topic = z.infer<typeof Topic>;

export const Event = z.strictObject({
  id: Id,
  label: z.string().min(1),
  date: PartialDate,
  endDate: PartialDate.optional(),
  summary: z.string().min(10),
  entityIds: z.array(Id).default([]),
  claimIds: z.array(Id).min(1),
});
export type Event = z.infer<typeof Event>;

/** The records of a corpus, bundled or imported, without source texts. */
export const CorpusRecords = z.strictObject({
  sources: z.array(Source),
  people: z.array(Person),
  entities: z.array(Entity),
  claims: z.array(Claim),
  topics: z.array(Topic),
  events: z.array(Event),
});
export type CorpusRecords = z.infer<typeof CorpusRecords>;

/**
 * A pack a reader imports: further sources with their full text (so that every
 * quote can be checked), and the records curated from them. Records may refer
 * to ids of the bundled corpus (an entity, a topic, a person).
 */
export const PACK_FORMAT = 'rdl-corpus-pack';
export const Pack = z.strictObject({
  format: z.literal(PACK_FORMAT),
  formatVersion: z.literal(1),
  id: Id,
  name: z.string().min(1),
  description: z.string().optional(),
  texts: z.record(z.string(), z.string()),
  ...CorpusRecords.shape,
});
export type Pack = z.infer<typeof Pack>;
