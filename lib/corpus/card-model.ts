/**
 * What an entity's context card shows, computed from corpus records.
 *
 * Pure and synchronous: the background gathers the records from Dexie, calls
 * `buildCard`, and messages the result to the content script. `CardData` is
 * therefore plain JSON (no Maps, no Dates, no functions) and holds no source
 * texts, only what the card renders, already grouped and ordered so that the
 * card component decides nothing but layout.
 */
import { joinNames, languageChainOf, translationLabel } from './attribution';
import type { CorpusReadModel } from './read-model';
import type { Claim, Entity, EntityKind, Event, PartialDate, Person, Source, Tier, Topic } from './schema';

/** A date as the sources give it, and whether the project had to infer it. */
export interface CardDate {
  value: PartialDate;
  /** not printed in the source: worked out by the project (see the source's `dateInferredFrom`) */
  inferred: boolean;
}

export interface CardSpeaker {
  /** the lead speaker's id */
  id: string;
  /** "Andrei Devyatov and Oleg Nasobin" for a statement made together */
  name: string;
  /** "Russian expert", "professor, Korea University"; empty when the person is not in the corpus */
  role: string;
  kind: Person['kind'] | null;
  /** the outlet speaking in its own voice (no expert or official quoted) */
  ownVoice: boolean;
}

export interface CardClaim {
  id: string;
  /** the project's neutral paraphrase */
  text: string;
  /** verbatim from the source; shown on expand */
  quote: string;
  speaker: CardSpeaker;
  /** "translated from Korean", "back-translated via Korean": how the quote reached the text we hold */
  translation?: string;
  /** what the project knows that the quote gets wrong or leaves out */
  projectNote?: string;
  sourceId: string;
  outlet: string;
  sourceUrl?: string;
  date: CardDate;
  positionId?: string;
  positionLabel?: string;
  /**
   * the reader's own claim ("My reading"), with the page they took it from;
   * `highlightDeleted`: the highlight it was added from is gone (the claim keeps its quote)
   */
  yours?: { pageUrl?: string; highlightDeleted?: boolean };
}

/** The entity's claims on one topic; `id: null` gathers the claims that answer no topic. */
export interface CardTopic {
  id: string | null;
  /** the topic's question, or "Other claims" */
  question: string;
  /** newest first; same date in source order */
  claims: CardClaim[];
  /** this topic also appears in `CardData.viewsDiffer` */
  viewsDiffer: boolean;
}

/** Who takes a position, and when: one per speaker and date, however many claims they make then. */
export interface CardStance {
  speakerName: string;
  date: CardDate;
  /** at least one, in source order */
  claimIds: string[];
}

export interface CardPosition {
  id: string;
  label: string;
  summary: string;
  /** 0-based place on the topic's scale, out of `total` positions */
  index: number;
  total: number;
  /** newest first */
  claims: CardStance[];
}

/** A topic on which this entity's claims take two or more positions. */
export interface CardViews {
  topicId: string;
  question: string;
  /** every position of the topic's scale, in order (to draw the scale) */
  scale: { id: string; label: string }[];
  /** only the positions taken, in scale order */
  positions: CardPosition[];
}

export interface CardFigure {
  id: string;
  claimId: string;
  value: number;
  unit: string;
  measures: string;
  /** the year the figure is about ("as of 2023") */
  year: number;
  /** the last year of the period it covers, when it covers more than one */
  endYear?: number;
  qualifier?: string;
  /** where the project knows the figure to be wrong or unconfirmed */
  projectNote?: string;
  speakerName: string;
  /** when it was said */
  date: CardDate;
}

export interface CardEvent {
  id: string;
  label: string;
  date: PartialDate;
  endDate?: PartialDate;
  /** one of the reader's own claims, on the timeline at its date */
  yours?: boolean;
}

export interface CardSource {
  id: string;
  title: string;
  outlet: string;
  author?: string;
  date: CardDate;
  /** why the date was inferred, when it was */
  dateInferredFrom?: string;
  url?: string;
  /** how many of this card's claims rest on this source */
  claimCount: number;
}

export interface CardData {
  entity: {
    id: string;
    label: string;
    kind: EntityKind;
    summary: string;
    /** the summary's first sentence: a context entity's card opens with it alone */
    definition: string;
    tier?: Tier;
    /** what the summary states that the sources do not */
    projectNote?: string;
  };
  claimCount: number;
  /**
   * "On this page": the claims that also name another entity marked on the
   * page, newest first, shown before the topics and not repeated under them.
   */
  onPage: CardClaim[];
  /** most-discussed topic first (ties in corpus order); "Other claims" last */
  topics: CardTopic[];
  /** in the same order as `topics` */
  viewsDiffer: CardViews[];
  /** by what they measure, then by year, so comparable figures sit together */
  figures: CardFigure[];
  /** oldest first */
  events: CardEvent[];
  /** newest first */
  sources: CardSource[];
  /** what "Search in Lens" searches for */
  searchQuery: string;
}

