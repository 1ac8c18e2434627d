/**
 * Lens's session in this frame, wired to the browser: the marks, the cards,
 * the saved highlights (lib/dom/page-session.ts). Started by the content
 * script in the page the reader sees (entrypoints/lens.content), and in a
 * frame by the session script once the frame has text to read
 * (entrypoints/lens-session, loaded by entrypoints/lens-frames.content).
 */
import { browser } from 'wxt/browser';
import { loadedAs } from '../../lib/dom/navigation';
import { startPageSession } from '../../lib/dom/page-session';
import type { StartLens } from '../../lib/dom/session-handle';
import { createClient } from '../../lib/messages';

export const startLens: StartLens = ({ signal, failed }) => {
  // Read once: the URL this document was loaded at (not what history.pushState made of location: see
  // pageUrl), and how (a reload or a step back is read from where the reader was: inView).
  const loaded = loadedAs(window);
  return startPageSession({
    document,
    pageUrl: loaded.url,
    navigationType: loaded.type,
    currentUrl: () => location.href,
    isTop: window === window.top,
    ask: createClient((message) => browser.runtime.sendMessage(message)),
    onMessage: browser.runtime.onMessage,
    signal,
    importScript: (path) => import(/* @vite-ignore */ browser.runtime.getURL(path)) as Promise<unknown>,
    registry: globalThis,
    failed,
  });
};
