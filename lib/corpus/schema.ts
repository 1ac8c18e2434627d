/**
 * The corpus data model, as one zod schema: the bundled corpus in data/corpus/
 * and every pack a reader imports are checked by it. The TypeScript types are
 * derived from the schema so that the two cannot drift apart.
 *
 * Shape rules live here; rules that need more than one record (verbatim quotes,
 * dangling ids, alias collisions) live in ./validate.ts.
 */
import { z } from '../zod';
import { LANGS } from '../text/lang';
import { upgradeLegacyClaim } from './legacy';

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: sources often give only part of a date. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
export type PartialDate = z.infer<typeof PartialDate>;

export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;

/**
 * A language a text is in or passed through on its way to us: any ISO 639
 * code the browser can name ("zh", "de", "uk"). Wider than `Lang` (the
 * languages pages are matched in): a Chinese original is read here in
 * English, and a reader's passage from a German page is in German.
 */
export const TextLang = z
  .string()
  .regex(/^[a-z]{2,3}$/, 'expected a language code such as "en", "de" or "zh"')
  .refine(isLanguageCode, 'is not a language code (ISO 639) that Lens can name');
export type TextLang = string;

function isLanguageCode(code: string): boolean {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code) !== undefined;
  } catch {
    return false;
  }
}

/**
 * Says what the project adds to a record beyond what its sources state — a
 * date the sources do not give, a name they get wrong, a fact they leave out —
 * so that a reader can tell the sources' word from the project's. The
 * validator requires it where a record states a year no source quote gives
 * (see ./validate.ts), and the note must name that year.
 */
export const ProjectNote = z.string().min(10);

/**
 * An http(s) URL, whatever its host: a reader's page may be on an intranet
 * or an address (zod's httpUrl() wants a domain name). Never javascript: or data:.
 */
const WebUrl = z.url({ protocol: /^https?$/ });

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and hyphens');

/**
 * Where a rule looks, as a regular expression (source, flag `u` only, so
 * case-sensitive: write [Ss] where case does not matter): `before` must match
 * the text just before the alias up to it (tested with `$` appended, over at
 * most CONTEXT_WINDOW units of the same block, ../text/context-rules.ts), `after` the text just after
 * it (with `^` prepended), `word` the mention itself as written (whole).
 * A rule holds when every part it has matches.
 */
export const ContextRule = z
  .strictObject({
    before: z.string().min(1).optional(),
    after: z.string().min(1).optional(),
    word: z.string().min(1).optional(),
  })
  .refine((r) => r.before !== undefined || r.after !== undefined || r.word !== undefined, {
    message: 'a rule needs before, after or word',
  });
export type ContextRule = z.infer<typeof ContextRule>;

/**
 * A name as readers meet it in news. `inflects` marks Russian words that take
 * case endings and Korean nouns that take particles, so the matcher accepts
 * Пхеньяна for Пхеньян and 김정은과 for 김정은. `caseSensitive` is for short
 * abbreviations that collide with ordinary words (UN / un).
 * `ambiguous` allows two entities to share an alias on purpose; context rules
 * then pick one, or the mention is left unmarked.
 *
 * Context rules (entity linking, applied by the matcher to each mention):
 * `capitalised`: every word must begin with a capital as written (Путин, not
 * путина — the fishing season); `veto`: the mention is not this entity when
 * any rule holds ("US" before "$", "Security Council" after "Russia's");
 * `confirm`: it is this entity only when some rule holds.
 */
export const Alias = z.strictObject({
  text: z.string().min(1),
  lang: Lang,
  inflects: z.boolean().optional(),
  caseSensitive: z.boolean().optional(),
  ambiguous: z.boolean().optional(),
  capitalised: z.boolean().optional(),
  veto: z.array(ContextRule).min(1).optional(),
  confirm: z.array(ContextRule).min(1).optional(),
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
  /** the language of the text as the source has it (a reader's page may be in any language) */
  language: TextLang,
  /**
   * The languages the text went through, original first, ending in
   * `language`: ["ko", "en"] is a Korean article read in its English version.
   * Absent means the text is in its original language.
   */
  languageChain: z.array(TextLang).min(1).optional(),
  /** the author's person record, where the source is signed */
  authorId: Id.optional(),
  /** what the project identified that the page does not say (e.g. its outlet) */
  projectNote: ProjectNote.optional(),
  kind: z.enum(['article', 'analysis', 'commentary', 'interview', 'news']),
  // http(s) only: a pack must not be able to plant a javascript: link in a card.
  url: WebUrl.optional(),
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
  /**
   * The language they speak or write in. A claim whose speaker's language is
   * not its source's original language must say how its quote was translated
   * (`Claim.quotedVia`).
   */
  language: TextLang.optional(),
  projectNote: ProjectNote.optional(),
});
export type Person = z.infer<typeof Person>;

