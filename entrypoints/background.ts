import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import bundle from 'virtual:rdl-corpus';
import { LensDb } from '../lib/db/schema';
import { answer, createClient, type TabProtocol } from '../lib/messages';
import { createService } from '../lib/service';

export default defineBackground(() => {
  const service = createService(new LensDb(), bundle, {
    onLoadError: (error) => console.error('[RU–DPRK Lens] corpus load failed', error),
    // As a page next to the reader's tab: a popup cannot be opened from a content script in every browser.
    openSearch: async (query, sender) => {
      const tabId = (sender as Browser.runtime.MessageSender | undefined)?.tab?.id;
      const params = new URLSearchParams({ q: query, ...(tabId === undefined ? {} : { tab: String(tabId) }) });
      await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?${params}`) });
    },
  });

  // Every listener is registered synchronously on every start: an MV3 worker
  // (and Firefox's event page) is woken by the event itself and must have its
  // listener in place.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const reply = answer(service.handlers, message, sender);
    if (!reply) return false;
    void reply.then(sendResponse);
    return true;
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'open-panel') return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    const askTab = createClient<TabProtocol>((message) => browser.tabs.sendMessage(tabId, message));
    await askTab('openPanel', null).catch(() => undefined /* a page Lens cannot run on (browser pages) */);
  });
});
