/**
 * The options page and the popup's switches, driven like a reader, with a
 * news page open in another tab: every change reaches that tab without a
 * reload. Corpus packs: importing one marks its entities in the open tab and
 * makes them searchable; a bad file says why and changes nothing; removing
 * one takes it away. The toolbar badge counts the page's entities.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSER_NAMES, launch, screenshotPath, type LensBrowser, type LensPage, usePageServer } from './harness';
import {
  chooseFile,
  chooseLargeFile,
  drawnHighlights,
  openCard,
  packList,
  packMessage,
  pageTabId,
  sendFromExtensionPage,
} from './page-helpers';
import { hover } from './reader-actions';

const server = usePageServer();
const PACK = readFileSync('data/packs/example-pack.json', 'utf8');

/**
 * Resolves once the page's term marks (whichever mark style draws them) are
 * exactly `expected`; null expects no marks at all.
 */
function marksAre(expected: { style: string; texts: string[] } | null): boolean {
  let actual: { style: string; texts: string[] } | null = null;
  for (const [name, style] of [
    ['rdl-term', 'underline'],
    ['rdl-term-tint', 'tint'],
  ] as const) {
    const highlight = CSS.highlights.get(name);
    if (!highlight || highlight.size === 0) continue;
    const ranges = [...(highlight as unknown as Iterable<AbstractRange>)].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range;
    });
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    actual = { style, texts: ranges.map((r) => r.toString()) };
    break;
  }
  return JSON.stringify(actual) === JSON.stringify(expected);
}

/** Resolves once the toolbar badge of the tab reads `text` (run in an extension page). */
async function badgeIs(tabId: number, text: string): Promise<boolean> {
  const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
  return (await (g.browser ?? g.chrome).action.getBadgeText({ tabId })) === text;
}

/** Clicks the control whose label (or aria-label) is `label`. */
function clickLabelled(label: string): boolean {
  for (const element of document.querySelectorAll<HTMLElement>('label, button')) {
    const text = element.getAttribute('aria-label') ?? element.textContent!.trim();
    if (text !== label) continue;
    element.click();
    return true;
  }
  return false;
}

const ALL = {
  style: 'underline',
  texts: ['Kim Jong Un', 'Vladimir Putin', 'Pyongyang', 'Kim Jong Un', 'Putin', 'Pyongyang', 'Russia'],
};

