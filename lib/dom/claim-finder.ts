/**
 * Claims on a page (issue 16), the content script's part: it hands the
 * background the main-text blocks each scan marked (the annotator's
 * `addedBlocks`: the scan's own text, nothing read from the page again) and
 * keeps their text nodes until the answer comes. The background splits them
 * into sentences and matches those; only the sentences that state a claim
 * come back, and only then is the claim script (./claim-session.ts) loaded
 * to draw them. A page with entity marks but no claim never loads it
 * (issue 17: what the claims cost a page is in proportion to what they find).
 */
import { MAX_CLAIM_BLOCKS, MAX_CLAIM_BLOCK_TEXT, type FoundClaim } from '../messages';
import type { MarkedBlock } from './annotator';

/** The claim script, once loaded: draws the found sentences over their blocks' nodes (the blocks of the ask). */
export interface ClaimDrawer {
  draw(blocks: readonly Pick<MarkedBlock, 'nodes' | 'starts'>[], found: FoundClaim[]): Promise<void>;
}

/** Waits for the page's idle time (or the next task); resolves with the time the slice starts. */
export const idleSlice = (win: Window) =>
  new Promise<number>((resolve) => {
    const start = () => resolve(win.performance.now());
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(start, { timeout: 500 });
    else win.setTimeout(start, 0);
  });

/** A slice of the claims' work on the page, as the User Timing measure `rdl:claims` (what the claims benchmark sums). */
export function measureClaims(win: Window, t0: number, blocks: number, marked: number): void {
  try {
    win.performance.measure('rdl:claims', { start: t0, end: win.performance.now(), detail: { blocks, marked } });
  } catch {
    // a page that replaced performance.measure: nothing to record
  }
}

export interface ClaimFinderOptions {
  window: Window;
  signal: AbortSignal;
  /** the background: the sentences of these blocks that state a claim (`matchClaims`) */
  find(blocks: { text: string; entities: MarkedBlock['spans'] }[]): Promise<FoundClaim[]>;
  /** the drawing, loaded the first time a sentence is found */
  drawer(): Promise<ClaimDrawer>;
  /** says what went wrong (the claim script did not load); the page goes on */
  failed(error: unknown): void;
  /** write an `rdl:claims` measure per slice of work on the page (a developer setting: the page can read them) */
  measures?: boolean;
  /**
   * How long after an ask of the background the next waits, in ms: the
   * changes of a page that changes all the time (a live blog, a ticker) are
   * asked about together, not one message each.
   */
  gatherMs?: number;
}

export interface ClaimFinder {
  /** Asks about these blocks (after each scan, the annotator's `addedBlocks`). */
  update(blocks: readonly MarkedBlock[]): void;
  /** Resolves once every update so far has been asked about and drawn. */
  settled(): Promise<void>;
}

export function createClaimFinder(options: ClaimFinderOptions): ClaimFinder {
  const { window: win, signal, gatherMs = 250 } = options;
  /** blocks not asked about yet (taken from the front, so that those asked about are let go) */
  const queue: MarkedBlock[] = [];
  let running: Promise<unknown> = Promise.resolve();
  let scheduled = false;
  /** when the background was last asked */
  let lastAsk = Number.NEGATIVE_INFINITY;

  async function work(): Promise<void> {
    while (queue.length > 0 && !signal.aborted) {
      const t0 = await idleSlice(win);
      // (Blocks per ask: the message, its text copied once, stays a short piece of work for the page.)
      const batch = queue.splice(0, MAX_CLAIM_BLOCKS).filter((block) => block.text.length <= MAX_CLAIM_BLOCK_TEXT);
      if (options.measures) measureClaims(win, t0, batch.length, 0);
      if (batch.length === 0 || signal.aborted) continue;
      lastAsk = win.performance.now();
      const found = await options
        .find(batch.map(({ text, spans }) => ({ text, entities: spans })))
        .catch(() => [] as FoundClaim[]);
      // The blocks' nodes are kept until this answer (and until drawn, where it found something).
      if (found.length > 0 && !signal.aborted) await (await options.drawer()).draw(batch, found);
    }
  }

  function schedule(): void {
    if (scheduled || queue.length === 0 || signal.aborted) return;
    scheduled = true;
    // Soon after an ask, the work waits out the rest of gatherMs: the changes meanwhile join it.
    const wait = lastAsk + gatherMs - win.performance.now();
    running = running
      .then(() => wait > 0 && new Promise((resolve) => win.setTimeout(resolve, wait)))
      .then(work)
      .catch(options.failed)
      .finally(() => {
        scheduled = false;
        schedule(); // an update that came as the work ended
      });
  }

  return {
    update(blocks) {
      // (Not concat: a live page's every change would copy the whole queue.)
      for (const block of blocks) queue.push(block);
      schedule();
    },
    settled: () => running.then(() => undefined),
  };
}
