/**
 * What the popup shows when a reader opens a claim, a person, a source or a
 * timeline event from
 * the search results: plain JSON built from the corpus records (an entity
 * opens its card, from ./card-model). No source texts.
 */
import { joinNames, languageChainOf, translationLabel } from './attribution';
import type { CorpusReadModel } from './read-model';
import type { Claim, Person, Source } from './schema';

export interface ClaimLine {
  id: string;
  text: string;
  date: string;
  /** "Andrei Devyatov and Oleg Nasobin" for a statement made together */
  speakerName: string;
  /** the lead speaker */
  speakerId: string;
  /** each speaker, lead first */
  speakers: { id: string; name: string }[];
  sourceTitle: string;
  /** of the claim's first stance */
  topicQuestion?: string;
  positionLabel?: string;
}

export interface ClaimTopic {
  question: string;
  /** the positions of the topic's scale, in order, with who takes them */
  positions: { id: string; label: string; isThisClaims: boolean; claims: ClaimLine[] }[];
}

export interface ClaimDetail {
  kind: 'claim';
  claim: ClaimLine & { quote: string; dateInferredFrom?: string; translation?: string; projectNote?: string };
  speakerRole: string;
  source: { id: string; title: string; outlet: string; date: string; url?: string };
  entities: { id: string; label: string }[];
  /** each topic the claim answers, with the positions taken on it */
  topics: ClaimTopic[];
}

export interface PersonDetail {
  kind: 'person';
  person: { id: string; name: string; role: string; kind: Person['kind'] };
  claims: ClaimLine[];
}

export interface SourceDetail {
  kind: 'source';
  source: {
    id: string;
    title: string;
    outlet: string;
    author?: string;
    date: string;
    url?: string;
    dateInferredFrom?: string;
  };
  claims: ClaimLine[];
}

export interface EventDetail {
  kind: 'event';
  event: { id: string; label: string; date: string; endDate?: string; summary: string };
  entities: { id: string; label: string }[];
  /** the claims the event rests on, oldest first (a timeline reads forward) */
  claims: ClaimLine[];
}

export type RecordDetail = ClaimDetail | PersonDetail | SourceDetail | EventDetail;

/** Newest first; claims of one date in source order. */
const byDate = (a: ClaimLine, b: ClaimLine) => b.date.localeCompare(a.date);

export function createDetails(corpus: CorpusReadModel) {
  function line(claim: Claim): ClaimLine {
    const stance = claim.stances[0];
    const topic = stance ? corpus.topic(stance.topicId) : undefined;
    const position = topic?.positions.find((p) => p.id === stance?.positionId);
    const speakers = claim.speakerIds.map((id) => ({ id, name: corpus.person(id)?.name ?? id }));
    return {
      id: claim.id,
      text: claim.text,
      date: claim.date,
      speakerId: claim.speakerIds[0] ?? '',
      speakerName: joinNames(speakers.map((p) => p.name)),
      speakers,
      sourceTitle: corpus.source(claim.sourceId)?.title ?? claim.sourceId,
      ...(topic ? { topicQuestion: topic.question } : {}),
      ...(position ? { positionLabel: position.label } : {}),
    };
  }

  function claimDetail(id: string): ClaimDetail | null {
    const claim = corpus.claim(id);
    if (!claim) return null;
    const source: Source | undefined = corpus.source(claim.sourceId);
    const translation = translationLabel(claim.quotedVia ?? (source ? languageChainOf(source) : []));
    return {
      kind: 'claim',
      claim: {
        ...line(claim),
        quote: claim.quote,
        ...(claim.dateInferred ? { dateInferredFrom: claim.dateInferred.inferredFrom } : {}),
        ...(translation !== undefined ? { translation } : {}),
        ...(claim.projectNote !== undefined ? { projectNote: claim.projectNote } : {}),
      },
      speakerRole: [...new Set(claim.speakerIds.map((id) => corpus.person(id)?.role ?? ''))].filter(Boolean).join('; '),
      source: {
        id: claim.sourceId,
        title: source?.title ?? claim.sourceId,
        outlet: source?.outlet ?? '',
        date: source?.date ?? claim.date,
        ...(source?.url ? { url: source.url } : {}),
      },
      entities: claim.entityIds.map((e) => ({ id: e, label: corpus.entity(e)?.label ?? e })),
      topics: claim.stances.flatMap((stance) => {
        const topic = corpus.topic(stance.topicId);
        if (!topic) return [];
        return [
          {
            question: topic.question,
            positions: topic.positions.map((position) => ({
              id: position.id,
              label: position.label,
              isThisClaims: position.id === stance.positionId,
              claims: corpus.claimsTaking(topic.id, position.id).map(line).sort(byDate),
            })),
          },
        ];
      }),
    };
  }

  function personDetail(id: string): PersonDetail | null {
    const person = corpus.person(id);
    if (!person) return null;
    return {
      kind: 'person',
      person: { id: person.id, name: person.name, role: person.role, kind: person.kind },
      claims: corpus.claimsBy(id).map(line).sort(byDate),
    };
  }

  function sourceDetail(id: string): SourceDetail | null {
    const source = corpus.source(id);
    if (!source) return null;
    return {
      kind: 'source',
      source: {
        id: source.id,
        title: source.title,
        outlet: source.outlet,
        date: source.date,
        ...(source.author ? { author: source.author } : {}),
        ...(source.url ? { url: source.url } : {}),
        ...(source.dateInferred ? { dateInferredFrom: source.dateInferred.inferredFrom } : {}),
      },
      claims: corpus.claimsFrom(id).map(line),
    };
  }

  function eventDetail(id: string): EventDetail | null {
    const event = corpus.event(id);
    if (!event) return null;
    return {
      kind: 'event',
      event: {
        id: event.id,
        label: event.label,
        date: event.date,
        ...(event.endDate ? { endDate: event.endDate } : {}),
        summary: event.summary,
      },
      entities: event.entityIds.map((e) => ({ id: e, label: corpus.entity(e)?.label ?? e })),
      claims: event.claimIds
        .flatMap((c) => {
          const claim = corpus.claim(c);
          return claim ? [line(claim)] : [];
        })
        .sort((a, b) => a.date.localeCompare(b.date)),
    };
  }

  const details: Record<RecordDetail['kind'], (id: string) => RecordDetail | null> = {
    claim: claimDetail,
    person: personDetail,
    source: sourceDetail,
    event: eventDetail,
  };
  return {
    detail(kind: RecordDetail['kind'], id: string): RecordDetail | null {
      return details[kind](id);
    },
  };
}
