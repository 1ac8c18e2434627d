/**
 * Annotation benchmark (issue 4): `npx vite-node test/bench/annotate.bench.ts [runs]`.
 *
 * In real Chromium, per page (the real news pages of ../shared/pages/ and two
 * generated ones: 5 MB of text, and 200,000 text nodes), the median of RUNS
 * fresh page loads of:
 *   (a) lens      the extension's own full scan: the `rdl:scan` measure it
 *                 records (DOM walk, matching, ranges, highlight registration)
 *   (b) floor     a bare TreeWalker pass reading every text node's data
 *   (b′) isolated the same pass in an isolated world of the page, where a
 *                 content script runs: its own wrappers for every node it
 *                 touches, cold code. Not a target; it shows how much of the
 *                 gap between (a) and (b) is the cost of running where a
 *                 content script must run.
 *   (c) mark.js   mark.js 8.11.1 given the same aliases as an array of keywords
 *   (d) markRegExp mark.js with one combined regular expression (its strongest form)
 * and, on the largest page, the incremental scan after one paragraph is
 * appended. (b)–(d) run in a browser without the extension. The runs of
 * (a), (b), (c) and (d) take turns, so that a machine busy with other work
 * slows them alike. Prints a table, writes .output/bench/annotate.json.
 * Numbers only: nothing here asserts.
 *
 * mark.js with keywords (c) takes minutes per run on the generated pages, so
 * there it runs once, and is stopped after RDL_BENCH_MARKJS_CAP_S seconds
 * (default 60): the table then shows the cap as a lower bound (">").
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Entity } from '../../lib/corpus/schema';
import { launchChromium, launchPlainChromium } from '../e2e/harness/chromium';
import { writeMeasures } from '../e2e/harness/measures';
import type { LensBrowser, LensPage } from '../e2e/harness/types';
import { startPageServer, GENERATED_PAGES, SHARED_PAGES } from '../e2e/harness/server';
import { median } from './stats';
import { floorScan } from './floor';
import { generatePages } from './generate-pages';

const RUNS = Number(process.argv[2] ?? 5);
/** how long one run of (c) may take on a generated page before it is stopped, in ms */
const MARKJS_CAP_MS = Number(process.env.RDL_BENCH_MARKJS_CAP_S ?? 60) * 1000;
const MARK_JS = readFileSync(resolve('node_modules/mark.js/dist/mark.min.js'), 'utf8');
const aliases = (JSON.parse(readFileSync('data/corpus/entities.json', 'utf8')) as Entity[]).flatMap((e) =>
  e.aliases.map((a) => a.text),
);

/** Runs in the page: mark.js over the aliases (c), or one combined expression (d). */
function markJsScan(source: string, keywords: string[], combined: boolean): number {
  // With the page's own module loaders hidden, so that mark.js's UMD wrapper sets window.Mark.
  (0, eval)(`(function (define, module, exports) {\n${source}\n}).call(window)`);
  const MarkCtor = (
    window as unknown as {
      Mark: new (el: Element) => {
        mark(k: string[], o: object): void;
        markRegExp(r: RegExp, o: object): void;
      };
    }
  ).Mark;
  const instance = new MarkCtor(document.body);
  const t = performance.now();
  if (combined) {
    const escaped = keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length);
    const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    instance.markRegExp(re, {});
  } else {
    instance.mark(keywords, { separateWordSearch: false, accuracy: 'exactly', diacritics: false });
  }
  return performance.now() - t;
}

/** The extension's full scan; 'emptied' for a page that wiped its own document (The Mirror's does, off its own host). */
function fullScanMeasure(): { duration: number; chars: number; matches: number } | 'emptied' | null {
  const m = performance.getEntriesByName('rdl:scan').find((e) => (e as PerformanceMeasure).detail?.kind === 'full');
  if (m) return { duration: m.duration, ...((m as PerformanceMeasure).detail as { chars: number; matches: number }) };
  return document.readyState === 'complete' && !document.body?.textContent?.trim() ? 'emptied' : null;
}

function appendParagraph(): void {
  const p = document.createElement('p');
  p.textContent = 'Appended: Sergei Lavrov met Kim Jong Un in Wonsan, and Pyongyang thanked Moscow.';
  document.body.append(p);
}

