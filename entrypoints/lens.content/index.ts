import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageLens } from '../../lib/dom/page-lens';
import { answer, createClient, type Handlers, type TabProtocol } from '../../lib/messages';
import { compileMatcher } from '../../lib/text/matcher';
import cardCss from '../../lib/ui/card.css?inline';
import { HOST_TAG } from '../../lib/ui/overlay';
import { createPageUi } from '../../lib/ui/page-ui';
import './style.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // The ::highlight() styles are declared in the manifest: no <style> element is added to the page.
  cssInjectionMode: 'manifest',
  async main(ctx) {
    const ask = createClient((message) => browser.runtime.sendMessage(message));
    const config = await ask('getPageConfig', { url: location.href });
    if (!config.active || !config.termIndex || ctx.isInvalid) return;

    const lens = startPageLens({
      document,
      matcher: compileMatcher(config.termIndex.patterns),
      settings: config.settings,
      signal: ctx.signal,
      isOwnNode: (node) => node.nodeName === HOST_TAG.toUpperCase(),
    });
    const ui = createPageUi({
      document,
      lens,
      entities: config.termIndex.entities,
      signal: ctx.signal,
      css: cardCss,
      theme: config.settings.theme,
      fetchCard: (entityId) => ask('getCard', { entityId }),
      onSearch: (query) => void ask('openSearch', { query }),
    });

    const handlers: Handlers<TabProtocol> = {
      openPanel: () => {
        ui.openPanel();
        return true;
      },
      getPageEntities: () => ui.pageEntities(),
      showEntity: ({ entityId }) => ui.showEntity(entityId),
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
  },
});
