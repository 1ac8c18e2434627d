/**
 * Claim matching benchmark (issue 16): `npm run bench:claims`.
 *
 * Quality: precision and recall of lib/claims on the labelled set of
 * test/fixtures/claims/ (see ./claims-eval.ts), per language, at the
 * thresholds the extension ships with. Prints a table, writes
 * .output/bench/claims.json. Numbers only: the unit test
 * test/unit/claims/claims.test.ts holds the targets.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { CLAIM_THRESHOLD, CUE_THRESHOLD } from '../../lib/claims/match';
import { evaluate } from './claims-eval';

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

const groups = evaluate();
console.log(
  `Claim matching at the shipped thresholds: claim score ≥ ${CLAIM_THRESHOLD}, position cue ≥ ${CUE_THRESHOLD}\n`,
);
console.log(
  '| sentences | n | claim / position / neither | marked | precision | recall (claims) | recall (positions) |',
);
console.log('|---|---|---|---|---|---|---|');
for (const g of groups) {
  const neither = g.sentences - g.claimSentences - g.positionSentences;
  console.log(
    `| ${g.group} | ${g.sentences} | ${g.claimSentences} / ${g.positionSentences} / ${neither} | ${g.marked} | ${pct(g.precision)} | ${pct(g.claimRecall)} | ${g.positionSentences ? pct(g.positionRecall) : '–'} |`,
  );
}
for (const g of groups) {
  for (const m of g.mistakes) {
    const got = m.hit ? (m.hit.kind === 'claim' ? m.hit.claimId : m.hit.positionId) : 'nothing';
    console.log(`  ${g.group}: ${JSON.stringify(m.label)} → ${got}: ${m.text.slice(0, 100)}`);
  }
}
mkdirSync('.output/bench', { recursive: true });
writeFileSync(
  '.output/bench/claims.json',
  JSON.stringify({ threshold: CLAIM_THRESHOLD, groups: groups.map(({ mistakes: _, ...g }) => g) }, null, 2),
);
