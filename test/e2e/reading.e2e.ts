/**
 * "My reading" (issue 15), as a reader does it: select a passage on one page,
 * add it to their corpus with a new person and a position (keyboard first),
 * open another page and find the claim there — in the new person's card,
 * marked as theirs with its page, and on the "Views differ" scale of an
 * entity it is about. Then share it: export the pack from the options page,
 * clear it, import it as a colleague would; a tampered export is refused whole.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PackSummary } from '../../lib/db/pack-store';
import {
  BROWSER_NAMES,
  launch,
  POPUP_VIEWPORT,
  screenshotPath,
  type LensBrowser,
  type LensPage,
  usePageServer,
} from './harness';
import {
  catchDownloads,
  chooseFile,
  downloaded,
  highlightedTexts,
  openCard,
  packList,
  packMessage,
  pageTabId,
  popupResults,
  sendFromExtensionPage,
} from './page-helpers';
import { clickTool, dragSelect, expandCard, hover, searchFor, waitDrawn } from './reader-actions';

const QUOTE = 'The partnership between Russia and North Korea is now an alliance in all but name';
const PARAPHRASE = 'Jane Doe calls the Russia–North Korea partnership an alliance in all but name.';
const SECOND = 'Officials in North Korea called the visit the first of many';
const SECOND_PARAPHRASE = 'Example Daily reports that North Korea expects many more such visits.';
const OTHER_PARAPHRASE = 'Jane Doe, as a second colleague read her, sees an alliance in all but name.';

// --- In the page (serialised: nothing from outside) --------------------------

/** The "Add to my corpus" form as placed next to the passage: its fields and where the focus is; null until then. */
function readingForm(root: ShadowRoot | null) {
  const form = root?.querySelector<HTMLFormElement>('form.rdl-reading-form');
  if (!root || !form?.closest('[data-placed]')) return null;
  const value = (name: string) => form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)?.value;
  return {
    quote: form.querySelector('.rdl-reading-quote')?.textContent ?? '',
    title: value('title'),
    outlet: value('outlet'),
    author: value('author'),
    date: value('date'),
    entities: [...form.querySelectorAll<HTMLInputElement>('[name="entity"]:checked')].map((box) =>
      box.parentElement!.textContent!.trim(),
    ),
    focused: (root.activeElement as HTMLInputElement | null)?.name ?? null,
  };
}

/** The speakers the open card lists under a position of "Views differ". */
function speakersAt(root: ShadowRoot | null, position: string): string[] | null {
  const item = [...(root?.querySelectorAll('.rdl-views .rdl-position') ?? [])].find(
    (li) => li.querySelector('.rdl-position-label')?.textContent === position,
  );
  return item ? [...item.querySelectorAll('.rdl-stance .rdl-who')].map((e) => e.textContent!) : null;
}

/** The reader's claims in the open card: paraphrase, the link to their page, and a note on its highlight. */
function yourClaims(root: ShadowRoot | null): { text: string; page: string | null; note?: string }[] {
  return [...(root?.querySelectorAll('.rdl-claim') ?? [])]
    .filter((li) => li.querySelector('.rdl-yours'))
    .map((li) => {
      const note = li.querySelector('.rdl-yours-note')?.textContent;
      return {
        text: li.querySelector('.rdl-claim-text')!.textContent!,
        page: li.querySelector<HTMLAnchorElement>('.rdl-yours a')?.href ?? null,
        ...(note !== undefined && { note }),
      };
    });
}

/** In the popup's Highlights tab: clicks the action of the highlight whose quote is `quote`. */
function clickHighlightAction(quote: string, action: string): void {
  const item = [...document.querySelectorAll('li.highlight')].find(
    (li) => li.querySelector('blockquote')?.textContent === quote,
  );
  const button = item?.querySelector<HTMLButtonElement>(
    action === 'delete' ? 'button.danger' : `button[data-action="${action}"]`,
  );
  if (!button) throw new Error(`No "${action}" for the highlight "${quote}"`);
  button.click();
}

/** In the popup's Highlights tab: what the highlight of `quote` says of the claims resting on it. */
function inCorpusNote(quote: string): string | null {
  const item = [...document.querySelectorAll('li.highlight')].find(
    (li) => li.querySelector('blockquote')?.textContent === quote,
  );
  return item?.querySelector('.in-corpus')?.textContent ?? null;
}

