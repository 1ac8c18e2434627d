/**
 * Lens in a tab's frames (issue 17). No content script runs in a page's
 * frames: most are ads, players and trackers without text, and each would
 * pay for a world of its own. Here the background reads the tab's frames
 * with a gate run in each frame's own world (lib/dom/frame-gate.ts's
 * `frameText`, handed in by the background entrypoint), and
 * injects the frames' small script (entrypoints/lens-frames.content, which
 * loads Lens's session) only into those with text to read. A frame without
 * is watched until it has some; it gets the script then.
 *
 * Read when the tab's top frame starts Lens (its configuration) and when a
 * frame of a page with Lens loads (the session's `readFrames`). A frame that
 * has Lens already is given the script again: it does nothing there.
 */
/** The frames' script, as the build writes it (WXT's content-scripts/<name>.js). */
export const FRAME_SCRIPT = '/content-scripts/lens-frames.js';

/**
 * Whether the frame it runs in has `min` characters of text to read; with `wait`, resolves true once it has.
 * Run from its source alone, in the frame's own world.
 */
export type FrameGate = (min: number, wait: boolean) => boolean | Promise<boolean>;

/** What of `scripting.executeScript` (Chrome's, Firefox's) the reader uses. */
export type ExecuteScript = (injection: {
  target: { tabId: number; allFrames?: true; frameIds?: number[] };
  world?: 'MAIN';
  func?: FrameGate;
  args?: Parameters<FrameGate>;
  files?: string[];
}) => Promise<{ frameId: number; documentId?: string; result?: unknown }[]>;

/**
 * Reads a tab's frames with `gate` (a frame has text from `min` characters) and starts Lens in those with
 * text; a second read asked while one runs follows it.
 */
export function frameReader(
  executeScript: ExecuteScript,
  { gate, min }: { gate: FrameGate; min: number },
): (tabId: number) => Promise<void> {
  /** per tab being read: whether it is asked again meanwhile */
  const reads = new Map<number, { again: boolean }>();
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
      func: gate,
      args: [min, true],
    })
      .then(([found]) => (found?.result === true ? start(tabId, [frameId]) : undefined))
      .catch(() => undefined)
      .finally(() => watched.delete(key));
  };

  const readOnce = async (tabId: number) => {
    const found = await executeScript({
      target: { tabId, allFrames: true },
      world: 'MAIN',
      func: gate,
      args: [min, false],
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

  return async (tabId) => {
    const running = reads.get(tabId);
    if (running) {
      running.again = true;
      return;
    }
    const read = { again: true };
    reads.set(tabId, read);
    try {
      while (read.again) {
        read.again = false;
        await readOnce(tabId);
      }
    } finally {
      reads.delete(tabId);
    }
  };
}
