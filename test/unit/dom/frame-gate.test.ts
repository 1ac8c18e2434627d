// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { FRAME_TEXT_MIN, hasTextToRead, whenTextToRead } from '../../../lib/dom/frame-gate';

beforeEach(() => {
  document.body.innerHTML = '';
});

/** Whether a promise has settled, once the pending callbacks (mutation records included) have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe('hasTextToRead', () => {
  test('a sentence is text to read; a label, white space, scripts and styles are not', () => {
    document.body.innerHTML = '<p>Advertisement</p>';
    expect(hasTextToRead(document)).toBe(false);
    document.body.innerHTML = `<p>${' \n\t\u00a0'.repeat(40)}</p><script>${'var x = 1;'.repeat(20)}</script><style>p { color: red }</style>`;
    expect(hasTextToRead(document)).toBe(false);
    document.body.innerHTML = '<p>Sergei Lavrov flew on to <b>Wonsan</b>, where the talks went on.</p>';
    expect(hasTextToRead(document)).toBe(true);
  });

  test('counts characters that are not white space, across text nodes, up to FRAME_TEXT_MIN', () => {
    document.body.innerHTML = `<p>${'x '.repeat(FRAME_TEXT_MIN - 1)}</p>`;
    expect(hasTextToRead(document)).toBe(false);
    document.body.insertAdjacentHTML('beforeend', '<span>y</span>');
    expect(hasTextToRead(document)).toBe(true);
  });
});

describe('whenTextToRead', () => {
  test('resolves at once where there is text to read', async () => {
    document.body.innerHTML = '<p>Sergei Lavrov flew on to Wonsan, where the talks went on late.</p>';
    expect(await settled(whenTextToRead(document, new AbortController().signal))).toBe(true);
  });

  test('waits for the change that brings a sentence, not for one that brings a label', async () => {
    document.body.innerHTML = '<p>Advertisement</p>';
    const waiting = whenTextToRead(document, new AbortController().signal);
    expect(await settled(waiting)).toBe(false);
    document.body.insertAdjacentHTML('beforeend', '<p>Sponsored</p>');
    expect(await settled(waiting)).toBe(false);
    document.body.insertAdjacentHTML('beforeend', '<p>Sergei Lavrov flew on to Wonsan, where the talks went on.</p>');
    expect(await settled(waiting)).toBe(true);
  });

  test('text typed into an existing node counts too', async () => {
    document.body.innerHTML = '<p>Ad</p>';
    const waiting = whenTextToRead(document, new AbortController().signal);
    document.querySelector('p')!.firstChild!.nodeValue = 'Sergei Lavrov flew on to Wonsan, where the talks went on.';
    expect(await settled(waiting)).toBe(true);
  });

  test('stops watching when the content script ends', async () => {
    const life = new AbortController();
    const waiting = whenTextToRead(document, life.signal);
    life.abort();
    document.body.innerHTML = '<p>Sergei Lavrov flew on to Wonsan, where the talks went on late.</p>';
    expect(await settled(waiting)).toBe(false);
  });
});
