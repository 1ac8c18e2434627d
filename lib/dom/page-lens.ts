/**
 * Lens on one document: the first full scan, then incremental rescans of what
 * the page changes, and a full rescan after a single-page-app navigation.
 * Everything it starts is tied to `signal`.
 */
import type { Tier } from '../corpus/schema';
import type { MarkStyleName } from '../mark-styles';
import type { Settings } from '../settings';
import type { MatchText } from '../text/term-matches';
import { createAnnotator, type Annotator, type Slices } from './annotator';
import { watchNavigation } from './navigation';
import { observeMutations, type Observer } from './observe';
import { StaleWalk } from './text-blocks';

/**
 * How long one slice of a full scan may run before it lets the page run
 * (issue 17: no stretch of Lens's work may make a long task, over 50 ms;
 * well under it, as a slice ends only between two parts of the page).
 */
const SLICE_MS = 8;

/** How many times a full scan starts over when the page takes away what it was reading, before it scans at once. */
const STALE_RETRIES = 2;

/** Lets the page run: `scheduler.yield()` where there is one (the scan keeps its place in line), else a new task. */
function yieldToPage(win: Window): Promise<void> {
  const scheduler = (win as unknown as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Where a full scan begins (issue 17: what is in view and near it first). A
 * page that opens at its top is read in its own order, which is the reader's.
 * One that opens further down is read from the part in view: a link into the
 * page opens at its target (found by id, before the browser has scrolled to
 * it); a reload or a step back keeps the reader's place, around the middle of
 * the window. From there: the largest element around it still within about
 * three windows' height, and its siblings up to a window's height above and
 * two below. Asked only on such loads, as measuring the page makes the
 * browser lay it out.
 */
export function inView(doc: Document, navigationType: string | undefined): Element[] {
  const win = doc.defaultView;
  const body = doc.body;
  if (!win || !body) return [];
  let at: Element | null = null;
  const hash = doc.location.hash.slice(1);
  // (The window's size and scroll are read only where they are needed: reading them may make the browser lay the page out.)
  if (hash !== '') at = doc.getElementById(decodedFragment(hash)) ?? doc.getElementsByName(hash)[0] ?? null;
  else if ((navigationType === 'reload' || navigationType === 'back_forward') && win.scrollY >= win.innerHeight / 2)
    at = doc.elementFromPoint(win.innerWidth / 2, win.innerHeight / 2);
  if (!at || at === body || !body.contains(at)) return [];
  const view = win.innerHeight;
  for (let up = at.parentElement; up && up !== body; up = up.parentElement) {
    if (up.getBoundingClientRect().height > 3 * view) break;
    at = up;
  }
  const top = at.getBoundingClientRect().top;
  const near = [at];
  for (let s = at.previousElementSibling; s && near.length < MAX_IN_VIEW; s = s.previousElementSibling) {
    if (s.getBoundingClientRect().bottom < top - view) break;
    near.unshift(s);
  }
  for (let s = at.nextElementSibling; s && near.length < MAX_IN_VIEW; s = s.nextElementSibling) {
    if (s.getBoundingClientRect().top > top + 2 * view) break;
    near.push(s);
  }
  return near;
}

/** A URL fragment as an id: percent-decoded where it decodes. */
function decodedFragment(hash: string): string {
  try {
    return decodeURIComponent(hash);
  } catch {
    return hash;
  }
}

/** At most this many elements are read first (a list of thousands of empty or hidden ones is not measured one by one). */
const MAX_IN_VIEW = 200;

export interface PageLensOptions {
  document: Document;
  /** the corpus's mentions in a text of blocks (the background's `matchTerms`) */
  match: MatchText;
  settings: Pick<Settings, 'density' | 'markStyle' | 'markEverywhere' | 'mainTextOnly' | 'measures'>;
  /** an entity's tier (core entities are marked on every page, context ones on pages about the relationship) */
  tierOf?: (entityId: string) => Tier;
  /** whether an entity's kind is one the reader marks */
  shows?: (entityId: string) => boolean;
  signal: AbortSignal;
  /** has a highlight's `::highlight()` rule added to the frame, when the first mark registers it */
  styleMarks?: (name: MarkStyleName) => void;
  /** the extension's own UI: never scanned, and its changes never trigger a rescan */
  isOwnNode: (node: Node) => boolean;
  /** after every scan, with what the page now has marked */
  onMarksChanged?: (annotator: Annotator) => void;
  /** whether the annotator keeps each scan's marked blocks for `onMarksChanged` (`addedBlocks`: the claims) */
  followBlocks?: boolean;
  onNavigate?: (url: string) => void;
  batchDelay?: number;
  /** how the document was loaded (PerformanceNavigationTiming's type: 'navigate', 'reload', 'back_forward'), for `inView` */
  navigationType?: string;
}

export interface PageLens {
  annotator: Annotator;
  observer: Observer;
  /** Drops every mark and scans the whole document again. */
  rescanAll(): void;
}

export function startPageLens(options: PageLensOptions): PageLens {
  const { document: doc, signal, isOwnNode } = options;
  const win = doc.defaultView!;
  const observedShadows = new WeakSet<ShadowRoot>();
  // Assigned below, before the first scan can meet a shadow root.
  let observer: Observer | undefined;
  const annotator = createAnnotator({
    match: options.match,
    registry: (name) => {
      options.styleMarks?.(name);
      return win.CSS.highlights;
    },
    density: options.settings.density,
    markStyle: options.settings.markStyle,
    markEverywhere: options.settings.markEverywhere,
    mainTextOnly: options.settings.mainTextOnly,
    ...(options.tierOf ? { tierOf: options.tierOf } : {}),
    ...(options.shows ? { shows: options.shows } : {}),
    measures: options.settings.measures,
    followBlocks: options.followBlocks === true,
    onShadowRoot: (shadow) => {
      if (observedShadows.has(shadow)) return;
      observedShadows.add(shadow);
      observer?.observe(shadow);
    },
  });
  signal.addEventListener('abort', () => annotator.destroy());

  const changed = () => options.onMarksChanged?.(annotator);
  const root = () => doc.body ?? doc.documentElement;

  const perf = win.performance;
  /** the scan under way (full, or of changes), if any: changes the page makes meanwhile are rescanned after it */
  let scanning: Promise<void> | null = null;
  /** counts full scans: a scan that is no longer the latest stops at its next pause */
  let generation = 0;

  /** `keepRelevance`: the page is known to be about the relationship (Annotator.clear) */
  async function fullScan(current: number, attempt: number, keepRelevance: boolean): Promise<void> {
    let sliceStart = perf.now();
    const slices: Slices = {
      timeUp: () => perf.now() - sliceStart > SLICE_MS,
      pause: async (until) => {
        await (until ?? yieldToPage(win));
        sliceStart = perf.now();
        return current === generation && !signal.aborted;
      },
    };
    try {
      if (await annotator.scanInSlices(root(), slices, inView(doc, options.navigationType))) changed();
    } catch (error) {
      if (!(error instanceof StaleWalk) || current !== generation || signal.aborted) throw error;
      annotator.clear(keepRelevance);
      if (attempt < STALE_RETRIES) return fullScan(current, attempt + 1, keepRelevance);
      // A page that keeps taking away what was read: read it at once.
      if (await annotator.scan(root(), 'full')) changed();
    }
  }

  /** Makes `run` the scan under way until it settles (unless another has taken its place meanwhile). */
  const track = (run: Promise<void>) => {
    const tracked = run.finally(() => {
      if (scanning === tracked) scanning = null;
    });
    scanning = tracked;
  };

  /**
   * `keepRelevance` when the page has just become about the relationship: it stays so until it navigates,
   * even if the text that made it so is gone by the time the rescan reads it (a ticker that comes and goes
   * would otherwise have the whole page rescanned at each of its turns).
   */
  const rescanAll = (keepRelevance = false) => {
    annotator.clear(keepRelevance);
    track(fullScan(++generation, 0, keepRelevance));
  };

  const navigation = watchNavigation(
    win,
    (url) => {
      rescanAll(false);
      options.onNavigate?.(url);
    },
    signal,
  );

  const onChanges = (roots: Set<Node> | Node[], removed: Iterable<Node>): void => {
    if (scanning) {
      // After the full scan under way (which may have read some of it before it changed).
      const again = () => onChanges(roots, removed);
      void scanning.then(again, again);
      return;
    }
    for (const node of removed) annotator.forget(node);
    track(
      annotator.rescan(roots).then((stats) => {
        // The page has become about the relationship: its context entities come everywhere.
        if (stats?.relevanceChanged) rescanAll(true);
        else if (stats) changed();
      }),
    );
    navigation.check();
  };

  observer = observeMutations(doc.documentElement, ({ changed: roots, removed }) => onChanges(roots, removed), {
    signal,
    ignore: isOwnNode,
    ...(options.batchDelay !== undefined ? { batchDelay: options.batchDelay } : {}),
  });

  rescanAll(false);
  return { annotator, observer, rescanAll: () => rescanAll(false) };
}
