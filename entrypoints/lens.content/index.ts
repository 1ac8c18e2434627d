import { defineContentScript } from 'wxt/utils/define-content-script';
import { report } from '../../lib/report';
import { startLens } from '../lens-session/start';

/**
 * Lens in the page the reader sees: its session, started at once. A frame with text to read gets a
 * small script from the background (entrypoints/lens-frames.content, lib/service/frames.ts), which
 * loads the same session there. The marks' ::highlight() styles come with a frame's first marks (lib/mark-styles.ts).
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  // (A page a script wrote into a new window's about:blank, as a print view is, is read too.)
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    // Anything that goes wrong is said in the page's console under our name, and the page goes on.
    const failed = (error: unknown) => report('could not annotate this page', error);
    return startLens({ signal: ctx.signal, failed }).catch(failed);
  },
});
