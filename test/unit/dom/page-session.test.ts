// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { pageAnchoring } from '../../../lib/anchoring/page';
import { ANCHORING_SCRIPT, registerAnchoring } from '../../../lib/dom/anchoring-handle';
import { createHighlightTools } from '../../../lib/dom/highlight-tools';
import { TERM_HIGHLIGHT } from '../../../lib/dom/annotator';
import { CLAIMS_SCRIPT, registerClaims } from '../../../lib/dom/claim-handle';
import { startPageSession, type LazyScript, type MessageListener } from '../../../lib/dom/page-session';
import type { HighlightRow } from '../../../lib/db/schema';
import {
  createClient,
  type FoundClaim,
  type Handlers,
  type PageConfig,
  type Protocol,
  type TabProtocol,
  type PageTermIndex,
} from '../../../lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { pageTermIndex, termIndexHandlers, termIndexOf } from '../../../lib/service/term-index';
import { rangeOver } from '../range-over';
import { installPageHighlights, textsOf, type FakeHighlight } from './highlight-shim';
import { clientOf } from '../client';

const PAGE_URL = 'https://news.example.org/article';
const ARTICLE = '<p id="lead">Vladimir Putin arrived in Pyongyang, and Putin left Pyongyang the next day.</p>';

// The background's term index, and what it sends a page of it (the page's text is matched there: matchTerms).
const index = termIndexOf(
  [
    { id: 'putin', label: 'Vladimir Putin', kind: 'person', tier: 'core', aliases: [{ text: 'Putin', lang: 'en' }] },
    { id: 'pyongyang', label: 'Pyongyang', kind: 'place', tier: 'core', aliases: [{ text: 'Pyongyang', lang: 'en' }] },
  ],
  'test',
);
const termIndex: PageTermIndex = pageTermIndex(index);
const { matchTerms } = termIndexHandlers(
  { current: async () => index, bundled: () => index, bundledVersion: 'bundled:test', configured: async () => index },
  { problem: async () => null },
);
// The claim script is a test of its own; here it is off unless a test turns it on.
const settings: Settings = { ...DEFAULT_SETTINGS, claims: false };
const activeConfig = (over: Partial<Settings> = {}, rows: HighlightRow[] = []): PageConfig => ({
  active: true,
  settings: { ...settings, ...over },
  termIndex,
  highlights: { rows, unavailable: null },
});
const inactiveConfig = (reason: 'paused' | 'site-off' = 'site-off'): PageConfig => ({
  active: false,
  reason,
  settings,
  highlights: { rows: [], unavailable: null },
});

let registry: Map<string, FakeHighlight>;
let life: AbortController;
beforeEach(() => {
  registry = installPageHighlights();
  document.body.innerHTML = ARTICLE;
  life = new AbortController();
});
afterEach(() => {
  life.abort();
  vi.restoreAllMocks();
});

/**
 * A frame of a page with a fake background: `configs` answers each
 * getPageConfig in turn (a function answers when the test resolves it), and
 * what the frame reports is recorded.
 */
