/**
 * Search benchmark (issue 6): `npx vite-node test/bench/search.bench.ts [factor]`.
 *
 * Against a generated corpus `factor` (default 100) times the bundled one, it
 * measures our searcher (lib/search) and a peer — fuse.js with its default
 * options over the same records, no prebuilt index, the plain way to add
 * search to a popup — and prints a table; JSON goes to .output/bench/search.json.
 *
 *   build          ours: buildSearchIndex (once per corpus version, cached)
 *                  peer: nothing to build ahead — see open
 *   open → first   ours: JSON.parse of the cached index + createSearcher + first query
 *                  peer: new Fuse(docs, { keys }) + first query
 *   keystroke      queries typed a character at a time, each prefix searched;
 *                  per keystroke the median over runs, then p50/p95 over keystrokes
 *
 *   languages      search quality across languages, on the bundled corpus: for
 *                  each row of test/fixtures/cross-language-queries.ts, one
 *                  entity named in English, Russian and Korean — how many of
 *                  the claims, people and events linked to it each query finds,
 *                  and whether the three find the same records
 *
 * Every figure is the median of RUNS runs. Each run of the typing test starts
 * from a freshly opened searcher, so no keystroke profits from an earlier run.
 * Numbers only: nothing here asserts a time. This file imports fuse.js
 * directly, as the peer; the product reaches it only through lib/search.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import Fuse from 'fuse.js';
import { CorpusRecords } from '../../lib/corpus/schema';
import { buildSearchIndex, createSearcher } from '../../lib/search';
import { CROSS_LANGUAGE_QUERIES, LINKED_KINDS, linkedRecords } from '../fixtures/cross-language-queries';
import { curatedRecords } from '../fixtures/curated-corpus';
import { generateCorpus } from './generate-corpus';
import { median, percentile } from './stats';

const RUNS = 7;
const FACTOR = Number(process.argv[2] ?? 100);
/** What a reader types; every prefix is one keystroke. */
const TYPED = [
  'Pyongyang',
  'Nasobn',
  'Tilerson',
  'Лавров',
  '김정은',
  '"de facto alliance"',
  'Putin Kim summit',
  'sanctions',
];
const FIRST_QUERIES = ['P', 'Pyongyang'];
const PEER_KEYS = ['label', 'aliases.text', 'name', 'role', 'text', 'quote', 'title', 'outlet', 'author'];

const gc = (globalThis as { gc?: () => void }).gc;

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function medianOf(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    gc?.();
    times.push(time(fn));
  }
  return median(times);
}

function keystrokes(): string[] {
  const out: string[] = [];
  for (const q of TYPED) for (let i = 1; i <= q.length; i++) out.push(q.slice(0, i));
  return out;
}

/** Per keystroke, the median over runs of a fresh session typing every query. */
function typing(open: () => (q: string) => unknown): number[] {
  const keys = keystrokes();
  const samples: number[][] = keys.map(() => []);
  for (let r = 0; r < RUNS; r++) {
    const search = open();
    gc?.();
    keys.forEach((q, i) => samples[i]!.push(time(() => search(q))));
  }
  return samples.map(median);
}

/**
 * Per row of the cross-language table: how many of the records linked to the
 * entity each language's query finds, and whether Russian and Korean find
 * exactly what each other finds and English at least that.
 */
function acrossLanguages(base: CorpusRecords) {
  const searcher = createSearcher(base);
  const langs = ['en', 'ru', 'ko'] as const;
  return CROSS_LANGUAGE_QUERIES.map((row) => {
    const linked = linkedRecords(base, row.entityId);
    const wanted = LINKED_KINDS.flatMap((k) => linked[k].map((id) => `${k}:${id}`));
    const found = langs.map((lang) => {
      const results = searcher.search(row[lang], {}, 100_000);
      return new Set(
        results.groups
          .filter((g) => (LINKED_KINDS as readonly string[]).includes(g.kind))
          .flatMap((g) => g.hits.map((h) => `${g.kind}:${h.id}`)),
      );
    });
    const [en, ru, ko] = found as [Set<string>, Set<string>, Set<string>];
    return {
      entityId: row.entityId,
      queries: langs.map((lang) => row[lang]),
      linked: wanted.length,
      linkedFound: found.map((set) => wanted.filter((w) => set.has(w)).length),
      found: found.map((set) => set.size),
      sameRuKo: ru.size === ko.size && [...ru].every((r) => ko.has(r)),
      enCoversRu: [...ru].every((r) => en.has(r)),
    };
  });
}

