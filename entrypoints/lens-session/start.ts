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

export const startLens: StartLens = ({ signal, failed }) =>
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
  });
