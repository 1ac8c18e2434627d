import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Claim, Person, Source, Topic } from '../../../lib/corpus/schema';
import { buildClaimCard } from '../../../lib/corpus/claim-card-model';

const read = <T>(name: string) => JSON.parse(readFileSync(`data/corpus/${name}.json`, 'utf8')) as T;
const claims = read<Claim[]>('claims').map((c) => ({ ...c, stances: c.stances ?? [], figures: c.figures ?? [] }));
const data = {
  claims,
  people: read<Person[]>('people'),
  sources: read<Source[]>('sources'),
  topics: read<Topic[]>('topics'),
};
const closeness = data.topics.find((t) => t.id === 't-closeness')!;

describe('buildClaimCard', () => {
  it('a claim: its paraphrase and speaker, and its topic with every position the corpus takes', () => {
    const claim = claims.find((c) => c.id === 'c-002-04')!;
    const card = buildClaimCard({ kind: 'claim', claimId: claim.id }, data)!;
    expect(card.claim?.text).toBe(claim.text);
    expect(card.claim?.speaker.name).toBe(data.people.find((p) => p.id === claim.speakerIds[0])!.name);
    const positionId = claim.stances[0]!.positionId!;
    expect(card.topics.map((t) => t.topicId)).toEqual([claim.stances[0]!.topicId]);
    expect(card.topics[0]!.likelyPositionId).toBe(positionId);
    const taken = new Set(
      claims.flatMap((c) => c.stances.filter((s) => s.topicId === claim.stances[0]!.topicId).map((s) => s.positionId)),
    );
    expect(new Set(card.topics[0]!.positions.map((p) => p.id))).toEqual(new Set([...taken].filter(Boolean)));
  });

  it('a position: no claim, the scale with the likely step, and who stands on each (with dates)', () => {
    const card = buildClaimCard({ kind: 'position', positionId: 't-closeness-de-facto-alliance' }, data)!;
    expect(card.claim).toBeNull();
    const [topic] = card.topics;
    expect(topic!.scale.map((p) => p.id)).toEqual(closeness.positions.map((p) => p.id));
    expect(topic!.likelyLabel).toBe(closeness.positions.find((p) => p.id === 't-closeness-de-facto-alliance')!.label);
    const myth = topic!.positions.find((p) => p.id === 't-closeness-myth')!;
    expect(myth.claims.length).toBeGreaterThan(0);
    for (const stance of myth.claims) expect(stance.date.value).toMatch(/^\d{4}/);
  });

  it('null for a claim or position the corpus no longer has (a pack removed meanwhile)', () => {
    expect(buildClaimCard({ kind: 'claim', claimId: 'c-gone' }, data)).toBeNull();
    expect(buildClaimCard({ kind: 'position', positionId: 't-gone' }, data)).toBeNull();
  });
});
