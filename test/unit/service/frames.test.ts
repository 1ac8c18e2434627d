import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  FRAME_SCRIPT,
  FRAME_TEXT_SCRIPT,
  FRAME_TEXT_WAIT_SCRIPT,
  FRAMES_MOST_MS,
  FRAMES_QUIET_MS,
  frameReader,
  type ExecuteScript,
} from '../../../lib/service/frames';

type Injection = Parameters<ExecuteScript>[0];

/**
 * A tab's frames as `scripting.executeScript` sees them: each has text to read now, or will once its
 * `arrive` is called, or never. Records what was injected where.
 */
function fakeTab(frames: Record<number, 'text' | 'later' | 'none'>) {
  const injected: number[][] = [];
  const reads: Injection[] = [];
  const arrivals = new Map<number, () => void>();
  let pending: (() => void) | null = null;
  let hold = false;
  const executeScript: ExecuteScript = async (injection) => {
    if (injection.files[0] === FRAME_SCRIPT) {
      // (Lens's own script: in its isolated world, as a content script is.)
      expect(injection.world).toBeUndefined();
      injected.push(injection.target.frameIds!);
      return [];
    }
    // The readings run in the frame's own world.
    expect(injection.world).toBe('MAIN');
    reads.push(injection);
    if (injection.files[0] === FRAME_TEXT_SCRIPT) {
      if (hold) await new Promise<void>((release) => (pending = release));
      return Object.entries(frames).map(([id, has]) => ({ frameId: Number(id), result: has === 'text' }));
    }
    expect(injection.files).toEqual([FRAME_TEXT_WAIT_SCRIPT]);
    const frameId = injection.target.frameIds![0]!;
    if (frames[frameId] === 'none') return new Promise(() => undefined);
    await new Promise<void>((arrive) => arrivals.set(frameId, arrive));
    return [{ frameId, result: true }];
  };
  return {
    executeScript,
    injected,
    reads,
    arrive: (frameId: number) => arrivals.get(frameId)!(),
    holdReads: () => (hold = true),
    release: () => {
      hold = false;
      pending!();
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A reader that reads as soon as it is asked (the pause between asks is tested on its own). */
const readAtOnce = (executeScript: ExecuteScript) => frameReader(executeScript, { quiet: 0, most: 0 });

describe('frameReader', () => {
  test('Lens goes into the frames with text, never into the top frame, and not into frames without', async () => {
    const tab = fakeTab({ 0: 'text', 3: 'text', 4: 'none', 5: 'text' });
    await readAtOnce(tab.executeScript)(7);
    expect(tab.injected).toEqual([[3, 5]]);
    expect(tab.reads[0]!.target).toEqual({ tabId: 7, allFrames: true });
  });

  test('a frame whose text comes later gets Lens then, and is watched once however often the tab is read', async () => {
    const tab = fakeTab({ 0: 'text', 3: 'later' });
    const read = readAtOnce(tab.executeScript);
    await read(7);
    await read(7);
    expect(tab.injected).toEqual([]);
    expect(tab.reads.filter((r) => r.files[0] === FRAME_TEXT_WAIT_SCRIPT).map((r) => r.target)).toEqual([
      { tabId: 7, frameIds: [3] },
    ]);
    tab.arrive(3);
    await tick();
    expect(tab.injected).toEqual([[3]]);
  });

  test('reads asked while one runs make one more read after it, not one each', async () => {
    const tab = fakeTab({ 0: 'text', 3: 'text' });
    const read = readAtOnce(tab.executeScript);
    tab.holdReads();
    const first = read(7);
    await tick();
    const second = read(7);
    await tick();
    const third = read(7);
    await tick();
    tab.release();
    await Promise.all([first, second, third]);
    expect(tab.reads.filter((r) => r.files[0] === FRAME_TEXT_SCRIPT)).toHaveLength(2);
    expect(tab.injected).toEqual([[3], [3]]);
  });

  test('a tab Lens cannot read (closed, or a browser page) is passed over', async () => {
    const read = readAtOnce(() => Promise.reject(new Error('No tab with id: 7')));
    await expect(read(7)).resolves.toBeUndefined();
  });

  describe('asked in a burst (a row of ads loading)', () => {
    afterEach(() => vi.useRealTimers());

    const fullReads = (tab: ReturnType<typeof fakeTab>) =>
      tab.reads.filter((r) => r.files[0] === FRAME_TEXT_SCRIPT).length;

    test('reads once, when the asks pause, and every ask is answered by that read', async () => {
      vi.useFakeTimers();
      const tab = fakeTab({ 0: 'text', 3: 'text' });
      const read = frameReader(tab.executeScript);
      const settled: number[] = [];
      for (let i = 0; i < 5; i++) {
        void read(7).then(() => settled.push(i));
        await vi.advanceTimersByTimeAsync(FRAMES_QUIET_MS / 2);
      }
      expect(fullReads(tab)).toBe(0);
      await vi.advanceTimersByTimeAsync(FRAMES_QUIET_MS / 2);
      expect(fullReads(tab)).toBe(1);
      expect(tab.injected).toEqual([[3]]);
      expect(settled).toEqual([0, 1, 2, 3, 4]);
    });

    test('a tab whose frames never stop loading is still read, at the latest FRAMES_MOST_MS after the first ask', async () => {
      vi.useFakeTimers();
      const tab = fakeTab({ 0: 'text', 3: 'text' });
      const read = frameReader(tab.executeScript);
      const every = FRAMES_QUIET_MS / 3;
      for (let at = 0; at < FRAMES_MOST_MS; at += every) {
        void read(7);
        await vi.advanceTimersByTimeAsync(every);
      }
      expect(fullReads(tab)).toBe(1);
      // The asks after that read make a burst of their own.
      void read(7);
      await vi.advanceTimersByTimeAsync(FRAMES_QUIET_MS);
      expect(fullReads(tab)).toBe(2);
    });

    test("each tab's asks are its own: one tab's burst does not hold another's read", async () => {
      vi.useFakeTimers();
      const tab = fakeTab({ 0: 'text', 3: 'text' });
      const read = frameReader(tab.executeScript);
      void read(7);
      for (let i = 0; i < 4; i++) {
        void read(8);
        await vi.advanceTimersByTimeAsync(FRAMES_QUIET_MS / 2);
      }
      expect(tab.reads.filter((r) => r.files[0] === FRAME_TEXT_SCRIPT).map((r) => r.target.tabId)).toEqual([7]);
    });
  });
});