describe.each(BROWSER_NAMES)('%s', (browserName) => {
  let lens: LensBrowser;
  let page: LensPage;
  let options: LensPage;
  let tabId: number;

  beforeAll(async () => {
    lens = await launch(browserName);
    page = await lens.openPage(server.url('/fixtures/options.html'));
    await page.waitFor(marksAre, [ALL]);
    options = await lens.openExtensionPage('options.html');
    await options.waitForSelector('input[name="density"]');
    tabId = await options.waitFor(pageTabId);
  });
  afterAll(() => lens.close());

  async function choose(label: string) {
    expect(await options.evaluate(clickLabelled, label)).toBe(true);
  }

  test('the toolbar badge counts the entities on the page', async () => {
    // Kim Jong Un, Vladimir Putin, Pyongyang, Russia
    await options.waitFor(badgeIs, [tabId, '4']);
  });

  test('density, mark style and kinds reach the open tab without a reload', async () => {
    await choose('Only the first mention of each in a paragraph');
    await page.waitFor(marksAre, [
      { style: 'underline', texts: ['Kim Jong Un', 'Vladimir Putin', 'Pyongyang', 'Russia'] },
    ]);

    await choose('Light tint');
    await page.waitFor(marksAre, [{ style: 'tint', texts: ['Kim Jong Un', 'Vladimir Putin', 'Pyongyang', 'Russia'] }]);
    expect(await page.evaluate(() => CSS.highlights.has('rdl-term'))).toBe(false);
    // The tint's rule comes with its first mark, and the underline's goes: the page no longer pays for it.
    await page.waitFor(drawnHighlights, [null, ['rdl-term-tint: rgba(59, 130, 196, 0.16)']]);

    await choose('People');
    await page.waitFor(marksAre, [{ style: 'tint', texts: ['Pyongyang', 'Russia'] }]);
    await options.waitFor(badgeIs, [tabId, '2']);
    await options.screenshot(screenshotPath(`${browserName}-options.png`));

    await choose('People');
    await choose('Every mention');
    await choose('Dotted underline');
    await page.waitFor(marksAre, [ALL]);
    await page.waitFor(drawnHighlights, [null, ['rdl-term: underline dotted']]);
    // What was chosen is what a new visit gets.
    await page.reload();
    await page.waitFor(marksAre, [ALL]);
    expect(page.errors()).toEqual([]);
  });

  test('pause switches every tab off and on again; the theme reaches the card', async () => {
    await choose('Pause Lens everywhere (no marks on any page)');
    await page.waitFor(marksAre, [null]);
    await options.waitFor(badgeIs, [tabId, '']);
    // Paused, the page no longer pays for the marks' rule.
    await page.waitFor(drawnHighlights, [null, []]);
    await choose('Pause Lens everywhere (no marks on any page)');
    await page.waitFor(marksAre, [ALL]);
    await page.waitFor(drawnHighlights, [null, ['rdl-term: underline dotted']]);

    // The change restarts the page's session: its marks are drawn again under a new Highlight, and the
    // next hover builds the card UI in the new theme. Until the new marks are there, a hover would race it.
    await page.evaluate(() => {
      (window as unknown as { marksBefore: unknown }).marksBefore = CSS.highlights.get('rdl-term');
    });
    await choose('Dark');
    await page.waitFor(() => {
      const now = CSS.highlights.get('rdl-term');
      return now !== undefined && now !== (window as unknown as { marksBefore: unknown }).marksBefore;
    });
    await page.waitFor(marksAre, [ALL]);
    await hover(page, 'Pyongyang');
    const card = await page.waitForUi(openCard);
    expect(card.title).toBe('Pyongyang');
    expect(await page.evaluateUi((root) => root!.querySelector('[data-theme]')!.getAttribute('data-theme'))).toBe(
      'dark',
    );
    await page.press('Escape');
    await choose('Follow the page (and the system)');
  });

  test('the popup switches Lens off for this site in one click; options switch it back on', async () => {
    const popup = await lens.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitForSelector('.switches input[role="switch"]');
    const host = new URL(server.url('/')).hostname;
    expect(await popup.evaluate(() => document.querySelector('.switches label')!.textContent!.trim())).toBe(
      `On ${host}`,
    );
    await popup.click('.switches input[role="switch"]');
    await page.waitFor(marksAre, [null]);
    await popup.click('#tab-page');
    // Not "Reading the page…" (the tab is asked first), nor a list: Lens says it does not run here.
    expect(
      await popup.waitFor(() => {
        const text = document.querySelector('.panel .empty')?.textContent ?? '';
        return text.startsWith('Reading') ? null : text || null;
      }),
    ).toMatch(/^Lens does not run on this tab/);
    await popup.close();

    await options.reload();
    await options.waitForSelector('.sites li');
    expect(
      await options.evaluate(() => [...document.querySelectorAll('.sites li span')].map((e) => e.textContent)),
    ).toEqual([host]);
    await choose(`Switch Lens back on for ${host}`);
    await page.waitFor(marksAre, [ALL]);
  });

  test('a pack is listed with its counts, marked in the open tab and searchable; removing it takes it away', async () => {
    const before = await options.evaluate(packList);
    expect(before).toHaveLength(1);
    expect(before[0]).toMatch(/^Bundled corpus · ships with Lens, cannot be removed/);

    // A broken file first: a clear message, nothing installed, nothing marked.
    await options.evaluate(chooseFile, 'cut.json', PACK.slice(0, 700));
    expect(await options.waitFor(packMessage, ['Nothing was imported'])).toMatch(
      /^Nothing was imported from cut\.json: The file is cut short: it ends inside a string\./,
    );
    expect(await options.evaluate(packList)).toEqual(before);
    await options.evaluate(chooseLargeFile, 'huge.json', 50);
    expect(await options.waitFor(packMessage, ['Nothing was imported: The file is 50'])).toBe(
      'Nothing was imported: The file is 50 MB; files over 20 MB are not imported.',
    );
    expect(await options.evaluate(packList)).toEqual(before);

    await options.evaluate(chooseFile, 'example-pack.json', PACK);
    expect(await options.waitFor(packMessage, ['Installed'])).toBe(
      'Installed “Example pack (fictional)”: 1 entity · 2 claims · 1 source · 2 people and organisations.',
    );
    await options.waitFor((n: number) => document.querySelectorAll('.packs li').length === n, [2]);
    expect((await options.evaluate(packList))[1]).toMatch(/^Example pack \(fictional\) · imported /);
    await page.waitFor(marksAre, [{ style: 'underline', texts: [...ALL.texts.slice(0, 6), 'Rason', 'Russia'] }]);
    await hover(page, 'Rason');
    const card = await page.waitForUi(openCard);
    expect(card.title).toBe('Rason');
    expect(card.text).toContain('Jane Example');
    await page.press('Escape');
    const found = await options.evaluate(sendFromExtensionPage, 'search', { query: 'Rason' });
    expect(JSON.stringify(found)).toContain('"e-rason"');

    await choose('Remove Example pack (fictional)');
    await page.waitFor(marksAre, [ALL]);
    await options.waitFor((n: number) => document.querySelectorAll('.packs li').length === n, [1]);
    expect(await options.evaluate(() => document.body.textContent!.includes('Remove Bundled'))).toBe(false);
    expect(page.errors()).toEqual([]);
    expect(options.errors()).toEqual([]);
  });
});
