// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Mark } from '../../../lib/dom/annotator';
import { watchHover } from '../../../lib/dom/hover';
import { asReader } from './trusted';

/** A page with one mark, over x in [100, 200): markAt stands in for hit-testing. */
const mark = { entityId: 'putin' } as Mark;
let controller: AbortController;
let card: { open: Mark | null; opened: number; closed: number };
let ui: HTMLElement;
/** how many times the pointer was hit-tested */
let hitTests: number;

beforeEach(() => {
  vi.useFakeTimers();
  controller = new AbortController();
  card = { open: null, opened: 0, closed: 0 };
  hitTests = 0;
  document.body.innerHTML = '<p>text</p><div id="ui"></div>';
  ui = document.getElementById('ui')!;
  watchHover({
    document,
    signal: controller.signal,
    markAt: (x) => {
      hitTests++;
      return x >= 100 && x < 200 ? mark : null;
    },
    isInsideUi: (event) => event.composedPath().includes(ui),
    open: (m) => {
      card.open = m;
      card.opened++;
    },
    close: () => {
      card.open = null;
      card.closed++;
    },
    isOpen: () => card.open !== null,
    dwellMs: 200,
    graceMs: 300,
    sampleMs: 40,
  });
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

function move(x: number, target: EventTarget = document.body, pointerType = 'mouse') {
  target.dispatchEvent(
    asReader(new PointerEvent('pointermove', { clientX: x, clientY: 10, pointerType, bubbles: true, composed: true })),
  );
}

describe('hover', () => {
  test('the card opens after the pointer dwells on a mark', () => {
    move(150);
    vi.advanceTimersByTime(199);
    expect(card.open).toBeNull();
    vi.advanceTimersByTime(1);
    expect(card.open).toBe(mark);
  });

  test('a pointer moving over the page is not hit-tested until it rests (issue 17: hovering costs nothing)', () => {
    for (let x = 0; x < 400; x += 20) {
      move(x);
      vi.advanceTimersByTime(20);
    }
    expect(hitTests).toBe(0);
    vi.advanceTimersByTime(40);
    expect(hitTests).toBe(1);
    expect(card.opened).toBe(0);
  });

  test('a pointer moving without rest costs one timer, however many times it moves (issue 17)', () => {
    const timers = vi.spyOn(window, 'setTimeout');
    for (let i = 0; i < 200; i++) {
      move(i * 2);
      vi.advanceTimersByTime(0.1);
    }
    // 200 moves within 20 ms: one timer waits for the rest, none is set per move.
    expect(timers).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(40);
    expect(hitTests).toBe(1);
    timers.mockRestore();
  });

  test('pointer moves, taps and Esc that a page script makes open and close nothing', () => {
    const untrusted = (type: string, init: PointerEventInit) =>
      document.body.dispatchEvent(new PointerEvent(type, { clientX: 150, clientY: 10, bubbles: true, ...init }));
    untrusted('pointermove', { pointerType: 'mouse' });
    untrusted('pointerup', { pointerType: 'touch' });
    vi.advanceTimersByTime(1000);
    expect(card.opened).toBe(0);
    move(150);
    vi.advanceTimersByTime(250);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    untrusted('pointerdown', { clientX: 400, pointerType: 'mouse' });
    expect(card.open).toBe(mark);
  });

  test('passing over a mark does not open the card', () => {
    move(150);
    vi.advanceTimersByTime(100);
    move(250);
    vi.advanceTimersByTime(1000);
    expect(card.opened).toBe(0);
  });

  test('the pointer can move from the mark into the card, and the card stays', () => {
    move(150);
    vi.advanceTimersByTime(250);
    move(250); // off the mark, towards the card
    vi.advanceTimersByTime(100);
    move(260, ui); // into the card
    vi.advanceTimersByTime(5000);
    expect(card.open).toBe(mark);
    expect(card.closed).toBe(0);
  });

  test('the card closes a moment after the pointer leaves both', () => {
    move(150);
    vi.advanceTimersByTime(250);
    move(260, ui);
    vi.advanceTimersByTime(50);
    move(400);
    vi.advanceTimersByTime(299);
    expect(card.open).toBe(mark);
    vi.advanceTimersByTime(100);
    expect(card.open).toBeNull();
  });

  test('Esc on the page closes it; Esc inside our UI is left to the UI', () => {
    move(150);
    vi.advanceTimersByTime(250);
    ui.dispatchEvent(asReader(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })));
    expect(card.open).toBe(mark);
    document.body.dispatchEvent(asReader(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(card.open).toBeNull();
  });

  test('a click elsewhere closes it; a click on the mark keeps it', () => {
    move(150);
    vi.advanceTimersByTime(250);
    document.body.dispatchEvent(
      asReader(new PointerEvent('pointerdown', { clientX: 150, clientY: 10, bubbles: true })),
    );
    expect(card.open).toBe(mark);
    document.body.dispatchEvent(
      asReader(new PointerEvent('pointerdown', { clientX: 400, clientY: 10, bubbles: true })),
    );
    expect(card.open).toBeNull();
  });

  test('a tap opens the card at once on a touch screen', () => {
    document.body.dispatchEvent(
      asReader(new PointerEvent('pointerup', { clientX: 150, clientY: 10, pointerType: 'touch', bubbles: true })),
    );
    expect(card.open).toBe(mark);
  });

  test('after abort nothing reacts', () => {
    controller.abort();
    move(150);
    vi.advanceTimersByTime(1000);
    expect(card.opened).toBe(0);
  });
});
