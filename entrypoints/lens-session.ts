/**
 * Lens's session in a frame: the marks, the cards, the saved highlights.
 * Loaded by the content script (entrypoints/lens.content) with import(): in
 * the page the reader sees at once, in a frame once it has text to read
 * (lib/dom/frame-gate.ts).
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPageSession } from '../lib/dom/page-session';
import { registerSession } from '../lib/dom/session-handle';
import { createClient } from '../lib/messages';

export default defineUnlistedScript({
  globalName: false,
  main() {
    registerSession(globalThis, ({ signal, failed }) =>
      startPageSession({
        document,
        // The URL this document was loaded at, not what history.pushState made of location (see pageUrl).
        pageUrl: performance.getEntriesByType('navigation')[0]?.name ?? location.href,
        currentUrl: () => location.href,
        isTop: window === window.top,
        ask: createClient((message) => browser.runtime.sendMessage(message)),
        onMessage: browser.runtime.onMessage,
        signal,
        importScript: (path) => import(/* @vite-ignore */ browser.runtime.getURL(path)) as Promise<unknown>,
        registry: globalThis,
        failed,
      }),
    );
  },
});
