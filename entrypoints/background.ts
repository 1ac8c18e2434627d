import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import bundle from 'virtual:rdl-corpus';
import { LensDb } from '../lib/db/schema';
import { answer, createClient, type TabProtocol } from '../lib/messages';
import { report } from '../lib/report';
import { guardHandlers, type Caller } from '../lib/sender-policy';
import { createService } from '../lib/service';
import { frameReader, type ExecuteScript } from '../lib/service/frames';
import { toolbarIcon, toolbarTitleKey } from '../lib/toolbar-icon';
import { loadTranslator } from '../lib/i18n/load';
import { followLanguage } from '../lib/i18n/follow';
import { setTranslator, t } from '../lib/i18n/translate';
import { DEFAULT_SETTINGS } from '../lib/settings';

/** The tab a web page's message came from, as the browser reports it (none for the extension's own pages). */
const pageTab = (caller: Caller): number | undefined => (caller.kind === 'page' ? caller.tabId : undefined);

/** The frame a web page's message came from, as the browser reports it. */
const frameOf = (caller: Caller) =>
  caller.kind === 'page' && caller.tabId !== undefined && caller.frameId !== undefined
    ? { tabId: caller.tabId, frameIds: [caller.frameId] }
    : undefined;

/** The context menu item on a selection. */
const SAVE_HIGHLIGHT_MENU = 'save-highlight';

/** Tells every tab something; a tab without Lens (or where it is off) does not answer, and is left alone. */
function toEveryTab(tell: (tabId: number) => Promise<unknown>): void {
  void browser.tabs.query({}).then((tabs) => {
    for (const tab of tabs) if (tab.id !== undefined) void tell(tab.id).catch(() => undefined);
  });
}

/** The top frame's content script of a tab: the page the reader sees. */
const askTab = (tabId: number) =>
  createClient<TabProtocol>((message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }));

