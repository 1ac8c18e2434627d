/**
 * Lens in one frame of a page: the content script's whole life, with the
 * browser passed in (entrypoints/lens.content wires `browser` to it).
 *
 * The configuration (settings, term index, highlights) is asked for at start
 * and again whenever the background says it changed (`configChanged`): the
 * running session is then torn down (its marks, UI and listeners go with its
 * signal) and a new one starts, so open tabs follow the options without a
 * reload. Every frame redraws; only the top frame reports the badge's count
 * and answers the popup, the shortcut and the menu.
 */
import type { HighlightStatus } from '../anchoring/page';
import { DRAFT_HIGHLIGHT } from '../highlight-colours';
import { importRegistered, loadOnce } from '../lazy-script';
import { markStyler, type MarkStyleName } from '../mark-styles';
import type { Settings } from '../settings';
import {
  answer,
  isEnvelope,
  listAllHighlights,
  MAX_MATCH_TEXT,
  MAX_PAGE_ENTITY_IDS,
  MessageError,
  type Client,
  type Handlers,
  type PageConfig,
  type TabProtocol,
  type PageTermIndex,
} from '../messages';
import { matchThrough } from '../text/term-matches';
import { HOST_TAG } from '../ui/host-tag';
import { CARD_UI_SCRIPT, registeredCardUi } from '../ui/ui-handle';
import { TERM_HIGHLIGHTS } from './annotator';
import { ANCHORING_SCRIPT, registeredAnchoring } from './anchoring-handle';
import { CLAIMS_SCRIPT, registeredClaims } from './claim-handle';
import { createClaimFinder } from './claim-finder';
import { CLAIM_HIGHLIGHT } from './claim-marks';
import { createHighlightActions } from './highlight-actions';
import { entityIdsIn } from './marks-in-range';
import { createPageActions } from './page-actions';
import { startPageLens } from './page-lens';
import { createSavedHighlights } from './saved-highlights';

/** The scripts of the extension's own that a session loads the first time they are needed. */
export type LazyScript = typeof CARD_UI_SCRIPT | typeof ANCHORING_SCRIPT | typeof CLAIMS_SCRIPT;

/** `runtime.onMessage`'s listener: true when it will answer through `sendResponse`. */
export type MessageListener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean;

export interface PageSessionOptions {
  document: Document;
  /**
   * The URL this document was loaded at. The page's highlights are that URL's, which a page script
   * cannot change (history.pushState changes location, not this): a script cannot make Lens draw
   * another page's highlights by pushing that page's URL.
   */
  pageUrl: string;
  /** how it was loaded, as a navigation timing entry's type: 'navigate', 'reload', 'back_forward' (./navigation.ts, loadedAs) */
  navigationType?: string;
  /** the address the frame shows now (location.href), for the popup's per-site switch */
  currentUrl: () => string;
  /** whether this frame is its tab's top frame: the page the reader sees */
  isTop: boolean;
  /** asks the background (runtime.sendMessage through createClient) */
  ask: Client;
  /** runtime.onMessage: the session listens while `signal` lasts */
  onMessage: {
    addListener(listener: MessageListener): void;
    removeListener(listener: MessageListener): void;
  };
  /** the content script's life: when it aborts (the extension is updated or removed), everything stops */
  signal: AbortSignal;
  /** runs one of the extension's scripts in this content script's world (import() of its URL) */
  importScript: (path: LazyScript) => Promise<unknown>;
  /** where those scripts register what they offer (the content script's global object) */
  registry: object;
  /** says what went wrong, under Lens's name; the page goes on */
  failed: (error: unknown) => void;
}

/** The requests a session answers for its page; `getPageInfo` and `configChanged` are the frame's own. */
export type SessionHandlers = Omit<Handlers<TabProtocol>, 'getPageInfo' | 'configChanged'>;

/**
 * Where Lens is off, every request about the page is refused: the popup then
 * says Lens does not run on the tab, and the shortcut and menu do nothing.
 */
