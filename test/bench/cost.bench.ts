/**
 * What Lens costs a page, measured whole (issue 17): `npm run bench:cost [runs]`.
 *
 * `rdl:scan` measures the scan alone. A reader pays for everything Lens runs on
 * the page's main thread: evaluating the content script, asking for its
 * configuration, compiling the matcher, the scan, the ranges, registering
 * them, and the observers afterwards. So here each fresh page load in real
 * Chromium runs under V8's sampling profiler (CDP `Profiler`, every 100 µs),
 * from before the navigation until COST_WINDOW_MS after Lens's full scan (the
 * page load: whatever the page itself changes meanwhile included), then while
 * the bench changes the page and moves the pointer over it, and
 * a sample is Lens's when any frame of its stack is in one of the extension's
 * files: its own code and whatever that code calls (DOM, Highlight API).
 *
 * Per page (median of RUNS loads), in ms:
 *   whole     every Lens sample of the page load (the targets' measure), but
 *             those in the `rdl:scan` and `rdl:claims` measures the bench turns
 *             on to see when the scan ends, which a reader's default settings
 *             do not write (INSTRUMENTATION). A sample counts the time until
 *             the next one, but not past the end of the main thread's task it
 *             is in (from the trace): the sampler is often late right after
 *             Lens sends a message (likely as the browser and the background
 *             then take both cores), and the main thread is idle by then. What is left
 *             out that way is `idle` in the JSON, and in the summary
 *   point     Lens's samples while the bench moves the pointer over the page as
 *             loaded, without resting (most pages a reader opens have no mark)
 *   live      then while it adds paragraphs one by one (a live page)
 *   hover     and while it moves the pointer over the text again, now with marks
 *   longest   the longest unbroken run of Lens samples: a task that long
 *             delays the reader's input (a long task is over 50 ms). A run
 *             cannot see a task boundary between two of Lens's slices when
 *             the next follows at once (scheduler.yield on an idle page), so
 *             on large pages this overstates the longest task; only GC or
 *             other work between slices breaks it
 *   split     by the original module of the innermost Lens frame, read from
 *             the build's hidden source maps (the shipped code, with its .map
 *             files beside it and no comment pointing at them)
 *   heap KB   Lens's share of the page's JavaScript heap (all worlds of the
 *             renderer, typed arrays' buffers included) after a full garbage
 *             collection: with Lens, less the same page loaded in a browser
 *             without it (under the profiler too, with the same changes and
 *             pointer moves); beside it, what one empty isolated world costs the
 *             same page, having read `document.body` (about what a content
 *             script costs before its own code). The background's
 *             heap (its service worker) is measured once, after every page
 *   load KB   the same, but of the page as it was loaded: in one more load
 *             each way, GC'd before the bench's changes, then again after
 *             them. (heap KB is after them: the bench's paragraphs mention
 *             the relationship, so they make every page one about it, with
 *             marks and claims it may not have had.) The summary gives what
 *             the changes add, and a mark's own heap: after them, what
 *             MANY_PARAGRAPHS more paragraphs in one change add per mark,
 *             beside what as many ranges cost held by a script
 *   floor KB  the heap's floor (./floor.ts), in that same world, in KB: what
 *             it holds after the empty world's read, b′'s bare walk of the text
 *             nodes, then a bare walk of every element and text node reading
 *             each one's name or data (the JSON has each step): the least a
 *             content script that finds the page's blocks touches (every node
 *             it is handed gets a wrapper in its world, every kind of element
 *             its interface's prototype). The summary gives Lens's heap above it
 *   bg        the background's own time for the page load, on its thread, not
 *             the page's (its service worker's samples in the extension's files
 *             until the live page begins: the configuration, the matching of the
 *             page's text since issue 17 moved it there, the claims)
 *   b′        the bare TreeWalker walk run in an isolated world of the same
 *             page, in a browser without Lens: the floor a content script has
 *   b″        the same, of every element and text node (./floor.ts), in a
 *             fresh load: the least a content script that finds where the
 *             page's blocks begin and end does. b′ reads the text nodes alone,
 *             and the browser hands it no element, so its world makes no
 *             element's wrapper; b″ is handed them all. Not a target: beside
 *             b′, to show how much of a page's bound the elements alone take
 *   css       what the `::highlight()` rules Lens added to the page (with its
 *             first marks: lib/mark-styles.ts) cost its every full style
 *             recalculation, on the page's main thread outside Lens's code;
 *             css+ the recalculation adding them forced, once (./style-probe.ts;
 *             0 on a page Lens added no rule to)
 *
 * Numbers only: nothing here asserts. Writes .output/bench/cost.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, launchPlainChromium, stayLocal } from '../e2e/harness/chromium';
import { GENERATED_PAGES, SHARED_PAGES, startPageServer } from '../e2e/harness/server';
import { sendFromExtensionPage } from '../e2e/page-helpers';
import { generatePages } from './generate-pages';
import { median } from './stats';
import { floorBlockWalk, floorScan } from './floor';
import { isMarkStyleName, MARK_STYLES } from '../../lib/mark-styles';
import { TERM_HIGHLIGHTS } from '../../lib/dom/annotator';
import { addedSheetCost, CONTROL_CSS, highlightRecalcCost, RECALC_ROUNDS } from './style-probe';

/** loads a page, each measured whole: its median is printed. Five, not three: on a shared 2-core machine a page's cost moves by up to ±50 % from load to load. */
const RUNS = Number(process.argv[2] ?? 5);
/** how long after the full scan the profile goes on: the observers' and late scans' share */
const COST_WINDOW_MS = Number(process.env.RDL_COST_WINDOW_MS ?? 1000);
/** how many of Lens's functions the summary lists */
const TOP = Number(process.env.RDL_COST_TOP ?? 15);
// (RDL_COST_OUT: another build directory, so that two runs of the bench do not share one; with RDL_COST_PREBUILT
// the bench measures the build already there, as it is: an experiment edited into the built code.)
const BUILD_DIR = resolve(process.env.RDL_COST_OUT ?? '.output/bench-cost');
const EXTENSION_DIR = join(BUILD_DIR, 'chrome-mv3');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  /** µs, on the clock of the trace's timestamps */
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A trace event, as CDP's Tracing domain reports them. */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/** The main threads' tasks of a trace, per thread ("pid:tid"), by start time. */
function mainThreadTasks(events: TraceEvent[]): Map<string, { start: number; end: number }[]> {
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = new Map<string, { start: number; end: number }[]>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.name !== 'RunTask' || e.ph !== 'X' || e.dur === undefined || !main.has(thread)) continue;
    let list = tasks.get(thread);
    if (!list) tasks.set(thread, (list = []));
    list.push({ start: e.ts, end: e.ts + e.dur });
  }
  for (const list of tasks.values()) list.sort((a, b) => a.start - b.start);
  return tasks;
}