export default defineBackground(() => {
  const readFrames = frameReader(browser.scripting.executeScript as unknown as ExecuteScript);
  const service = createService(new LensDb(), bundle, {
    // The background is never private (Firefox has no split incognito mode; Chrome's default is spanning):
    // a message from a private tab says so in its Caller.
    onLoadError: (error) => report('corpus load failed', error),
    tabOf: (sender) => pageTab(sender as Caller),
    // The popup itself where the browser opens it for us (Chrome 127+; Firefox within the reader's click);
    // otherwise a page laid out for a tab, next to the reader's. The query is not in the URL: the page asks for it.
    // Only the tab the browser says the message came from (its Caller) is used, never one the message names.
    openSearch: async (sender) => {
      try {
        await browser.action.openPopup();
        return;
      } catch {
        // not allowed here: a tab instead
      }
      const tabId = pageTab(sender as Caller);
      const tab = tabId === undefined ? undefined : await browser.tabs.get(tabId).catch(() => undefined);
      await browser.tabs.create({
        url: browser.runtime.getURL('/popup.html?view=tab'),
        ...(tab?.index === undefined ? {} : { index: tab.index + 1 }),
        ...(tab?.windowId === undefined ? {} : { windowId: tab.windowId }),
      });
    },
    openHighlight: async (url, id, addToCorpus) => {
      const tab = await browser.tabs.create({ url });
      if (tab.id === undefined) return;
      const tabId = tab.id;
      const askTab = createClient<TabProtocol>((message) => browser.tabs.sendMessage(tabId, message));
      // Once the page has loaded, its content script has anchored the page's highlights.
      const onUpdated = (updated: number, change: Browser.tabs.OnUpdatedInfo) => {
        if (updated !== tabId || change.status !== 'complete') return;
        browser.tabs.onUpdated.removeListener(onUpdated);
        void askTab('showHighlight', { id, addToCorpus }).catch(() => undefined /* Lens is off on that site */);
      };
      browser.tabs.onUpdated.addListener(onUpdated);
    },
    // Every frame of every tab redraws with the new settings or corpus (a tab without Lens does not answer).
    onConfigChanged: () => {
      void language.follow();
      return toEveryTab((tabId) =>
        createClient<TabProtocol>((m) => browser.tabs.sendMessage(tabId, m))('configChanged', null),
      );
    },
    // The page the reader sees in each tab takes it away if it shows it (its top frame: the others draw no highlights).
    onHighlightDeleted: (id) => toEveryTab((tabId) => askTab(tabId)('highlightDeleted', { id })),
    // Per tab, from its top frame; the browser resets both when the tab loads another page, whose frame asks again.
    // The sender is the Caller the browser reported (see callerOf), not a MessageSender.
    showToolbarState: async (state, sender) => {
      const caller = sender as Caller;
      if (caller.kind !== 'page' || !caller.topFrame || caller.tabId === undefined) return;
      const { tabId } = caller;
      await language.ready();
      await Promise.all([
        browser.action.setIcon({ tabId, path: toolbarIcon(state) }),
        browser.action.setTitle({ tabId, title: t(toolbarTitleKey(state)) }),
      ]);
    },
    // Into the frame that asked, as the manifest's content-script CSS would be: no element in its DOM.
    insertCss: async (css, sender) => {
      const target = frameOf(sender as Caller);
      if (target) await browser.scripting.insertCSS({ target, css });
    },
    removeCss: async (css, sender) => {
      const target = frameOf(sender as Caller);
      if (target) await browser.scripting.removeCSS({ target, css });
    },
    // Only a page's frames: the tab the browser says the message came from (a page cannot name another).
    readFrames: (sender) => {
      const tabId = pageTab(sender as Caller);
      if (tabId !== undefined) void readFrames(tabId);
    },
    setBadge: async (count, sender) => {
      const tabId = pageTab(sender as Caller);
      if (tabId === undefined) return;
      await Promise.all([
        browser.action.setBadgeBackgroundColor({ tabId, color: '#3b6fa8' }),
        browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' }),
      ]);
    },
  });

  // The background speaks the reader's language too (toolbar tooltips, the context menu, its errors).
  const language = followLanguage({
    read: async () =>
      (await service.handlers.getSettings(null, { kind: 'extension', private: false } satisfies Caller)).language,
    fallback: DEFAULT_SETTINGS.language,
    apply: async (setting) => {
      setTranslator(await loadTranslator(setting, browser.i18n));
      await browser.contextMenus.update(SAVE_HIGHLIGHT_MENU, { title: t('menuSaveHighlight') }).catch(() => undefined);
    },
  });
  void language.follow();

  // Every listener is registered synchronously on every start: an MV3 worker
  // (and Firefox's event page) is woken by the event itself and must have its
  // listener in place.
  // Each message is answered by who the browser says sent it (lib/sender-policy.ts).
  const handlers = guardHandlers(service.handlers, { rowUrl: service.rowUrl });
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const callerOf = (sender: Browser.runtime.MessageSender): Caller => {
    if (sender.id !== browser.runtime.id || !sender.url) return { kind: 'other' };
    const incognito = sender.tab?.incognito === true;
    // An extension page (popup, options, also when opened in a tab) has the extension's origin.
    if (new URL(sender.url).origin === extensionOrigin) return { kind: 'extension', private: incognito };
    if (!sender.tab) return { kind: 'other' };
    return {
      kind: 'page',
      url: sender.url,
      topFrame: sender.frameId === 0,
      tabId: sender.tab.id,
      frameId: sender.frameId,
      private: incognito,
    };
  };
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const reply = answer(handlers, message, callerOf(sender));
    if (!reply) return false;
    void reply.then(sendResponse);
    return true;
  });

  // The content script shows the reader why a save failed; here there is nobody to tell.
  const saveSelectionIn = (tabId: number) => askTab(tabId)('saveSelection', null).catch(() => null);

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'open-panel' && command !== 'save-highlight') return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    if (command === 'save-highlight') await saveSelectionIn(tabId);
    else await askTab(tabId)('openPanel', null).catch(() => undefined /* a page Lens cannot run on (browser pages) */);
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_HIGHLIGHT_MENU && tab?.id !== undefined) void saveSelectionIn(tab.id);
  });

  browser.runtime.onInstalled.addListener(() => {
    // Menus outlive the worker but not an update: made again on every install and update.
    void browser.contextMenus
      .removeAll()
      .then(() => language.ready())
      .then(() =>
        browser.contextMenus.create({
          id: SAVE_HIGHLIGHT_MENU,
          title: t('menuSaveHighlight'),
          contexts: ['selection'],
        }),
      );
    // Once: the reader's highlights should not be evicted when the disk runs low. StorageManager.persist()
    // is Window-only, so Chrome's service worker has none (its extension storage is not evicted either).
    if (typeof navigator.storage?.persist === 'function') {
      void navigator.storage.persist().catch(() => false);
    }
  });
});