// not UI text: the popup says in its own words that Lens does not run on the tab.
const off = () => Promise.reject(new Error('Lens is off on this page'));
const NOT_ACTIVE: SessionHandlers = {
  openPanel: off,
  getPageEntities: off,
  getPageScope: off,
  showEntity: off,
  saveSelection: off,
  getHighlightStatus: off,
  showHighlight: off,
  refreshHighlights: off,
  highlightDeleted: off,
};

/** Starts Lens in the frame; settles once the first session has started (or found the page inactive). */
export async function startPageSession(options: PageSessionOptions): Promise<void> {
  const { ask, isTop, pageUrl, signal: life } = options;
  let session: AbortController | null = null;
  let handlers: SessionHandlers | null = null;
  let active = false;
  let lastCount = -1;
  const reportCount = (count: number) => {
    // The badge counts the page the reader sees: the top frame's.
    if (!isTop || count === lastCount) return;
    lastCount = count;
    void ask('setPageEntityCount', { count }).catch(() => undefined /* the background is being updated */);
  };

  // Per frame, not per session: a rule the frame was given stays for its later sessions that draw it, and goes
  // when the frame has no marks any more (Lens paused, or off for the site) or its settings no longer draw it.
  const styles = markStyler(
    { style: (name) => ask('styleMarks', { name }), unstyle: (names) => ask('unstyleMarks', { names }) },
    options.failed,
  );

  const run = async () => {
    session?.abort();
    const current = (session = new AbortController());
    const signal = AbortSignal.any([life, current.signal]);
    handlers = null;
    const config = await ask('getPageConfig', { url: pageUrl });
    if (signal.aborted) return;
    active = config.active;
    if (!config.active) {
      reportCount(0);
      // No marks now: the page need not pay for their rules (lib/mark-styles.ts) until it has some again.
      styles.unstyle();
      return;
    }
    // A rule these settings draw nothing with goes (the underline after a switch to the tint, the claims' once
    // they are off): its cost would stay with the page.
    styles.unstyle(drawnWith(config.settings, isTop));
    handlers = startSession(config, signal, options, { reportCount, styleMarks: styles.style });
  };

  const pageInfo = () => ({ url: options.currentUrl(), active });
  const onMessage: MessageListener = (message, _sender, sendResponse) => {
    // Every frame redraws on a change; only the top frame answers the rest: the popup and the
    // shortcut speak to the page the reader sees.
    if (isEnvelope(message) && message.type === 'configChanged') {
      void run().catch(options.failed);
      return false;
    }
    if (!isTop) return false;
    const reply = answer<TabProtocol, null>(
      { ...(handlers ?? NOT_ACTIVE), getPageInfo: pageInfo, configChanged: () => null },
      message,
      null,
    );
    if (!reply) return false;
    void reply.then(sendResponse);
    return true;
  };
  options.onMessage.addListener(onMessage);
  life.addEventListener('abort', () => options.onMessage.removeListener(onMessage), { once: true });
  // A frame of a page with Lens has loaded (an embed, a frame the page added or navigated): the background reads
  // the tab's frames again, and one with text gets Lens (lib/service/frames.ts). (Load events do not bubble: caught
  // on the way down.)
  options.document.addEventListener(
    'load',
    (event) => {
      const name = (event.target as Node).nodeName;
      if (active && (name === 'IFRAME' || name === 'FRAME'))
        void ask('readFrames', null).catch(() => undefined /* the background is being updated */);
    },
    { capture: true, signal: life },
  );
  await run();
}

/** The highlights a session with `settings` may register in a frame: its marks' style, and the claims' in the top frame. */
function drawnWith(settings: Settings, isTop: boolean): ReadonlySet<MarkStyleName> {
  const drawn = new Set<MarkStyleName>([TERM_HIGHLIGHTS[settings.markStyle]]);
  if (settings.claims && isTop) drawn.add(CLAIM_HIGHLIGHT);
  return drawn;
}

/**
 * What the content script takes from the term index: what it needs to know of
 * each entity, and how it has the background match its text with that index
 * (`matchTerms`: the matcher is in no page, issue 17).
 */
