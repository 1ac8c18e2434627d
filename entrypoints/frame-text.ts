import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { FRAME_TEXT_MIN, frameText } from '../lib/dom/frame-gate';

/**
 * Whether a frame has text to read now: run by the background in each frame of a tab, in the frame's own world
 * (lib/service/frames.ts), its answer the script's value. A script of the extension's, not a function handed to
 * scripting.executeScript, so that its cost shows as Lens's in a profile of the page (`npm run bench:cost`); and
 * without a global name, so that it leaves nothing in the frame's world.
 */
export default defineUnlistedScript({ globalName: false, main: () => frameText(FRAME_TEXT_MIN, false) });
