/**
 * What a reader does, driven from the test: hover a mark, search in the
 * popup, select text with the mouse and use the toolbar, see what is drawn. Shared by the
 * end-to-end files that do the same things.
 */
import { expect } from 'vitest';
import type { LensBrowser, LensPage } from './harness';
import {
  highlightedTexts,
  markCentre,
  nextShowMore,
  openCard,
  pageTabId,
  phraseEnds,
  popupResults,
  savedHighlights,
  toolControl,
} from './page-helpers';

/** Opens the popup's "On this page" for the tab the reader is on (the page opened last). */
export async function openOnThisPage(lens: LensBrowser): Promise<LensPage> {
  const finder = await lens.openExtensionPage('popup.html');
  const tabId = await finder.waitFor(pageTabId);
  await finder.close();
  const onPage = await lens.openExtensionPage(`popup.html?tab=${tabId}`);
  await onPage.click('#tab-page');
  return onPage;
}

/** Rests the pointer on the first mark whose text is `text`, once the page is marked and the marks drawn; returns where. */
export async function hover(page: LensPage, text: string) {
  await page.waitFor(highlightedTexts, ['rdl-term']);
  // (A reader hovers what they see: the marks' rule comes with the first mark, lib/mark-styles.ts.)
  await page.waitFor(() => getComputedStyle(document.body, '::highlight(rdl-term)').textDecorationLine !== 'none');
  const at = await page.evaluate(markCentre, 'rdl-term', text);
  if (!at) throw new Error(`No mark "${text}" on the page`);
  await page.mouseMove(at.x, at.y);
  return at;
}

/** Types `query` into a fresh search box and waits until the results are those of the whole query. */
export async function searchFor(popup: LensPage, query: string) {
  await popup.evaluate(() => {
    const box = document.querySelector<HTMLInputElement>('[role="searchbox"]')!;
    box.value = '';
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await popup.type('[role="searchbox"]', query);
  return popup.waitFor(
    (q: string) => {
      const box = document.querySelector<HTMLInputElement>('[role="searchbox"]');
      // Until the reply to the last keystroke is in, the list shows (and is busy with) an earlier query's results.
      const list = document.querySelector('#results:not([aria-busy="true"])');
      const first = list?.querySelector('[role="option"]');
      return box?.value === q && first ? true : null;
    },
    [query],
  );
}

/** Searches for `query` and opens the first result with ↓ and Enter: the results, and the title the record opened with. */
export async function openFirstResult(popup: LensPage, query: string) {
  await searchFor(popup, query);
  const results = await popup.waitFor(popupResults);
  await popup.press('ArrowDown');
  await popup.press('Enter');
  const title = await popup.waitFor(
    () => document.querySelector('.detail .rdl-card-title, .detail #record-title')?.textContent ?? null,
  );
  return { results, title };
}

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
  await page.waitForUi((root) => Boolean(root?.querySelector('.rdl-toolbar')?.closest('[data-placed]')));
}

/** Clicks a control of the placed toolbar or popover (see toolControl). */
export async function clickTool(page: LensPage, selector: string): Promise<void> {
  const at = await page.waitForUi(toolControl, [selector]);
  await page.mouseClick(at.x, at.y);
}

/** Expands every "Show N more" of the open card with the mouse, as a reader does; returns how many. */
export async function expandCard(page: LensPage): Promise<number> {
  let expanded = 0;
  for (let at = await page.evaluateUi(nextShowMore); at; at = await page.evaluateUi(nextShowMore)) {
    await page.mouseMove(at.x, at.y);
    await page.mouseClick(at.x, at.y);
    expanded++;
    // The button changes (aria-expanded) once the card has re-rendered.
    await page.waitForUi(
      (root, x: number, y: number) => {
        const next = root?.querySelector('.rdl-more[aria-expanded="false"]');
        if (!next) return true;
        const rect = next.getBoundingClientRect();
        return rect.left + rect.width / 2 !== x || rect.top + rect.height / 2 !== y;
      },
      [at.x, at.y],
    );
  }
  await page.waitForUi(openCard);
  return expanded;
}

/**
 * Waits until exactly `expected` is drawn (see savedHighlights), or with `some` until it is among what is
 * drawn; polls from here, so it outlives a reload.
 */
export async function waitDrawn(page: LensPage, expected: string[], timeoutMs = 10_000, some = false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let drawn: string[] | null = null;
  for (;;) {
    drawn = await page.evaluateLayer(savedHighlights).catch(() => null /* the page is reloading */);
    if (some ? expected.every((e) => drawn?.includes(e)) : JSON.stringify(drawn) === JSON.stringify(expected)) return;
    if (Date.now() > deadline) {
      throw new Error(`Drawn ${JSON.stringify(drawn)}, expected ${JSON.stringify(expected)}`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
}
