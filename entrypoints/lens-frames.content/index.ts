import { defineContentScript } from 'wxt/utils/define-content-script';
import { whenTextToRead } from '../../lib/dom/frame-gate';
import { registeredSession, SESSION_SCRIPT } from '../../lib/dom/session-handle';
import { importRegistered } from '../../lib/lazy-script';
import { report } from '../../lib/report';
import { extensionApi } from '../../build/extension-api';

/**
 * Lens in a page's frames: a small script that loads Lens's session (entrypoints/lens-session) in a
 * frame only once the frame has text to read (lib/dom/frame-gate.ts). In the page the reader sees it
 * does nothing: that page's own content script (entrypoints/lens.content) runs the session. It reads
 * the extension's API only once its frame has text (build/extension-api.ts): a frame without text
 * does not pay for the API's bindings.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    if (window === window.top) return;
    // Anything that goes wrong is said in the page's console under our name, and the page goes on.
    const failed = (error: unknown) => report('could not annotate this frame', error);
    try {
      await whenTextToRead(document, ctx.signal);
      if (ctx.signal.aborted) return;
      const start = await importRegistered(
        () => import(/* @vite-ignore */ extensionApi().runtime.getURL(SESSION_SCRIPT)),
        () => registeredSession(globalThis),
        "Lens's session", // not UI text: the name of the script in a failure's log
      );
      await start({ signal: ctx.signal, failed });
    } catch (error) {
      failed(error);
    }
  },
});
