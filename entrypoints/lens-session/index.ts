/**
 * Lens's session for a frame (lib/dom/frame-gate.ts): loaded with import() by
 * the frames' script (entrypoints/lens-frames.content), which the background
 * injects into a frame that has text to read, as the card UI is loaded when first needed. The
 * page the reader sees runs the same session from its own content script
 * (entrypoints/lens.content), without the extra load.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerSession } from '../../lib/dom/session-handle';
import { startLens } from './start';

export default defineUnlistedScript({
  globalName: false,
  main() {
    registerSession(globalThis, startLens);
  },
});
