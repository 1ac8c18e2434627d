/**
 * Lens in a tab's frames (issue 17). No content script runs in a page's
 * frames: most are ads, players and trackers without text, and each would
 * pay for a world of its own. Here the background reads the tab's frames
 * with a small script of the extension's in each frame's own world
 * (entrypoints/frame-text.ts: lib/dom/frame-gate.ts's `frameText`), and
 * injects the frames' script (entrypoints/lens-frames.content, which loads
 * Lens's session) only into those with text to read. A frame without is
 * watched until it has some (entrypoints/frame-text-wait.ts); it gets the
 * script then.
 *
 * Read when the tab's top frame starts Lens (its configuration) and when a
 * frame of a page with Lens loads (the session's `readFrames`), once the
 * tab's asks have paused for FRAMES_QUIET_MS: a news page's frames load in
 * bursts (a row of ads), and each read runs in every frame of the tab. A
 * frame that has Lens already is given the script again: it does nothing there.
 */

/** The scripts, as the build writes them: the frames' (WXT's content-scripts/<name>.js), and the two readings. */
export const FRAME_SCRIPT = '/content-scripts/lens-frames.js';
export const FRAME_TEXT_SCRIPT = '/frame-text.js';
export const FRAME_TEXT_WAIT_SCRIPT = '/frame-text-wait.js';

/** What of `scripting.executeScript` (Chrome's, Firefox's) the reader uses: a file, in frames of a tab. */
export type ExecuteScript = (injection: {
  target: { tabId: number; allFrames?: true; frameIds?: number[] };
  world?: 'MAIN';
  files: string[];
}) => Promise<{ frameId: number; documentId?: string; result?: unknown }[]>;

/** How long a tab's asks pause before its frames are read, in ms: a burst of frame loads makes one read, */
export const FRAMES_QUIET_MS = 150;
/** but none waits longer than this after the first ask of a burst (a page whose frames never stop loading). */
export const FRAMES_MOST_MS = 1000;

/**
 * Reads a tab's frames and starts Lens in those with text, once the tab's asks pause (FRAMES_QUIET_MS, at most
 * FRAMES_MOST_MS after the first); one asked while a read runs makes one more after it. The promise settles when
 * the read that covers the ask is done.
 */
export function frameReader(
  executeScript: ExecuteScript,
  timing = { quiet: FRAMES_QUIET_MS, most: FRAMES_MOST_MS },
): (tabId: number) => Promise<void> {
  /** per tab with a read to come: its timer, when its first ask came, and who waits for it */
  const bursts = new Map<number, { timer: ReturnType<typeof setTimeout>; since: number; done: (() => void)[] }>();
  /** per tab being read: whether it is asked again meanwhile, and when the reads end */
  const reads = new Map<number, { again: boolean; over: Promise<void> }>();
  /** the frames (tab, frame, document) watched until they have text */
  const watched = new Set<string>();

  // (A frame, or its tab, that is gone or that the browser does not let Lens into, is passed over: nothing to read.)
  const start = (tabId: number, frameIds: number[]): Promise<unknown> =>
    frameIds.length === 0
      ? Promise.resolve()
      : executeScript({ target: { tabId, frameIds }, files: [FRAME_SCRIPT] }).catch(() => undefined);

  const watch = (tabId: number, frameId: number, documentId = '') => {
    const key = `${tabId} ${frameId} ${documentId}`;
    if (watched.has(key)) return;
    watched.add(key);
    void executeScript({
      target: { tabId, frameIds: [frameId] },
      world: 'MAIN',
      files: [FRAME_TEXT_WAIT_SCRIPT],
    })
      .then(([found]) => (found?.result === true ? start(tabId, [frameId]) : undefined))
      .catch(() => undefined)
      .finally(() => watched.delete(key));
  };

  const readOnce = async (tabId: number) => {
    const found = await executeScript({
      target: { tabId, allFrames: true },
      world: 'MAIN',
      files: [FRAME_TEXT_SCRIPT],
    }).catch(() => []);
    // (Frame 0 is the page the reader sees: its own content script runs Lens there.)
    const frames = found.filter((frame) => frame.frameId !== 0);
    // (Not waited for: the script settles once Lens has started in the frame.)
    void start(
      tabId,
      frames.filter((frame) => frame.result === true).map((frame) => frame.frameId),
    );
    for (const frame of frames) if (frame.result !== true) watch(tabId, frame.frameId, frame.documentId);
  };

  const read = (tabId: number): Promise<void> => {
    const running = reads.get(tabId);
    if (running) {
      running.again = true;
      return running.over;
    }
    const reading = { again: true, over: Promise.resolve() };
    reading.over = (async () => {
      try {
        while (reading.again) {
          reading.again = false;
          await readOnce(tabId);
        }
      } finally {
        reads.delete(tabId);
      }
    })();
    reads.set(tabId, reading);
    return reading.over;
  };

  return (tabId) =>
    new Promise<void>((resolve) => {
      const burst = bursts.get(tabId);
      if (burst) clearTimeout(burst.timer);
      const since = burst?.since ?? Date.now();
      const done = burst?.done ?? [];
      done.push(resolve);
      const wait = Math.min(timing.quiet, Math.max(0, since + timing.most - Date.now()));
      const timer = setTimeout(() => {
        bursts.delete(tabId);
        void read(tabId).finally(() => done.forEach((settle) => settle()));
      }, wait);
      bursts.set(tabId, { timer, since, done });
    });
}
