/**
 * The popup, driven like a reader: typing (with typos, in three languages, a
 * quoted phrase), moving with the keyboard, opening a record and coming back,
 * and "On this page" jumping to an entity in the page. Expected results are
 * the records the corpus holds for those names.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSER_NAMES, launch, screenshotPath, type LensBrowser, type LensPage, usePageServer } from './harness';
import { highlightedTexts, openCard, popupResults } from './page-helpers';
import { openFirstResult, openOnThisPage, searchFor } from './reader-actions';

const server = usePageServer();

describe.each(BROWSER_NAMES)('%s', (browserName) => {
  let lens: LensBrowser;
  let popup: LensPage;
  beforeAll(async () => {
    lens = await launch(browserName);
    popup = await lens.openExtensionPage('popup.html');
    await popup.waitForSelector('[role="searchbox"]');
  });
  afterAll(() => lens.close());

  test.each([
    ['a typo in a surname', 'Nasobn', 'e-oleg-nasobin', 'Oleg Nasobin'],
    ['a typo in a place', 'Pyongang', 'e-pyongyang', 'Pyongyang'],
    ['a typo in an official', 'Tilerson', 'e-rex-tillerson', 'Rex Tillerson'],
    ['Russian', 'Лавров', 'e-sergey-lavrov', 'Sergey Lavrov'],
    ['Korean', '김정은', 'e-kim-jong-un', 'Kim Jong Un'],
  ])('%s: “%s” finds %s first', async (_, query, id, title) => {
    await searchFor(popup, query);
    const results = await popup.waitFor(popupResults);
    expect(results.hits[0]).toEqual({ kind: 'entity', id, title });
    expect(results.marked.length).toBeGreaterThan(0);
  });

  test('a quoted phrase finds the claims that say it', async () => {
    await searchFor(popup, '"de facto alliance"');
    const results = await popup.waitFor(popupResults);
    const claims = results.hits.filter((h) => h.kind === 'claim');
    expect(claims.length).toBeGreaterThan(0);
    expect(results.marked.map((m) => m.toLowerCase())).toContain('de facto alliance');
  });

  test('↓ and Enter open a result; Back returns to the results with the query intact', async () => {
    const { results, title } = await openFirstResult(popup, 'Wonsan');
    expect(title).toBe(results.hits[0]!.title);
    await popup.screenshot(screenshotPath(`${browserName}-popup-detail.png`));
    await popup.click('.back');
    // The caret comes back to the box once the results are painted (an effect): Esc is pressed then, as a reader would.
    await popup.waitFor(() => document.activeElement?.getAttribute('role') === 'searchbox');
    expect(await popup.evaluate(() => document.querySelector<HTMLInputElement>('[role="searchbox"]')!.value)).toBe(
      'Wonsan',
    );
    await popup.press('Escape');
    expect(await popup.evaluate(() => document.querySelector<HTMLInputElement>('[role="searchbox"]')!.value)).toBe('');
  });

  test('search results screenshot for the README', async () => {
    await searchFor(popup, 'Pyongyang');
    await popup.waitFor(popupResults);
    await popup.screenshot(screenshotPath(`${browserName}-popup-search.png`));
  });

  test('“On this page” lists what the page mentions; choosing one opens its card in the page', async () => {
    const page = await lens.openPage(server.url('/fixtures/basic.html'));
    await page.waitFor(highlightedTexts, ['rdl-term']);
    const onPage = await openOnThisPage(lens);
    await onPage.waitForSelector('.page-entity');
    const listed = await onPage.evaluate(() =>
      [...document.querySelectorAll('.page-entity .label')].map((e) => e.textContent),
    );
    expect(new Set(listed)).toEqual(new Set(['Vladimir Putin', 'Pyongyang', 'Kim Jong Un', 'Russia', 'North Korea']));
    await onPage.click('.page-entity[data-entity-id="e-pyongyang"]');
    const card = await page.waitForUi(openCard);
    expect(card.title).toBe('Pyongyang');
    await page.close();
  });
});
