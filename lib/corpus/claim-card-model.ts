/**
 * What a claim card shows for a sentence of a page that states a corpus claim
 * or takes a topic position (lib/claims): what the corpus says on that
 * proposition, who stands where on the topic's scale (with dates), and the
 * sentence's likely place on it. Pure, plain JSON, built in the background
 * like the entity card (./card-model.ts), whose parts it reuses.
 */
import type { Claim, Person, Source, Topic } from './schema';
import { buildViews, toCardClaim, type CardClaim, type CardViews } from './card-model';

/**
 * What a sentence was found to state (lib/claims/match.ts finds it), as the
 * page and the card need it: a claim of the corpus, or a position on a topic.
 */
export type ClaimTarget = { kind: 'claim'; claimId: string } | { kind: 'position'; positionId: string };

export interface ClaimCardTopic extends CardViews {
  /** the position the sentence likely takes: the matched claim's, or the matched cue's */
  likelyPositionId: string | null;
  likelyLabel: string | null;
}

export interface ClaimCardData {
  /** the corpus claim the sentence states; null when it only takes a position */
  claim: CardClaim | null;
  /** the topics the proposition stands on, with every position the corpus's claims take */
  topics: ClaimCardTopic[];
}

export interface ClaimCardInput {
  /** every claim of the corpus and packs (the views need all claims on a topic) */
  claims: Claim[];
  people: Person[];
  sources: Source[];
  topics: Topic[];
}

export function buildClaimCard(target: ClaimTarget, data: ClaimCardInput): ClaimCardData | null {
  const people = new Map(data.people.map((p) => [p.id, p]));
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const cardClaims = new Map<string, CardClaim>();
  const cardOf = (c: Claim) => {
    let card = cardClaims.get(c.id);
    if (!card) cardClaims.set(c.id, (card = toCardClaim(c, people, sources)));
    return card;
  };
  let claim: Claim | null = null;
  let likely: { topicId: string; positionId: string | null }[];
  if (target.kind === 'claim') {
    claim = data.claims.find((c) => c.id === target.claimId) ?? null;
    if (!claim) return null;
    likely = claim.stances.map((s) => ({ topicId: s.topicId, positionId: s.positionId ?? null }));
  } else {
    const topic = data.topics.find((t) => t.positions.some((p) => p.id === target.positionId));
    if (!topic) return null;
    likely = [{ topicId: topic.id, positionId: target.positionId }];
  }
  const topics: ClaimCardTopic[] = [];
  for (const { topicId, positionId } of likely) {
    const topic = data.topics.find((t) => t.id === topicId);
    if (!topic) continue;
    const onTopic = data.claims.filter((c) => c.stances.some((s) => s.topicId === topicId && s.positionId));
    for (const c of onTopic) cardOf(c);
    const views = buildViews(topic, onTopic, cardClaims) ?? {
      topicId: topic.id,
      question: topic.question,
      scale: topic.positions.map((p) => ({ id: p.id, label: p.label })),
      positions: [],
    };
    topics.push({
      ...views,
      likelyPositionId: positionId,
      likelyLabel: topic.positions.find((p) => p.id === positionId)?.label ?? null,
    });
  }
  return { claim: claim ? cardOf(claim) : null, topics };
}
