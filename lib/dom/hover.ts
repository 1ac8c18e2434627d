/**
 * When the card opens and closes (WCAG 1.4.13: hoverable, dismissable,
 * persistent): it opens after the pointer dwells on a mark, not when it passes
 * over (the pointer is hit-tested only once it rests, or while it is on a
 * mark or an open card); it stays while the pointer is on the mark or in the card; it closes
 * on Esc, on a click elsewhere, or a moment after the pointer left both.
 * A tap opens it at once on touch screens.
 */
import type { Mark } from './annotator';
import { readerInput } from './reader-input';

/** `M`: what is hovered (an entity mark, or a claim mark: ./claim-marks.ts). */
export interface HoverOptions<M = Mark> {
  document: Document;
  signal: AbortSignal;
  markAt(x: number, y: number): M | null;
  /** whether an event happened inside the extension's own UI */
  isInsideUi(event: Event): boolean;
  open(mark: M, pointer: { x: number; y: number }): void;
  close(): void;
  isOpen(): boolean;
  dwellMs?: number;
  graceMs?: number;
  /** how long the pointer rests before it is hit-tested; and, on a mark or an open card, how often while it moves */
  sampleMs?: number;
}

export function watchHover<M = Mark>(options: HoverOptions<M>): void {
  const { document: doc, signal, dwellMs = 200, graceMs = 350, sampleMs = 40 } = options;
  const win = doc.defaultView!;
  let hovered: M | null = null;
  let dwell: number | undefined;
  let grace: number | undefined;
  let sampleTimer: number | undefined;
  let lastSample = Number.NEGATIVE_INFINITY;
  /** where the pointer is, as last read */
  let pointX = 0;
  let pointY = 0;
  /** while nothing is under way: the pointer's last move, read only once the pointer rests */
  let lastMove: PointerEvent | null = null;

  const cancelGrace = () => {
    win.clearTimeout(grace);
    grace = undefined;
  };
  const startGrace = () => {
    if (grace === undefined && options.isOpen())
      grace = win.setTimeout(() => {
        grace = undefined;
        options.close();
      }, graceMs);
  };

  /** whether the next sample comes after the pointer rested `sampleMs`: the dwell counts that rest */
  let rested = false;
  const sample = () => {
    win.clearTimeout(sampleTimer);
    sampleTimer = undefined;
    if (lastMove) {
      pointX = lastMove.clientX;
      pointY = lastMove.clientY;
      lastMove = null;
    }
    const restedMs = rested ? sampleMs : 0;
    rested = false;
    lastSample = win.performance.now();
    const mark = options.markAt(pointX, pointY);
    if (!mark) {
      hovered = null;
      win.clearTimeout(dwell);
      startGrace();
      return;
    }
    cancelGrace();
    if (mark === hovered) return;
    hovered = mark;
    win.clearTimeout(dwell);
    const at = { x: pointX, y: pointY };
    dwell = win.setTimeout(
      () => {
        if (hovered === mark) options.open(mark, at);
      },
      Math.max(0, dwellMs - restedMs),
    );
  };

  /**
   * Hit-tests once the pointer has rested `sampleMs`. One timer runs while the
   * pointer moves, and on firing waits again for what is left of the rest: a
   * move costs keeping its event, not a timer reset nor a read of where it is
   * (issue 17: hovering costs nothing).
   */
  const afterRest = () => {
    const left = lastMove ? lastMove.timeStamp + sampleMs - win.performance.now() : 0;
    // (An event's timeStamp is on performance.now()'s clock; were it not, the pointer counts as rested.)
    if (left > 0 && left <= sampleMs) {
      sampleTimer = win.setTimeout(afterRest, left);
      return;
    }
    rested = true;
    sample();
  };

  const listen = readerInput(doc, signal);

  listen('pointermove', (event) => {
    if (event.pointerType === 'touch') return;
    if (options.isInsideUi(event)) {
      // Into the card: it stays (hoverable).
      cancelGrace();
      win.clearTimeout(dwell);
      hovered = null;
      return;
    }
    if (hovered === null && !options.isOpen()) {
      // Nothing under way: the pointer is hit-tested once it rests, so that moving it over a page
      // costs Lens next to nothing, never a hit-test (issue 17).
      lastMove = event;
      sampleTimer ??= win.setTimeout(afterRest, sampleMs);
      return;
    }
    lastMove = null;
    pointX = event.clientX;
    pointY = event.clientY;
    // On a mark or over an open card: followed as it moves, so that the card closes when it leaves.
    const wait = sampleMs - (win.performance.now() - lastSample);
    if (wait <= 0) sample();
    else sampleTimer ??= win.setTimeout(sample, wait);
  });

  listen('pointerup', (event) => {
    if (event.pointerType !== 'touch' || options.isInsideUi(event)) return;
    const mark = options.markAt(event.clientX, event.clientY);
    if (mark) options.open(mark, { x: event.clientX, y: event.clientY });
    else if (options.isOpen()) options.close();
  });

  listen('pointerdown', (event) => {
    if (event.pointerType === 'touch' || options.isInsideUi(event) || !options.isOpen()) return;
    // A click on the term that opened the card keeps it; anywhere else closes it (dismissable).
    if (!options.markAt(event.clientX, event.clientY)) options.close();
  });

  listen('keydown', (event) => {
    // Keys inside our UI are the UI's own (the panel and card handle Esc themselves).
    if (event.key === 'Escape' && options.isOpen() && !options.isInsideUi(event)) options.close();
  });

  signal.addEventListener('abort', () => {
    win.clearTimeout(dwell);
    win.clearTimeout(grace);
    win.clearTimeout(sampleTimer);
  });
}