export const EntityKind = z.enum(['country', 'person', 'place', 'organisation', 'treaty', 'event', 'concept']);
export type EntityKind = z.infer<typeof EntityKind>;
/**
 * `core`: the entity belongs to Russia–North Korea relations (Kim Jong Un,
 * Pyongyang, the treaties) and is marked on every page; `context`: a wider
 * world entity (the United States, China, Putin) marked only on pages about
 * the relationship, whose card defines it in a line and then says what the
 * sources say about it in the relationship. Absent means core, so packs written before tiers existed
 * keep their marks.
 */
export const Tier = z.enum(['core', 'context']);
export type Tier = z.infer<typeof Tier>;
export const Entity = z.strictObject({
  id: Id,
  label: z.string().min(1),
  kind: EntityKind,
  tier: Tier.optional(),
  aliases: z.array(Alias).min(1),
  /** short, neutral, written by the project from the sources */
  summary: z.string().min(20),
  /** what the summary states that the sources do not */
  projectNote: ProjectNote.optional(),
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
  /** the last year of the period it covers, when it covers more than one */
  endYear: z.number().int().min(1900).max(2100).optional(),
  /** "since September 2023", "at least": how the source qualifies it */
  qualifier: z.string().optional(),
  /** where the project knows the figure to be wrong or unconfirmed */
  projectNote: ProjectNote.optional(),
});
export type Figure = z.infer<typeof Figure>;

/** Short texts the project wrote in a page language, one or more per language. */
export const ProjectTranslations = z.strictObject({
  en: z.string().min(5).optional(),
  ru: z.string().min(5).optional(),
  ko: z.string().min(3).optional(),
});
export type ProjectTranslations = z.infer<typeof ProjectTranslations>;

/** A claim answers a topic's question, taking one of its positions where it takes one. */
export const Stance = z.strictObject({ topicId: Id, positionId: Id.optional() });
export type Stance = z.infer<typeof Stance>;

/**
 * Where a reader found a claim's quote on the web: the page and the W3C Web
 * Annotation selectors of the passage (https://www.w3.org/TR/annotation-model/#selectors),
 * so that anyone can go back and check it. Only claims a reader added from a
 * page (their "My reading" pack) carry one; its source's `url` is that page.
 */
export const Passage = z.strictObject({
  url: WebUrl,
  quote: z.strictObject({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1),
    prefix: z.string(),
    suffix: z.string(),
  }),
  position: z.strictObject({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
  }),
  /** the saved highlight it was made from, if any; the claim keeps its quote when that changes */
  highlightId: z.string().min(1).max(200).optional(),
});
export type Passage = z.infer<typeof Passage>;

const ClaimFields = z.strictObject({
  id: Id,
  sourceId: Id,
  /** neutral one-sentence paraphrase */
  text: z.string().min(10),
  /** verbatim from the source file, at span [start, end) in UTF-16 code units */
  quote: z.string().min(3),
  span: z.tuple([z.number().int().min(0), z.number().int().min(1)]),
  /**
   * person/org ids: an expert, an official, or the outlet itself. A statement
   * several people made together is one claim with each of them; the first is
   * the lead speaker.
   */
  speakerIds: z.array(Id).min(1),
  /**
   * The languages the quote went through when they differ from its source's
   * `languageChain`: the speaker's language first, then the source's chain.
   * ["en", "ko", "en"] is The Economist quoted in a Korean article read in English.
   */
  quotedVia: z.array(TextLang).min(2).optional(),
  date: PartialDate,
  dateInferred: DateInference.optional(),
  entityIds: z.array(Id).min(1),
  /** the topics it answers; a claim may stand on several scales */
  stances: z.array(Stance).default([]),
  figures: z.array(Figure).default([]),
  /** what the paraphrase or the record states that the quote does not */
  projectNote: ProjectNote.optional(),
  /**
   * The proposition in other languages, short and without attribution, so that
   * a Russian or Korean sentence stating it is found on a page (lib/claims).
   * The project's translations, never the source's words: the card says so.
   */
  projectTranslations: ProjectTranslations.optional(),
  /** the web page passage a reader took the quote from (reader packs) */
  passage: Passage.optional(),
});

export const Claim = z.preprocess(upgradeLegacyClaim, ClaimFields);
export type Claim = z.infer<typeof ClaimFields>;

export const Position = z.strictObject({
  id: Id,
  label: z.string().min(1),
  summary: z.string().min(1),
  /**
   * Phrases that take this position in a sentence ("de facto allies",
   * "фактические союзники", "사실상 동맹"), for finding it on a page
   * (lib/claims). Written by the project, per page language.
   */
  cues: z
    .strictObject({
      en: z.array(z.string().min(2)).optional(),
      ru: z.array(z.string().min(2)).optional(),
      ko: z.array(z.string().min(2)).optional(),
    })
    .optional(),
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
  /** what the label, date or summary states that the sources do not */
  projectNote: ProjectNote.optional(),
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
  /** when the pack was last written (reader packs): an import can say which of two exports is newer */
  updatedAt: z.iso.datetime().optional(),
  texts: z.record(z.string(), z.string()),
  ...CorpusRecords.shape,
});
export type Pack = z.infer<typeof Pack>;
