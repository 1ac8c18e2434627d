/**
 * Saved highlights, as a reader makes and meets them: select text with the
 * mouse, choose "Highlight" (or "Add note") in the toolbar, come back to the
 * page and find them drawn again; click one to edit its note, change its
 * colour or delete it. A page edited since is re-anchored: text that moved is
 * found, text that was removed is reported as an orphan and not drawn, and
 * text that arrives later is drawn when it arrives.
 *
 * The context menu and the shortcut cannot be reached through a page's input:
 * their path is driven by sending the tab the message the background sends.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { HighlightRow } from '../../lib/db/schema';
import type { HighlightStatus } from '../../lib/anchoring/page';
import { BROWSER_NAMES, launch, screenshotPath, type LensBrowser, type LensPage, usePageServer } from './harness';
import { clickTool, dragSelect, waitDrawn } from './reader-actions';
import {
  highlightedTexts,
  markCentre,
  openCard,
  phraseEnds,
  savedHighlights,
  selectText,
  sendFromExtensionPage,
  sendToPageTabs,
} from './page-helpers';

const LEAD = 'Putin arrived in Pyongyang';
const PACT = 'signed a mutual defence pact';
const TRADE = 'Trade between the two countries remains small';

// --- In the page (serialised: nothing from outside) --------------------------

/** What the tool next to the text shows: the toolbar or a popover; null when none is open. */
function openTool(root: ShadowRoot | null): {
  kind: 'toolbar' | 'popover';
  colour: string | null;
  note: string | null;
  noteFocused: boolean;
  text: string;
} | null {
  const tool = root?.querySelector<HTMLElement>('.rdl-tool');
  if (!root || !tool || !tool.closest('[data-placed]')) return null;
  const field = tool.querySelector('textarea');
  return {
    kind: tool.classList.contains('rdl-popover') ? 'popover' : 'toolbar',
    colour: tool.querySelector<HTMLElement>('.rdl-colour[aria-pressed="true"]')?.dataset.colour ?? null,
    note: field?.value ?? null,
    noteFocused: field !== null && root.activeElement === field,
    text: tool.textContent ?? '',
  };
}

// --- In the test -------------------------------------------------------------

const server = usePageServer();

/** Clicks the middle of a drawn highlight and waits for its popover. */
async function openPopover(page: LensPage, colour: string, text: string) {
  await waitDrawn(page, [`${colour}: ${text}`], undefined, true);
  const ends = (await page.evaluate(phraseEnds, text))!;
  const at = { x: (ends.from.x + ends.to.x) / 2, y: ends.from.y };
  await page.mouseClick(at.x, at.y);
  return page.waitForUi((root) => (root?.querySelector('.rdl-popover')?.closest('[data-placed]') ? true : null));
}

async function reloadAndWait(page: LensPage, expected: string[]): Promise<void> {
  await page.reload();
  await page.waitFor(highlightedTexts, ['rdl-term']);
  await waitDrawn(page, expected);
}

