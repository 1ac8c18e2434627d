import { defineContentScript } from 'wxt/utils/define-content-script';
import { registeredSession, SESSION_SCRIPT } from '../../lib/dom/session-handle';
import { importRegistered } from '../../lib/lazy-script';
import { report } from '../../lib/report';
import { extensionApi } from '../../build/extension-api';

/** Set on this script's global (its world's, which the page cannot see) by its first run in a frame. */
const STARTED = Symbol.for('rdl-lens.frame');

/**
 * Lens in a frame of a page: a small script that loads Lens's session (entrypoints/lens-session). No
 * manifest entry runs it: the background injects it only into a frame that has text to read
 * (lib/dom/frame-gate.ts, lib/service/frames.ts), so that the page's other frames (ads, players) pay
 * nothing for Lens. The page the reader sees runs the session from its own content script
 * (entrypoints/lens.content). Injected again into a frame that has it (the background reads a page's frames
 * again when one loads), it does nothing.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  async main(ctx) {
    const global = globalThis as Record<symbol, unknown>;
    if (window === window.top || global[STARTED]) return;
    global[STARTED] = true;
    // Anything that goes wrong is said in the page's console under our name, and the page goes on.
    const failed = (error: unknown) => report('could not annotate this frame', error);
    try {
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
