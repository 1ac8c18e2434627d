/**
 * The card, as a reader meets it: hover a mark and wait, read what the sources
 * say and where views differ, close it with Esc or a click elsewhere; or open
 * the page panel and walk it with the keyboard. Expected content is read from
 * the corpus files, not from the code that builds cards.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Claim, Person, Topic } from '../../lib/corpus/schema';
import { joinNames } from '../../lib/corpus/attribution';
import { BROWSER_NAMES, launch, screenshotPath, type LensBrowser, type LensPage, usePageServer } from './harness';
import {
  highlightedTexts,
  openCard,
  openPanel,
  panelCardMention,
  panelHasFocus,
  sendFromExtensionPage,
  sendToPageTabs,
} from './page-helpers';
import { expandCard, hover } from './reader-actions';

const read = <T>(name: string) => JSON.parse(readFileSync(`data/corpus/${name}.json`, 'utf8')) as T;
const claims = read<Claim[]>('claims');
const people = new Map(read<Person[]>('people').map((p) => [p.id, p]));
const topics = new Map(read<Topic[]>('topics').map((t) => [t.id, t]));

/** What Kim Jong Un's card must show, from the data. */
function expectedFor(entityId: string) {
  const own = claims.filter((c) => c.entityIds.includes(entityId));
  const byTopic = new Map<string, Set<string>>();
  for (const claim of own) {
    for (const { topicId, positionId } of claim.stances ?? []) {
      if (positionId) byTopic.set(topicId, (byTopic.get(topicId) ?? new Set()).add(positionId));
    }
  }
  const disputed = [...byTopic].filter(([, positions]) => positions.size > 1);
  return {
    speakers: [...new Set(own.map((c) => joinNames(c.speakerIds.map((id) => people.get(id)!.name))))],
    topics: [...new Set(own.flatMap((c) => (c.stances ?? []).map((st) => topics.get(st.topicId)!.question)))].sort(),
    positions: disputed
      .flatMap(([topicId, ids]) =>
        topics
          .get(topicId)!
          .positions.filter((p) => ids.has(p.id))
          .map((p) => p.label),
      )
      .sort(),
  };
}

const server = usePageServer();