function incrementalMeasure(): number | null {
  const all = performance
    .getEntriesByName('rdl:scan')
    .filter((e) => (e as PerformanceMeasure).detail?.kind === 'incremental');
  return all.length ? all[all.length - 1]!.duration : null;
}

interface Row {
  page: string;
  bytes: number;
  chars: number;
  matches: number;
  lens: number;
  floor: number;
  isolated: number;
  markjs: number;
  /** runs of (c) behind its median: fewer than the others on generated pages */
  markjsRuns: number;
  /** (c) was stopped at the cap: `markjs` is a lower bound */
  markjsCapped: boolean;
  markRegExp: number;
}

/** Runs `fn` in a fresh tab of `browser`; null (and the tab closed) if it takes longer than `capMs`. */
async function timedInTab<T>(
  browser: LensBrowser,
  url: string,
  fn: (tab: LensPage) => Promise<T>,
  capMs = Infinity,
): Promise<T | null> {
  const tab = await browser.openPage(url);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const capped = new Promise<null>((done) => {
    if (Number.isFinite(capMs)) timer = setTimeout(() => done(null), capMs);
  });
  const result = await Promise.race([fn(tab), capped]);
  clearTimeout(timer);
  // Closing the tab also stops a run still going in it.
  await tab.close();
  return result;
}

async function main() {
  generatePages(GENERATED_PAGES);
  const only = process.env.RDL_BENCH_PAGES ? new RegExp(process.env.RDL_BENCH_PAGES) : null;
  const pages = [
    ...readdirSync(SHARED_PAGES)
      .filter((f) => f.endsWith('.html'))
      .map((f) => ({ name: f, path: `/shared/${f}`, file: join(SHARED_PAGES, f) })),
    ...readdirSync(GENERATED_PAGES)
      .filter((f) => f.endsWith('.html'))
      .map((f) => ({ name: f, path: `/generated/${f}`, file: join(GENERATED_PAGES, f) })),
  ].filter((p) => !only || only.test(p.name));
  const server = await startPageServer();
  const profileDir = mkdtempSync(join(tmpdir(), 'rdl-bench-'));
  const lens = await launchChromium({ extensionDir: resolve('.output/chrome-mv3'), profileDir });
  await writeMeasures(lens);
  const plain = await launchPlainChromium();
  const rows: Row[] = [];
  let largest: { path: string; bytes: number } = { path: '', bytes: 0 };

  for (const page of pages) {
    const bytes = statSync(page.file).size;
    const url = server.url(page.path);
    const generated = page.path.startsWith('/generated/');
    const runs = {
      lens: [] as number[],
      floor: [] as number[],
      isolated: [] as number[],
      markjs: [] as number[],
      markRegExp: [] as number[],
    };
    let chars = 0;
    let matches = 0;
    let emptied = false;
    let markjsCapped = false;
    for (let i = 0; i < RUNS && !emptied; i++) {
      const measure = await timedInTab(lens, url, (tab) => tab.waitFor(fullScanMeasure, [], 60_000));
      if (measure === 'emptied' || measure === null) {
        emptied = true;
        break;
      }
      runs.lens.push(measure.duration);
      chars = measure.chars;
      matches = measure.matches;
      runs.floor.push((await timedInTab(plain, url, (tab) => tab.evaluate(floorScan)))!);
      runs.isolated.push((await timedInTab(plain, url, (tab) => tab.evaluateIsolated!(floorScan)))!);
      runs.markRegExp.push((await timedInTab(plain, url, (tab) => tab.evaluate(markJsScan, MARK_JS, aliases, true)))!);
      if (generated && (i > 0 || markjsCapped)) continue;
      const cap = generated ? MARKJS_CAP_MS : Infinity;
      const ms = await timedInTab(plain, url, (tab) => tab.evaluate(markJsScan, MARK_JS, aliases, false), cap);
      if (ms === null) markjsCapped = true;
      runs.markjs.push(ms ?? cap);
    }
    if (emptied) {
      console.log(`${page.name.slice(0, 44).padEnd(44)} (the page wipes its own document here: not measured)`);
      continue;
    }
    const row: Row = {
      page: page.name,
      bytes,
      chars,
      matches,
      lens: median(runs.lens),
      floor: median(runs.floor),
      isolated: median(runs.isolated),
      markjs: median(runs.markjs),
      markjsRuns: runs.markjs.length,
      markjsCapped,
      markRegExp: median(runs.markRegExp),
    };
    rows.push(row);
    if (bytes > largest.bytes) largest = { path: page.path, bytes };
    console.log(formatRow(row));
  }

  // Incremental: one paragraph appended to the largest page, after its full scan.
  const increments: number[] = [];
  const fulls: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const tab = await lens.openPage(server.url(largest.path));
    const full = await tab.waitFor(fullScanMeasure, [], 60_000);
    if (full !== 'emptied') fulls.push(full.duration);
    await tab.evaluate(appendParagraph);
    increments.push(await tab.waitFor(incrementalMeasure, [], 10_000));
    await tab.close();
  }
  await lens.close();
  await plain.close();
  await server.close();

  const contentScript = statSync('.output/chrome-mv3/content-scripts/lens.js').size;
  const summary = {
    runs: RUNS,
    aliases: aliases.length,
    rows,
    incremental: {
      page: largest.path,
      fullMs: median(fulls),
      appendMs: median(increments),
      ratio: median(increments) / median(fulls),
    },
    contentScriptBytes: contentScript,
  };
  mkdirSync('.output/bench', { recursive: true });
  writeFileSync('.output/bench/annotate.json', JSON.stringify(summary, null, 2));
  console.log('');
  console.log(
    `lens/floor: worst ${Math.max(...rows.map((r) => r.lens / r.floor)).toFixed(2)}× · ` +
      `isolated floor/floor: ${Math.min(...rows.map((r) => r.isolated / r.floor)).toFixed(2)}–${Math.max(...rows.map((r) => r.isolated / r.floor)).toFixed(2)}× · ` +
      `lens vs markRegExp: slowest ${Math.max(...rows.map((r) => r.lens / r.markRegExp)).toFixed(2)}× of it · ` +
      `markjs/lens: least ${Math.min(...rows.map((r) => r.markjs / r.lens)).toFixed(1)}×`,
  );
  console.log(
    `append one paragraph to ${largest.path}: ${summary.incremental.appendMs.toFixed(2)} ms vs full scan ${summary.incremental.fullMs.toFixed(2)} ms (${(summary.incremental.ratio * 100).toFixed(1)}%)`,
  );
  console.log(`content script: ${(contentScript / 1024).toFixed(1)} KB minified`);
  console.log('JSON: .output/bench/annotate.json');
}

