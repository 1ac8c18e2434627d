/**
 * A page's own script as an attacker (the page's code, an ad, an analytics
 * tag): every attack runs in the page's main world, with no input from the
 * reader, and each one fails. Afterwards the reader's highlights, notes and
 * settings are as they were. Where an attack is "Lens does nothing", a real
 * reader's action on the same page then shows that Lens does run there.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { HighlightRow } from '../../lib/db/schema';
import type { NewHighlight } from '../../lib/db/highlight-store';
import type { HighlightStatus } from '../../lib/anchoring/page';
import { BROWSER_NAMES, launch, type LensBrowser, type LensPage, usePageServer } from './harness';
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
import { dragSelect, hover, waitDrawn } from './reader-actions';

const LEAD = 'Putin arrived in Pyongyang';
const NOTE = 'Source: a confidential interview, do not share';

// --- In the page (serialised: nothing from outside) --------------------------

/**
 * For `ms`, every 20 ms: pointer and mouse moves, presses and clicks, and
 * keys (Enter, Esc, Lens's shortcuts) at (x, y), as a page script makes them
 * — at the element there, which for Lens's UI is its host.
 */
function syntheticInput(x: number, y: number, ms: number): Promise<number> {
  return new Promise((done) => {
    let rounds = 0;
    const end = performance.now() + ms;
    const round = () => {
      const target = document.elementFromPoint(x, y) ?? document.body;
      const at = { clientX: x, clientY: y, bubbles: true, composed: true, cancelable: true };
      for (const type of ['pointerover', 'pointerenter', 'pointermove', 'pointerdown', 'pointerup'])
        target.dispatchEvent(new PointerEvent(type, { ...at, pointerType: 'mouse', button: 0, isPrimary: true }));
      for (const type of ['mouseover', 'mousemove', 'mousedown', 'mouseup', 'click', 'contextmenu'])
        target.dispatchEvent(new MouseEvent(type, at));
      for (const init of [
        { key: 'Enter' },
        { key: ' ' },
        { key: 'Escape' },
        { key: 'L', altKey: true, shiftKey: true },
      ])
        target.dispatchEvent(new KeyboardEvent('keydown', { ...init, bubbles: true, composed: true }));
      (target as HTMLElement).click?.();
      rounds++;
      if (performance.now() < end) setTimeout(round, 20);
      else done(rounds);
    };
    round();
  });
}

/** What a page script can find of Lens's UI and of the reader's note. */
function whatThePageSees(note: string) {
  const hosts = [...document.querySelectorAll('rdl-ui')];
  return {
    hosts: hosts.length,
    shadowRoots: hosts.filter((host) => host.shadowRoot !== null).length,
    caughtRoots: (window as unknown as { __roots: ShadowRoot[] }).__roots.length,
    noteInText: document.documentElement.textContent!.includes(note) || document.body.innerText.includes(note),
    noteInSelection: String(getSelection()).includes(note),
  };
}

/** Whether Lens shows any of its UI (card, panel, toolbar or popover). */
function uiShown(root: ShadowRoot | null): boolean {
  return Boolean(root?.querySelector('.rdl-card, .rdl-panel, .rdl-tool'));
}

// --- In the test -------------------------------------------------------------

const server = usePageServer();

