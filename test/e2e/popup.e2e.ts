/**
 * The popup, driven like a reader: typing (with typos, in three languages, a
 * quoted phrase), moving with the keyboard, opening a record and coming back,
 * and "On this page" jumping to an entity in the page. Expected results are
 * the records the corpus holds for those names.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  BROWSER_NAMES,
  POPUP_VIEWPORT,
  launch,
  screenshotPath,
  type LensBrowser,
  type LensPage,
  usePageServer,
} from './harness';
import {
  highlightedTexts,
  openCard,
  pageTabId,
  placeholdersFit,
  popupResults,
  popupView,
  whollyInWindow,
} from './page-helpers';
import { openFirstResult, openOnThisPage, searchFor } from './reader-actions';

const server = usePageServer();

describe.each(BROWSER_NAMES)('%s', (browserName) => {
  let lens: LensBrowser;
  let popup: LensPage;
  beforeAll(async () => {
    lens = await launch(browserName);
    // At the size the browser gives the popup, not in a full tab where everything fits.
    popup = await lens.openExtensionPage('popup.html', POPUP_VIEWPORT);
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

  test.each([
    ['Russian', 'Пхеньян'],
    ['Korean', '평양'],
  ])('%s names an entity and reaches its claims and timeline: “%s” lists what “Pyongyang” lists', async (_, query) => {
    const groupsOf = async (q: string) => {
      await searchFor(popup, q);
      return popup.waitFor(() => {
        const groups = [...document.querySelectorAll('#results [role="group"]')].map((g) => ({
          label: g.getAttribute('aria-label'),
          ids: [...g.querySelectorAll<HTMLElement>('[role="option"]')].map((o) => o.dataset.id),
        }));
        return groups.length > 1 ? groups : null;
      });
    };
    const english = await groupsOf('Pyongyang');
    const other = await groupsOf(query);
    expect(other.map((g) => g.label)).toEqual(expect.arrayContaining(['Claims', 'Timeline']));
    for (const label of ['Claims', 'Timeline']) {
      expect(new Set(other.find((g) => g.label === label)!.ids)).toEqual(
        new Set(english.find((g) => g.label === label)!.ids),
      );
    }
    if (query === 'Пхеньян') await popup.screenshot(screenshotPath(`${browserName}-popup-search-ru.png`));
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
    // once the card has faded in
    await popup.waitFor(() => document.getAnimations().every((a) => a.playState !== 'running'));
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

  test('screenshot only, for the README: search results for Pyongyang', async () => {
    await searchFor(popup, 'Pyongyang');
    await popup.waitFor(popupResults);
    await popup.screenshot(screenshotPath(`${browserName}-popup-search.png`));
  });

  test('at its real size the results scroll by wheel under a search box and tabs that stay put', async () => {
    await searchFor(popup, 'Pyongyang');
    await popup.waitFor(popupResults);
    const before = await popup.waitFor(popupView);
    expect(before.scrollMax).toBeGreaterThan(100);
    expect(before.shown).not.toContain(before.hits.at(-1));

    await popup.mouseMove(POPUP_VIEWPORT.width / 2, POPUP_VIEWPORT.height - 100);
    await popup.wheel(0, 5000);
    const bottom = await popup.waitFor(
      (hits: string[]) => {
        const panel = document.querySelector('.panel')!;
        return panel.scrollTop > 0 && panel.scrollTop >= panel.scrollHeight - panel.clientHeight - 1 ? hits : null;
      },
      [before.hits],
    );
    expect(bottom).toEqual(before.hits);
    const scrolled = await popup.waitFor(popupView);
    expect(scrolled.shown).toContain(before.hits.at(-1));
    expect(scrolled.tabs).toEqual(before.tabs);
    expect(scrolled.searchbox).toEqual(before.searchbox);
    expect(scrolled.pageScrolled).toBe(0);
  });

  test('at its real size ↓ and ↑ keep the selected result in view, and the search box with it', async () => {
    await searchFor(popup, 'Pyongyang');
    const start = await popup.waitFor(popupView);
    for (const _ of start.hits) await popup.press('ArrowDown');
    // the last keystroke has been handled once the last result is selected
    const down = await popup.waitFor(popupView, [start.hits.at(-1)!]);
    expect(down.shown).toContain(down.active);
    expect(down.searchbox).toEqual(start.searchbox);
    expect(down.tabs).toEqual(start.tabs);
    expect(down.pageScrolled).toBe(0);
    for (const _ of start.hits) await popup.press('ArrowUp');
    const up = await popup.waitFor(popupView, [start.hits[0]!]);
    expect(up.shown).toContain(up.active);
    expect(up.searchbox).toEqual(start.searchbox);
  });

  test('at its real size an opened card keeps “Search in Lens” in view and scrolls its body', async () => {
    const { title } = await openFirstResult(popup, 'North Korea');
    expect(title).toBe('North Korea');
    expect(await popup.evaluate(whollyInWindow, '.detail .rdl-card-footer button')).toBe(true);
    const body = await popup.evaluate(() => {
      const r = document.querySelector('.detail .rdl-card-body')!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await popup.mouseMove(body.x, body.y);
    await popup.wheel(0, 400);
    await popup.waitFor(() => document.querySelector('.detail .rdl-card-body')!.scrollTop > 0);
    expect(await popup.evaluate(whollyInWindow, '.detail .rdl-card-footer button')).toBe(true);
    await popup.click('.back');
    await popup.waitForSelector('[role="searchbox"]');
  });

  test('opened as a page in a tab (where the browser cannot open the popup) it is laid out for the tab', async () => {
    const tab = await lens.openExtensionPage('popup.html?view=tab');
    const layout = await tab.waitFor(() => {
      if (!document.querySelector('[role="searchbox"]')) return null;
      const body = document.body.getBoundingClientRect();
      return { width: Math.round(body.width), height: Math.round(body.height), window: innerWidth, tall: innerHeight };
    });
    expect(layout.width).toBe(Math.min(720, layout.window));
    expect(layout.height).toBe(layout.tall);
    await tab.close();
  });

  test('the search boxes’ placeholders fit', async () => {
    const search = await popup.evaluate(placeholdersFit);
    await popup.click('#tab-highlights');
    await popup.waitForSelector('.highlights input[type="search"]');
    const highlights = await popup.evaluate(placeholdersFit);
    await popup.click('#tab-search');
    const boxes = [...search, ...highlights].filter((b) => b.placeholder !== 'YYYY[-MM]');
    expect(boxes.length).toBe(2);
    for (const box of boxes) expect(box.text, box.placeholder).toBeLessThanOrEqual(box.room);
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
