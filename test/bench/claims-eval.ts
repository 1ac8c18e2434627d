/**
 * Claim matching against the labelled set of test/fixtures/claims/: shared by
 * `npm run bench:claims` (which prints it) and the unit test that holds the
 * targets (precision ≥ 90 %, recall ≥ 70 % on claim sentences).
 *
 * Each sentence goes the way a page's sentence goes: the entity matcher finds
 * its entities, then the claim matcher (at its shipped thresholds) decides.
 *
 *   written.json  sentences written for the set, in English, Russian and
 *                 Korean: some state a claim, some take a topic position,
 *                 most do neither (same entities, another proposition)
 *   sources.json  every sentence of six words or more of data/sources/, by
 *                 offset: labelled with the claims whose quote it holds (the
 *                 corpus's own spans), or none
 *
 * A mark is right when it names a labelled claim, or a position that the
 * label's position or claims take. Recall counts claim sentences whose claim
 * was found, and position sentences whose position was found (by a cue or a
 * claim that takes it).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Claim, Entity, Topic } from '../../lib/corpus/schema';
import { buildClaimIndex } from '../../lib/claims/build';
import { createClaimMatcher, type ClaimHit, type MatcherOptions } from '../../lib/claims/match';
import { compileMatcher } from '../../lib/text/matcher';

export type Label =
  { kind: 'claim'; claimIds: string[] } | { kind: 'position'; positionIds: string[] } | { kind: 'none' };

export interface LabelledSentence {
  lang: 'en' | 'ru' | 'ko';
  /** a sentence written for the set … */
  text?: string;
  /** … or one of data/sources/, by UTF-16 offsets */
  source?: string;
  start?: number;
  end?: number;
  label: Label;
}

export interface GroupScore {
  group: string;
  sentences: number;
  claimSentences: number;
  positionSentences: number;
  marked: number;
  correct: number;
  claimFound: number;
  positionFound: number;
  precision: number;
  claimRecall: number;
  positionRecall: number;
  mistakes: { text: string; label: Label; hit: ClaimHit | null }[];
}

const root = resolve(__dirname, '../..');
const readJson = <T>(path: string): T => JSON.parse(readFileSync(resolve(root, path), 'utf8')) as T;

export function loadCorpus() {
  return {
    claims: readJson<Claim[]>('data/corpus/claims.json').map((c) => ({ ...c, stances: c.stances ?? [] })),
    topics: readJson<Topic[]>('data/corpus/topics.json'),
    entities: readJson<Entity[]>('data/corpus/entities.json'),
  };
}

export function loadLabelled(): { group: string; sentence: LabelledSentence; text: string }[] {
  const written = readJson<LabelledSentence[]>('test/fixtures/claims/written.json');
  const fromSources = readJson<LabelledSentence[]>('test/fixtures/claims/sources.json');
  const texts = new Map<string, string>();
  return [
    ...written.map((s) => ({ group: s.lang, sentence: s, text: s.text! })),
    ...fromSources.map((s) => {
      if (!texts.has(s.source!)) texts.set(s.source!, readFileSync(resolve(root, 'data/sources', s.source!), 'utf8'));
      return { group: `${s.lang} (sources)`, sentence: s, text: texts.get(s.source!)!.slice(s.start, s.end) };
    }),
  ];
}

export function evaluate(options: MatcherOptions = {}): GroupScore[] {
  const corpus = loadCorpus();
  const matcher = createClaimMatcher(buildClaimIndex(corpus), options);
  const entities = compileMatcher(corpus.entities.flatMap((e) => e.aliases.map((a) => ({ ...a, id: e.id }))));
  const positionsOf = new Map(corpus.claims.map((c) => [c.id, c.stances.flatMap((s) => s.positionId ?? [])]));
  const groups = new Map<string, GroupScore>();
  for (const { group, sentence, text } of loadLabelled()) {
    const g =
      groups.get(group) ??
      groups
        .set(group, {
          group,
          sentences: 0,
          claimSentences: 0,
          positionSentences: 0,
          marked: 0,
          correct: 0,
          claimFound: 0,
          positionFound: 0,
          precision: 0,
          claimRecall: 0,
          positionRecall: 0,
          mistakes: [],
        })
        .get(group)!;
    const hit = matcher.match(text, entities.scan(text));
    const label = sentence.label;
    const labelPositions =
      label.kind === 'position'
        ? label.positionIds
        : label.kind === 'claim'
          ? label.claimIds.flatMap((id) => positionsOf.get(id) ?? [])
          : [];
    const hitPositions = hit === null ? [] : hit.kind === 'claim' ? hit.positionIds : [hit.positionId];
    const claimRight = hit?.kind === 'claim' && label.kind === 'claim' && label.claimIds.includes(hit.claimId);
    const positionRight = hitPositions.some((p) => labelPositions.includes(p));
    g.sentences++;
    if (label.kind === 'claim') g.claimSentences++;
    if (label.kind === 'position') g.positionSentences++;
    if (hit) g.marked++;
    if (hit && (claimRight || positionRight)) g.correct++;
    if (claimRight) g.claimFound++;
    if (label.kind === 'position' && positionRight) g.positionFound++;
    const missed = label.kind !== 'none' && !(label.kind === 'claim' ? claimRight : positionRight);
    if ((hit && !(claimRight || positionRight)) || missed) g.mistakes.push({ text, label, hit });
  }
  for (const g of groups.values()) {
    g.precision = g.marked === 0 ? 1 : g.correct / g.marked;
    g.claimRecall = g.claimSentences === 0 ? 1 : g.claimFound / g.claimSentences;
    g.positionRecall = g.positionSentences === 0 ? 1 : g.positionFound / g.positionSentences;
  }
  return [...groups.values()];
}
