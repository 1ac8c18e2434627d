import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ANCHORING_SCRIPT, registeredAnchoring } from '../../lib/anchoring/handle';
import type { PageAnchoring } from '../../lib/anchoring/page';
import { createHighlightActions } from '../../lib/dom/highlight-actions';
import { entityIdsIn } from '../../lib/dom/marks-in-range';
import { createPageActions } from '../../lib/dom/page-actions';
import { startPageLens } from '../../lib/dom/page-lens';
import { createSavedHighlights } from '../../lib/dom/saved-highlights';
import { answer, createClient, type Handlers, type HighlightStatus, type TabProtocol } from '../../lib/messages';
import { compileMatcher } from '../../lib/text/matcher';
import { HOST_TAG } from '../../lib/ui/host-tag';
import type { PageUi } from '../../lib/ui/page-ui';
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
    return start(ctx).catch((error: unknown) => console.error('[RU–DPRK Lens] could not annotate this page:', error));
  },
});

async function start(ctx: ContentScriptContext) {
  const ask = createClient((message) => browser.runtime.sendMessage(message));
  const config = await ask('getPageConfig', { url: location.href });
  if (!config.active || !config.termIndex || ctx.isInvalid) return;
  const { termIndex, settings } = config;
  const labels = new Map(termIndex.entities.map((e) => [e.id, e.label]));
  const isOwnNode = (node: Node) => node.nodeName === HOST_TAG.toUpperCase();
  const root = () => document.body ?? document.documentElement;

  // The card UI and the anchoring code are scripts of their own, loaded when first needed.
  const importScript = (path: typeof CARD_UI_SCRIPT | typeof ANCHORING_SCRIPT): Promise<unknown> =>
    import(/* @vite-ignore */ browser.runtime.getURL(path));
  let ui: Promise<PageUi> | null = null;
  const loadUi = () =>
    (ui ??= (async () => {
      await importScript(CARD_UI_SCRIPT);
      const factory = registeredCardUi(globalThis);
      if (!factory) throw new Error('The card UI did not load');
      const loaded = factory({
        document,
        theme: settings.theme,
        labelOf: (id) => labels.get(id) ?? id,
        fetchCard: (entityId) => ask('getCard', { entityId }),
        onSearch: (query) => void ask('openSearch', { query }),
      });
      ctx.signal.addEventListener('abort', () => loaded.destroy());
      return loaded;
    })());
  let anchoring: Promise<PageAnchoring> | null = null;
  const loadAnchoring = () =>
    (anchoring ??= importScript(ANCHORING_SCRIPT).then(
      () => {
        const loaded = registeredAnchoring(globalThis);
        if (!loaded) throw new Error('The anchoring code did not load');
        return loaded;
      },
      (error: unknown) => {
        anchoring = null; // tried again on the next page change
        throw error;
      },
    ));

  // Saved highlights belong to the page the reader sees: the top frame's.
  const saved = isTop()
    ? createSavedHighlights({ document, registry: CSS.highlights, signal: ctx.signal, root, loadAnchoring })
    : null;
  saved?.show(config.highlights.rows);
  const highlightStatus = async (): Promise<HighlightStatus> => {
    if (!saved) return { anchored: [], orphans: [] };
    await saved.settled();
    return saved.status();
  };
  const reloadHighlights = async () => {
    if (!saved || config.highlights.unavailable) return highlightStatus();
    saved.show(await ask('listHighlights', { url: location.href }));
    return highlightStatus();
  };

  const lens = startPageLens({
    document,
    matcher: compileMatcher(termIndex.patterns),
    settings,
    signal: ctx.signal,
    isOwnNode,
    // Dynamic content may bring (or take away) the text of a highlight.
    onMarksChanged: () => saved?.pageChanged(),
    onNavigate: () => void reloadHighlights(),
  });
  const actions = createPageActions({ document, lens, entities: termIndex.entities, signal: ctx.signal, loadUi });
  const highlights =
    saved &&
    createHighlightActions({
      document,
      signal: ctx.signal,
      saved,
      unavailable: config.highlights.unavailable,
      root,
      isOwnNode,
      entityIdsIn: (range) => entityIdsIn(lens.annotator.marks(), range, document),
      loadUi,
      loadAnchoring,
      store: {
        save: (draft) => ask('saveHighlight', draft),
        update: (id, patch) => ask('updateHighlight', { id, ...patch }),
        remove: (id) => ask('deleteHighlight', { id }).then(() => undefined),
      },
    });

  const handlers: Handlers<TabProtocol> = {
    openPanel: () => actions.openPanel().then(() => true),
    getPageEntities: () => actions.pageEntities(),
    showEntity: ({ entityId }) => actions.showEntity(entityId),
    saveSelection: (request) => highlights?.saveSelection(request?.colour) ?? null,
    getHighlightStatus: highlightStatus,
    showHighlight: ({ id }) => highlights?.showHighlight(id) ?? false,
    refreshHighlights: reloadHighlights,
  };
  const onMessage = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    // Only the top frame answers: the popup and the shortcut speak to the page the reader sees.
    if (!isTop()) return false;
    const reply = answer(handlers, message, null);
    if (!reply) return false;
    void reply.then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}

function isTop(): boolean {
  return window === window.top;
}