export interface CardInput {
  entity: Entity;
  /** those whose entityIds include the entity (others are ignored) */
  claims: Claim[];
  people: Person[];
  sources: Source[];
  topics: Topic[];
  /** related events; events that neither name the entity nor cite one of its claims are ignored */
  events: Event[];
  /** ids of the claims that are the reader's own (their "My reading" pack) */
  yours?: ReadonlySet<string>;
  /** ids of the reader's claims whose highlight was deleted since */
  highlightDeleted?: ReadonlySet<string>;
  /** the other entities marked on the page the card opens on (none from the popup) */
  pageEntityIds?: readonly string[];
}

export const OTHER_CLAIMS = 'Other claims';

/**
 * The card of an entity, from the corpus's read model: its claims, who made
 * them, their sources and topics, and the events that name it or rest on one
 * of its claims, each found through an index. Null for an entity the corpus does not hold.
 */
export function entityCard(
  corpus: CorpusReadModel,
  entityId: string,
  pageEntityIds: readonly string[] = [],
  /** the reader's claims whose highlight was deleted since */
  highlightDeleted?: ReadonlySet<string>,
): CardData | null {
  const entity = corpus.entity(entityId);
  if (!entity) return null;
  const claims = [...corpus.claimsNaming(entityId)];
  const present = <T>(found: (T | undefined)[]) => found.filter((r): r is T => r !== undefined);
  const events = new Map(corpus.eventsNaming(entityId).map((e) => [e.id, e]));
  for (const claim of claims) for (const e of corpus.eventsCiting(claim.id)) events.set(e.id, e);
  return buildCard(entityId, {
    entity,
    claims,
    people: present([...new Set(claims.flatMap((c) => c.speakerIds))].map(corpus.person)),
    sources: present([...new Set(claims.map((c) => c.sourceId))].map(corpus.source)),
    topics: present([...new Set(claims.flatMap((c) => c.stances.map((st) => st.topicId)))].map(corpus.topic)),
    events: [...events.values()],
    yours: new Set(claims.filter((c) => corpus.isYours(c.id)).map((c) => c.id)),
    ...(highlightDeleted && { highlightDeleted }),
    pageEntityIds,
  });
}

/**
 * Builds the card of `entityId`, or null when `data` is about another entity.
 * Records the claims point to but that are missing from `data` (a pack removed
 * meanwhile) degrade to their ids instead of dropping the claim.
 */