/** Where the time of one load went. */
interface Cost {
  whole: number;
  /** after the load, while the bench moved the pointer over the page as loaded without resting */
  point: number;
  /** after the load, while the bench added LIVE_CHANGES paragraphs to the page one by one (a live page) */
  live: number;
  /** then while the bench moved the pointer over the page's text without resting (no card opens) */
  hover: number;
  /** of it, in what Lens's frames call (DOM, builtins, GC) rather than in its own code */
  called: number;
  /**
   * not in whole: the time from Lens's samples to the next sample that lay past the end of their task (the
   * sampler was late, and the main thread had left Lens's task)
   */
  idle: number;
  /** ms per innermost Lens function (original file:function), and what it calls */
  top: Record<string, number>;
  longest: number;
  /** the bucket most of the longest stretch went to */
  longestIn: string;
  /** how the longest stretch was found: within one task of the trace, or (no trace) as a run of samples */
  longestBy: 'task' | 'run';
  /** Lens's functions in the longest stretch */
  longestTop: Record<string, number>;
  split: Record<string, number>;
}

/** The bucket of the split that an original source file (and function) falls in. */
function bucketOf(source: string, name: string): string {
  if (
    /lib\/text\/(matcher|alias-trie|token-table|prefilter|chars|suffix-set|russian|korean|context-rules|normalise|term-matches)/.test(
      source,
    )
  )
    return /compile|TrieBuilder|build|table|Table|prefilter|Prefilter/.test(name) ? 'compile' : 'match';
  if (/lib\/dom\/(text-blocks|page-lens|main-text)/.test(source)) return 'scan';
  if (/lib\/dom\/annotator/.test(source)) return 'ranges+register';
  if (/lib\/dom\/observe/.test(source)) return 'observers';
  if (
    /lib\/dom\/(hover|hit-test|selection|page-actions|highlight-actions|highlight-tools|saved-highlights)/.test(source)
  )
    return 'listeners+saved';
  if (/lib\/(messages|settings)|entrypoints\//.test(source)) return 'config';
  if (/node_modules/.test(source)) return 'runtime';
  if (/lib\/ui|lib\/anchoring/.test(source)) return 'ui+anchoring';
  return source ? 'other' : 'evaluate';
}

/** Reads which original function a position of a built file belongs to, per file. */
function sourceMaps(dir: string): (url: string, line: number, column: number) => { source: string; name: string } {
  const cache = new Map<string, SourceMapConsumer | null>();
  return (url, line, column) => {
    const file = new URL(url).pathname;
    if (!cache.has(file)) {
      try {
        cache.set(
          file,
          new SourceMapConsumer(JSON.parse(readFileSync(join(dir, `${file}.map`), 'utf8')) as RawSourceMap),
        );
      } catch {
        cache.set(file, null);
      }
    }
    const map = cache.get(file);
    // CDP's lines and columns are 0-based; source-map-js wants 1-based lines.
    const pos = map?.originalPositionFor({ line: line + 1, column });
    return { source: pos?.source ?? '', name: pos?.name ?? '' };
  };
}

/**
 * The User Timing measures that the reader's "write performance measures" setting (off by default) has Lens
 * write, which the bench turns on to see when Lens's full scan ends: a sample in them (or in what they call) is
 * the bench's instrumentation, not what Lens costs a reader, and is not counted.
 */
const INSTRUMENTATION = new Set(['lib/dom/annotator.ts:measure', 'lib/dom/claim-finder.ts:measureClaims']);

/** Lens's share of one profile: per sample, the innermost frame from the extension's files. */
function costOf(
  profile: Profile,
  extensionOrigin: string,
  original: ReturnType<typeof sourceMaps>,
  trace: TraceEvent[],
): Cost {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** per profile node: the bucket of its innermost Lens frame and what that frame is (original file:function) */
  const lensFrame = new Map<number, { bucket: string; where: string } | null>();
  const frameOf = (id: number): { bucket: string; where: string } | null => {
    if (lensFrame.has(id)) return lensFrame.get(id)!;
    const node = byId.get(id)!;
    let result: { bucket: string; where: string } | null;
    if (node.callFrame.url.startsWith(extensionOrigin)) {
      const { source, name } = original(node.callFrame.url, node.callFrame.lineNumber, node.callFrame.columnNumber);
      const fn = name || node.callFrame.functionName;
      const path = source.replace(/^.*\/(lib|entrypoints|node_modules|build)\//, '$1/');
      const where = `${path || 'evaluate'}:${fn || '(top)'}`;
      result = INSTRUMENTATION.has(where)
        ? null
        : {
            bucket: bucketOf(source, fn),
            where:
              where +
              (process.env.RDL_COST_RAW
                ? ` [${node.callFrame.functionName}@${node.callFrame.lineNumber}:${node.callFrame.columnNumber}]`
                : ''),
          };
    } else {
      const up = parent.get(id);
      result = up === undefined ? null : frameOf(up);
    }
    lensFrame.set(id, result);
    return result;
  };
  const split: Record<string, number> = {};
  const top: Record<string, number> = {};
  let whole = 0;
  let called = 0;
  let run = 0;
  let longest = 0;
  let runSplit: Record<string, number> = {};
  let longestSplit: Record<string, number> = {};
  /** Lens's ms and buckets per task of the main thread (when the trace has its tasks) */
  const perTask = new Map<{ start: number; end: number }, Record<string, number>>();
  /** Lens's functions per task */
  const taskTop = new Map<{ start: number; end: number }, Record<string, number>>();
  let longestTop: Record<string, number> = {};
  const threads = mainThreadTasks(trace);
  let tasks: { start: number; end: number }[] = [];
  let time = profile.startTime;
  const lensTimes: number[] = [];
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i] ?? 0;
    if (frameOf(id) !== null) lensTimes.push(time);
  });
  // The page's main thread: the one whose tasks hold Lens's samples.
  let best = 0;
  for (const list of threads.values()) {
    const inside = lensTimes.filter((t) => taskAt(list, t) !== undefined).length;
    if (inside > best) [best, tasks] = [inside, list];
  }
  const phaseAt = { point: Infinity, live: Infinity, hover: Infinity, end: Infinity };
  for (const e of trace) {
    if (e.name === 'bench:point' || e.name === 'bench:live' || e.name === 'bench:hover' || e.name === 'bench:end') {
      phaseAt[e.name.slice(6) as keyof typeof phaseAt] = e.ts;
    }
  }
  let point = 0;
  let live = 0;
  let hover = 0;
  let idle = 0;
  time = profile.startTime;
  // timeDeltas[i] is the time from the previous sample to sample i: sample i
  // stands for the interval after it, i.e. timeDeltas[i + 1].
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i] ?? 0;
    const frame = frameOf(id);
    const task = frame === null ? undefined : taskAt(tasks, time);
    // A sample stands for the time until the next one, but not past the end of its task: when the sampler
    // is late (most often right after a message, likely as the browser and the background then take both
    // cores), the main thread may have finished Lens's task and gone idle meanwhile, and that time is not Lens's.
    const sampled = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const ms = task ? Math.min(sampled, (task.end - time) / 1000) : sampled;
    if (frame !== null && time < phaseAt.point) idle += sampled - ms;
    if (task) {
      const split = perTask.get(task) ?? {};
      split[frame!.bucket] = (split[frame!.bucket] ?? 0) + ms;
      perTask.set(task, split);
      const where = taskTop.get(task) ?? {};
      where[frame!.where] = (where[frame!.where] ?? 0) + ms;
      taskTop.set(task, where);
    }
    if (frame === null) {
      run = 0;
      runSplit = {};
      return;
    }
    const { bucket } = frame;
    // The steady page's share: after the bench's marks, while it moves the pointer, changes the page and
    // moves the pointer again.
    if (time >= phaseAt.live && time < phaseAt.hover) live += ms;
    else if (time >= phaseAt.hover) hover += ms;
    else if (time >= phaseAt.point) point += ms;
    else {
      whole += ms;
      split[bucket] = (split[bucket] ?? 0) + ms;
      // What Lens's frame calls: the DOM, the browser's builtins, the garbage collector.
      const leaf = byId.get(id)!.callFrame;
      const callee = leaf.url.startsWith(extensionOrigin) ? '' : ` → ${(leaf.functionName || '(native)').slice(0, 40)}`;
      if (callee) called += ms;
      top[frame.where + callee] = (top[frame.where + callee] ?? 0) + ms;
    }
    run += ms;
    runSplit[bucket] = (runSplit[bucket] ?? 0) + ms;
    if (run > longest) {
      longest = run;
      longestSplit = runSplit;
    }
  });
  // With the trace's tasks, the longest stretch is Lens's most time in one task: a run of samples cannot
  // see the boundary between two slices when the next follows at once (scheduler.yield on an idle page).
  const longestBy = perTask.size > 0 ? 'task' : 'run';
  if (perTask.size > 0) {
    longest = 0;
    for (const [task, split] of perTask) {
      const ms = Object.values(split).reduce((a, b) => a + b, 0);
      if (ms > longest) [longest, longestSplit, longestTop] = [ms, split, taskTop.get(task)!];
    }
  }
  const longestIn = Object.entries(longestSplit).sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return { whole, called, idle, point, live, hover, longest, longestIn, longestBy, longestTop, split, top };
}