describe.each(BROWSER_NAMES)('%s', (browserName) => {
  let lens: LensBrowser;
  /** an extension page: reads the store and speaks to the tabs as the popup and the background do */
  let controller: LensPage;
  /** the pages a test opened: closed after it, whatever happened, so that the next test's tabs are its own */
  let pages: LensPage[] = [];
  const open = async (url: string) => {
    const page = await lens.openPage(url);
    pages.push(page);
    return page;
  };
  beforeAll(async () => {
    lens = await launch(browserName);
    controller = await lens.openExtensionPage('popup.html');
  });
  afterEach(async () => {
    await Promise.all(pages.map((page) => page.close()));
    pages = [];
  });
  afterAll(() => lens.close());

  const listed = (url: string) =>
    controller.evaluate(sendFromExtensionPage, 'listHighlights', { url }) as Promise<HighlightRow[]>;
  const status = async () =>
    (await controller.evaluate(sendToPageTabs, 'getHighlightStatus', null)) as HighlightStatus[];
  /** The status of the one tab with highlights (Firefox's first window, about:blank, answers too, with none). */
  const pageStatus = async () => {
    const withHighlights = (await status()).filter((s) => s.anchored.length + s.orphans.length > 0);
    expect(withHighlights).toHaveLength(1);
    return withHighlights[0]!;
  };

  test('text selected with the mouse is saved from the toolbar, and drawn again after a reload', async () => {
    const url = server.url('/fixtures/highlight-article.html?case=select');
    const page = await open(url);
    await dragSelect(page, LEAD);
    await clickTool(page, '[data-action="highlight"]');

    await page.waitForUi((root) => getSelection()?.isCollapsed && !root?.querySelector('.rdl-tool'));
    await waitDrawn(page, [`yellow: ${LEAD}`]);
    const [row] = await listed(url);
    expect(row).toMatchObject({
      url,
      title: 'Lens fixture: an article to highlight',
      colour: 'yellow',
      note: '',
      quote: { type: 'TextQuoteSelector', exact: LEAD, prefix: expect.stringMatching(/Vladimir $/) },
      position: { type: 'TextPositionSelector' },
    });
    expect(row!.quote.suffix.startsWith(' on 19 June 2024')).toBe(true);
    expect([...row!.entityIds].sort()).toEqual(['e-pyongyang', 'e-vladimir-putin']);

    await reloadAndWait(page, [`yellow: ${LEAD}`]);
    expect(await status()).toContainEqual({ anchored: [row!.id], orphans: [] });
    expect(page.errors()).toEqual([]);
  });

  test('a note added in the toolbar is there after a reload; the popover changes colour and note', async () => {
    const url = server.url('/fixtures/highlight-article.html?case=note');
    const page = await open(url);
    await dragSelect(page, TRADE);
    await clickTool(page, '[data-colour="green"]');
    await clickTool(page, '[data-action="add-note"]');
    await page.waitForUi((root) => root?.activeElement?.tagName === 'TEXTAREA');
    await page.keyboardType('Compare with the 2023 figure');
    // Typing in the note field leaves the toolbar as it was, and the passage stays marked
    // (Firefox clears the page's selection when the focus moves into the field) — in Lens's closed
    // layer, not in CSS.highlights, where the page's scripts would read what is being annotated.
    expect(await page.evaluateUi(openTool)).toMatchObject({ kind: 'toolbar', colour: 'green' });
    await waitDrawn(page, [`draft: ${TRADE}`]);
    expect(await page.evaluate(highlightedTexts, 'rdl-draft')).toBeNull();
    await page.screenshot(screenshotPath(`${browserName}-note-draft.png`));
    await clickTool(page, '[data-action="save-note"]');
    await page.waitForUi((root) => !root?.querySelector('.rdl-tool'));
    // The draft is gone, and the highlight is drawn with the mark of one that has a note.
    await waitDrawn(page, [`green (note): ${TRADE}`]);

    await reloadAndWait(page, [`green (note): ${TRADE}`]);
    await openPopover(page, 'green (note)', TRADE);
    expect(await page.evaluateUi(openTool)).toMatchObject({
      kind: 'popover',
      colour: 'green',
      note: 'Compare with the 2023 figure',
    });

    await clickTool(page, '[data-colour="pink"]');
    await waitDrawn(page, [`pink (note): ${TRADE}`]);
    await clickTool(page, 'textarea');
    await page.press('End');
    await page.keyboardType(' (UN panel)');
    await clickTool(page, '[data-action="save-note"]');
    await page.waitForUi((root) => root?.querySelector('[role="status"]')?.textContent);
    expect(await page.evaluateUi(openTool)).toMatchObject({ text: expect.stringContaining('Note saved.') });

    await reloadAndWait(page, [`pink (note): ${TRADE}`]);
    expect((await listed(url)).map((r) => [r.colour, r.note])).toEqual([
      ['pink', 'Compare with the 2023 figure (UN panel)'],
    ]);
    expect(page.errors()).toEqual([]);
  });

  test('a click on a mark inside a highlight opens the note box, not the card as well', async () => {
    const url = server.url('/fixtures/highlight-article.html?case=one-thing');
    const page = await open(url);
    const passage = `Vladimir ${LEAD}`;
    await dragSelect(page, passage);
    await clickTool(page, '[data-action="highlight"]');
    await waitDrawn(page, [`yellow: ${passage}`]);
    await page.evaluate(() => getSelection()?.removeAllRanges());
    // The pointer rested on "Pyongyang" at the end of the drag, so its card may be open, and a card the
    // pointer rests on stays open: moving straight onto Putin could land on that card, not on the mark.
    // The reader moves away first, and the card goes.
    await page.mouseMove(1, 1);
    await page.waitForUi((root) => !root?.querySelector('.rdl-card'));
    // Resting on the mark opens its card, as anywhere else…
    const at = await page.waitFor(markCentre, ['rdl-term', 'Vladimir Putin']);
    await page.mouseMove(at.x, at.y);
    await page.waitForUi(
      (root) =>
        root?.querySelector('.rdl-card[role="dialog"] .rdl-card-title')?.textContent?.trim() === 'Vladimir Putin',
    );
    expect((await page.waitForUi(openCard)).title).toBe('Vladimir Putin');
    // …and the click that follows opens the highlight's note box, which the card gives way to.
    await page.mouseClick(at.x, at.y);
    expect((await page.waitForUi(openTool)).kind).toBe('popover');
    expect(await page.evaluateUi(openCard)).toBeNull();
    expect(await page.evaluateUi((root) => Boolean(root?.querySelector('.rdl-card')))).toBe(false);
  });

  test('a highlight deleted from its popover is gone, also after a reload', async () => {
    const url = server.url('/fixtures/highlight-article.html?case=delete');
    const page = await open(url);
    await dragSelect(page, PACT);
    await clickTool(page, '[data-action="highlight"]');
    await waitDrawn(page, [`yellow: ${PACT}`]);
    expect(await listed(url)).toHaveLength(1);

    await openPopover(page, 'yellow', PACT);
    await clickTool(page, '[data-action="delete"]');
    await page.waitForUi((root) => !root?.querySelector('.rdl-tool'));
    // The layer paints in the next frame (and its host goes with the last box).
    await waitDrawn(page, []);
    expect(await listed(url)).toEqual([]);

    await page.reload();
    await page.waitFor(highlightedTexts, ['rdl-term']);
    expect(await page.evaluateLayer(savedHighlights)).toEqual([]);
    expect(await status()).toContainEqual({ anchored: [], orphans: [] });
    expect(page.errors()).toEqual([]);
  });

  test('a highlight deleted in the popup is taken off every tab that shows its page', async () => {
    const url = server.url('/fixtures/highlight-article.html?case=popup-delete');
    const page = await open(url);
    await dragSelect(page, TRADE);
    await clickTool(page, '[data-action="highlight"]');
    await waitDrawn(page, [`yellow: ${TRADE}`]);
    const other = await open(url);
    await waitDrawn(other, [`yellow: ${TRADE}`]);
    const [row] = await listed(url);

    // The popup speaks to neither tab: the background tells them.
    const popup = await lens.openExtensionPage('popup.html');
    pages.push(popup);
    await popup.waitForSelector('[role="searchbox"]');
    await popup.click('#tab-highlights');
    await popup.waitForSelector(`.highlight[data-id="${row!.id}"]`);
    await popup.click(`.highlight[data-id="${row!.id}"] .danger`);
    await popup.waitFor(
      (id: string) => (document.querySelector(`.highlight[data-id="${id}"]`) ? null : true),
      [row!.id],
    );
    await waitDrawn(page, []);
    await waitDrawn(other, []);
    expect(await listed(url)).toEqual([]);
    expect(page.errors()).toEqual([]);
  });

  test('the context menu and the shortcut save the selection, and open its note', async () => {
    const url = server.url('/fixtures/highlight-article.html?case=menu');
    const page = await open(url);
    await page.waitFor(highlightedTexts, ['rdl-term']);
    expect(await page.evaluate(selectText, PACT)).toBe(true);
    const replies = (await controller.evaluate(sendToPageTabs, 'saveSelection', {
      colour: 'blue',
    })) as (HighlightRow | null)[];
    expect(replies.filter((r) => r !== null)).toEqual([expect.objectContaining({ colour: 'blue', url })]);

    await waitDrawn(page, [`blue: ${PACT}`]);
    const popover = await page.waitForUi((root) => root?.activeElement?.tagName === 'TEXTAREA');
    expect(popover).toBe(true);
    expect(await page.evaluateUi(openTool)).toMatchObject({
      kind: 'popover',
      colour: 'blue',
      note: '',
      noteFocused: true,
    });
    await page.keyboardType('Article 4');
    await page.press('Control+Enter');
    await page.waitForUi((root) => root?.querySelector('[role="status"]')?.textContent);
    await page.press('Escape');
    await page.waitForUi((root) => !root?.querySelector('.rdl-tool'));
    expect((await listed(url)).map((r) => r.note)).toEqual(['Article 4']);
    expect(page.errors()).toEqual([]);
  });

  /** Saves highlights of LEAD, PACT and TRADE on the original article, and files copies under `url`. */
  async function highlightsFiledUnder(url: string): Promise<Map<string, string>> {
    const original = server.url(`/fixtures/highlight-article.html?for=${encodeURIComponent(url)}`);
    const page = await open(original);
    await page.waitFor(highlightedTexts, ['rdl-term']);
    for (const text of [LEAD, PACT, TRADE]) {
      expect(await page.evaluate(selectText, text)).toBe(true);
      const saved = (await controller.evaluate(sendToPageTabs, 'saveSelection', null)) as (HighlightRow | null)[];
      expect(saved.filter((r) => r !== null).map((r) => r.quote.exact)).toEqual([text]);
      // The popover of the new highlight has the focus (in its note field): Esc leaves it.
      await page.waitForUi(openTool);
      await page.press('Escape');
      await page.waitForUi((root) => !root?.querySelector('.rdl-tool'));
    }
    // Only the page under test answers the tab messages from here on.
    pages = pages.filter((p) => p !== page);
    await page.close();
    const ids = new Map<string, string>();
    for (const { id: _, createdAt: __, updatedAt: ___, ...row } of await listed(original)) {
      const copy = (await controller.evaluate(sendFromExtensionPage, 'saveHighlight', { ...row, url })) as HighlightRow;
      ids.set(copy.quote.exact, copy.id);
    }
    return ids;
  }

  test('on a page edited since: moved text is found, removed text is an orphan, reported and not drawn', async () => {
    const url = server.url('/fixtures/highlight-article-edited.html');
    const ids = await highlightsFiledUnder(url);
    const page = await open(url);
    await page.waitFor(highlightedTexts, ['rdl-term']);
    const reported = await pageStatus();
    expect(new Set(reported.anchored)).toEqual(new Set([ids.get(LEAD), ids.get(TRADE)]));
    expect(reported.orphans).toEqual([ids.get(PACT)]);
    await waitDrawn(page, [`yellow: ${LEAD}`, `yellow: ${TRADE}`]);
    // Never dropped: the orphan is still in the store, for the popup to list.
    expect((await listed(url)).map((r) => r.id)).toContain(ids.get(PACT));
    expect(page.errors()).toEqual([]);
  });

  test('text that arrives after the page loaded is highlighted when it arrives', async () => {
    const url = server.url('/fixtures/highlight-article-late.html');
    const ids = await highlightsFiledUnder(url);
    const page = await open(url);
    await page.waitFor(highlightedTexts, ['rdl-term']);
    // Ask before the rest of the article is there (it comes 1.5 s after the page).
    const early = await pageStatus();
    expect(early.orphans.length).toBeGreaterThan(0);
    await page.waitFor(() => document.getElementById('pact') !== null);
    await waitDrawn(page, [`yellow: ${LEAD}`, `yellow: ${PACT}`, `yellow: ${TRADE}`]);
    const late = await pageStatus();
    expect(new Set(late.anchored)).toEqual(new Set(ids.values()));
    expect(late.orphans).toEqual([]);
    expect(page.errors()).toEqual([]);
  });
});
