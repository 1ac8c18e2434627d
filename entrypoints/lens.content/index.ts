import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createPageActions } from '../../lib/dom/page-actions';
import { startPageLens } from '../../lib/dom/page-lens';
import { answer, createClient, type Handlers, type TabProtocol } from '../../lib/messages';
import { compileMatcher } from '../../lib/text/matcher';
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
    return start(ctx).catch((error: unknown) => console.error('[RU–DPRK Lens] could not annotate this page:', error));
  },
});

async function start(ctx: ContentScriptContext) {
  const ask = createClient((message) => browser.runtime.sendMessage(message));
  const config = await ask('getPageConfig', { url: location.href });
  if (!config.active || !config.termIndex || ctx.isInvalid) return;
  const { termIndex, settings } = config;
  const labels = new Map(termIndex.entities.map((e) => [e.id, e.label]));

  const lens = startPageLens({
    document,
    matcher: compileMatcher(termIndex.patterns),
    settings,
    signal: ctx.signal,
    isOwnNode: (node) => node.nodeName === HOST_TAG.toUpperCase(),
  });
  const actions = createPageActions({
    document,
    lens,
    entities: termIndex.entities,
    signal: ctx.signal,
    async loadUi() {
      await import(/* @vite-ignore */ browser.runtime.getURL(CARD_UI_SCRIPT));
      const factory = registeredCardUi(globalThis);
      if (!factory) throw new Error('The card UI did not load');
      return factory({
        document,
        theme: settings.theme,
        labelOf: (id) => labels.get(id) ?? id,
        fetchCard: (entityId) => ask('getCard', { entityId }),
        onSearch: (query) => void ask('openSearch', { query }),
      });
    },
  });

  const handlers: Handlers<TabProtocol> = {
    openPanel: () => actions.openPanel().then(() => true),
    getPageEntities: () => actions.pageEntities(),
    showEntity: ({ entityId }) => actions.showEntity(entityId),
  };
  const onMessage = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    // Only the top frame answers: the popup and the shortcut speak to the page the reader sees.
    if (window !== window.top) return false;
    const reply = answer(handlers, message, null);
    if (!reply) return false;
    void reply.then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