/** How many paragraphs the bench adds to a page after its scan, 50 ms apart. */
const LIVE_CHANGES = 10;

/**
 * Runs in the page (passed to the functions that add paragraphs as source): where a live page adds its news,
 * in what Lens reads as the page's main text (lib/dom/main-text.ts's findArticle, written again here because
 * it runs in the page): the page's one article of 500 characters or more, or its one main element, else its
 * body. (The first `article, main` is not it on some pages: a `main` around the article, whose end is past
 * the article, in the page's furniture; or, on a page with neither, the body, whose end is past its
 * `[itemprop=articleBody]`.) A page that wiped its own document still has its root.
 */
function liveContainer(): Element {
  for (const selector of ['article, [itemprop=articleBody]', 'main, [role=main]']) {
    const found = [...document.querySelectorAll(selector)];
    const outer = found.filter((e) => e === found[0] || !found[0]!.contains(e));
    if (outer.length > 1) break;
    if (outer.length === 1) {
      if ((outer[0]!.textContent ?? '').length >= 500) return outer[0]!;
      break;
    }
  }
  return document.body ?? document.documentElement;
}

/** Runs in the page: adds `count` paragraphs that mention entities, one by one, between user timing marks. */
async function steadyPage(count: number, containerOf: () => Element): Promise<void> {
  // (Found once, before the timing mark: it reads the article's whole text.)
  const container = containerOf();
  performance.mark('bench:live');
  for (let i = 0; i < count; i++) {
    const p = document.createElement('p');
    p.textContent = `Update ${i}: Kim Jong Un and Vladimir Putin spoke of Pyongyang and Moscow again today.`;
    container.append(p);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // (The observer's last batch, 50 ms after the last change.)
  await new Promise((resolve) => setTimeout(resolve, 150));
  performance.mark('bench:hover');
}

/** How many paragraphs heapAsLoaded adds at once, after the bench's changes, and how long it then waits. */
const MANY_PARAGRAPHS = 100;
const MANY_PARAGRAPHS_SETTLE_MS = 1000;

/** Adds `count` paragraphs like steadyPage's, in one change of the page. */
function manyParagraphs(count: number, containerOf: () => Element): void {
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < count; i++) {
    const p = document.createElement('p');
    p.textContent = `More ${i}: Kim Jong Un and Vladimir Putin spoke of Pyongyang and Moscow again today.`;
    fragment.append(p);
  }
  containerOf().append(fragment);
}

/** The task of `tasks` (sorted by start) running at `time`, if any. */
function taskAt(tasks: { start: number; end: number }[], time: number): { start: number; end: number } | undefined {
  let lo = 0;
  let hi = tasks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tasks[mid]!.start <= time) lo = mid;
    else hi = mid - 1;
  }
  const task = tasks[lo];
  return task && task.start <= time && time <= task.end ? task : undefined;
}

/** The mean of several runs' ms per function, most first. */
function averageTop(tops: Record<string, number>[]): [string, number][] {
  const sum: Record<string, number> = {};
  for (const top of tops) for (const [k, v] of Object.entries(top)) sum[k] = (sum[k] ?? 0) + v / tops.length;
  return Object.entries(sum)
    .filter(([, v]) => v >= 0.05)
    .sort((a, b) => b[1] - a[1]);
}

/** Runs in the page: Lens's full scan has been measured (or the page wiped itself). */
function scanDone(): boolean {
  return (
    performance.getEntriesByName('rdl:scan').some((e) => (e as PerformanceMeasure).detail?.kind === 'full') ||
    (document.readyState === 'complete' && !document.body?.textContent?.trim())
  );
}

/**
 * The background's time in one profile of its service worker, in ms: its samples with a frame of the
 * extension's files on the stack, before `until` (the trace's clock, µs).
 */