export function buildCard(entityId: string, data: CardInput): CardData | null {
  const { entity } = data;
  if (entity.id !== entityId) return null;

  const people = byId(data.people);
  const sources = byId(data.sources);
  const topics = byId(data.topics);
  const topicOrder = new Map(data.topics.map((t, i) => [t.id, i]));

  const claims = data.claims.filter((c) => c.entityIds.includes(entityId));
  const cardClaims = new Map<string, CardClaim>();
  for (const claim of claims) {
    const card = toCardClaim(claim, people, sources);
    const pageUrl = claim.passage?.url;
    cardClaims.set(
      claim.id,
      data.yours?.has(claim.id)
        ? {
            ...card,
            yours: {
              ...(pageUrl !== undefined && isWebUrl(pageUrl) && { pageUrl }),
              ...(data.highlightDeleted?.has(claim.id) && { highlightDeleted: true }),
            },
          }
        : card,
    );
  }

  // Group by topic: a claim with stances on two topics answers both questions;
  // a topic id the records do not know joins "Other claims".
  const groups = new Map<string | null, Claim[]>();
  for (const claim of claims) {
    const known = claim.stances.filter((st) => topics.has(st.topicId)).map((st) => st.topicId);
    for (const key of known.length > 0 ? [...new Set(known)] : [null]) {
      const group = groups.get(key);
      if (group) group.push(claim);
      else groups.set(key, [claim]);
    }
  }

  const views = new Map<string, CardViews>();
  for (const [topicId, group] of groups) {
    if (topicId === null) continue;
    const topic = topics.get(topicId);
    if (topic) {
      const v = buildViews(topic, group, cardClaims);
      if (v) views.set(topicId, v);
    }
  }

  const topicIds = [...groups.keys()].sort((a, b) => {
    if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
    return (
      (groups.get(b)?.length ?? 0) - (groups.get(a)?.length ?? 0) || (topicOrder.get(a) ?? 0) - (topicOrder.get(b) ?? 0)
    );
  });
  // What the page is about first: a long card (North Korea: dozens of claims) then opens on the claims
  // that touch the page's other entities, which the topics below no longer repeat.
  // An entity named in most of the card's claims (Russia on North Korea's card) singles nothing out.
  const onThePage = new Set(
    (data.pageEntityIds ?? []).filter(
      (id) => id !== entityId && claims.filter((c) => c.entityIds.includes(id)).length * 2 <= claims.length,
    ),
  );
  const onPage = sortNewestFirst(claims.filter((c) => c.entityIds.some((id) => onThePage.has(id))));
  const onPageIds = new Set(onPage.map((c) => c.id));
  const cardTopics: CardTopic[] = topicIds.flatMap((id) => {
    const rest = (groups.get(id) ?? []).filter((c) => !onPageIds.has(c.id));
    if (rest.length === 0) return [];
    return [
      {
        id,
        question: id === null ? OTHER_CLAIMS : (topics.get(id)?.question ?? id),
        claims: sortNewestFirst(rest).map((c) => withPosition(cardClaims.get(c.id)!, c, topics.get(id ?? ''))),
        viewsDiffer: id !== null && views.has(id),
      },
    ];
  });

  const figures: CardFigure[] = claims
    .flatMap((claim) =>
      claim.figures.map((f) => ({
        id: f.id,
        claimId: claim.id,
        value: f.value,
        unit: f.unit,
        measures: f.measures,
        year: f.year,
        ...(f.qualifier !== undefined && { qualifier: f.qualifier }),
        ...(f.projectNote !== undefined && { projectNote: f.projectNote }),
        speakerName: cardClaims.get(claim.id)!.speaker.name,
        ...(f.endYear !== undefined && { endYear: f.endYear }),
        date: cardDate(claim),
      })),
    )
    .sort((a, b) => a.measures.localeCompare(b.measures, 'en') || a.year - b.year || compare(a.claimId, b.claimId));

  const claimIds = new Set(claims.map((c) => c.id));
  const events: CardEvent[] = data.events
    .filter((e) => e.entityIds.includes(entityId) || e.claimIds.some((id) => claimIds.has(id)))
    .map((e): CardEvent => ({
      id: e.id,
      label: e.label,
      date: e.date,
      ...(e.endDate !== undefined && { endDate: e.endDate }),
    }))
    // The reader's own claims are dated points of their reading: on the timeline too.
    .concat(
      claims.filter((c) => data.yours?.has(c.id)).map((c) => ({ id: c.id, label: c.text, date: c.date, yours: true })),
    )
    .sort((a, b) => compare(a.date, b.date) || compare(a.endDate ?? '', b.endDate ?? '') || compare(a.label, b.label));

  const citations = new Map<string, number>();
  for (const claim of claims) citations.set(claim.sourceId, (citations.get(claim.sourceId) ?? 0) + 1);
  const cardSources: CardSource[] = [...citations]
    .flatMap(([id, claimCount]) => {
      const s = sources.get(id);
      if (!s) return [];
      return [
        {
          id: s.id,
          title: s.title,
          outlet: s.outlet,
          ...(s.author !== undefined && { author: s.author }),
          date: { value: s.date, inferred: s.dateInferred !== undefined },
          ...(s.dateInferred !== undefined && { dateInferredFrom: s.dateInferred.inferredFrom }),
          ...(s.url !== undefined && isWebUrl(s.url) && { url: s.url }),
          claimCount,
        },
      ];
    })
    .sort((a, b) => compare(b.date.value, a.date.value) || compare(a.id, b.id));

  return {
    entity: {
      id: entity.id,
      label: entity.label,
      kind: entity.kind,
      summary: entity.summary,
      definition: firstSentence(entity.summary),
      ...(entity.tier !== undefined && { tier: entity.tier }),
      ...(entity.projectNote !== undefined && { projectNote: entity.projectNote }),
    },
    claimCount: claims.length,
    onPage: onPage.map((c) => cardClaims.get(c.id)!),
    topics: cardTopics,
    viewsDiffer: topicIds.flatMap((id) => (id !== null && views.has(id) ? [views.get(id)!] : [])),
    figures,
    events,
    sources: cardSources,
    searchQuery: entity.label,
  };
}

