/**
 * The popup's record view on the curated corpus: a statement made together,
 * a claim on several topics, a translated quote. Expected values were read
 * from data/corpus by hand.
 */
import { expect, test } from 'vitest';
import { createReadModel } from '../../../lib/corpus/read-model';
import { createDetails, type ClaimDetail, type PersonDetail } from '../../../lib/corpus/detail-model';
import { curatedRecords } from '../../fixtures/curated-corpus';

const details = createDetails(createReadModel(curatedRecords(), 'bundled:test'));
const claim = (id: string) => details.detail('claim', id) as ClaimDetail;
const person = (id: string) => details.detail('person', id) as PersonDetail;

test('a statement two experts made together names both, and is among the claims of each', () => {
  const joint = claim('c-000-23');
  expect(joint.claim.speakers).toEqual([
    { id: 'p-andrei-devyatov', name: 'Andrei Devyatov' },
    { id: 'p-oleg-nasobin', name: 'Oleg Nasobin' },
  ]);
  expect(joint.claim.speakerName).toBe('Andrei Devyatov and Oleg Nasobin');
  expect(joint.speakerRole).toBe('Russian expert');
  for (const id of ['p-andrei-devyatov', 'p-oleg-nasobin'])
    expect(
      person(id).claims.filter((c) => c.id === 'c-000-23'),
      id,
    ).toHaveLength(1);
});

test('a claim on two topics shows both, each with the position it takes', () => {
  const bromance = claim('c-004-03');
  expect(
    bromance.topics.map((t) => [t.question, t.positions.filter((p) => p.isThisClaims).map((p) => p.label)]),
  ).toEqual([
    ['Will the partnership outlast the Ukraine war?', ['Likely to fade after the war']],
    ['How close are Russia and North Korea really?', ['Pragmatic partnership']],
  ]);
});

test.each([
  ['c-004-03', 'back-translated via Korean'],
  ['c-004-14', 'from Russian via Korean'],
  ['c-004-21', 'translated from Korean'],
  ['c-002-08', undefined],
])('%s says how its quote was translated: %s', (id, label) => {
  expect(claim(id).claim.translation).toBe(label);
});

test("the project's note on a claim comes with it", () => {
  expect(claim('c-003-10').claim.projectNote).toMatch(/Matsegora/);
  expect(claim('c-003-14').claim).not.toHaveProperty('projectNote');
});