function backgroundTime(profile: Profile, extensionOrigin: string, until: number): number {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const lens = new Map<number, boolean>();
  const isLens = (id: number): boolean => {
    if (!lens.has(id)) {
      const up = parent.get(id);
      lens.set(id, byId.get(id)!.callFrame.url.startsWith(extensionOrigin) || (up !== undefined && isLens(up)));
    }
    return lens.get(id)!;
  };
  let time = profile.startTime;
  let ms = 0;
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i] ?? 0;
    if (time < until && isLens(id)) ms += (profile.timeDeltas[i + 1] ?? 0) / 1000;
  });
  return ms;
}

/** A DevTools session on the extension's service worker (a second client: see backgroundHeap), per page. */
type WorkerSession = { send(method: string, params?: object): Promise<unknown>; detach(): Promise<void> };

/**
 * What the bench does to a loaded page, with Lens or without (so that both heaps hold it): the pointer moved
 * over the page as loaded, a steady page, paragraphs added one by one, then the pointer moved over the text
 * again. Whether the page took its own text away.
 */
async function changeAndPoint(page: Page): Promise<boolean> {
  await page.evaluate(() => performance.mark('bench:point'));
  if (!(await isEmptied(page))) await movePointer(page);
  await page.evaluate(`(${steadyPage.toString()})(${LIVE_CHANGES}, ${liveContainer.toString()})`);
  const emptied = await isEmptied(page);
  if (!emptied) await movePointer(page);
  return emptied;
}

/**
 * Whether the page has no text in its body. Not moved over: a page that stopped parsing before its <body>
 * (it navigated itself away in its <head>) is never rendered by Chromium, and a pointer event waits on a
 * frame that never comes.
 */
function isEmptied(page: Page): Promise<boolean> {
  return page.evaluate(() => document.body === null || !document.body.textContent?.trim());
}

/** Moves the pointer over the page without resting, then waits out the hover's dwell timers the last moves started. */
async function movePointer(page: Page): Promise<void> {
  for (let i = 0; i < 30; i++) await page.mouse.move(40 + i * 35, 120 + ((i * 97) % 600), { steps: 2 });
  await page.waitForTimeout(300);
}

/** how often a page's profile is sampled, in µs */
const PAGE_SAMPLING_US = 100;

/** Starts V8's sampling profiler in a DevTools session (a page's, or the background's through the second client). */
async function startProfiler(session: { send(method: string, params?: object): Promise<unknown> }, intervalUs: number) {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await session.send('Profiler.start');
}

async function profileLoad(
  context: BrowserContext,
  url: string,
  origin: string,
  original: ReturnType<typeof sourceMaps>,
  worker: () => Promise<WorkerSession>,
) {
  const page = await context.newPage();
  // The background's side of the page load (the matching happens there since issue 17).
  const background = await worker();
  // (Every ms, not every 100 µs as the page: the sampler's own thread competes with the page for the cores.)
  await startProfiler(background, 1000);
  const cdp = await context.newCDPSession(page);
  // The main thread's tasks, so that the longest stretch of Lens's work is measured within one task.
  const trace: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => void trace.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: 'disabled-by-default-devtools.timeline,blink.user_timing,__metadata',
    transferMode: 'ReportEvents',
  });
  await startProfiler(cdp, PAGE_SAMPLING_US);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(`(${scanDone.toString()})()`, undefined, { timeout: 60_000, polling: 50 });
  // The rest of the page load: what the page itself does after the scan, and Lens's observers on it (a bench,
  // not a test: it waits on time on purpose).
  await page.waitForTimeout(COST_WINDOW_MS);
  const emptied = await changeAndPoint(page);
  await page.evaluate(() => performance.mark('bench:end'));
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const { profile: backgroundProfile } = (await background.send('Profiler.stop')) as { profile: Profile };
  await background.detach();
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await traced;
  const heap = await heapAfterGc(cdp);
  // The highlights Lens registered in the page (the page can read their names): their rules are what it added.
  const styled = (await page.evaluate(() => [...CSS.highlights.keys()])).filter(isMarkStyleName);
  await cdp.detach();
  await page.close();
  // The background's share of the load: until the bench begins its steps (as whole is the page's).
  const loadEnd = trace.find((e) => e.name === 'bench:point')?.ts ?? Infinity;
  const bg = backgroundTime(backgroundProfile, origin, loadEnd);
  return { ...costOf(profile, origin, original, trace), heap, emptied, bg, styled };
}

/**
 * The renderer's JavaScript heap in use (every world of the page), after a full garbage collection, in
 * bytes: its objects and the typed arrays' buffers (outside the object heap: the matcher's character table
 * is one).
 */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  return usedHeap((method) => cdp.send(method));
}

/** A DevTools session's heap after a full garbage collection (either client's session: `send` its methods). */
async function usedHeap(send: (method: 'HeapProfiler.collectGarbage' | 'Runtime.getHeapUsage') => Promise<unknown>) {
  await send('HeapProfiler.collectGarbage');
  const { usedSize, backingStorageSize = 0 } = (await send('Runtime.getHeapUsage')) as {
    usedSize: number;
    backingStorageSize?: number;
  };
  return usedSize + backingStorageSize;
}

/**
 * The same, for a load of the page in a browser without Lens, and the same changes and pointer moves;
 * and then with one isolated world added that has read `document.body`: about what a content script
 * costs a page before its own code (its world's global object, builtins and the document's bindings);
 * then the same world after b′'s walk of the text, and after a walk of the elements too (the heap's floor).
 */
async function heapWithout(
  context: BrowserContext,
  url: string,
): Promise<{ without: number; emptyWorld: number; textWalk: number; blockWalk: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // As the load with Lens is measured: under the profiler, and after the bench's changes and pointer moves
  // (its paragraphs and the page's own objects for them are the page's heap, not Lens's).
  await startProfiler(cdp, PAGE_SAMPLING_US);
  await page.goto(url, { waitUntil: 'commit' });
  await loadedWithout(page);
  await page.waitForTimeout(COST_WINDOW_MS);
  await changeAndPoint(page);
  await cdp.send('Profiler.stop');
  const without = await heapAfterGc(cdp);
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'rdl-empty',
  })) as { executionContextId: number };
  const inWorld = async (fn: () => unknown) => {
    await cdp.send('Runtime.evaluate', { expression: `(${fn.toString()})()`, contextId: executionContextId });
    return (await heapAfterGc(cdp)) - without;
  };
  const emptyWorld = await inWorld(() => document.body);
  // The floor's walks, in the same world: what each adds to it stays (a node's wrapper lives as long as the node).
  const textWalk = await inWorld(floorScan);
  const blockWalk = await inWorld(floorBlockWalk);
  await cdp.detach();
  await page.close();
  return { without, emptyWorld, textWalk, blockWalk };
}

