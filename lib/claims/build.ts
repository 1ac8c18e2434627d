/**
 * The claim index: what claim matching (./match.ts) needs of the corpus, small
 * enough to send to every page. Built in the background from the bundled
 * corpus and the reader's packs alike; the content script only scores.
 *
 * Each claim contributes the stems of a few texts ("docs"): its paraphrase
 * without the attribution ("Fang Liang says that …" → the proposition), its
 * verbatim quote, and the project's translations. Each topic position
 * contributes its cue phrases, one doc each.
 */
import type { Claim, Entity, Topic } from '../corpus/schema';
import { compileMatcher } from '../text/matcher';
import { stemsOf } from './tokens';

export interface IndexedClaim {
  id: string;
  entityIds: string[];
  /** position ids the claim takes */
  positionIds: string[];
  docs: string[][];
}

export interface IndexedPosition {
  id: string;
  topicId: string;
  /** the entities of the claims on the topic: a sentence must name one of them */
  entityIds: string[];
  /** one doc per cue phrase */
  docs: string[][];
}

export interface ClaimIndexData {
  claims: IndexedClaim[];
  positions: IndexedPosition[];
  /** entity id → the entity ids it stands for in news ("Pyongyang" for North Korea) */
  standsFor: Record<string, string[]>;
  /**
   * The ids of country entities: a sentence that names a country a claim does
   * not, and leaves out one it does, is about another pair ("trade between
   * Russia and China"), whatever its words share with the claim.
   */
  countryIds: string[];
}

type ClaimLike = Pick<Claim, 'id' | 'text' | 'quote' | 'entityIds' | 'stances' | 'projectTranslations'>;

/**
 * A paraphrase's lead-in: who says it, up to the reporting verb. The verb list
 * is the corpus's own (every paraphrase is written "X says …").
 */
const ATTRIBUTION =
  /^[^.]{0,120}?\b(?:says|say|said|argues|argue|contends|notes|note|concludes|conclude|reports|report|writes|cites|predicts|predicted|reads|sees|describes|repeats|urges|stress|stresses|agree|agrees|claim|claims|warned|expects|expect|likens|calls|call|attributes)\b(?:,[^,]{0,60},)?(?: that)?\s+/;

/** "X, as Y reports them, says …": the aside names a verb too, so it goes first. */
const ASIDE = /^([^,.]{0,80}), as [^,]{1,80}, /;

export function propositionOf(paraphrase: string): string {
  const text = paraphrase.replace(ASIDE, '$1 ');
  const m = ATTRIBUTION.exec(text);
  return m ? text.slice(m[0].length) : paraphrase;
}

/**
 * Capitals and seats of power stand for their country in news ("Pyongyang
 * and Moscow are now allies"). Keyed by entity id; ids that the corpus does
 * not have are ignored.
 */
const STANDS_FOR: Record<string, string[]> = {
  'e-pyongyang': ['e-north-korea'],
  'e-moscow': ['e-russia'],
  'e-kremlin': ['e-russia'],
  'e-beijing': ['e-china'],
  'e-kim-jong-un': ['e-north-korea'],
  'e-vladimir-putin': ['e-russia'],
};

export function buildClaimIndex(records: {
  claims: readonly ClaimLike[];
  topics: readonly Topic[];
  entities: readonly Pick<Entity, 'id' | 'aliases' | 'kind'>[];
}): ClaimIndexData {
  const known = new Set(records.entities.map((e) => e.id));
  const standsFor: Record<string, string[]> = {};
  for (const [from, to] of Object.entries(STANDS_FOR)) {
    if (known.has(from) && to.every((t) => known.has(t))) standsFor[from] = to;
  }
  // The docs' entity mentions become entity tokens, as a page's sentences' do.
  const scanner = compileMatcher(records.entities.flatMap((e) => e.aliases.map((a) => ({ ...a, id: e.id }))));
  const stems = (text: string) => stemsOf(text, scanner.scan(text), standsFor);
  const claims: IndexedClaim[] = records.claims.map((c) => {
    const texts = [propositionOf(c.text), c.quote, ...Object.values(c.projectTranslations ?? {})];
    return {
      id: c.id,
      entityIds: [...c.entityIds],
      positionIds: c.stances.flatMap((s) => (s.positionId ? [s.positionId] : [])),
      docs: texts.map(stems).filter((d) => d.length > 0),
    };
  });
  const topicEntities = new Map<string, Set<string>>();
  for (const c of records.claims) {
    for (const s of c.stances) {
      const set = topicEntities.get(s.topicId) ?? new Set<string>();
      for (const e of c.entityIds) set.add(e);
      topicEntities.set(s.topicId, set);
    }
  }
  const positions: IndexedPosition[] = [];
  for (const t of records.topics) {
    for (const p of t.positions) {
      const cues = [...(p.cues?.en ?? []), ...(p.cues?.ru ?? []), ...(p.cues?.ko ?? [])];
      const docs = cues.map(stems).filter((d) => d.length > 0);
      if (docs.length > 0)
        positions.push({ id: p.id, topicId: t.id, entityIds: [...(topicEntities.get(t.id) ?? [])], docs });
    }
  }
  const countryIds = records.entities.filter((e) => e.kind === 'country').map((e) => e.id);
  return { claims, positions, standsFor, countryIds };
}