function receiveTermIndex(termIndex: PageTermIndex, kinds: readonly string[], ask: Client) {
  const labels = new Map(termIndex.entities.map((e) => [e.id, e.label]));
  const tiers = new Map(termIndex.entities.map((e) => [e.id, e.tier]));
  const shownKinds = new Set(kinds);
  const shown = new Set(termIndex.entities.filter((e) => shownKinds.has(e.kind)).map((e) => e.id));
  const { version } = termIndex;
  const matchTerms = (text: string) =>
    ask('matchTerms', { version, text }).catch((error: unknown) => {
      // The corpus changed under the page: the session is replaced (configChanged) and reads the page anew.
      if (error instanceof MessageError && error.code === 'stale-term-index') return [];
      throw error;
    });
  return {
    match: matchThrough(
      matchTerms,
      termIndex.entities.map((e) => e.id),
      MAX_MATCH_TEXT,
    ),
    entities: termIndex.entities,
    labelOf: (id: string) => labels.get(id) ?? id,
    tierOf: (id: string) => tiers.get(id) ?? 'core',
    shows: (id: string) => shown.has(id),
  };
}

/** One session on an active page, tied to `signal`: its marks, its highlights, its UI once loaded. */
function startSession(
  config: Extract<PageConfig, { active: true }>,
  signal: AbortSignal,
  options: PageSessionOptions,
  frame: {
    /** tells the toolbar badge the page's count of marked entities */
    reportCount: (count: number) => void;
    /** has a highlight's rule added to the frame with its first mark */
    styleMarks: (name: MarkStyleName) => void;
  },
): SessionHandlers {
  const { reportCount, styleMarks } = frame;
  const { document, pageUrl, ask, isTop, failed, registry } = options;
  const { settings } = config;
  const terms = receiveTermIndex(config.termIndex, settings.kinds, ask);
  const ownName = HOST_TAG.toUpperCase();
  // (Asked of every node a page mutation adds or removes.)
  const isOwnNode = (node: Node) => node.nodeName === ownName;
  const root = () => document.body ?? document.documentElement;

  // The card UI and the anchoring code are scripts of their own, loaded when first needed.
  const loadUi = loadOnce(async () => {
    const factory = await importRegistered(
      () => options.importScript(CARD_UI_SCRIPT),
      () => registeredCardUi(registry),
      'The card UI', // not UI text: the name of the script in a failure's log
    );
    const loaded = factory({
      document,
      theme: settings.theme,
      language: settings.language,
      labelOf: terms.labelOf,
      // The page's other entities (at their first card), so that a long card opens on what the page is about.
      fetchCard: (entityId) =>
        ask('getCard', {
          entityId,
          pageEntityIds: [...lens.annotator.counts().keys()]
            .filter((id) => id !== entityId)
            .slice(0, MAX_PAGE_ENTITY_IDS),
        }),
      onSearch: (query) => void ask('openSearch', { query }),
      markDraft: (range) => {
        if (range) ranges.set(DRAFT_HIGHLIGHT, new Set([range]));
        else if (!ranges.delete(DRAFT_HIGHLIGHT)) return;
        repaint();
      },
    });
    signal.addEventListener('abort', () => loaded.destroy());
    return loaded;
  });
  const loadAnchoring = loadOnce(() =>
    importRegistered(
      () => options.importScript(ANCHORING_SCRIPT),
      () => registeredAnchoring(registry),
      'The anchoring code', // not UI text: the name of the script in a failure's log
    ),
  );

  // Saved highlights belong to the page the reader sees: the top frame's.
  // Drawn in Lens's own closed layer (loaded with the anchoring code): CSS.highlights is the page's to read.
  const ranges = new Map<string, Set<Range>>();
  let layer: { repaint(): void } | null = null;
  const repaint = () => {
    if (layer || !ranges.size) return layer?.repaint();
    void loadAnchoring().then((anchoring) => {
      layer ??= anchoring.createLayer(document, signal, ranges, {
        ...(settings.measures && {
          onPainted: (start, boxes) => performance.measure('rdl:paint', { start, detail: { boxes } }),
        }),
      });
      layer.repaint();
    }, failed);
  };
  const saved = isTop
    ? createSavedHighlights({
        document,
        registry: ranges,
        newRangeSet: () => new Set<Range>(),
        onChange: repaint,
        signal,
        root,
        loadAnchoring,
      })
    : null;
  saved?.show(config.highlights.rows);
  const highlightStatus = async (): Promise<HighlightStatus> => {
    if (!saved) return { anchored: [], orphans: [] };
    await saved.settled();
    return saved.status();
  };
  const reloadHighlights = async () => {
    // After a same-document navigation the background refuses (the sender's URL is another): drawn stays drawn.
    const rows = saved && !config.highlights.unavailable && (await listAllHighlights(ask, pageUrl).catch(() => null));
    if (rows) saved.show(rows);
    return highlightStatus();
  };

  // Sentences that state a claim (issue 16), in the top frame: each scan hands its marked main-text blocks
  // to the finder, which asks the background; the claim script loads only once a sentence is found (issue 17).
  const loadClaims =
    settings.claims && isTop
      ? loadOnce(async () =>
          (
            await importRegistered(
              () => options.importScript(CLAIMS_SCRIPT),
              () => registeredClaims(registry),
              'Claims', // not UI text: the name of the script in a failure's log
            )
          )({
            document,
            signal,
            ask,
            annotator: lens.annotator,
            styleMarks,
            measures: settings.measures,
            loadUi,
          }),
        )
      : null;
  const claims =
    loadClaims &&
    createClaimFinder({
      window: document.defaultView!,
      signal,
      measures: settings.measures,
      find: (blocks) => ask('matchClaims', { url: document.location.href, blocks }),
      drawer: loadClaims,
      failed,
    });

  const lens = startPageLens({
    document,
    match: terms.match,
    settings,
    tierOf: terms.tierOf,
    shows: terms.shows,
    signal,
    isOwnNode,
    styleMarks,
    followBlocks: claims !== null,
    // Dynamic content may bring (or take away) the text of a highlight.
    onMarksChanged: (annotator) => {
      saved?.pageChanged();
      // The claims are told of each scan's newly marked blocks only: a live page costs them what it adds.
      claims?.update(annotator.addedBlocks());
      layer?.repaint();
      actions.marksChanged();
      reportCount(annotator.entityCount());
    },
    navigationType: options.navigationType,
    // A same-document navigation brings no other page's highlights (see pageUrl): Lens draws them on a load of that URL.
  });
  const actions = createPageActions({ document, lens, entities: terms.entities, signal, loadUi });
  const highlights =
    saved &&
    createHighlightActions({
      document,
      signal,
      saved,
      unavailable: config.highlights.unavailable,
      root,
      isOwnNode,
      entityIdsIn: (range) => entityIdsIn(lens.annotator.marks(), range, document),
      ask,
      loadUi,
      loadAnchoring,
      loadTools: () => loadAnchoring().then((anchoring) => anchoring.createHighlightTools),
      store: {
        save: (draft) => ask('saveHighlight', draft),
        update: (id, patch) => ask('updateHighlight', { id, ...patch }),
        remove: (id) => ask('deleteHighlight', { id }).then(() => undefined),
      },
    });

  return {
    openPanel: () => actions.openPanel().then(() => true),
    getPageEntities: () => actions.pageEntities(),
    getPageScope: () => ({
      relevant: lens.annotator.relevant(),
      markEverywhere: settings.markEverywhere,
      mainTextOnly: settings.mainTextOnly,
    }),
    showEntity: ({ entityId }) => actions.showEntity(entityId),
    saveSelection: (request) => highlights?.saveSelection(request?.colour) ?? null,
    getHighlightStatus: highlightStatus,
    showHighlight: ({ id, addToCorpus }) => highlights?.showHighlight(id, addToCorpus === true) ?? false,
    refreshHighlights: reloadHighlights,
    // Told by the background, whoever deleted it: the page does not ask the store again.
    highlightDeleted: ({ id }) => {
      saved?.remove(id);
      return null;
    },
  };
}