/** Waits for a page's load in the browser without Lens (no scan to wait for). */
async function loadedWithout(page: Page): Promise<void> {
  // Not goto's 'load': a live page may keep a request open that stayLocal refused, and never fire it.
  await page
    .waitForFunction(() => document.readyState === 'complete', undefined, { timeout: 10_000, polling: 50 })
    .catch(() => {});
}

/** Runs in the page: how many marks Lens has drawn there, in the highlights named `names` (the page can count them). */
function markCount(names: string[]): number {
  return names.reduce((n, name) => n + (CSS.highlights.get(name)?.size ?? 0), 0);
}

/**
 * Lens's heap on the page as it was loaded, and what the bench's changes add to it: one more load, with
 * Lens (`lens`) or in the browser without it, measured as the other loads are (under the profiler), its
 * heap after GC once the load is over and before the bench changes the page, then again after the changes
 * and pointer moves (changeAndPoint), and after MANY_PARAGRAPHS more in one change. With the marks Lens had
 * drawn at each point (the page can count them: CSS.highlights), so that what the last change adds can be
 * read per mark; without Lens, with what `ranges` ranges cost by themselves (heldRangesCost).
 */
async function heapAsLoaded(
  context: BrowserContext,
  url: string,
  lens: boolean,
  ranges = 0,
): Promise<{
  loaded: number;
  changed: number;
  marks: number;
  marksAfter: number;
  more: number;
  marksMore: number;
  rangeBytes: number;
}> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await startProfiler(cdp, PAGE_SAMPLING_US);
  await page.goto(url, { waitUntil: 'commit' });
  if (lens) await page.waitForFunction(`(${scanDone.toString()})()`, undefined, { timeout: 60_000, polling: 50 });
  else await loadedWithout(page);
  await page.waitForTimeout(COST_WINDOW_MS);
  const loaded = await heapAfterGc(cdp);
  const marksNow = `(${markCount.toString()})(${JSON.stringify(Object.values(TERM_HIGHLIGHTS))})`;
  const countMarks = () => page.evaluate(marksNow) as Promise<number>;
  const marks = await countMarks();
  await changeAndPoint(page);
  await cdp.send('Profiler.stop');
  const changed = await heapAfterGc(cdp);
  const marksAfter = await countMarks();
  // Many more marks at once, every path that draws them run already: what a mark itself costs Lens.
  await page.evaluate(`(${manyParagraphs.toString()})(${MANY_PARAGRAPHS}, ${liveContainer.toString()})`);
  // (Lens's rescan of them has begun once it has drawn one more mark; then a while for the rest. A bench.)
  if (lens)
    await page
      .waitForFunction(`${marksNow} > ${marksAfter}`, undefined, { timeout: 10_000, polling: 50 })
      .catch(() => {});
  await page.waitForTimeout(MANY_PARAGRAPHS_SETTLE_MS);
  const more = await heapAfterGc(cdp);
  const marksMore = await countMarks();
  const rangeBytes = ranges > 0 ? await heldRangesCost(cdp, ranges) : 0;
  await cdp.detach();
  await page.close();
  return { loaded, changed, marks, marksAfter, more, marksMore, rangeBytes };
}

/**
 * What `count` marks' ranges cost by themselves, in bytes each: in an isolated world that has read
 * `document.body`, one StaticRange over each mention of manyParagraphs's paragraphs, in a Highlight
 * registered on the page and held by the world's script, as Lens holds its marks' ranges.
 */
async function heldRangesCost(cdp: CDPSession, count: number): Promise<number> {
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'rdl-ranges',
  })) as { executionContextId: number };
  // (The interfaces a first Highlight and StaticRange build in the world are not the ranges' own.)
  const prepare = () => {
    CSS.highlights.set('bench-ranges', new Highlight());
    return new StaticRange({
      startContainer: document.body,
      startOffset: 0,
      endContainer: document.body,
      endOffset: 0,
    });
  };
  await cdp.send('Runtime.evaluate', { expression: `(${prepare.toString()})()`, contextId: executionContextId });
  const before = await heapAfterGc(cdp);
  const make = (want: number, containerOf: () => Element) => {
    const highlight = new Highlight();
    CSS.highlights.set('bench-ranges', highlight);
    const held: StaticRange[] = [];
    (globalThis as { held?: StaticRange[] }).held = held;
    const mention = /Kim Jong Un|Vladimir Putin|Pyongyang|Moscow/g;
    // The paragraphs manyParagraphs added, from the last (not a walk of the page: its nodes would be counted).
    for (let p = containerOf().lastElementChild; p && held.length < want; p = p.previousElementSibling) {
      const text = p.firstChild;
      if (!(text instanceof Text) || !text.data.startsWith('More ')) break;
      for (const m of text.data.matchAll(mention)) {
        if (held.length === want) break;
        const range = new StaticRange({
          startContainer: text,
          startOffset: m.index,
          endContainer: text,
          endOffset: m.index + m[0].length,
        });
        highlight.add(range);
        held.push(range);
      }
    }
    return held.length;
  };
  const { result } = (await cdp.send('Runtime.evaluate', {
    expression: `(${make.toString()})(${count}, ${liveContainer.toString()})`,
    contextId: executionContextId,
    returnByValue: true,
  })) as { result: { value: number } };
  return ((await heapAfterGc(cdp)) - before) / Math.max(1, result.value);
}

/**
 * The background's JavaScript heap after a full garbage collection, in bytes: its service worker runs in
 * an isolate of its own, which no page's session reaches, so through a second DevTools client (puppeteer,
 * on the port this browser was given) attached to the worker's target.
 */