describe.each(BROWSER_NAMES)('%s', (browserName) => {
  let lens: LensBrowser;
  let controller: LensPage;
  beforeAll(async () => {
    lens = await launch(browserName);
    controller = await lens.openExtensionPage('popup.html');
  });
  afterAll(() => lens.close());

  /** What the reader has: every highlight and the settings. */
  const readerData = async () => ({
    rows: (await controller.evaluate(sendFromExtensionPage, 'listHighlights', {})) as HighlightRow[],
    settings: await controller.evaluate(sendFromExtensionPage, 'getSettings', null),
  });
  let before: Awaited<ReturnType<typeof readerData>>;

  /** A highlight with a note, saved as the reader would have saved it on `url` before. */
  async function savedOn(url: string): Promise<HighlightRow> {
    const draft: NewHighlight = {
      url,
      title: 'Lens fixture: a page whose own script attacks Lens',
      note: NOTE,
      colour: 'pink',
      entityIds: [],
      quote: { type: 'TextQuoteSelector', exact: LEAD, prefix: 'Vladimir ', suffix: ' on 19 June' },
      // Not known (as for an imported highlight): found by its quote.
      position: { type: 'TextPositionSelector', start: -1, end: -1 },
    };
    return (await controller.evaluate(sendFromExtensionPage, 'saveHighlight', draft)) as HighlightRow;
  }

  /** Waits until the page under test has marks, and exactly `anchored` highlights drawn. */
  async function ready(page: LensPage, anchored: string[]): Promise<void> {
    await page.waitFor(highlightedTexts, ['rdl-term']);
    // Every tab Lens runs in answers (Firefox's first tab too): the page under test is the one with these.
    const shown = async () =>
      ((await controller.evaluate(sendToPageTabs, 'getHighlightStatus', null)) as HighlightStatus[]).some(
        (status) => JSON.stringify(status.anchored) === JSON.stringify(anchored),
      );
    for (let deadline = Date.now() + 10_000; !(await shown());) {
      if (Date.now() > deadline) throw new Error(`Highlights ${JSON.stringify(anchored)} were not anchored`);
      await new Promise((next) => setTimeout(next, 50));
    }
  }

  async function open(url: string, anchored: string[]): Promise<LensPage> {
    const page = await lens.openPage(url);
    await ready(page, anchored);
    return page;
  }

  const fixture = (name: string) => server.url(`/fixtures/hostile-script.html?case=${name}`);

  beforeEach(async () => {
    before = await readerData();
  });

  /** The reader's highlights, notes and settings, unchanged by the attack. */
  async function nothingChanged(page: LensPage) {
    expect(await readerData()).toEqual(before);
    expect(page.errors()).toEqual([]);
    await page.close();
  }

  test('registry enumeration: CSS.highlights holds the public entity marks only, never a saved highlight', async () => {
    const url = fixture('registry');
    const row = await savedOn(url);
    before = await readerData();
    const page = await open(url, [row.id]);
    // The reader sees the highlight (with the mark of one that has a note)…
    await waitDrawn(page, [`pink (note): ${LEAD}`]);
    // …and the page, reading every highlight registered and every range in it, finds only term marks.
    const registry = await page.evaluate(() =>
      [...CSS.highlights].map(([name, highlight]) => ({
        name,
        texts: [...(highlight as unknown as Iterable<AbstractRange>)].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        }),
      })),
    );
    // Public marks only: the corpus's entities (rdl-term) and the sentences that state a corpus claim (rdl-claim).
    expect(registry.map((h) => h.name)).toContain('rdl-term');
    expect(registry.map((h) => h.name).filter((name) => name !== 'rdl-term' && name !== 'rdl-claim')).toEqual([]);
    expect(registry.flatMap((h) => h.texts).some((text) => text.includes('arrived'))).toBe(false);
    // Hit-testing over the highlighted text finds the page's own paragraph, not a box of Lens's.
    const ends = (await page.evaluate(phraseEnds, LEAD))!;
    const at = { x: (ends.from.x + ends.to.x) / 2, y: ends.from.y };
    expect(
      await page.evaluate(({ x, y }) => document.elementsFromPoint(x, y).map((e) => e.nodeName), at),
    ).not.toContain('RDL-UI');
    expect(await page.evaluate(whatThePageSees, NOTE)).toMatchObject({ shadowRoots: 0, caughtRoots: 0 });
    await nothingChanged(page);
  });

  test('shadow-root reading: the root is closed, a wrapped attachShadow catches nothing, the note is nowhere in the page', async () => {
    const url = fixture('read');
    const row = await savedOn(url);
    before = await readerData();
    const page = await open(url, [row.id]);
    await hover(page, 'Pyongyang');
    expect((await page.waitForUi(openCard)).title).toBe('Pyongyang');
    await page.press('Escape');
    // The reader opens the note.
    const ends = (await page.evaluate(phraseEnds, LEAD))!;
    await page.mouseClick((ends.from.x + ends.to.x) / 2, ends.from.y);
    await page.waitForUi((root, note: string) => root?.querySelector('textarea')?.value === note, [NOTE]);

    const seen = await page.evaluate(whatThePageSees, NOTE);
    expect(seen).toMatchObject({ shadowRoots: 0, caughtRoots: 0, noteInText: false, noteInSelection: false });
    expect(seen.hosts).toBeGreaterThan(0);
    await nothingChanged(page);
  });

  test('synthetic pointer moves, clicks and keys open no card, no panel and no note', async () => {
    const url = fixture('synthetic');
    const row = await savedOn(url);
    before = await readerData();
    const page = await open(url, [row.id]);
    const mark = (await page.evaluate(markCentre, 'rdl-term', 'Kim Jong Un'))!;
    // 1 s each: five times the 200 ms a real pointer rests on a mark before its card opens.
    expect(await page.evaluate(syntheticInput, mark.x, mark.y, 1000)).toBeGreaterThan(5);
    const ends = (await page.evaluate(phraseEnds, LEAD))!;
    await page.evaluate(syntheticInput, (ends.from.x + ends.to.x) / 2, ends.from.y, 1000);
    expect(await page.evaluateUi(uiShown)).toBe(false);

    // The same page answers the reader's own pointer.
    await hover(page, 'Kim Jong Un');
    expect((await page.waitForUi(openCard)).title).toBe('Kim Jong Un');
    await nothingChanged(page);
  });

  test('synthetic events at an open card, its search button and its host do nothing: the card stays, no tab opens', async () => {
    const page = await open(fixture('card'), []);
    await hover(page, 'Pyongyang');
    await page.waitForUi(openCard);
    const button = await page.waitForUi((root) => {
      const rect = root?.querySelector('.rdl-search')?.getBoundingClientRect();
      return rect && rect.width > 0 ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    });
    const tabs = () =>
      controller.evaluate(async () => {
        const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
        return (await (g.browser ?? g.chrome).tabs.query({})).length;
      });
    const tabsBefore = await tabs();
    // Even knowing where the button is, a script reaches only the host there.
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.nodeName, button)).toBe('RDL-UI');
    await page.evaluate(syntheticInput, button.x, button.y, 1000);
    expect((await page.evaluateUi(openCard))?.title).toBe('Pyongyang');
    expect(await tabs()).toBe(tabsBefore);
    await nothingChanged(page);
  });

  test('scripted selection and save: no toolbar, nothing saved', async () => {
    const page = await open(fixture('select'), []);
    expect(await page.evaluate(selectText, LEAD)).toBe(true);
    const ends = (await page.evaluate(phraseEnds, LEAD))!;
    await page.evaluate(syntheticInput, ends.to.x, ends.to.y, 1000);
    expect(await page.evaluate(() => String(getSelection()))).toBe(LEAD);
    expect(await page.evaluateUi(uiShown)).toBe(false);

    // The reader's own drag on the same page brings the toolbar.
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await dragSelect(page, LEAD);
    await page.press('Escape');
    await nothingChanged(page);
  });

  test('save flooding: a hundred scripted selections with synthetic clicks, shortcuts and menus save nothing', async () => {
    const page = await open(fixture('flood'), []);
    const rounds = await page.evaluate(async () => {
      const texts = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
      for (let i = 0; i < 100; i++) {
        const node = texts[i % texts.length]!;
        const range = document.createRange();
        range.setStart(node, 0);
        range.setEnd(node, Math.min(20 + i, node.length));
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        const rect = range.getBoundingClientRect();
        const at = { clientX: rect.right, clientY: rect.top - 10, bubbles: true, composed: true };
        const target = document.elementFromPoint(at.clientX, at.clientY) ?? document.body;
        target.dispatchEvent(new PointerEvent('pointerup', { ...at, pointerType: 'mouse' }));
        target.dispatchEvent(new MouseEvent('click', at));
        target.dispatchEvent(new MouseEvent('contextmenu', at));
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'H', altKey: true, shiftKey: true, bubbles: true }));
        await new Promise((next) => setTimeout(next, 10));
      }
      return 100;
    });
    expect(rounds).toBe(100);
    expect(await page.evaluateUi(uiShown)).toBe(false);
    await nothingChanged(page);
  });

  test('the pushState trick: copying in another page of the site and pushing its URL brings none of its highlights', async () => {
    const other = fixture('pushed');
    const row = await savedOn(other);
    before = await readerData();
    const page = await open(fixture('push'), []);
    await page.evaluate(async (url: string) => {
      const html = await (await fetch(url)).text();
      document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
      history.pushState(null, '', url);
    }, other);
    expect(await page.evaluate(() => location.href)).toBe(other);
    // As after the reader changes something in the popup: the page's highlights are read again.
    const statuses = (await controller.evaluate(sendToPageTabs, 'refreshHighlights', null)) as HighlightStatus[];
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((status) => status.anchored.length === 0)).toBe(true);
    expect(
      await page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('rdl-saved'))),
    ).toEqual([]);
    // The page's own load shows it, as the reader expects.
    await page.goto(other);
    await ready(page, [row.id]);
    await nothingChanged(page);
  });

  test('a URL pushed as the page loads, before Lens starts, brings none of its highlights', async () => {
    const pushed = await savedOn(fixture('pushed-early'));
    before = await readerData();
    const page = await open(fixture('push-early'), []);
    expect(await page.evaluate(() => location.href)).toBe(fixture('pushed-early'));
    // Every tab's status, once its anchoring has settled: the pushed address's highlight is in none.
    const statuses = (await controller.evaluate(sendToPageTabs, 'getHighlightStatus', null)) as HighlightStatus[];
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.flatMap((status) => [...status.anchored, ...status.orphans])).not.toContain(pushed.id);
    expect(
      await page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('rdl-saved'))),
    ).toEqual([]);
    await nothingChanged(page);
  });

  test('WXT’s start-up event: never sent to the page, and sent by the page it switches nothing off', async () => {
    const page = await open(fixture('wxt'), []);
    const id = await controller.evaluate(() => {
      const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
      return (g.browser ?? g.chrome).runtime.id;
    });
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.filter((m) => m.includes('wxt') || m.includes(id))).toEqual([]);
    // The attacker who knows the id sends what WXT used to send, as an event and as a message.
    await page.evaluate((extensionId: string) => {
      const type = `${extensionId}:lens:wxt:content-script-started`;
      const detail = { contentScriptName: 'lens', messageId: 'attacker' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, ...detail }, '*');
    }, id);
    await hover(page, 'Kim Jong Un');
    expect((await page.waitForUi(openCard)).title).toBe('Kim Jong Un');
    expect(await page.evaluate(highlightedTexts, 'rdl-term')).toContain('Pyongyang');
    await nothingChanged(page);
  });
});
