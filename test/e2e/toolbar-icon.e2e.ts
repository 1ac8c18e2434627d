/**
 * The toolbar icon shows Lens's state for the tab (issue 19): paused
 * everywhere, off on this site, or active. Chromium: the button's title,
 * which the background sets with the icon (its toolbar is out of a test's
 * reach). Firefox: also the image the browser draws for the button.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import en from '../../locales/en.json';
import { toolbarTitleKey, type ToolbarState } from '../../lib/toolbar-icon';
import { BROWSER_NAMES, launch, type LensBrowser, type LensPage, usePageServer } from './harness';
import { pageTabId, sendFromExtensionPage } from './page-helpers';

const server = usePageServer();

/** Whether the toolbar button's title on a tab is `title` (run in an extension page). */
async function titleIs(tabId: number, title: string): Promise<boolean> {
  const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
  return (await (g.browser ?? g.chrome).action.getTitle({ tabId })) === title;
}

/** Clicks the control whose label is `label`. */
function clickLabelled(label: string): boolean {
  const control = [...document.querySelectorAll<HTMLElement>('label')].find((l) => l.textContent!.trim() === label);
  control?.click();
  return control !== undefined;
}

const PAUSE = en.optionsPause;

describe.each(BROWSER_NAMES)('%s', (browserName) => {
  let lens: LensBrowser;
  let options: LensPage;
  let tabId: number;
  let pageUrl: string;

  beforeAll(async () => {
    lens = await launch(browserName);
    options = await lens.openExtensionPage('options.html');
    await options.waitForSelector('input[name="density"]');
    pageUrl = server.url('/fixtures/options.html');
    await lens.openPage(pageUrl);
    tabId = await options.waitFor(pageTabId);
  });
  afterAll(() => lens.close());

  /** Waits until the page's tab shows `state`: its title, and in Firefox the icon drawn on the button. */
  async function showsState(state: ToolbarState) {
    // The browser in English: the English message (test/e2e/locale.e2e.ts reads Lens in Russian and Korean).
    const title = en[toolbarTitleKey(state)];
    await options.waitFor(titleIs, [tabId, title]);
    if (!lens.toolbarImage) return;
    const file = state === 'active' ? 'icon/16.png' : `icon/${state}-16.png`;
    // The 1× image of the button, as drawn: the 16 px file of the state.
    const drawn = new RegExp(`^(image-set\\()?url\\("moz-extension://[^/]+/${file}"\\)`);
    let image: string | null = null;
    // Polled: the icon is set beside the title, not before it.
    for (let tries = 0; tries < 100 && !drawn.test(image ?? ''); tries++) {
      if (tries > 0) await new Promise((r) => setTimeout(r, 100));
      image = await lens.toolbarImage(pageUrl);
    }
    expect(image).toMatch(drawn);
  }

  test('a page Lens marks shows the active icon', async () => {
    await showsState('active');
  });

  test('pausing Lens on the options page changes the icon, and resuming changes it back', async () => {
    expect(await options.evaluate(clickLabelled, PAUSE)).toBe(true);
    await showsState('paused');
    expect(await options.evaluate(clickLabelled, PAUSE)).toBe(true);
    await showsState('active');
  });

  test('turning Lens off for the site shows the site-off icon', async () => {
    await options.evaluate(sendFromExtensionPage, 'setSettings', { disabledSites: ['127.0.0.1'] });
    await showsState('site-off');
    await options.evaluate(sendFromExtensionPage, 'setSettings', { disabledSites: [] });
    await showsState('active');
  });
});