async function backgroundHeap(profileDir: string): Promise<number> {
  const [port] = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n');
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}` });
  try {
    const target = await browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 20_000 });
    const session = await target.createCDPSession();
    const heap = await usedHeap((method) => session.send(method));
    await session.detach();
    return heap;
  } finally {
    await browser.disconnect();
  }
}

function build(): void {
  rmSync(BUILD_DIR, { recursive: true, force: true });
  // The shipped code with hidden source maps beside it (see wxt.config.ts: RDL_SOURCEMAP).
  execFileSync('npx', ['wxt', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, RDL_OUT_DIR: BUILD_DIR, RDL_SOURCEMAP: 'hidden' },
  });
}

async function main() {
  if (!process.env.RDL_COST_PREBUILT) build();
  generatePages(GENERATED_PAGES);
  const only = process.env.RDL_BENCH_PAGES ? new RegExp(process.env.RDL_BENCH_PAGES) : null;
  const list = (dir: string, prefix: string) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => ({ name: `${prefix}${f}`, path: `/shared/${prefix}${f}` }));
  const pages = [
    ...list(SHARED_PAGES, ''),
    ...list(join(SHARED_PAGES, 'nk'), 'nk/'),
    ...readdirSync(GENERATED_PAGES)
      .filter((f) => f.endsWith('.html'))
      .map((f) => ({ name: f, path: `/generated/${f}` })),
  ].filter((p) => !only || only.test(p.name));

  const server = await startPageServer();
  const profileDir = mkdtempSync(join(tmpdir(), 'rdl-cost-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      ...CHROMIUM_FLAGS,
      // (for backgroundHeap: the port is written to the profile's DevToolsActivePort)
      '--remote-debugging-port=0',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
    viewport: { width: 1280, height: 900 },
  });
  await stayLocal(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const origin = `chrome-extension://${new URL(worker.url()).host}/`;
  // The reader's "write performance measures" setting, so that the page says when Lens's full scan is done.
  const options = await context.newPage();
  await options.goto(`${origin}options.html`);
  // RDL_COST_SETTINGS='{"claims":false}': other settings of the reader's, to see what one feature costs.
  const extra = process.env.RDL_COST_SETTINGS ?? '{}';
  await options.evaluate(`(${sendFromExtensionPage.toString()})('setSettings', { measures: true, ...${extra} })`);
  await options.close();
  const original = sourceMaps(EXTENSION_DIR);
  // A second DevTools client for the service worker (Playwright's sessions reach pages only); Playwright
  // follows the worker, which keeps it running through the bench.
  const [devtoolsPort] = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n');
  const second = await puppeteer.connect({ browserURL: `http://127.0.0.1:${devtoolsPort}` });
  const workerSession = async (): Promise<WorkerSession> => {
    const target = await second.waitForTarget((t) => t.type() === 'service_worker', { timeout: 20_000 });
    const session = await target.createCDPSession();
    return {
      send: (method, params) => session.send(method as 'Profiler.start', params as never),
      detach: () => session.detach(),
    };
  };
  const plain = await launchPlainChromium();
  // For the heap without Lens (the plain browser's pages give no CDP session).
  const bare = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
  const bareContext = await bare.newContext({ viewport: { width: 1280, height: 900 } });
  await stayLocal(bareContext);

  const buckets = [
    'evaluate',
    'config',
    'compile',
    'match',
    'scan',
    'ranges+register',
    'observers',
    'listeners+saved',
    'ui+anchoring',
    'runtime',
    'other',
  ];
  console.log(
    `runs per page: ${RUNS} (median); ms of Lens's main-thread time in the page load, from navigation to ${COST_WINDOW_MS} ms after its full scan (whole, and its split); then while the bench moves the pointer over the page as loaded (point), changes the page (live) and moves the pointer again (hover)`,
  );
  console.log(
    [
      'page'.padEnd(40),
      'whole'.padStart(7),
      'calls'.padStart(6),
      'point'.padStart(5),
      'live'.padStart(5),
      'hover'.padStart(5),
      'bg'.padStart(5),
      'longest'.padStart(8),
      'b′'.padStart(6),
      'b″'.padStart(6),
      'css'.padStart(5),
      'css+'.padStart(5),
      'longest in'.padStart(10),
      'heap KB'.padStart(8),
      'load KB'.padStart(8),
      'floor KB'.padStart(8),
      ...buckets.map((b) => b.slice(0, 8).padStart(9)),
    ].join(' '),
  );
  const rows: {
    page: string;
    whole: number;
    /** of whole, in what Lens's frames call (DOM, builtins, GC) */
    called: number;
    /** not in whole: sampled time past the end of Lens's tasks (Cost) */
    idle: number;
    /** after the load, while the pointer moved over the page as loaded; while LIVE_CHANGES paragraphs were added; and while the pointer moved over the text again */
    point: number;
    live: number;
    hover: number;
    /** the background's own time for the page load, on its thread (its service worker) */
    bg: number;
    longest: number;
    longestIn: string;
    longestBy: 'task' | 'run';
    /** Lens's functions in the longest stretch (of the run whose longest stretch is the median one) */
    longestTop: [string, number][];
    /** ms per Lens function and what it calls, averaged over the runs, most first */
    top: [string, number][];
    /** Lens's share of the page's heap after garbage collection: with Lens less without, in KB */
    heapKb: number;
    /** the same, measured once the page had loaded, before the bench's changes (one load with Lens, one without), in KB */
    loadedHeapKb: number;
    /** what the bench's changes and pointer moves added to Lens's heap, in KB (with Lens less without), and the marks they added */
    changedHeapKb: number;
    marksLoaded: number;
    marksAdded: number;
    /** what MANY_PARAGRAPHS more paragraphs at once added to Lens's heap (with Lens less without), per mark they added, in bytes */
    bytesPerMark: number;
    /** what one of those marks' ranges costs by itself (heldRangesCost), in bytes */
    rangeBytes: number;
    /** of it, about what a content script costs before its own code: an isolated world on the same page that has read `document.body`, in KB */
    emptyWorldKb: number;
    /** the heap's floor in that world (./floor.ts), in KB: with b′'s bare walk of the text; then with a bare walk of the elements too */
    textWalkKb: number;
    blockWalkKb: number;
    floorIsolated: number;
    /** b″: the bare walk of every element and text node in an isolated world (./floor.ts), in ms */
    blockFloor: number;
    /** the highlights Lens registered, and so styled, in the page (lib/mark-styles.ts) */
    styled: string[];
    /** ms more per full style recalculation of the page with the rules Lens added to it (./style-probe.ts); the control's reading */
    css: number;
    cssControl: number;
    /** ms of the recalculation adding them forced, once */
    cssAdded: number;
    /** the page took its own text away (it navigated itself away before its <body>): no load a reader sees */
    emptied: boolean;
    split: Record<string, number>;
  }[] = [];
  for (const p of pages) {
    const url = server.url(p.path);
    const costs: Awaited<ReturnType<typeof profileLoad>>[] = [];
    const floors: number[] = [];
    const blockFloors: number[] = [];
    const styles: number[] = [];
    const controls: number[] = [];
    const added: number[] = [];
    const without: number[] = [];
    const emptyWorlds: number[] = [];
    const textWalks: number[] = [];
    const blockWalks: number[] = [];
    // (Once a page: the heap is the same to a few KB from load to load.)
    const asLoaded = await heapAsLoaded(context, url, true);
    // (Without Lens: and what as many ranges as Lens drew for the last paragraphs cost by themselves.)
    const bareAsLoaded = await heapAsLoaded(bareContext, url, false, asLoaded.marksMore - asLoaded.marksAfter);
    for (let i = 0; i < RUNS; i++) {
      const cost = await profileLoad(context, url, origin, original, workerSession);
      costs.push(cost);
      const bareHeap = await heapWithout(bareContext, url);
      without.push(bareHeap.without);
      emptyWorlds.push(bareHeap.emptyWorld);
      textWalks.push(bareHeap.textWalk);
      blockWalks.push(bareHeap.blockWalk);
      const tab = await plain.openPage(url);
      floors.push(await tab.evaluateIsolated!(floorScan));
      // (After the bare walk: the probe restyles the page, in this browser without Lens.) The rules of this load.
      const css = cost.styled.map((name) => MARK_STYLES[name]).join('\n');
      styles.push(css ? await tab.evaluate(highlightRecalcCost, css, RECALC_ROUNDS) : 0);
      added.push(css ? await tab.evaluate(addedSheetCost, css, CONTROL_CSS, RECALC_ROUNDS) : 0);
      controls.push(await tab.evaluate(highlightRecalcCost, CONTROL_CSS, RECALC_ROUNDS));
      await tab.close();
      // (In a load of its own: after b′'s walk, the text nodes' wrappers would be made already.)
      const blockTab = await plain.openPage(url);
      blockFloors.push(await blockTab.evaluateIsolated!(floorBlockWalk));
      await blockTab.close();
    }
    const split = Object.fromEntries(buckets.map((b) => [b, median(costs.map((c) => c.split[b] ?? 0))]));
    const row = {
      page: p.name,
      whole: median(costs.map((c) => c.whole)),
      called: median(costs.map((c) => c.called)),
      idle: median(costs.map((c) => c.idle)),
      point: median(costs.map((c) => c.point)),
      live: median(costs.map((c) => c.live)),
      hover: median(costs.map((c) => c.hover)),
      bg: median(costs.map((c) => c.bg)),
      top: averageTop(costs.map((c) => c.top)),
      longest: median(costs.map((c) => c.longest)),
      // (of the run whose longest stretch is the median one)
      longestBy: costs.every((c) => c.longestBy === 'task') ? ('task' as const) : ('run' as const),
      longestTop: averageTop([
        [...costs].sort((a, b) => a.longest - b.longest)[Math.floor((costs.length - 1) / 2)]!.longestTop,
      ]),
      longestIn: [...costs].sort((a, b) => a.longest - b.longest)[Math.floor((costs.length - 1) / 2)]!.longestIn,
      heapKb: (median(costs.map((c) => c.heap)) - median(without)) / 1024,
      loadedHeapKb: (asLoaded.loaded - bareAsLoaded.loaded) / 1024,
      changedHeapKb: (asLoaded.changed - asLoaded.loaded - (bareAsLoaded.changed - bareAsLoaded.loaded)) / 1024,
      marksLoaded: asLoaded.marks,
      marksAdded: asLoaded.marksAfter - asLoaded.marks,
      // (0 where the paragraphs got no mark: where the page's first article or main is not what Lens reads as
      // its main text.)
      bytesPerMark:
        asLoaded.marksMore > asLoaded.marksAfter
          ? (asLoaded.more - asLoaded.changed - (bareAsLoaded.more - bareAsLoaded.changed)) /
            (asLoaded.marksMore - asLoaded.marksAfter)
          : 0,
      rangeBytes: bareAsLoaded.rangeBytes,
      emptyWorldKb: median(emptyWorlds) / 1024,
      textWalkKb: median(textWalks) / 1024,
      blockWalkKb: median(blockWalks) / 1024,
      floorIsolated: median(floors),
      blockFloor: median(blockFloors),
      styled: [...new Set(costs.flatMap((c) => c.styled))].sort(),
      css: median(styles),
      cssControl: median(controls),
      cssAdded: median(added),
      emptied: costs.every((c) => c.emptied),
      split,
    };
    rows.push(row);
    const ms = (x: number, w: number) => x.toFixed(1).padStart(w);
    console.log(
      [
        row.page.slice(0, 40).padEnd(40),
        ms(row.whole, 7),
        ms(row.called, 6),
        ms(row.point, 5),
        ms(row.live, 5),
        ms(row.hover, 5),
        ms(row.bg, 5),
        ms(row.longest, 8),
        ms(row.floorIsolated, 6),
        ms(row.blockFloor, 6),
        ms(row.css, 5),
        ms(row.cssAdded, 5),
        row.longestIn.slice(0, 10).padStart(10),
        row.heapKb.toFixed(0).padStart(8),
        row.loadedHeapKb.toFixed(0).padStart(8),
        row.blockWalkKb.toFixed(0).padStart(8),
        ...buckets.map((b) => ms(split[b]!, 9)),
      ].join(' '),
    );
  }
  // After every page has asked it for its configuration and the profiled pages are closed.
  const background = await backgroundHeap(profileDir);
  await context.close();
  await second.disconnect();
  await plain.close();
  await bare.close();
  await server.close();

  const real = rows.filter((r) => !/^gen-/.test(r.page) && !r.emptied);
  const emptied = rows.filter((r) => r.emptied).map((r) => r.page);
  /** the pages Lens read (every one but those that took their text away) */
  const read = rows.filter((r) => !r.emptied);
  const worstLongest = rows.reduce((a, r) => (r.longest > a.longest ? r : a), rows[0]!);
  const over = real.filter((r) => r.whole > 3 * r.floorIsolated + 5);
  console.log('');
  console.log(
    `median whole cost per real page: ${median(real.map((r) => r.whole)).toFixed(1)} ms (target ≤ 10)${emptied.length ? `; not counted, as it took its own text away before Lens could read it: ${emptied.join(', ')}` : ''}`,
  );
  console.log(
    `not counted: the sampler's gaps after Lens's samples that lay past the end of their task (the main thread had left Lens's work): median ${median(real.map((r) => r.idle)).toFixed(1)} ms per real page, most ${Math.max(...real.map((r) => r.idle)).toFixed(1)}`,
  );
  console.log(
    `the background's own time per real page load (on its thread, not the page's): median ${median(real.map((r) => r.bg)).toFixed(1)} ms, most ${Math.max(...real.map((r) => r.bg)).toFixed(1)} ms`,
  );
  console.log(
    `longest unbroken stretch: ${worstLongest.longest.toFixed(1)} ms on ${worstLongest.page} (target ≤ 50 on every page; ${rows.every((r) => r.longestBy === 'task') ? "Lens's time within one task of the main thread, from a trace" : 'on some pages a run of samples: no trace'})`,
  );
  console.log(
    `real pages over 3× b′ + 5 ms: ${over.length} of ${real.length}${over.length ? ` (${over.map((r) => r.page).join(', ')})` : ''}`,
  );
  const perB = real.map((r) => r.blockFloor / r.floorIsolated);
  console.log(
    `b″, the bare walk of every element and text node (the least a reader of the page's blocks does; not a target): median ${median(real.map((r) => r.blockFloor)).toFixed(1)} ms, ${median(perB).toFixed(1)}× b′ at the median (most ${Math.max(...perB).toFixed(1)}×); Lens's whole cost less b″: median ${median(real.map((r) => r.whole - r.blockFloor)).toFixed(1)} ms; real pages over 3× b″ + 5 ms: ${real.filter((r) => r.whole > 3 * r.blockFloor + 5).length} of ${real.length}`,
  );
  // (Marks as loaded: read in the heap's own load of the page, before the bench's changes.)
  const unmarked = real.filter((r) => r.marksLoaded === 0);
  const marked = real.filter((r) => r.marksLoaded > 0);
  const pointed = (rows: typeof real) =>
    rows.length === 0
      ? 'none'
      : `median ${median(rows.map((r) => r.point)).toFixed(1)} ms (most ${Math.max(...rows.map((r) => r.point)).toFixed(1)})`;
  console.log(
    `moving the pointer over the page as loaded, without resting: on the ${unmarked.length} real pages without marks ${pointed(unmarked)}; on the ${marked.length} with marks ${pointed(marked)}`,
  );
  console.log(
    `a live page: median ${median(read.map((r) => r.live)).toFixed(1)} ms for ${LIVE_CHANGES} added paragraphs (most ${Math.max(...read.map((r) => r.live)).toFixed(1)}); moving the pointer over the text: median ${median(read.map((r) => r.hover)).toFixed(1)} ms (most ${Math.max(...read.map((r) => r.hover)).toFixed(1)})`,
  );
  const styledReal = real.filter((r) => r.styled.length > 0);
  const worstCss = styledReal.reduce<(typeof real)[number] | null>((a, r) => (a && a.css >= r.css ? a : r), null);
  console.log(
    `Lens's ::highlight() rules (added to a page with its first marks): ${real.length - styledReal.length} of ${real.length} real pages got none and pay nothing for them${
      worstCss
        ? `; on the ${styledReal.length} with marks, each full style recalculation takes median ${median(styledReal.map((r) => r.css)).toFixed(1)} ms more (most ${worstCss.css.toFixed(1)} on ${worstCss.page}), and adding them took median ${median(styledReal.map((r) => r.cssAdded)).toFixed(1)} ms once (most ${Math.max(...styledReal.map((r) => r.cssAdded)).toFixed(1)})`
        : ''
    }; the page's main thread pays it outside Lens's code, so it is not in whole (a stylesheet that matches nothing reads median ${median(real.map((r) => r.cssControl)).toFixed(1)} ms)`,
  );
  // Where Lens's time goes over all real pages: its functions and what they call.
  const overall = averageTop(real.map((r) => Object.fromEntries(r.top)));
  console.log(`where the time goes, mean ms per real page (function → what it calls):`);
  for (const [where, ms] of overall.slice(0, TOP)) console.log(`  ${ms.toFixed(2).padStart(6)}  ${where}`);
  // What the page loads (its content script) and every frame (the frames' small one), the session a frame with
  // text loads, and the chunks a session loads when first needed.
  const sizeOf = (file: string) => `${file} ${(readFileSync(join(EXTENSION_DIR, file)).length / 1024).toFixed(1)} KB`;
  const sizes = [
    ...readdirSync(join(EXTENSION_DIR, 'content-scripts'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => sizeOf(`content-scripts/${f}`)),
    ...readdirSync(EXTENSION_DIR)
      .filter((f) => /^lens-.*\.js$/.test(f))
      .map(sizeOf),
  ];
  console.log(`size report: ${sizes.join(', ')}`);
  console.log(
    `Lens's heap in a page (after GC, with less without Lens): median ${median(read.map((r) => r.heapKb)).toFixed(0)} KB, most ${Math.max(...read.map((r) => r.heapKb)).toFixed(0)} KB (target < 512 KB); of it an isolated world that has read document.body, about what a content script costs before its own code: median ${median(read.map((r) => r.emptyWorldKb)).toFixed(0)} KB`,
  );
  const perMark = read.filter((r) => r.bytesPerMark > 0 && r.rangeBytes > 0);
  console.log(
    `the same on the page as loaded, before the bench's changes (one load): median ${median(read.map((r) => r.loadedHeapKb)).toFixed(0)} KB, most ${Math.max(...read.map((r) => r.loadedHeapKb)).toFixed(0)} KB, under 512 KB on ${read.filter((r) => r.loadedHeapKb < 512).length} of ${read.length} pages; the bench's ${LIVE_CHANGES} paragraphs (median ${median(read.map((r) => r.marksAdded)).toFixed(0)} marks more) and pointer moves add median ${median(read.map((r) => r.changedHeapKb)).toFixed(0)} KB`,
  );
  if (perMark.length)
    console.log(
      `a mark's own heap (${MANY_PARAGRAPHS} paragraphs more at once, after those): median ${median(perMark.map((r) => r.bytesPerMark)).toFixed(0)} bytes a mark added, most ${Math.max(...perMark.map((r) => r.bytesPerMark)).toFixed(0)}; its range alone, held by a script: median ${median(perMark.map((r) => r.rangeBytes)).toFixed(0)} bytes`,
    );
  const overFloor = read.filter((r) => r.blockWalkKb >= 512);
  console.log(
    `the heap's floor (a world that walked the page, ./floor.ts): with b′'s walk of the text median ${median(read.map((r) => r.textWalkKb)).toFixed(0)} KB (most ${Math.max(...read.map((r) => r.textWalkKb)).toFixed(0)}); with a walk of the elements too median ${median(read.map((r) => r.blockWalkKb)).toFixed(0)} KB (most ${Math.max(...read.map((r) => r.blockWalkKb)).toFixed(0)}), at or over 512 KB on ${overFloor.length} of ${read.length} pages${overFloor.length ? ` (${overFloor.map((r) => r.page).join(', ')})` : ''}; Lens's heap above that floor: median ${median(read.map((r) => r.heapKb - r.blockWalkKb)).toFixed(0)} KB`,
  );
  console.log(
    `Lens's heap in the background (its service worker, after GC, after every page): ${(background / 1024).toFixed(0)} KB`,
  );
  mkdirSync(join(BUILD_DIR, '..', 'bench'), { recursive: true });
  writeFileSync(
    join(BUILD_DIR, '..', 'bench', 'cost.json'),
    JSON.stringify({ runs: RUNS, windowMs: COST_WINDOW_MS, rows, backgroundHeapKb: background / 1024 }, null, 2),
  );
  console.log(`JSON: ${join(BUILD_DIR, '..', 'bench', 'cost.json')}`);
}

await main();
