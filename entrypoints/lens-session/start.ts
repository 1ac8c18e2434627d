/**
 * Lens's session in this frame, wired to the browser: the marks, the cards,
 * the saved highlights (lib/dom/page-session.ts). Started by the content
 * script in the page the reader sees (entrypoints/lens.content), and in a
 * frame by the session script once the frame has text to read
 * (entrypoints/lens-session, loaded by entrypoints/lens-frames.content).
 */
import { browser } from 'wxt/browser';
import { startPageSession } from '../../lib/dom/page-session';
import type { StartLens } from '../../lib/dom/session-handle';
import { createClient } from '../../lib/messages';

export const startLens: StartLens = ({ signal, failed }) => {
  // Read once: the URL this document was loaded at (not what history.pushState made of location: see
  // pageUrl), and how (a reload or a step back is read from where the reader was: inView).
  const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return startPageSession({
    document,
    pageUrl: entry?.name ?? location.href,
    navigationType: entry?.type,
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
