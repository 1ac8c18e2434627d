/**
 * The reader's highlights outlive the browser and do not trip over each
 * other: saved with the mouse, they are drawn and listed again after the
 * browser quits and starts again on the same profile; saved from several tabs
 * at the same moment, each is stored once and none is lost.
 *
 * (Surviving an update and a changed corpus: foundation.e2e.ts. Private
 * windows: private-window.e2e.ts.)
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { HighlightRow } from '../../lib/db/schema';
import { BROWSER_NAMES, launch, type LensBrowser, type LensPage, usePageServer } from './harness';
import { clickTool, dragSelect, waitDrawn } from './reader-actions';
import { highlightedTexts, selectText, sendFromExtensionPage, sendToPageTabs } from './page-helpers';

const LEAD = 'Putin arrived in Pyongyang';
const PACT = 'signed a mutual defence pact';
const TRADE = 'Trade between the two countries remains small';

/** The popup's highlights tab: each listed highlight's quote, once the list is there. */
function listedInPopup(): string[] | null {
  const items = [...document.querySelectorAll('.highlight blockquote')].map((q) => q.textContent!.trim());
  return items.length > 0 ? items : null;
}

const server = usePageServer();

describe.each(BROWSER_NAMES)('%s', (browserName) => {
  let lens: LensBrowser;
  let pages: LensPage[] = [];
  const open = async (url: string) => {
    const page = await lens.openPage(url);
    pages.push(page);
    return page;
  };
  const closeAll = async () => {
    await Promise.all(pages.map((page) => page.close()));
    pages = [];
  };
  beforeAll(async () => {
    // Permanent: a temporary Firefox add-on would not outlive the restart (see LaunchOptions).
    lens = await launch(browserName, 'current', { permanent: true });
  });
  afterEach(closeAll);
  afterAll(() => lens.close());

  /** A page's stored highlights, read through the background from an extension page. */
  async function stored(url: string): Promise<HighlightRow[]> {
    const page = await lens.openExtensionPage('popup.html');
    try {
      return (await page.evaluate(sendFromExtensionPage, 'listHighlights', { url })) as HighlightRow[];
    } finally {
      await page.close();
    }
  }

  // Firefox only, where it can be seen: persisted() is true once unlimitedStorage grants it (false without).
  // Chromium answers false with or without the permission, and its service worker has no persist().
  if (browserName === 'firefox')
    test('the store is persistent: the browser does not evict it when the disk runs low', async () => {
      const popup = await lens.openExtensionPage('popup.html');
      pages.push(popup);
      expect(await popup.evaluate(() => navigator.storage.persisted())).toBe(true);
    });

  test('highlights saved before the browser quits are drawn and listed after it starts again', async () => {
    const url = server.url('/fixtures/highlight-article.html?case=restart');
    const page = await open(url);
    await dragSelect(page, LEAD);
    await clickTool(page, '[data-action="highlight"]');
    await waitDrawn(page, [`yellow: ${LEAD}`]);
    await dragSelect(page, TRADE);
    await clickTool(page, '[data-colour="green"]');
    await clickTool(page, '[data-action="highlight"]');
    await waitDrawn(page, [`yellow: ${LEAD}`, `green: ${TRADE}`]);
    expect(page.errors()).toEqual([]);
    pages = [];

    await lens.restart();

    const again = await open(url);
    await again.waitFor(highlightedTexts, ['rdl-term']);
    await waitDrawn(again, [`yellow: ${LEAD}`, `green: ${TRADE}`]);
    expect(again.errors()).toEqual([]);

    const popup = await lens.openExtensionPage('popup.html');
    pages.push(popup);
    await popup.click('#tab-highlights');
    const listed = await popup.waitFor(listedInPopup);
    expect([...listed].sort()).toEqual([LEAD, TRADE].sort());
    expect(popup.errors()).toEqual([]);
  });

  test('saves from four tabs at the same moment are each stored once, and each tab draws them all after a reload', async () => {
    const article = server.url('/fixtures/highlight-article.html?case=concurrent');
    const other = server.url('/fixtures/highlight-article-edited.html?case=concurrent');
    const chosen: [string, string][] = [
      [article, LEAD],
      [article, PACT],
      [article, TRADE],
      [other, LEAD],
    ];
    const tabs: LensPage[] = [];
    for (const [url, text] of chosen) {
      const tab = await open(url);
      await tab.waitFor(highlightedTexts, ['rdl-term']);
      expect(await tab.evaluate(selectText, text)).toBe(true);
      tabs.push(tab);
    }

    // One message to every tab at once, as the context menu sends one: the
    // four saves reach the background together.
    const controller = await lens.openExtensionPage('popup.html');
    pages.push(controller);
    const replies = (await controller.evaluate(sendToPageTabs, 'saveSelection', null)) as (HighlightRow | null)[];
    const saved = replies.filter((reply) => reply !== null);
    expect(saved.map((row) => [row.url, row.quote.exact]).sort()).toEqual(chosen.slice().sort());
    expect(new Set(saved.map((row) => row.id)).size).toBe(4);

    const onArticle = await stored(article);
    const onOther = await stored(other);
    expect(onArticle.map((row) => row.quote.exact).sort()).toEqual([LEAD, PACT, TRADE].sort());
    expect(onOther.map((row) => row.quote.exact)).toEqual([LEAD]);
    expect(new Set([...onArticle, ...onOther].map((row) => row.id))).toEqual(new Set(saved.map((row) => row.id)));

    // Each tab draws its own at once, and the others' once it reads the store again.
    for (const [i, tab] of tabs.entries()) await waitDrawn(tab, [`yellow: ${chosen[i]![1]}`]);
    for (const tab of tabs) {
      await tab.reload();
      await tab.waitFor(highlightedTexts, ['rdl-term']);
    }
    const everyOnArticle = [`yellow: ${LEAD}`, `yellow: ${PACT}`, `yellow: ${TRADE}`];
    for (const tab of tabs.slice(0, 3)) await waitDrawn(tab, everyOnArticle);
    await waitDrawn(tabs[3]!, [`yellow: ${LEAD}`]);
    for (const tab of tabs) expect(tab.errors()).toEqual([]);
  });
});