export function buildViews(topic: Topic, claims: Claim[], cardClaims: Map<string, CardClaim>): CardViews | null {
  const total = topic.positions.length;
  const positions: CardPosition[] = [];
  topic.positions.forEach((position, index) => {
    const taking = claims.filter((c) =>
      c.stances.some((st) => st.topicId === topic.id && st.positionId === position.id),
    );
    if (taking.length === 0) return;
    positions.push({
      id: position.id,
      label: position.label,
      summary: position.summary,
      index,
      total,
      claims: stances(sortNewestFirst(taking), cardClaims),
    });
  });
  if (positions.length < 2) return null;
  return {
    topicId: topic.id,
    question: topic.question,
    scale: topic.positions.map((p) => ({ id: p.id, label: p.label })),
    positions,
  };
}

function stances(claims: Claim[], cardClaims: Map<string, CardClaim>): CardStance[] {
  const byWhoAndWhen = new Map<string, CardStance>();
  for (const claim of claims) {
    const speakerName = cardClaims.get(claim.id)!.speaker.name;
    const key = JSON.stringify([claim.speakerIds, claim.date]);
    const stance = byWhoAndWhen.get(key);
    if (stance) stance.claimIds.push(claim.id);
    else byWhoAndWhen.set(key, { speakerName, date: cardDate(claim), claimIds: [claim.id] });
  }
  return [...byWhoAndWhen.values()];
}

export function toCardClaim(claim: Claim, people: Map<string, Person>, sources: Map<string, Source>): CardClaim {
  const speakers = claim.speakerIds.map((id) => people.get(id));
  const lead = speakers[0];
  const source = sources.get(claim.sourceId);
  const translation = translationLabel(claim.quotedVia ?? (source ? languageChainOf(source) : []));
  return {
    id: claim.id,
    text: claim.text,
    quote: claim.quote,
    speaker: {
      id: claim.speakerIds[0] ?? '',
      name: joinNames(claim.speakerIds.map((id, i) => speakers[i]?.name ?? id)),
      role: jointRole(speakers.map((p) => p?.role ?? '')),
      kind: lead?.kind ?? null,
      // An outlet quoted by another outlet (The Economist in News1) is a speaker like any other.
      ownVoice:
        claim.speakerIds.length === 1 &&
        (source !== undefined ? source.outletId === claim.speakerIds[0] : lead?.kind === 'outlet'),
    },
    ...(translation !== undefined && { translation }),
    ...(claim.projectNote !== undefined && { projectNote: claim.projectNote }),
    sourceId: claim.sourceId,
    outlet: source?.outlet ?? claim.sourceId,
    ...(source?.url !== undefined && isWebUrl(source.url) && { sourceUrl: source.url }),
    date: cardDate(claim),
  };
}

/** The claim as listed under one topic: with the position it takes there, if any. */
function withPosition(card: CardClaim, claim: Claim, topic: Topic | undefined): CardClaim {
  const positionId = claim.stances.find((st) => st.topicId === topic?.id)?.positionId;
  const position = topic?.positions.find((p) => p.id === positionId);
  return position ? { ...card, positionId: position.id, positionLabel: position.label } : card;
}

/** One role for a statement made together: "Russian experts" when they share it, else each role in turn. */
function jointRole(roles: string[]): string {
  const distinct = [...new Set(roles.filter((r) => r !== ''))];
  if (roles.length > 1 && distinct.length === 1 && /^[\p{L} ]+[^s]$/u.test(distinct[0]!)) return `${distinct[0]}s`;
  return distinct.join('; ');
}

/**
 * Only http(s) URLs become links: the schema's URL check accepts any scheme,
 * and a pack's `javascript:` URL would run in the page when clicked.
 */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * A summary's first sentence: up to the first full stop (or ! ?) followed by
 * a space and a capital, so that "U.S." or "c. 2024" does not end it.
 */
export function firstSentence(text: string): string {
  const end = /[.!?](?=\s+[\p{Lu}\p{Lo}])/u.exec(text);
  return end ? text.slice(0, end.index + 1) : text;
}

function cardDate(claim: Claim): CardDate {
  return { value: claim.date, inferred: claim.dateInferred !== undefined };
}

/**
 * Newest first. Partial dates compare as strings, so within a month a dated
 * day sorts before the bare month; same dates keep source order (claim ids).
 */
function sortNewestFirst(claims: Claim[]): Claim[] {
  return [...claims].sort((a, b) => compare(b.date, a.date) || compare(a.id, b.id));
}

function byId<T extends { id: string }>(records: T[]): Map<string, T> {
  return new Map(records.map((r) => [r.id, r]));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
