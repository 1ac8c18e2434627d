/**
 * Claim matching benchmark (issue 16): `npm run bench:claims [runs]`.
 *
 * Quality: precision and recall of lib/claims on the labelled set of
 * test/fixtures/claims/ (see ./claims-eval.ts), per language, at the
 * thresholds the extension ships with.
 *
 * Cost: every page of ../shared/pages/ (and nk/) loaded RUNS times in real
 * Chromium with the built extension (.output/chrome-mv3); the main-thread
 * time claims take there is the sum of the `rdl:claims` measures the page
 * records (every slice of work on the page: gathering the scan's marked
 * blocks into an ask, drawing hits; splitting sentences and matching run in
 * the background and are not the page's time), taken once no new measure has
 * come for 1.5 s after the full scan. The claim script's own loading
 * (lens-claims.js, 8.5 KB, only on a page with a hit) is not in it, nor is the
 * scan's cutting of the blocks. Median per page, and the longest slice.
 *
 * Prints tables, writes .output/bench/claims.json. Numbers only: the unit
 * test test/unit/claims/claims.test.ts holds the quality targets.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLAIM_THRESHOLD, CUE_THRESHOLD } from '../../lib/claims/match';
import { launchChromium } from '../e2e/harness/chromium';
import { writeMeasures } from '../e2e/harness/measures';
import { SHARED_PAGES, startPageServer } from '../e2e/harness/server';
import { evaluate } from './claims-eval';
import { median } from './stats';

const RUNS = Number(process.argv[2] ?? 3);

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

/** In the page: the claim measures so far, once the full scan is done. */
function claimMeasures(): { count: number; total: number; longest: number; marked: number; last: number } | null {
  if (!performance.getEntriesByName('rdl:scan').length) return null;
  const all = performance.getEntriesByName('rdl:claims') as PerformanceMeasure[];
  return {
    count: all.length,
    total: all.reduce((t, m) => t + m.duration, 0),
    longest: all.reduce((t, m) => Math.max(t, m.duration), 0),
    marked: all.reduce((t, m) => t + ((m.detail as { marked?: number } | null)?.marked ?? 0), 0),
    last: all.length ? all[all.length - 1]!.startTime + all[all.length - 1]!.duration : 0,
  };
}

interface PageCost {
  page: string;
  total: number;
  longest: number;
  marked: number;
}

async function pageCosts(): Promise<PageCost[]> {
  const list = (dir: string, prefix: string) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => ({ name: prefix + f, path: `/shared/${prefix}${f}` }));
  const only = process.env.RDL_BENCH_PAGES ? new RegExp(process.env.RDL_BENCH_PAGES) : null;
  const pages = [...list(SHARED_PAGES, ''), ...list(join(SHARED_PAGES, 'nk'), 'nk/')].filter(
    (p) => !only || only.test(p.name),
  );
  const server = await startPageServer();
  const lens = await launchChromium({
    extensionDir: resolve('.output/chrome-mv3'),
    profileDir: mkdtempSync(join(tmpdir(), 'rdl-bench-claims-')),
  });
  // rdl:claims measures are written only with the developer setting on.
  await writeMeasures(lens);
  const rows: PageCost[] = [];
  try {
    for (const page of pages) {
      const runs: { total: number; longest: number; marked: number }[] = [];
      for (let i = 0; i < RUNS; i++) {
        const tab = await lens.openPage(server.url(page.path));
        try {
          let seen = await tab.waitFor(claimMeasures, [], 60_000);
          // Settled: no new slice for 1.5 s (slices wait for idle time and for the background).
          for (let quiet = 0; quiet < 1500;) {
            await new Promise((done) => setTimeout(done, 250));
            const now = await tab.evaluate(claimMeasures);
            if (now && now.count !== seen.count) {
              seen = now;
              quiet = 0;
            } else quiet += 250;
          }
          runs.push(seen);
        } catch {
          // a page that wiped its own document, or never finished its scan here: not measured
        } finally {
          await tab.close();
        }
      }
      if (runs.length === 0) {
        console.log(`${page.name.slice(0, 50).padEnd(50)} not measured (no scan)`);
        continue;
      }
      const row = {
        page: page.name,
        total: median(runs.map((r) => r.total)),
        longest: median(runs.map((r) => r.longest)),
        marked: median(runs.map((r) => r.marked)),
      };
      rows.push(row);
      console.log(
        `${row.page.slice(0, 50).padEnd(50)} ${row.total.toFixed(1).padStart(6)} ms  longest slice ${row.longest.toFixed(1).padStart(5)} ms  ${row.marked} sentence(s) marked`,
      );
    }
  } finally {
    await lens.close();
    await server.close();
  }
  return rows;
}

console.log(`\nMain-thread time of claims per page (Chromium, median of ${RUNS} loads):`);
const costs = await pageCosts();
const worst = costs.reduce((w, r) => (r.total > w.total ? r : w), costs[0]!);
console.log(
  `\n${costs.length} pages; the most: ${worst.total.toFixed(1)} ms (${worst.page}); over 20 ms: ${costs.filter((r) => r.total > 20).length}`,
);

mkdirSync('.output/bench', { recursive: true });
writeFileSync(
  '.output/bench/claims.json',
  JSON.stringify({ threshold: CLAIM_THRESHOLD, groups: groups.map(({ mistakes: _, ...g }) => g), costs }, null, 2),
);