function frame(options: {
  configs: (PageConfig | (() => Promise<PageConfig>))[];
  isTop?: boolean;
  listHighlights?: (request: { url?: string; offset?: number }) => HighlightRow[];
  /** whether the background finds a claim in a block's text (it answers the block whole) */
  claimIn?: (text: string) => boolean;
}) {
  const counts: number[] = [];
  /** the highlights the frame had the background style, in order (`-names`: the rules it had taken away) */
  const styled: string[] = [];
  const asked: string[] = [];
  /** how often the frame had the background read its tab's frames again */
  const framesRead: number[] = [];
  const imported: LazyScript[] = [];
  const listeners = new Set<MessageListener>();
  const scripts = {} as object;
  let url = PAGE_URL;
  const background: Partial<Handlers<Protocol>> = {
    getPageConfig: ({ url: asking }) => {
      asked.push(asking);
      const next = options.configs.shift();
      if (!next) throw new Error('no configuration left for this test');
      return typeof next === 'function' ? next() : next;
    },
    matchTerms,
    setPageEntityCount: ({ count }) => {
      counts.push(count);
      return null;
    },
    styleMarks: ({ name }) => {
      styled.push(name);
      return null;
    },
    unstyleMarks: ({ names }) => {
      styled.push(`-${names.join(' ')}`);
      return null;
    },
    readFrames: () => {
      framesRead.push(framesRead.length + 1);
      return null;
    },
    listHighlights: (request) => {
      const rows = options.listHighlights?.(request) ?? [];
      return (request.offset ?? 0) === 0 ? rows : [];
    },
    matchClaims: ({ blocks }) => {
      claimAsks.push(blocks);
      return blocks.flatMap(({ text }, block): FoundClaim[] =>
        options.claimIn?.(text)
          ? [{ block, start: 0, end: text.length, sentence: text, target: { kind: 'claim', claimId: 'c-1' } }]
          : [],
      );
    },
  };
  const ask = clientOf(background as Handlers<Protocol>, null);
  const started = startPageSession({
    document,
    pageUrl: PAGE_URL,
    currentUrl: () => url,
    isTop: options.isTop ?? true,
    ask,
    onMessage: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
    signal: life.signal,
    importScript: async (path) => {
      imported.push(path);
      if (path === ANCHORING_SCRIPT)
        registerAnchoring(scripts, { ...pageAnchoring, createLayer: fakeLayer, createHighlightTools });
      if (path === CLAIMS_SCRIPT) {
        claimScriptAfter.push(claimAsks.length);
        registerClaims(scripts, () => ({
          draw: async (_blocks, found) => void drawn.push(...found.map((hit) => hit.sentence)),
        }));
      }
    },
    registry: scripts,
    failed: (error) => {
      throw error;
    },
  });
  /** the blocks of each matchClaims, how many asks there were when the claim script loaded, what it drew */
  const claimAsks: { text: string; entities: unknown[] }[][] = [];
  const claimScriptAfter: number[] = [];
  const drawn: string[] = [];

  /** Hands a message to the frame's listeners, as runtime.onMessage does; undefined when none answers. */
  const dispatch = (message: unknown) =>
    new Promise<unknown>((resolve) => {
      let answered = false;
      for (const listener of listeners) if (listener(message, {}, resolve)) answered = true;
      if (!answered) resolve(undefined);
    });
  /** The popup (or the background) asking the tab. */
  const tab = createClient<TabProtocol>(dispatch);
  /** The background saying settings or the corpus changed (no frame answers it). */
  const configChanged = () => void tab('configChanged', null).catch(() => undefined);
  return {
    started,
    counts,
    styled,
    asked,
    framesRead,
    imported,
    claimAsks,
    claimScriptAfter,
    drawn,
    listeners,
    tab,
    configChanged,
    navigate: (to: string) => (url = to),
  };
}

/** A saved-highlight layer that draws nothing: the real one is tested end to end. */
function fakeLayer() {
  return { repaint: () => undefined };
}

const marked = () => textsOf(registry.get(TERM_HIGHLIGHT));

