/**
 * Does a sentence state a corpus claim, or take a position on a topic?
 *
 * Lexical, as the issue asks: each stem weighs its BM25 inverse document
 * frequency over all docs of the index (./build.ts), so that "Russia" and
 * "North Korea", which nearly every claim names, count for little and
 * "petroleum" or "allies" for much. Only docs of claims (and positions) that
 * share an entity with the sentence are compared — the entity scan has found
 * those already.
 *
 * A claim doc scores by how much of it the sentence covers and how much of
 * the sentence it covers, both weighted by IDF (a weighted harmonic mean that
 * leans on the claim's side: a news sentence says more than a paraphrase).
 * A cue doc of a position ("de facto allies") is a phrase: it is found (score
 * 1) when all its stems are in the sentence in its order, close together.
 */
import type { ClaimTarget } from '../corpus/claim-card-model';
import type { ClaimIndexData } from './build';
import { type EntitySpan, hasPhrase, stemPositions } from './tokens';

/** The score a claim doc must reach to mark a sentence (see npm run bench:claims). */
export const CLAIM_THRESHOLD = 0.4;
/** A position cue must be in the sentence whole. */
export const CUE_THRESHOLD = 1;
/** How much the claim side counts in a claim doc's score (β of an F-measure, > 1 favours the claim's coverage). */
const BETA = 1.5;

/** The target of a hit. */
export function targetOf(hit: ClaimHit): ClaimTarget {
  return hit.kind === 'claim'
    ? { kind: 'claim', claimId: hit.claimId }
    : { kind: 'position', positionId: hit.positionId };
}

export type ClaimHit =
  | { kind: 'claim'; claimId: string; positionIds: string[]; score: number }
  | { kind: 'position'; positionId: string; topicId: string; score: number };

export interface ClaimMatcher {
  /**
   * The best claim (or else position) a sentence states, or null. `entities`:
   * where the entity scan found entities in it, in text order.
   */
  match(sentence: string, entities: readonly EntitySpan[]): ClaimHit | null;
  /** Every candidate's score, best first: for the benchmark and tests. */
  scores(sentence: string, entities: readonly EntitySpan[]): ClaimHit[];
}

export interface MatcherOptions {
  claimThreshold?: number;
  beta?: number;
}

export function createClaimMatcher(data: ClaimIndexData, options: MatcherOptions = {}): ClaimMatcher {
  const threshold = options.claimThreshold ?? CLAIM_THRESHOLD;
  const beta2 = (options.beta ?? BETA) ** 2;
  const df = new Map<string, number>();
  let n = 0;
  const allDocs = [...data.claims.flatMap((c) => c.docs), ...data.positions.flatMap((p) => p.docs)];
  for (const doc of allDocs) {
    n++;
    for (const s of doc) df.set(s, (df.get(s) ?? 0) + 1);
  }
  const idf = (s: string) => {
    const d = df.get(s) ?? 0;
    return Math.log(1 + (n - d + 0.5) / (d + 0.5));
  };
  const weigh = (doc: readonly string[]) => doc.reduce((sum, s) => sum + idf(s), 0);
  const countries = new Set(data.countryIds);
  const claims = data.claims.map((c) => ({
    ...c,
    weights: c.docs.map(weigh),
    countries: c.entityIds.filter((e) => countries.has(e)),
  }));
  const positions = data.positions.map((p) => ({ ...p, weights: p.docs.map(weigh) }));

  function scores(sentence: string, spans: readonly EntitySpan[]): ClaimHit[] {
    const entities = new Set<string>();
    for (const { id } of spans) {
      entities.add(id);
      for (const t of data.standsFor[id] ?? []) entities.add(t);
    }
    if (entities.size === 0) return [];
    const positionsOf = stemPositions(sentence, spans, data.standsFor);
    const stems = new Set(positionsOf.keys());
    let sentenceWeight = 0;
    for (const s of stems) sentenceWeight += idf(s);
    if (sentenceWeight === 0) return [];
    const hits: ClaimHit[] = [];
    const named = [...entities].filter((e) => countries.has(e));
    for (const c of claims) {
      if (!c.entityIds.some((e) => entities.has(e))) continue;
      if (named.some((e) => !c.countries.includes(e)) && c.countries.some((e) => !entities.has(e))) continue;
      let best = 0;
      for (let d = 0; d < c.docs.length; d++) {
        let shared = 0;
        for (const s of c.docs[d]!) if (stems.has(s)) shared += idf(s);
        if (shared === 0) continue;
        const ofClaim = shared / c.weights[d]!;
        const ofSentence = shared / sentenceWeight;
        const f = ((1 + beta2) * ofClaim * ofSentence) / (beta2 * ofSentence + ofClaim);
        if (f > best) best = f;
      }
      if (best > 0) hits.push({ kind: 'claim', claimId: c.id, positionIds: c.positionIds, score: best });
    }
    for (const p of positions) {
      if (!p.entityIds.some((e) => entities.has(e))) continue;
      // A cue is a phrase: all of it, in its order, close together.
      const best = p.docs.some((doc) => hasPhrase(positionsOf, doc)) ? 1 : 0;
      if (best > 0) hits.push({ kind: 'position', positionId: p.id, topicId: p.topicId, score: best });
    }
    return hits.sort((a, b) => b.score - a.score);
  }

  return {
    scores,
    match(sentence, entities) {
      const all = scores(sentence, entities);
      const claim = all.find((h) => h.kind === 'claim');
      if (claim && claim.score >= threshold) return claim;
      const cue = all.find((h) => h.kind === 'position');
      return cue && cue.score >= CUE_THRESHOLD - 1e-9 ? cue : null;
    },
  };
}
