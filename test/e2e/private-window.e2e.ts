/**
 * A private window, in Firefox: pages are marked as in any window, but Lens
 * keeps nothing from it. Selecting text shows why saving is off instead of
 * the toolbar's buttons, and neither the toolbar, the context menu nor the
 * shortcut stores anything.
 *
 * Why this is needed at all: Firefox lets web pages in private windows use
 * IndexedDB (in memory), but an extension's background is never private, so
 * a highlight it stored for a private tab would land in the reader's
 * persistent store, visible in normal windows and after a restart.
 *
 * Firefox only: Chromium runs an extension in incognito only once the reader
 * allows it, and its persistent profile (which an unpacked extension needs)
 * cannot open an incognito window from a test. The same rule (the sender's
 * tab is incognito) covers Chromium in lib/service.ts and its unit test.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { HighlightRow } from '../../lib/db/schema';
import { BROWSER_NAMES, launch, type LensBrowser, usePageServer } from './harness';
import { dragSelect } from './reader-actions';
import {
  drawnHighlights,
  highlightedTexts,
  savedHighlights,
  selectText,
  sendFromExtensionPage,
  sendToPageTabs,
} from './page-helpers';

const LEAD = 'Putin arrived in Pyongyang';
const PACT = 'signed a mutual defence pact';

/** What the toolbar next to the selection says, and which buttons it has. */
function toolbar(root: ShadowRoot | null): { message: string | null; actions: string[] } | null {
  const tool = root?.querySelector<HTMLElement>('.rdl-toolbar');
  if (!tool?.closest('[data-placed]')) return null;
  return {
    message: tool.querySelector('[data-role="unavailable"]')?.textContent ?? null,
    actions: [...tool.querySelectorAll<HTMLElement>('[data-action]')].map((b) => b.dataset.action!),
  };
}

const server = usePageServer();

describe.each(BROWSER_NAMES.filter((name) => name === 'firefox'))('%s', (browserName) => {
  let lens: LensBrowser;
  beforeAll(async () => {
    // As a reader who ticked "Run in Private Windows" for Lens.
    lens = await launch(browserName, 'current', { allowPrivate: true });
  });
  afterAll(() => lens.close());

  test('a private window is marked, says saving is off, and nothing from it is stored', async () => {
    const url = server.url('/fixtures/highlight-article.html?case=private');
    const page = await lens.openPrivatePage(url);
    expect(await page.waitFor(highlightedTexts, ['rdl-term'])).toContain('Pyongyang');
    // Drawn as in any window (the rule comes from the background with the first mark).
    await page.waitFor(drawnHighlights, [null, ['rdl-term: underline dotted']]);

    await dragSelect(page, LEAD);
    const shown = await page.waitForUi(toolbar);
    expect(shown.actions).toEqual([]);
    expect(shown.message).toMatch(/^Saving highlights is off in private windows/);

    // The context menu's and the shortcut's path: the tab is asked to save its selection.
    expect(await page.evaluate(selectText, PACT)).toBe(true);
    const controller = await lens.openExtensionPage('popup.html');
    // The private tab refuses (its reply is an error, which sendToPageTabs leaves out); no tab saved anything.
    const replies = (await controller.evaluate(sendToPageTabs, 'saveSelection', null)) as (HighlightRow | null)[];
    expect(replies.filter((reply) => reply)).toEqual([]);

    expect(await page.evaluateLayer(savedHighlights)).toEqual([]);
    expect(await controller.evaluate(sendFromExtensionPage, 'listHighlights', {})).toEqual([]);
    expect(page.errors()).toEqual([]);
    await controller.close();
    await page.close();
  });
});