describe('a page where Lens runs', () => {
  test('is marked, its top frame reports its count of distinct entities, and the tab handlers answer', async () => {
    const page = frame({ configs: [activeConfig()] });
    await page.started;
    await vi.waitFor(() => expect(page.counts).toEqual([2]));
    expect(page.asked).toEqual([PAGE_URL]);
    expect(marked()).toEqual(['Putin', 'Pyongyang', 'Putin', 'Pyongyang']);
    // The marks' rule, asked for once, with the first mark.
    expect(page.styled).toEqual(['rdl-term']);
    expect(await page.tab('getPageInfo', null)).toEqual({ url: PAGE_URL, active: true });
    expect(await page.tab('getPageEntities', null)).toEqual([
      { id: 'pyongyang', label: 'Pyongyang', kind: 'place', count: 2 },
      { id: 'putin', label: 'Vladimir Putin', kind: 'person', count: 2 },
    ]);
    expect(await page.tab('getPageScope', null)).toEqual({
      relevant: true, // four mentions of core entities
      markEverywhere: false,
      mainTextOnly: true,
    });
  });

  test("a page with nothing to mark asks for no style: the marks' rule comes with the first mark", async () => {
    document.body.innerHTML = '<p id="lead">The council approved the budget for parks and libraries.</p>';
    const page = frame({ configs: [activeConfig()] });
    await page.started;
    await vi.waitFor(() => expect(page.counts).toEqual([0]));
    expect(page.styled).toEqual([]);
    document.getElementById('lead')!.append(' The mayor then flew to Pyongyang.');
    await vi.waitFor(() => expect(marked()).toEqual(['Pyongyang']));
    expect(page.styled).toEqual(['rdl-term']);
  });

  test('a page with nothing to mark does not listen to the pointer: its moves reach Lens from the first mark on', async () => {
    document.body.innerHTML = '<p id="lead">The council approved the budget for parks and libraries.</p>';
    const listened: string[] = [];
    const addEventListener = document.addEventListener.bind(document);
    vi.spyOn(document, 'addEventListener').mockImplementation((type, ...rest) => {
      listened.push(type);
      addEventListener(type, ...rest);
    });
    const page = frame({ configs: [activeConfig()] });
    await page.started;
    await vi.waitFor(() => expect(page.counts).toEqual([0]));
    expect(listened).not.toContain('pointermove');
    document.getElementById('lead')!.append(' The mayor then flew to Pyongyang.');
    await vi.waitFor(() => expect(marked()).toEqual(['Pyongyang']));
    expect(listened.filter((type) => type === 'pointermove')).toHaveLength(1);
    // A page marked again (a live page) adds no second listener.
    document.getElementById('lead')!.append(' And back from Pyongyang.');
    await vi.waitFor(() => expect(marked()).toEqual(['Pyongyang', 'Pyongyang']));
    expect(listened.filter((type) => type === 'pointermove')).toHaveLength(1);
  });

  test('marks only the kinds the reader marks', async () => {
    const page = frame({ configs: [activeConfig({ kinds: ['place'] })] });
    await page.started;
    await vi.waitFor(() => expect(page.counts).toEqual([1]));
    expect(marked()).toEqual(['Pyongyang', 'Pyongyang']);
  });

  test('a frame inside the page is marked but reports no count and answers nothing: the top frame speaks for the tab', async () => {
    const page = frame({ configs: [activeConfig()], isTop: false });
    await page.started;
    await vi.waitFor(() => expect(marked()).toHaveLength(4));
    expect(page.counts).toEqual([]);
    await expect(page.tab('getPageInfo', null)).rejects.toThrow('No answer to "getPageInfo"');
    await expect(page.tab('getPageEntities', null)).rejects.toThrow('No answer to "getPageEntities"');
  });

  test('getPageInfo gives the address the frame shows now; highlights are still those of the URL it was loaded at', async () => {
    const listed: (string | undefined)[] = [];
    const page = frame({ configs: [activeConfig()], listHighlights: ({ url }) => (listed.push(url), []) });
    await page.started;
    page.navigate('https://news.example.org/pushed');
    expect(await page.tab('getPageInfo', null)).toMatchObject({ url: 'https://news.example.org/pushed' });
    await page.tab('refreshHighlights', null);
    expect(listed).toEqual([PAGE_URL]);
  });
});

/** A frame of the page, and an image, finish loading (their load events, which do not bubble). */
function loadFrameAndImage() {
  document.body.insertAdjacentHTML('beforeend', '<iframe id="embed"></iframe><img id="photo" alt="">');
  document.getElementById('photo')!.dispatchEvent(new Event('load'));
  document.getElementById('embed')!.dispatchEvent(new Event('load'));
}

describe("a page's frames", () => {
  test("a frame that loads on a page with Lens has the background read the tab's frames again; an image does not", async () => {
    const page = frame({ configs: [activeConfig()] });
    await page.started;
    loadFrameAndImage();
    await vi.waitFor(() => expect(page.framesRead).toEqual([1]));
  });

  test('where Lens is off, a frame that loads asks nothing', async () => {
    const page = frame({ configs: [inactiveConfig('paused')] });
    await page.started;
    loadFrameAndImage();
    // (Asked, it would be answered before the page's own next request is.)
    await page.tab('getPageInfo', null);
    expect(page.framesRead).toEqual([]);
  });
});