describe.each(BROWSER_NAMES)('%s', (browserName) => {
  let lens: LensBrowser;
  beforeAll(async () => {
    lens = await launch(browserName);
  });
  afterAll(() => lens.close());

  test('hovering a term opens its card: claims by topic, who said them, and where views differ', async () => {
    const page = await lens.openPage(server.url('/fixtures/basic.html'));
    await hover(page, 'Kim Jong Un');
    const card = await page.waitForUi(openCard);
    expect(card.title).toBe('Kim Jong Un');
    expect(card.kind.toLowerCase()).toContain('person');
    const expected = expectedFor('e-kim-jong-un');
    // Claims that name the page's other entities (Putin, Pyongyang) open the card, under "On this page";
    // the rest stay under their topics.
    expect(card.sections[0]).toBe('On this page');
    const topicsShown = card.topics.filter((t) => t !== 'Other claims');
    expect(topicsShown.length).toBeGreaterThan(0);
    for (const topic of topicsShown) expect(expected.topics).toContain(topic);
    expect([...card.positions].sort()).toEqual(expected.positions);
    expect(card.text).toContain('Views differ');

    await expandCard(page);
    const expanded = await page.waitForUi(openCard);
    for (const speaker of expected.speakers) expect(expanded.text).toContain(speaker);
    // The Economist's words, read through News1's Korean, say so next to the speaker.
    expect(expanded.text).toContain('The Economist (back-translated via Korean)');
    expect(page.errors()).toEqual([]);

    await page.press('Escape');
    await page.waitForUi((root) => !root?.querySelector('.rdl-card'));
    await page.close();
  });

  test('a long card opens on "On this page": North Korea on a page about Lavrov in Wonsan', async () => {
    const page = await lens.openPage(server.url('/fixtures/lavrov-wonsan.html'));
    await hover(page, 'North Korea');
    const card = await page.waitForUi(openCard);
    expect(card.title).toBe('North Korea');
    expect(card.sections[0]).toBe('On this page');
    // Its claims are those that name Wonsan or Lavrov (Russia, in most of them, singles nothing out).
    const onPage = claims.filter(
      (c) =>
        c.entityIds.includes('e-north-korea') &&
        (c.entityIds.includes('e-wonsan') || c.entityIds.includes('e-sergey-lavrov')),
    );
    expect(card.firstSectionClaims.length).toBeGreaterThan(0);
    for (const text of card.firstSectionClaims) expect(onPage.map((c) => c.text)).toContain(text);
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  test('a click elsewhere closes the card, and the card stays inside the viewport', async () => {
    const page = await lens.openPage(server.url('/fixtures/basic.html'));
    await hover(page, 'Pyongyang');
    const card = await page.waitForUi(openCard);
    const viewport = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    expect(card.rect.left).toBeGreaterThanOrEqual(0);
    expect(card.rect.top).toBeGreaterThanOrEqual(0);
    expect(card.rect.right).toBeLessThanOrEqual(viewport.width);
    expect(card.rect.bottom).toBeLessThanOrEqual(viewport.height);
    await page.mouseClick(5, viewport.height - 5);
    await page.waitForUi((root) => !root?.querySelector('.rdl-card'));
    await page.close();
  });

  test('the page panel lists what was found; arrows and Enter open a card, Esc closes and gives focus back', async () => {
    const page = await lens.openPage(server.url('/fixtures/basic.html'));
    await page.waitFor(highlightedTexts, ['rdl-term']);
    await page.evaluate(() => (document.querySelector('#field') as HTMLInputElement).focus());
    const controller = await lens.openExtensionPage('popup.html');
    // Every tab with Lens answers; the fixture page must be one of them.
    expect(await controller.evaluate(sendToPageTabs, 'openPanel', null)).toContain(true);

    const panel = await page.waitForUi(openPanel);
    // It takes the focus once it has rendered.
    await page.waitForUi(panelHasFocus);
    // Most mentioned first: Putin and Pyongyang appear four times each in basic.html, in three languages.
    expect(panel.options.slice(0, 2).sort()).toEqual(['Pyongyang', 'Vladimir Putin']);
    expect(new Set(panel.options)).toEqual(
      new Set(['Vladimir Putin', 'Pyongyang', 'Kim Jong Un', 'Russia', 'North Korea']),
    );

    await page.press('End');
    const last = (await page.waitForUi(openPanel)).active;
    expect(last).toBe(panel.options.at(-1));
    await page.press('Enter');
    const card = await page.waitForUi(openCard);
    expect(card.title).toBe(last);

    await page.press('Escape'); // the card
    await page.waitForUi((root) => !root?.querySelector('.rdl-card'));
    const panelAgain = await page.waitForUi(openPanel);
    expect(panelAgain.options).toEqual(panel.options);
    await page.evaluateUi((root) => root!.querySelector<HTMLElement>('.rdl-listbox')!.focus());
    await page.press('Escape'); // the panel
    await page.waitForUi((root) => !root?.querySelector('.rdl-panel'));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field');
    await controller.close();
    await page.close();
  });

  test('a card opened from the panel covers neither the panel nor its mention, and the panel leaves the mention free', async () => {
    const page = await lens.openPage(server.url('/fixtures/panel-placement.html'));
    await page.waitFor(highlightedTexts, ['rdl-term']);
    const controller = await lens.openExtensionPage('popup.html');
    expect(await controller.evaluate(sendToPageTabs, 'openPanel', null)).toContain(true);
    const panel = await page.waitForUi(openPanel);
    expect(panel.active).toBe('Wonsan');
    await page.waitForUi(panelHasFocus);
    await page.press('Enter');
    const boxes = await page.waitForUi(panelCardMention, ['Wonsan']);
    const size = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    const inside = (r: DOMRectInit) =>
      r.x! >= 0 && r.y! >= 0 && r.x! + r.width! <= size.width && r.y! + r.height! <= size.height;
    const apart = (a: DOMRectInit, b: DOMRectInit) =>
      a.x! + a.width! <= b.x! || b.x! + b.width! <= a.x! || a.y! + a.height! <= b.y! || b.y! + b.height! <= a.y!;
    for (const [name, box] of Object.entries(boxes)) expect(inside(box), `${name} ${JSON.stringify(box)}`).toBe(true);
    expect(apart(boxes.panel, boxes.mention), JSON.stringify(boxes)).toBe(true);
    expect(apart(boxes.panel, boxes.card), JSON.stringify(boxes)).toBe(true);
    expect(apart(boxes.card, boxes.mention), JSON.stringify(boxes)).toBe(true);
    await page.screenshot(screenshotPath(`${lens.name}-panel-card.png`));
    await controller.close();
    await page.close();
  });

  test('“Search in Lens” on a card opens Lens’s search on the entity, without the query in any URL', async () => {
    const page = await lens.openPage(server.url('/fixtures/basic.html'));
    await hover(page, 'Kim Jong Un');
    expect((await page.waitForUi(openCard)).title).toBe('Kim Jong Un');
    const button = await page.evaluateUi((root) => {
      const r = root!.querySelector('.rdl-search')!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    // A controller page: it sees the popup, if the browser opened it, among the extension's views.
    const controller = await lens.openExtensionPage('options.html');
    const asTab = lens.nextPage(/\/popup\.html/).then(
      (tab) => tab,
      () => null,
    );
    await page.mouseClick(button.x, button.y);
    const inPopup = await controller
      .waitFor(() => {
        const views = (globalThis as unknown as { chrome: typeof chrome }).chrome.extension.getViews({ type: 'popup' });
        const box = views[0]?.document.querySelector<HTMLInputElement>('[role="searchbox"]');
        return box?.value ? { query: box.value, url: views[0]!.location.href, width: views[0]!.innerWidth } : null;
      })
      .catch(() => null);
    const tab = inPopup ? null : await asTab;
    const shown =
      inPopup ??
      (await tab!.waitFor(() => {
        const box = document.querySelector<HTMLInputElement>('[role="searchbox"]');
        const first = document.querySelector('#results [role="option"]');
        return box?.value && first ? { query: box.value, url: location.href, width: innerWidth } : null;
      }));
    expect(shown.query).toBe('Kim Jong Un');
    expect(decodeURIComponent(shown.url)).not.toMatch(/Kim|q=/);
    if (tab) {
      // A page laid out for a tab: not the 400 px popup pinned to a corner.
      const layout = await tab.evaluate(() => ({
        view: document.documentElement.dataset.view,
        body: Math.round(document.body.getBoundingClientRect().width),
      }));
      expect(layout).toEqual({ view: 'tab', body: Math.min(720, shown.width) });
      await tab.screenshot(screenshotPath(`${lens.name}-search-from-card.png`));
      await tab.close();
    }
    console.log(`${lens.name}: Search in Lens opened ${inPopup ? 'the popup' : 'a tab'}`);
    await controller.close();
    await page.close();
  });

  test('on a Korean page the card declares that it is English', async () => {
    const page = await lens.openPage(server.url('/fixtures/korean.html'));
    await hover(page, '평양에서');
    expect((await page.waitForUi(openCard)).title).toBe('Pyongyang');
    const lang = await page.evaluateUi((root) => {
      const card = root!.querySelector('.rdl-card')!;
      return { page: document.documentElement.lang, card: card.closest('[lang]')?.getAttribute('lang') ?? null };
    });
    expect(lang).toEqual({ page: 'ko', card: 'en' });
    await page.close();
  });

  test('hostile page styles do not restyle the card or push it off screen', async () => {
    const page = await lens.openPage(server.url('/fixtures/hostile-styles.html'));
    await hover(page, 'Pyongyang');
    const card = await page.waitForUi(openCard);
    expect(card.fontSize).toBe('14px');
    const viewport = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    expect(card.rect.right).toBeLessThanOrEqual(viewport.width);
    expect(card.rect.bottom).toBeLessThanOrEqual(viewport.height);
    expect(card.rect.left).toBeGreaterThanOrEqual(0);
    // Visible: what is under the card's centre is our UI, not the page.
    const onTop = await page.evaluate((r: { left: number; top: number; right: number; bottom: number }) => {
      const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
      return hit?.tagName.toLowerCase();
    }, card.rect);
    expect(onTop).toBe('rdl-ui');
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  // A page about North Korea (The Atlantic on "The Interview"): on a page that is not about the
  // relationship, Lens would mark only its core entities (issue 13).
  const REAL_PAGE = '/shared/nk/A04_theatlantic_the-interview.html';

  test('the dark theme reaches the card and its scrollbar on a real news page (and the README’s screenshots, light and dark)', async () => {
    const page = await lens.openPage(server.url(REAL_PAGE));
    await hover(page, 'Kim Jong Un');
    const light = await page.waitForUi(openCard);
    expect(light.title).toBe('Kim Jong Un');
    await page.screenshot(screenshotPath(`${browserName}-card-light.png`));
    await page.press('Escape');
    await page.close();

    const popup = await lens.openExtensionPage('popup.html');
    await popup.evaluate(sendFromExtensionPage, 'setSettings', { theme: 'dark' });
    const dark = await lens.openPage(server.url(REAL_PAGE));
    await hover(dark, 'Kim Jong Un');
    const card = await dark.waitForUi(openCard);
    expect(card.background).not.toBe(light.background);
    // No light strip: the card's scrollbar is drawn in the dark theme's colours.
    const scrollbar = await dark.evaluateUi((root) => {
      const body = root!.querySelector('.rdl-card-body')!;
      return { colours: getComputedStyle(body).scrollbarColor, background: card() };
      function card() {
        return getComputedStyle(body.closest('.rdl-card')!).backgroundColor;
      }
    });
    expect(scrollbar.colours).toContain(scrollbar.background);
    await dark.screenshot(screenshotPath(`${browserName}-card-dark.png`));
    await popup.evaluate(sendFromExtensionPage, 'setSettings', { theme: 'auto' });
    await popup.close();
    await dark.close();
  });
});
