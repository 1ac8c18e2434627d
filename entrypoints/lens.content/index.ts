import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ANCHORING_SCRIPT, registeredAnchoring } from '../../lib/anchoring/handle';
import { createHighlightActions } from '../../lib/dom/highlight-actions';
import { CLAIMS_SCRIPT, registeredClaims } from '../../lib/dom/claim-handle';
import { entityIdsIn } from '../../lib/dom/marks-in-range';
import { createPageActions } from '../../lib/dom/page-actions';
import { startPageLens } from '../../lib/dom/page-lens';
import { createSavedHighlights } from '../../lib/dom/saved-highlights';
import { DRAFT_HIGHLIGHT } from '../../lib/highlight-colours';
import {
  answer,
  createClient,
  isEnvelope,
  listAllHighlights,
  MAX_PAGE_ENTITY_IDS,
  type Client,
  type Handlers,
  type HighlightStatus,
  type ResponseOf,
  type TabProtocol,
  type PageTermIndex,
} from '../../lib/messages';

type PageConfig = ResponseOf<'getPageConfig'>;
import { matcherFrom } from '../../lib/text/matcher';
import { report } from '../../lib/report';
import { importRegistered, loadOnce } from '../../lib/lazy-script';
import { HOST_TAG } from '../../lib/ui/host-tag';
import { CARD_UI_SCRIPT, registeredCardUi } from '../../lib/ui/ui-handle';
import './style.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // The ::highlight() styles are declared in the manifest: no <style> element is added to the page.
  cssInjectionMode: 'manifest',
  main(ctx) {
    // Anything that goes wrong is said in the page's console under our name, and the page goes on.
    return start(ctx).catch(failed);
  },
});

/**
 * Runs Lens in this frame. The configuration (settings, corpus, highlights) is
 * asked for at start and again whenever the background says it changed: the
 * running session is then torn down (its marks, UI and listeners go with its
 * signal) and a new one starts, so open tabs follow the options without a reload.
 */
async function start(ctx: ContentScriptContext) {
  const ask = createClient((message) => browser.runtime.sendMessage(message));
  // The page's highlights are those of the URL this document was loaded at, which a page script cannot
  // change (history.pushState changes location, not this): a script cannot make Lens draw another
  // page's highlights by pushing that page's URL.
  const pageUrl = performance.getEntriesByType('navigation')[0]?.name ?? location.href;
  let session: AbortController | null = null;
  let handlers: SessionHandlers | null = null;
  let active = false;
  let lastCount = -1;
  const reportCount = (count: number) => {
    // The badge counts the page the reader sees: the top frame's.
    if (!isTop() || count === lastCount) return;
    lastCount = count;
    void ask('setPageEntityCount', { count }).catch(() => undefined /* the background is being updated */);
  };

  const run = async () => {
    session?.abort();
    const current = (session = new AbortController());
    const signal = AbortSignal.any([ctx.signal, current.signal]);
    handlers = null;
    const config = await ask('getPageConfig', { url: pageUrl });
    if (signal.aborted) return;
    active = config.active && config.termIndex !== null;
    if (!active) {
      reportCount(0);
      return;
    }
    handlers = startSession(config, pageUrl, signal, ask, reportCount);
  };

  // `private`: the popup keeps no switch for a private window's site (nothing from one is stored).
  const pageInfo = () => ({ url: location.href, active, private: browser.extension.inIncognitoContext });
  const onMessage = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    // Every frame redraws on a change; only the top frame answers the rest: the popup and the
    // shortcut speak to the page the reader sees.
    if (isEnvelope(message) && message.type === 'configChanged') {
      void run().catch(failed);
      return false;
    }
    if (!isTop()) return false;
    const reply = answer<TabProtocol, null>(
      {
        ...(handlers ?? NOT_ACTIVE),
        getPageInfo: pageInfo,
        configChanged: () => null,
      },
      message,
      null,
    );
    if (!reply) return false;
    void reply.then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  await run();
}

type SessionHandlers = Omit<Handlers<TabProtocol>, 'getPageInfo' | 'configChanged'>;

/**
 * Where Lens is off, every request about the page is refused: the popup then
 * says Lens does not run on the tab, and the shortcut and menu do nothing.
 */
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
};

const failed = (error: unknown) => report('could not annotate this page', error);

function startSession(
  config: PageConfig,
  pageUrl: string,
  signal: AbortSignal,
  ask: Client,
  reportCount: (count: number) => void,
): SessionHandlers {
  const { termIndex, settings } = config as PageConfig & { termIndex: PageTermIndex };
  const labels = new Map(termIndex.entities.map((e) => [e.id, e.label]));
  const tiers = new Map(termIndex.entities.map((e) => [e.id, e.tier]));
  const shownKinds = new Set(settings.kinds);
  const shown = new Set(termIndex.entities.filter((e) => shownKinds.has(e.kind)).map((e) => e.id));
  const isOwnNode = (node: Node) => node.nodeName === HOST_TAG.toUpperCase();
  const root = () => document.body ?? document.documentElement;

  // The card UI and the anchoring code are scripts of their own, loaded when first needed.
  const importScript = (path: typeof CARD_UI_SCRIPT | typeof ANCHORING_SCRIPT | typeof CLAIMS_SCRIPT) => () =>
    import(/* @vite-ignore */ browser.runtime.getURL(path)) as Promise<unknown>;
  const loadUi = loadOnce(async () => {
    const factory = await importRegistered(
      importScript(CARD_UI_SCRIPT),
      () => registeredCardUi(globalThis),
      'The card UI',
    );
    const loaded = factory({
      document,
      theme: settings.theme,
      labelOf: (id) => labels.get(id) ?? id,
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
    importRegistered(importScript(ANCHORING_SCRIPT), () => registeredAnchoring(globalThis), 'The anchoring code'),
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
  const saved = isTop()
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

  // Sentences that state a claim (issue 16): in the top frame, once it has entity marks.
  const loadClaims =
    settings.claims && isTop()
      ? loadOnce(async () =>
          (await importRegistered(importScript(CLAIMS_SCRIPT), () => registeredClaims(globalThis), 'Claims'))({
            document,
            signal,
            ask,
            annotator: lens.annotator,
            measures: settings.measures,
            loadUi,
          }),
        )
      : null;

  const lens = startPageLens({
    document,
    // Built once in the background (lib/text/matcher-tables.ts): nothing of it is compiled here.
    matcher: matcherFrom(termIndex.matcher),
    settings,
    tierOf: (id) => tiers.get(id) ?? 'core',
    shows: (id) => shown.has(id),
    signal,
    isOwnNode,
    // Dynamic content may bring (or take away) the text of a highlight.
    onMarksChanged: (annotator) => {
      saved?.pageChanged();
      if (loadClaims && annotator.counts().size > 0)
        void loadClaims().then((claims) => claims.update(annotator.marks()), failed);
      layer?.repaint();
      reportCount(annotator.counts().size);
    },
    // A same-document navigation brings no other page's highlights (see pageUrl): Lens draws them on a load of that URL.
  });
  const actions = createPageActions({ document, lens, entities: termIndex.entities, signal, loadUi });
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
    showHighlight: ({ id }) => highlights?.showHighlight(id) ?? false,
    refreshHighlights: reloadHighlights,
  };
}

function isTop(): boolean {
  return window === window.top;
}
