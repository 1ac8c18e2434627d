/**
 * The store listing's screenshots (issue 19): the built extension on real
 * news pages, at the 1280×800 both stores take. RDL_UPDATE_SCREENSHOTS=1
 * writes them to docs/store/, which `npm run zip` copies into the listing;
 * a plain run writes them to .e2e-output/store/.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pngSize, SCREENSHOT_SIZE, SCREENSHOTS_DIR } from '../../store/listing';
import { BROWSER_NAMES, launch, type LensBrowser, usePageServer } from './harness';
import { highlightedTexts, openCard, openPanel, sendFromExtensionPage, sendToPageTabs } from './page-helpers';
import { hover } from './reader-actions';

const server = usePageServer();

function storeShot(name: string): string {
  return resolve(process.env.RDL_UPDATE_SCREENSHOTS === '1' ? SCREENSHOTS_DIR : '.e2e-output/store', name);
}

describe.each(BROWSER_NAMES)('%s', (browserName) => {
  let lens: LensBrowser;
  beforeAll(async () => {
    // Firefox's classic scrollbar takes 12 px of the 1280 px viewport; an overlay one takes none, as in Chromium's shot.
    lens = await launch(browserName, 'current', { prefs: { 'ui.useOverlayScrollbars': 1 } });
  });
  afterAll(() => lens.close());

  // A page about North Korea: its core and context entities are marked.
  const ARTICLE = '/shared/nk/A04_theatlantic_the-interview.html';

  test('screenshot for the store: a card on an English news page', async () => {
    const page = await lens.openPage(server.url(ARTICLE));
    await hover(page, 'Kim Jong Un');
    expect((await page.waitForUi(openCard)).title).toBe('Kim Jong Un');
    await page.screenshot(storeShot(`${browserName}-1-card.png`), SCREENSHOT_SIZE);
    expect(pngSize(readFileSync(storeShot(`${browserName}-1-card.png`)))).toEqual(SCREENSHOT_SIZE);
    await page.close();
  });

  test('screenshot for the store: a card on a Russian news page, from an inflected form', async () => {
    // No Russian page of the set is about the relationship, where Putin (a context entity) is marked
    // by default: the reader's "Mark everything on every page" shows him here, as it would for them.
    const options = await lens.openExtensionPage('options.html');
    await options.evaluate(sendFromExtensionPage, 'setSettings', { markEverywhere: true });
    try {
      const page = await lens.openPage(server.url('/shared/R01_kommersant_putin-ibrahim.html'));
      // Владимира Путина: Vladimir Putin in the genitive, marked as the words are written.
      expect(await page.waitFor(highlightedTexts, ['rdl-term'])).toContain('Владимира Путина');
      await hover(page, 'Владимира Путина');
      expect((await page.waitForUi(openCard)).title).toBe('Vladimir Putin');
      await page.screenshot(storeShot(`${browserName}-2-card-russian.png`), SCREENSHOT_SIZE);
      await page.close();
    } finally {
      await options.evaluate(sendFromExtensionPage, 'setSettings', { markEverywhere: false });
      await options.close();
    }
  });

  test('screenshot for the store: the page panel, every entity on the page with its count', async () => {
    const page = await lens.openPage(server.url(ARTICLE));
    await page.waitFor(highlightedTexts, ['rdl-term']);
    const controller = await lens.openExtensionPage('popup.html');
    expect(await controller.evaluate(sendToPageTabs, 'openPanel', null)).toContain(true);
    await controller.close();
    expect((await page.waitForUi(openPanel)).options.length).toBeGreaterThan(1);
    await page.screenshot(storeShot(`${browserName}-3-panel.png`), SCREENSHOT_SIZE);
    await page.close();
  });
});
