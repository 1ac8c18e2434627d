// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FRAME_TEXT_MIN, frameText } from '../../../lib/dom/frame-gate';

beforeEach(() => {
  document.body.innerHTML = '';
  // A frame of a page: its top window is another.
  vi.spyOn(window, 'top', 'get').mockReturnValue({} as Window);
});
afterEach(() => vi.restoreAllMocks());

/** Whether a promise has settled, once the pending callbacks (mutation records included) have run. */
async function settled(promise: unknown): Promise<boolean> {
  let done = false;
  void Promise.resolve(promise).then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe('frameText, read now', () => {
  test('a sentence is text to read; a label, white space, scripts and styles are not', () => {
    document.body.innerHTML = '<p>Advertisement</p>';
    expect(frameText(FRAME_TEXT_MIN, false)).toBe(false);
    document.body.innerHTML = `<p>${' \n\t\u00a0\u3000\ufeff'.repeat(40)}</p><script>${'var x = 1;'.repeat(20)}</script><style>p { color: red; margin: 0 }</style>`;
    expect(frameText(FRAME_TEXT_MIN, false)).toBe(false);
    document.body.innerHTML = '<p>Sergei Lavrov flew on to <b>Wonsan</b>, where the talks went on.</p>';
    expect(frameText(FRAME_TEXT_MIN, false)).toBe(true);
  });

  test('counts characters that are not white space, across text nodes, up to the minimum', () => {
    document.body.innerHTML = `<p>${'x '.repeat(FRAME_TEXT_MIN - 1)}</p>`;
    expect(frameText(FRAME_TEXT_MIN, false)).toBe(false);
    document.body.insertAdjacentHTML('beforeend', '<span>y</span>');
    expect(frameText(FRAME_TEXT_MIN, false)).toBe(true);
  });
});

test('reads nothing in the page the reader sees (its own content script runs Lens there)', () => {
  vi.restoreAllMocks();
  const read = vi.spyOn(document, 'createTreeWalker');
  document.body.innerHTML = '<p>Sergei Lavrov flew on to Wonsan, where the talks went on late.</p>';
  expect(frameText(FRAME_TEXT_MIN, true)).toBe(false);
  expect(read).not.toHaveBeenCalled();
});

describe('frameText, waiting', () => {
  test('is true at once where there is text to read', () => {
    document.body.innerHTML = '<p>Sergei Lavrov flew on to Wonsan, where the talks went on late.</p>';
    expect(frameText(FRAME_TEXT_MIN, true)).toBe(true);
  });

  test('waits for the change that brings a sentence, not for one that brings a label', async () => {
    document.body.innerHTML = '<p>Advertisement</p>';
    const waiting = frameText(FRAME_TEXT_MIN, true);
    expect(await settled(waiting)).toBe(false);
    document.body.insertAdjacentHTML('beforeend', '<p>Sponsored</p>');
    expect(await settled(waiting)).toBe(false);
    document.body.insertAdjacentHTML('beforeend', '<p>Sergei Lavrov flew on to Wonsan, where the talks went on.</p>');
    expect(await settled(waiting)).toBe(true);
    expect(await waiting).toBe(true);
  });

  test('text typed into an existing node counts too', async () => {
    document.body.innerHTML = '<p>Ad</p>';
    const waiting = frameText(FRAME_TEXT_MIN, true);
    document.querySelector('p')!.firstChild!.nodeValue = 'Sergei Lavrov flew on to Wonsan, where the talks went on.';
    expect(await settled(waiting)).toBe(true);
  });
});
