/**
 * What a reader does with highlights, as steps a test takes: select text with
 * the mouse, press a control of the toolbar, wait until the page draws what
 * is saved.
 */
import { expect } from 'vitest';
import type { LensPage } from './harness';
import { highlightedTexts, phraseEnds, savedHighlights, toolControl } from './page-helpers';

/** Drags the mouse over `text`, as a reader selects it, and waits for the toolbar. */
export async function dragSelect(page: LensPage, text: string): Promise<void> {
  // Terms are marked once the page is scanned: by then the content script listens.
  await page.waitFor(highlightedTexts, ['rdl-term']);
  const ends = await page.evaluate(phraseEnds, text);
  if (!ends) throw new Error(`"${text}" is not on the page`);
  await page.mouseMove(ends.from.x, ends.from.y);
  await page.mouseDown();
  await page.mouseMove(ends.to.x, ends.to.y, 8);
  await page.mouseUp();
  expect(await page.evaluate(() => getSelection()?.toString())).toBe(text);
  await page.waitFor(() => {
    const tool = document.querySelector('rdl-ui')?.shadowRoot?.querySelector('.rdl-toolbar');
    return Boolean(tool?.closest('[data-placed]'));
  });
}

export async function clickTool(page: LensPage, selector: string): Promise<void> {
  const at = await page.waitFor(toolControl, [selector]);
  await page.mouseClick(at.x, at.y);
}

/** Waits until exactly `expected` is drawn (see savedHighlights); polls from here, so it outlives a reload. */
export async function waitDrawn(page: LensPage, expected: string[], timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let drawn: unknown = null;
  for (;;) {
    drawn = await page.evaluate(savedHighlights).catch(() => null /* the page is reloading */);
    if (JSON.stringify(drawn) === JSON.stringify(expected)) return;
    if (Date.now() > deadline) {
      throw new Error(`Drawn ${JSON.stringify(drawn)}, expected ${JSON.stringify(expected)}`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
}