function press(label: string): boolean {
  const button = document.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`);
  button?.click();
  return button !== null;
}

// --- In the test -------------------------------------------------------------

const server = usePageServer();

describe.each(BROWSER_NAMES)('%s', (browserName) => {
  let lens: LensBrowser;
  let options: LensPage;
  beforeAll(async () => {
    lens = await launch(browserName);
    options = await lens.openExtensionPage('options.html');
  });
  afterAll(() => lens.close());

  const packs = async () => (await options.evaluate(sendFromExtensionPage, 'listPacks', null)) as PackSummary[];
  /** the reader's own pack, once the first claim made it */
  let mine: PackSummary | undefined;
  /** its export with that first claim only */
  let firstExport = '';

  test('a passage becomes a claim that shows on another page, in search, cards, the timeline and Views differ', async () => {
    const pageA = await lens.openPage(server.url('/fixtures/reading-a.html'));
    await dragSelect(pageA, QUOTE);
    await clickTool(pageA, '[data-action="add-to-corpus"]');

    // Pre-filled from the page's JSON-LD; the passage's entities kept; the first field has the focus.
    // Once placed next to the passage, the form has the keyboard focus in its first field.
    const form = await pageA
      .waitForUi((root) => {
        const f = root?.querySelector('form.rdl-reading-form');
        return f?.closest('[data-placed]') && (root!.activeElement as HTMLSelectElement | null)?.name === 'speaker';
      })
      .then(() => pageA.evaluateUi(readingForm));
    expect(form).toEqual({
      quote: QUOTE,
      title: 'Envoy visits Pyongyang (fixture)',
      outlet: 'Example Daily',
      author: 'A. Reporter',
      date: '2026-12-04',
      // what Lens marks in the passage (Russia, a context entity, as the page is about the relationship)
      entities: ['Russia', 'North Korea'],
      focused: 'speaker',
    });

    // Keyboard only: a new person, their role, the paraphrase, a topic and a position.
    await pageA.press('ArrowDown'); // "A new person or organisation…"
    await pageA.waitForUi((root) => (root?.querySelector('[name="speaker-name"]') ? true : null));
    await pageA.press('Tab');
    await pageA.keyboardType('Jane Doe');
    await pageA.press('Tab');
    await pageA.keyboardType('analyst quoted by Example Daily');
    await pageA.press('Tab');
    await pageA.keyboardType(PARAPHRASE);
    await pageA.press('Tab');
    await pageA.keyboardType('H'); // type-ahead: "How close are Russia and North Korea really?"
    await pageA.waitForUi((root) => (root?.querySelector('[name="position"]') ? true : null));
    await pageA.press('Tab');
    await pageA.keyboardType('D'); // type-ahead: "De facto alliance"
    await pageA.waitForUi((root) =>
      root?.querySelector<HTMLSelectElement>('[name="position"]')?.value === 't-closeness-de-facto-alliance'
        ? true
        : null,
    );
    if (browserName === 'chromium') await pageA.screenshot(screenshotPath('chromium-reading-form.png'));
    // Back to the paraphrase, where Enter saves.
    await pageA.press('Shift+Tab');
    await pageA.press('Shift+Tab');
    await pageA.press('Enter');
    // Saved and closed, or refused with a reason (which would fail here, naming it).
    const saved = await pageA.waitForUi((root) =>
      root?.querySelector('.rdl-reading-form')
        ? (root.querySelector('.rdl-reading-form [role="alert"]')?.textContent ?? null)
        : 'closed',
    );
    expect(saved).toBe('closed');
    // The passage is kept as a highlight too, which the claim names.
    await waitDrawn(pageA, [`yellow: ${QUOTE}`]);

    [mine] = (await packs()).filter((p) => p.own);
    expect(mine).toMatchObject({ name: 'My reading', counts: { claims: 1, sources: 1, entities: 1, people: 2 } });

    // Page B: the new person is marked, and their card has the claim, as the reader's, with its page.
    const pageB = await lens.openPage(server.url('/fixtures/reading-b.html'));
    await hover(pageB, 'Jane Doe');
    const card = await pageB.waitForUi(openCard);
    expect(card.title).toBe('Jane Doe');
    expect(await pageB.evaluateUi(yourClaims)).toEqual([
      { text: `${PARAPHRASE} De facto alliance`, page: server.url('/fixtures/reading-a.html') },
    ]);
    // Dated, it stands on the person's timeline, as theirs.
    expect(
      await pageB.evaluateUi((root) =>
        [...(root?.querySelectorAll('.rdl-event') ?? [])].map((li) => li.textContent!.replace(/\s+/g, ' ').trim()),
      ),
    ).toEqual([`4 Dec 2026 ${PARAPHRASE} Yours`]);
    await pageB.screenshot(screenshotPath(`${browserName}-reading-card.png`));
    await pageB.press('Escape');
    await pageB.waitForUi((root) => (root?.querySelector('.rdl-card[role="dialog"]') ? null : true));

    // North Korea's card: the reader's position on the "Views differ" scale beside the curated ones.
    await hover(pageB, 'North Korea');
    await pageB.waitForUi(openCard);
    expect(await pageB.evaluateUi(speakersAt, 'De facto alliance')).toContain('Jane Doe');
    await pageB.press('Escape');

    // Search in the popup: the new person, and the claim by its paraphrase and by its quote.
    const popup = await lens.openExtensionPage('popup.html');
    await popup.waitForSelector('[role="searchbox"]');
    await searchFor(popup, 'Jane Doe');
    const byName = (await popup.waitFor(popupResults)).hits;
    expect(byName.filter((h) => h.kind === 'entity').map((h) => h.title)).toEqual(['Jane Doe']);
    expect(byName.filter((h) => h.kind === 'claim').map((h) => h.title)).toContain(PARAPHRASE);
    await searchFor(popup, '"alliance in all but name"');
    expect((await popup.waitFor(popupResults)).hits.map((h) => h.title)).toContain(PARAPHRASE);
    await popup.close();

    // The export of this first claim, for the colleague below.
    await options.reload();
    await options.waitFor((n: number) => document.querySelectorAll('.packs li').length === n, [2]);
    await options.evaluate(catchDownloads);
    expect(await options.evaluate(press, 'Export My reading')).toBe(true);
    firstExport = (await options.waitFor(downloaded, [`${mine!.id}.json`])).text;
    expect(pageA.errors()).toEqual([]);
    expect(pageB.errors()).toEqual([]);
    // The popup below finds the page under test as the one tab with marks.
    await pageA.close();
    await pageB.close();
  });

  test('from the popup’s Highlights tab, a saved highlight becomes a claim; deleting the highlight keeps the claim and says so', async () => {
    const pageA = await lens.openPage(server.url('/fixtures/reading-a.html'));
    await dragSelect(pageA, SECOND);
    await clickTool(pageA, '[data-action="highlight"]');
    await waitDrawn(pageA, [`yellow: ${SECOND}`], 10_000, true); // beside the first passage, kept as a highlight

    const tabId = await (async () => {
      const finder = await lens.openExtensionPage('popup.html');
      const id = await finder.waitFor(pageTabId);
      await finder.close();
      return id;
    })();
    const popup = await lens.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.click('#tab-highlights');
    await popup.waitFor(
      (quote: string) =>
        [...document.querySelectorAll('li.highlight blockquote')].some((q) => q.textContent === quote) || null,
      [SECOND],
    );
    await popup.evaluate(clickHighlightAction, SECOND, 'add-to-corpus');

    // The form opens next to the passage on its page, pre-filled, its first field focused.
    await pageA.waitForUi((root) => {
      const f = root?.querySelector('form.rdl-reading-form');
      return f?.closest('[data-placed]') && (root!.activeElement as HTMLSelectElement | null)?.name === 'speaker';
    });
    expect(await pageA.evaluateUi(readingForm)).toMatchObject({
      quote: SECOND,
      outlet: 'Example Daily',
      focused: 'speaker',
    });
    // Keyboard only: the outlet in its own words (the first choice), the paraphrase, Enter.
    await pageA.press('Tab');
    await pageA.keyboardType(SECOND_PARAPHRASE);
    await pageA.press('Enter');
    expect(
      await pageA.waitForUi((root) =>
        root?.querySelector('.rdl-reading-form')
          ? (root.querySelector('.rdl-reading-form [role="alert"]')?.textContent ?? null)
          : 'closed',
      ),
    ).toBe('closed');

    // The popup says the highlight is in My reading; deleting it says the claim keeps its quote.
    const again = await lens.openExtensionPage(`popup.html?tab=${tabId}`, POPUP_VIEWPORT);
    await again.click('#tab-highlights');
    expect(await again.waitFor(inCorpusNote, [SECOND])).toBe('In My reading: a claim');
    await again.screenshot(screenshotPath(`${browserName}-reading-popup.png`));
    await again.evaluate(clickHighlightAction, SECOND, 'delete');
    expect(
      await again.waitFor(
        () => document.querySelector('.highlights [role="status"], .highlights .notice')?.textContent ?? null,
      ),
    ).toMatch(/^Highlight deleted\. Your claim in My reading keeps its quote\./);

    // On page B, North Korea's card has the claim, with its quote, saying its highlight was deleted.
    const pageB = await lens.openPage(server.url('/fixtures/reading-b.html'));
    await hover(pageB, 'North Korea');
    await pageB.waitForUi(openCard);
    await expandCard(pageB);
    expect(await pageB.evaluateUi(yourClaims)).toContainEqual({
      text: SECOND_PARAPHRASE,
      page: server.url('/fixtures/reading-a.html'),
      note: ' · its highlight was deleted; the claim keeps its quote',
    });
    expect(pageA.errors()).toEqual([]);
    expect(pageB.errors()).toEqual([]);
    await pageA.close();
    await pageB.close();
  });

  test('shared: exported, cleared, a bad export refused whole, imported as a colleague, a newer export replaces it after showing what changes, and a second colleague naming Jane Doe too does not collide', async () => {
    await options.reload();
    await options.waitFor((n: number) => document.querySelectorAll('.packs li').length === n, [2]);
    await options.evaluate(catchDownloads);
    expect(await options.evaluate(press, 'Export My reading')).toBe(true);
    const file = await options.waitFor(downloaded, [`${mine!.id}.json`]);
    const exported = JSON.parse(file.text) as {
      claims: { quote: string; passage: { url: string } }[];
      texts: Record<string, string>;
    };
    expect(exported.claims.map((c) => [c.quote, c.passage.url])).toEqual([
      [QUOTE, server.url('/fixtures/reading-a.html')],
      [SECOND, server.url('/fixtures/reading-a.html')],
    ]);
    expect(Object.values(exported.texts)[0]).toContain(`${QUOTE}," the analyst Jane Doe`);

    expect(await options.evaluate(press, 'Remove My reading')).toBe(true);
    await options.waitFor((n: number) => document.querySelectorAll('.packs li').length === n, [1]);

    // A tampered export is refused whole: nothing installed.
    const tampered = file.text.replace(`"quote": "${QUOTE}"`, '"quote": "The partnership is a myth"');
    expect(tampered).not.toBe(file.text);
    await options.evaluate(chooseFile, 'tampered.json', tampered);
    expect(await options.waitFor(packMessage, ['Nothing was imported'])).toMatch(/not verbatim|does not occur/);
    expect(await options.evaluate(packList)).toHaveLength(1);

    // A colleague imports the first export…
    await options.evaluate(chooseFile, `${mine!.id}.json`, firstExport);
    expect(await options.waitFor(packMessage, ['Installed'])).toMatch(/^Installed “My reading”/);
    expect((await options.evaluate(packList))[1]).toMatch(/^My reading · imported /);
    expect((await packs()).map((p) => [p.id, p.own, p.counts.claims])).toEqual([[mine!.id, false, 1]]);

    // …then the newer one: what it changes is shown first, and it replaces the pack only when asked.
    await options.evaluate(chooseFile, `${mine!.id}.json`, file.text);
    const preview = await options.waitFor(() => document.querySelector('.replace')?.textContent ?? null);
    expect(preview).toContain('This file replaces the installed “My reading”.');
    expect(preview).toContain(`added 1 claim: ${SECOND_PARAPHRASE}`);
    expect(preview).not.toContain('older');
    await options.click('.replace [data-action="replace"]');
    expect(await options.waitFor(packMessage, ['Updated'])).toMatch(/^Updated “My reading”/);
    expect((await packs()).map((p) => [p.id, p.own, p.counts.claims])).toEqual([[mine!.id, false, 2]]);

    // A second colleague's pack that names Jane Doe too (the same export under another reader's pack id).
    const other = file.text
      .replaceAll(mine!.id, 'mine-colleague2')
      .replace(PARAPHRASE, OTHER_PARAPHRASE)
      .replace('"name": "My reading"', '"name": "Kim’s reading"');
    await options.evaluate(chooseFile, 'mine-colleague2.json', other);
    expect(await options.waitFor(packMessage, ['Installed'])).toMatch(/^Installed “Kim’s reading”/);

    // Page B: one Jane Doe, whose card holds both readers' claims.
    const pageB = await lens.openPage(server.url('/fixtures/reading-b.html'));
    await hover(pageB, 'Jane Doe');
    const card = await pageB.waitForUi(openCard);
    expect(card.title).toBe('Jane Doe');
    expect(card.text).toContain(PARAPHRASE);
    expect(card.text).toContain(OTHER_PARAPHRASE);
    await pageB.screenshot(screenshotPath(`${browserName}-reading-two-readers.png`));
    expect(await pageB.evaluate(highlightedTexts, 'rdl-term')).toEqual(
      expect.arrayContaining(['Jane Doe', 'North Korea']),
    );
    expect(pageB.errors()).toEqual([]);
    expect(options.errors()).toEqual([]);
  });
});