function main(): void {
  const base = curatedRecords();
  const records = generateCorpus(base, FACTOR);
  const peerDocs = [...records.entities, ...records.people, ...records.claims, ...records.sources];
  const count = (r: CorpusRecords) =>
    `${r.entities.length} entities, ${r.people.length} people, ${r.claims.length} claims, ${r.sources.length} sources`;

  console.log(`corpus ×${FACTOR}: ${count(records)} (bundled: ${count(base)})`);

  // build
  const buildMs = medianOf(RUNS, () => buildSearchIndex(records));
  const index = buildSearchIndex(records);
  const cachedJson = JSON.stringify(index);
  const serialiseMs = medianOf(RUNS, () => JSON.stringify(index));

  // open → first results
  const open: Record<string, { ours: number; peer: number }> = {};
  for (const q of FIRST_QUERIES) {
    open[q] = {
      ours: medianOf(RUNS, () => createSearcher(records, JSON.parse(cachedJson)).search(q)),
      peer: medianOf(RUNS, () => new Fuse(peerDocs, { keys: PEER_KEYS }).search(q)),
    };
  }
  const oursLoadOnly = medianOf(RUNS, () => createSearcher(records, JSON.parse(cachedJson)));
  const peerConstructOnly = medianOf(RUNS, () => new Fuse(peerDocs, { keys: PEER_KEYS }));
  const s = createSearcher(records, JSON.parse(cachedJson));
  if (s.indexSource !== 'cache') throw new Error('the cached index was not used');

  // keystrokes
  const ours = typing(() => {
    const searcher = createSearcher(records, JSON.parse(cachedJson));
    return (q) => searcher.search(q);
  });
  const peerFuse = new Fuse(peerDocs, { keys: PEER_KEYS });
  const peer = typing(() => {
    peerFuse.setCollection(peerDocs, peerFuse.getIndex()); // clears its last-query cache, keeps its index
    return (q) => peerFuse.search(q);
  });

  const keys = keystrokes();
  const slowest = (xs: number[]) => {
    const i = xs.indexOf(Math.max(...xs));
    return { query: keys[i]!, ms: xs[i]! };
  };
  const round = (x: number) => Math.round(x * 100) / 100;
  /** ratios span orders of magnitude: two significant digits */
  const ratio = (a: number, b: number) => Number((a / b).toPrecision(2));
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    /** the machine's load while measuring: these are wall-clock times */
    loadAverage: loadavg().map(round),
    runs: RUNS,
    factor: FACTOR,
    corpus: {
      entities: records.entities.length,
      people: records.people.length,
      claims: records.claims.length,
      sources: records.sources.length,
    },
    index: { bytes: cachedJson.length, buildMs: round(buildMs), jsonStringifyMs: round(serialiseMs) },
    open: {
      oursParseAndLoadMs: round(oursLoadOnly),
      peerConstructMs: round(peerConstructOnly),
      firstResults: Object.fromEntries(
        Object.entries(open).map(([q, v]) => [
          q,
          { oursMs: round(v.ours), peerMs: round(v.peer), ratio: ratio(v.ours, v.peer) },
        ]),
      ),
    },
    keystroke: {
      count: keys.length,
      ours: { p50: round(percentile(ours, 50)), p95: round(percentile(ours, 95)), max: slowest(ours) },
      peer: { p50: round(percentile(peer, 50)), p95: round(percentile(peer, 95)), max: slowest(peer) },
      ratioP50: ratio(percentile(ours, 50), percentile(peer, 50)),
      ratioP95: ratio(percentile(ours, 95), percentile(peer, 95)),
      perKeystroke: keys.map((q, i) => ({ q, oursMs: round(ours[i]!), peerMs: round(peer[i]!) })),
    },
  };

  const rows: [string, string, string, string][] = [
    ['', 'ours', 'peer (fuse defaults)', 'ours/peer'],
    ['index build (once per corpus version)', `${round(buildMs)} ms`, '—', ''],
    [
      'open: parse cached index / construct',
      `${round(oursLoadOnly)} ms`,
      `${round(peerConstructOnly)} ms`,
      `${ratio(oursLoadOnly, peerConstructOnly)}`,
    ],
    ...FIRST_QUERIES.map((q): [string, string, string, string] => [
      `open → first results ("${q}")`,
      `${round(open[q]!.ours)} ms`,
      `${round(open[q]!.peer)} ms`,
      `${ratio(open[q]!.ours, open[q]!.peer)}`,
    ]),
    [
      'keystroke p50',
      `${result.keystroke.ours.p50} ms`,
      `${result.keystroke.peer.p50} ms`,
      `${result.keystroke.ratioP50}`,
    ],
    [
      'keystroke p95 (target ≤ 16 ms)',
      `${result.keystroke.ours.p95} ms`,
      `${result.keystroke.peer.p95} ms`,
      `${result.keystroke.ratioP95}`,
    ],
    [
      'slowest keystroke',
      `${round(result.keystroke.ours.max.ms)} ms (${result.keystroke.ours.max.query})`,
      `${round(result.keystroke.peer.max.ms)} ms (${result.keystroke.peer.max.query})`,
      '',
    ],
  ];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
  console.log(
    `cached index: ${(cachedJson.length / 1e6).toFixed(2)} MB of JSON; ${keys.length} keystrokes; median of ${RUNS} runs; ` +
      `load average ${result.loadAverage.join(' ')}${gc ? '' : ' (NODE_OPTIONS=--expose-gc gives steadier numbers)'}`,
  );

  const languages = acrossLanguages(base);
  console.log('\nacross languages (bundled corpus): linked claims, people and events found, en / ru / ko');
  for (const r of languages) {
    console.log(
      `  ${r.queries.join(' · ').padEnd(44)} linked ${r.linkedFound.join(' / ')} of ${r.linked}; found ${r.found.join(' / ')}; ` +
        `ru = ko: ${r.sameRuKo ? 'yes' : 'NO'}; en ⊇ ru: ${r.enCoversRu ? 'yes' : 'NO'}`,
    );
  }
  const recall =
    languages.reduce((n, r) => n + Math.min(...r.linkedFound), 0) / languages.reduce((n, r) => n + r.linked, 0);
  console.log(`  linked records found in every language: ${(recall * 100).toFixed(1)}%`);

  mkdirSync('.output/bench', { recursive: true });
  writeFileSync(
    '.output/bench/search.json',
    JSON.stringify({ ...result, languages, linkedRecall: recall }, null, 2) + '\n',
  );
  console.log('wrote .output/bench/search.json');
}

// A plain script (see the header). Should a `vitest bench` run pick it up by its
// name, it stays inert rather than running minutes of measurement on import.
if (!process.env.VITEST) main();