describe('a page where Lens is off', () => {
  test.each(['site-off', 'paused'] as const)(
    '(%s) is not marked, reports a count of 0, and refuses every request about the page',
    async (reason) => {
      const page = frame({ configs: [inactiveConfig(reason)] });
      await page.started;
      expect(page.counts).toEqual([0]);
      expect(marked()).toEqual([]);
      expect(await page.tab('getPageInfo', null)).toEqual({ url: PAGE_URL, active: false });
      for (const type of ['openPanel', 'getPageEntities', 'getPageScope', 'getHighlightStatus'] as const)
        await expect(page.tab(type, null)).rejects.toThrow('Lens is off on this page');
      await expect(page.tab('showEntity', { entityId: 'putin' })).rejects.toThrow('Lens is off on this page');
      await expect(page.tab('saveSelection', null)).rejects.toThrow('Lens is off on this page');
    },
  );
});

describe('configChanged', () => {
  test('ends the running session (its marks go) and starts one from a fresh configuration', async () => {
    const page = frame({ configs: [activeConfig(), inactiveConfig(), activeConfig({ kinds: ['person'] })] });
    await page.started;
    await vi.waitFor(() => expect(page.counts).toEqual([2]));

    page.configChanged();
    await vi.waitFor(() => expect(page.counts).toEqual([2, 0]));
    expect(marked()).toEqual([]);
    expect(await page.tab('getPageInfo', null)).toMatchObject({ active: false });
    await expect(page.tab('getPageEntities', null)).rejects.toThrow('Lens is off on this page');

    page.configChanged();
    await vi.waitFor(() => expect(page.counts).toEqual([2, 0, 1]));
    expect(marked()).toEqual(['Putin', 'Putin']);
    expect(page.asked).toEqual([PAGE_URL, PAGE_URL, PAGE_URL]);
    // Off, the page had the marks' rule taken away with its marks; on again, it asks for it with its first mark.
    await vi.waitFor(() => expect(page.styled).toEqual(['rdl-term', '-rdl-term', 'rdl-term']));
  });

  test('a new session of settings keeps the rule the frame was given: it asks for none', async () => {
    const page = frame({ configs: [activeConfig(), activeConfig({ kinds: ['person'] })] });
    await page.started;
    await vi.waitFor(() => expect(page.counts).toEqual([2]));
    page.configChanged();
    await vi.waitFor(() => expect(page.counts).toEqual([2, 1]));
    expect(page.styled).toEqual(['rdl-term']);
  });

  test("a switch of mark style takes away the rule the marks no longer use, and asks for the new style's with its first mark", async () => {
    const page = frame({ configs: [activeConfig(), activeConfig({ markStyle: 'tint' }), activeConfig()] });
    await page.started;
    await vi.waitFor(() => expect(page.counts).toEqual([2]));
    page.configChanged();
    await vi.waitFor(() => expect(registry.has('rdl-term-tint')).toBe(true));
    expect(page.styled).toEqual(['rdl-term', '-rdl-term', 'rdl-term-tint']);
    page.configChanged();
    await vi.waitFor(() => expect(marked()).toHaveLength(4));
    await vi.waitFor(() =>
      expect(page.styled).toEqual(['rdl-term', '-rdl-term', 'rdl-term-tint', '-rdl-term-tint', 'rdl-term']),
    );
  });

  test('a page configured with a term index the corpus has replaced marks nothing, fails nothing, and is marked anew on the change', async () => {
    const replaced: PageConfig = {
      active: true,
      settings,
      termIndex: { ...termIndex, version: 'replaced' },
      highlights: { rows: [], unavailable: null },
    };
    const page = frame({ configs: [replaced, activeConfig()] });
    await page.started;
    // Its mentions are refused (the background matches with the new index only): nothing marked, no error.
    await vi.waitFor(() => expect(page.counts).toEqual([0]));
    expect(marked()).toEqual([]);
    page.configChanged();
    await vi.waitFor(() => expect(page.counts).toEqual([0, 2]));
    expect(marked()).toEqual(['Putin', 'Pyongyang', 'Putin', 'Pyongyang']);
  });

  test('every frame restarts, the top one and the others', async () => {
    const page = frame({ configs: [activeConfig(), inactiveConfig()], isTop: false });
    await page.started;
    await vi.waitFor(() => expect(marked()).toHaveLength(4));
    page.configChanged();
    await vi.waitFor(() => expect(marked()).toEqual([]));
    expect(page.asked).toHaveLength(2);
  });

  test('a configuration that arrives after a newer change is dropped: the newest wins', async () => {
    let answerFirstChange!: (config: PageConfig) => void;
    const page = frame({
      configs: [
        inactiveConfig(),
        () => new Promise<PageConfig>((resolve) => (answerFirstChange = resolve)),
        activeConfig({ kinds: ['place'] }),
      ],
    });
    await page.started;
    page.configChanged(); // its configuration is late
    await vi.waitFor(() => expect(page.asked).toHaveLength(2));
    page.configChanged();
    await vi.waitFor(() => expect(page.counts).toEqual([0, 1]));
    answerFirstChange(activeConfig());
    await vi.waitFor(() => expect(marked()).toEqual(['Pyongyang', 'Pyongyang']));
    // The late answer started nothing: the page still has only the places, and the count stayed.
    await new Promise<void>((done) => setTimeout(done)); // a task later: every step of the late answer has run
    expect(marked()).toEqual(['Pyongyang', 'Pyongyang']);
    expect(page.counts).toEqual([0, 1]);
  });
});