function formatRow(r: Row): string {
  const ms = (x: number) => x.toFixed(2).padStart(9);
  return [
    r.page.slice(0, 44).padEnd(44),
    `${(r.bytes / 1024).toFixed(0)}KB`.padStart(8),
    String(r.matches).padStart(6),
    ms(r.lens),
    ms(r.floor),
    ms(r.isolated),
    `${r.markjsCapped ? '>' : ''}${r.markjs.toFixed(2)}${r.markjsRuns < RUNS ? `(${r.markjsRuns})` : ''}`.padStart(13),
    ms(r.markRegExp),
    `${(r.lens / r.floor).toFixed(2)}×`.padStart(7),
    `${(r.isolated / r.floor).toFixed(2)}×`.padStart(7),
    `${r.markjsCapped ? '>' : ''}${(r.markjs / r.lens).toFixed(1)}×`.padStart(8),
    `${(r.markRegExp / r.lens).toFixed(1)}×`.padStart(8),
  ].join(' ');
}

console.log(
  `runs per figure: ${RUNS} (median); ms. (c) on generated pages: one run, stopped after ${MARKJS_CAP_MS / 1000} s ("(1)"; ">" = stopped, a lower bound)`,
);
console.log(
  [
    'page'.padEnd(44),
    'size'.padStart(8),
    'marks'.padStart(6),
    'lens(a)'.padStart(9),
    'floor(b)'.padStart(9),
    'iso(b′)'.padStart(9),
    'markjs(c)'.padStart(13),
    'markRE(d)'.padStart(9),
    'a/b'.padStart(7),
    'b′/b'.padStart(7),
    'c/a'.padStart(8),
    'd/a'.padStart(8),
  ].join(' '),
);
await main();
