import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { whenTextToRead } from '../../lib/dom/frame-gate';
import { registeredSession, SESSION_SCRIPT } from '../../lib/dom/session-handle';
import { importRegistered } from '../../lib/lazy-script';
import { report } from '../../lib/report';
import './style.css';

/**
 * Runs in every frame, and is small: it loads Lens's session (entrypoints/lens-session.ts)
 * in the page the reader sees at once, and in a frame once the frame has text to read
 * (lib/dom/frame-gate.ts). The ::highlight() styles come with it, in every frame.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // The ::highlight() styles are declared in the manifest: no <style> element is added to the page.
  cssInjectionMode: 'manifest',
  async main(ctx) {
    // Anything that goes wrong is said in the page's console under our name, and the page goes on.
    const failed = (error: unknown) => report('could not annotate this page', error);
    try {
      if (window !== window.top) await whenTextToRead(document, ctx.signal);
      if (ctx.signal.aborted) return;
      const start = await importRegistered(
        () => import(/* @vite-ignore */ browser.runtime.getURL(SESSION_SCRIPT)),
        () => registeredSession(globalThis),
        "Lens's session", // not UI text: the name of the script in a failure's log
      );
      await start({ signal: ctx.signal, failed });
    } catch (error) {
      failed(error);
    }
  },
});