describe('the end of the content script (the extension updated or removed)', () => {
  test('takes the marks and the message listener with it', async () => {
    const page = frame({ configs: [activeConfig()] });
    await page.started;
    await vi.waitFor(() => expect(marked()).toHaveLength(4));
    life.abort();
    expect(marked()).toEqual([]);
    expect(page.listeners.size).toBe(0);
  });
});

describe('scripts loaded when first needed', () => {
  test('a page with no highlights loads neither the anchoring code nor the card UI', async () => {
    const page = frame({ configs: [activeConfig()] });
    await page.started;
    await vi.waitFor(() => expect(page.counts).toEqual([2]));
    expect(await page.tab('getHighlightStatus', null)).toEqual({ anchored: [], orphans: [] });
    expect(page.imported).toEqual([]);
  });

  test('a page with highlights loads the anchoring code once, and anchors them', async () => {
    const found = highlightOf('Putin arrived', 'h-found');
    const gone = {
      ...highlightOf('left Pyongyang', 'h-gone'),
      quote: { type: 'TextQuoteSelector' as const, exact: 'not on this page', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector' as const, start: 500, end: 516 },
    };
    const page = frame({ configs: [activeConfig({}, [found, gone])] });
    await page.started;
    expect(await page.tab('getHighlightStatus', null)).toEqual({ anchored: ['h-found'], orphans: ['h-gone'] });
    expect(page.imported).toEqual([ANCHORING_SCRIPT]);
  });

  test('refreshHighlights reads the page’s highlights from the store again', async () => {
    let rows: HighlightRow[] = [highlightOf('Putin arrived', 'h-1')];
    const page = frame({ configs: [activeConfig({}, rows)], listHighlights: () => rows });
    await page.started;
    expect(await page.tab('getHighlightStatus', null)).toEqual({ anchored: ['h-1'], orphans: [] });
    rows = [highlightOf('left Pyongyang', 'h-2')];
    expect(await page.tab('refreshHighlights', null)).toEqual({ anchored: ['h-2'], orphans: [] });
    expect(page.imported).toEqual([ANCHORING_SCRIPT]);
  });

  test('a highlight the background says was deleted is taken off the page, without asking the store', async () => {
    let reads = 0;
    const rows = [highlightOf('Putin arrived', 'h-1'), highlightOf('left Pyongyang', 'h-2')];
    const page = frame({ configs: [activeConfig({}, rows)], listHighlights: () => (reads++, rows) });
    await page.started;
    expect(await page.tab('getHighlightStatus', null)).toEqual({ anchored: ['h-1', 'h-2'], orphans: [] });
    expect(await page.tab('highlightDeleted', { id: 'h-1' })).toBeNull();
    expect(await page.tab('highlightDeleted', { id: 'not-here' })).toBeNull();
    expect(await page.tab('getHighlightStatus', null)).toEqual({ anchored: ['h-2'], orphans: [] });
    expect(reads).toBe(0);
  });

  test('the top frame asks about its marked blocks; the claim script loads only once a claim is found, never in another frame', async () => {
    const top = frame({ configs: [activeConfig({ claims: true })], claimIn: (text) => text.includes('signed') });
    await top.started;
    await vi.waitFor(() => expect(top.claimAsks).toHaveLength(1));
    expect(top.claimAsks[0]!.map((block) => [block.text, block.entities.length])).toEqual([
      [document.getElementById('lead')!.textContent, 4],
    ]);
    // Entity marks but no claim: the claim script is not loaded for them …
    const signed = document.createElement('p');
    signed.textContent = 'Putin signed the treaty in Pyongyang.';
    document.body.append(signed);
    await vi.waitFor(() => expect(top.drawn).toEqual([signed.textContent]));
    // … only after the ask whose answer found one.
    expect(top.imported).toEqual([CLAIMS_SCRIPT]);
    expect(top.claimScriptAfter).toEqual([2]);

    life.abort();
    life = new AbortController();
    document.body.innerHTML = ARTICLE + '<p>Putin signed the treaty in Pyongyang.</p>';
    const inner = frame({ configs: [activeConfig({ claims: true })], isTop: false, claimIn: () => true });
    await inner.started;
    await vi.waitFor(() => expect(marked()).toHaveLength(6));
    expect(inner.imported).toEqual([]);
    expect(inner.claimAsks).toEqual([]);
  });

  test('with claims off, no block is asked about and no claim script loads', async () => {
    const page = frame({ configs: [activeConfig({ claims: false })], claimIn: () => true });
    await page.started;
    await vi.waitFor(() => expect(marked()).toHaveLength(4));
    const added = document.createElement('p');
    added.textContent = 'Putin signed the treaty in Pyongyang.';
    document.body.append(added);
    await vi.waitFor(() => expect(marked()).toHaveLength(6));
    expect(page.claimAsks).toEqual([]);
    expect(page.imported).toEqual([]);
  });

  // Issue 17: a live page costs the claims what it adds, not what it has (counted, never timed).
  test.each([10, 200])(
    'a paragraph added to a page of %i paragraphs: the claims ask about its block alone',
    async (paragraphs) => {
      document.body.innerHTML = ARTICLE.repeat(paragraphs);
      const page = frame({ configs: [activeConfig({ claims: true })] });
      await page.started;
      await vi.waitFor(() => expect(page.claimAsks).toHaveLength(1));
      expect(page.claimAsks[0]).toHaveLength(paragraphs);
      const added = document.createElement('p');
      added.textContent = 'Update: Putin is still in Pyongyang.';
      document.body.append(added);
      await vi.waitFor(() => expect(page.claimAsks).toHaveLength(2));
      expect(page.claimAsks[1]).toEqual([
        {
          text: added.textContent,
          entities: [
            { start: 8, end: 13, id: 'putin' },
            { start: 26, end: 35, id: 'pyongyang' },
          ],
        },
      ]);
      expect(marked()).toHaveLength(4 * paragraphs + 2);
      expect(page.counts).toEqual([2]);
      expect(page.imported).toEqual([]);
    },
  );
});

/** A saved highlight of `text` as it is on the page. */
function highlightOf(text: string, id: string): HighlightRow {
  const { quote, position } = pageAnchoring.describe(document.body, rangeOver(text));
  return {
    id,
    url: PAGE_URL,
    title: 'Article',
    quote,
    position,
    note: '',
    colour: 'yellow',
    entityIds: [],
    createdAt: 1,
    updatedAt: 1,
  };
}
