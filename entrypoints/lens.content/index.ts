import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageSession } from '../../lib/dom/page-session';
import { createClient } from '../../lib/messages';
import { report } from '../../lib/report';
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
    const failed = (error: unknown) => report('could not annotate this page', error);
    return startPageSession({
      document,
      // The URL this document was loaded at, not what history.pushState made of location (see pageUrl).
      pageUrl: performance.getEntriesByType('navigation')[0]?.name ?? location.href,
      currentUrl: () => location.href,
      isTop: window === window.top,
      ask: createClient((message) => browser.runtime.sendMessage(message)),
      onMessage: browser.runtime.onMessage,
      signal: ctx.signal,
      importScript: (path) => import(/* @vite-ignore */ browser.runtime.getURL(path)) as Promise<unknown>,
      registry: globalThis,
      failed,
    }).catch(failed);
  },
});
