import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { FRAME_TEXT_MIN, frameText } from '../lib/dom/frame-gate';

/** As ./frame-text.ts, in a frame that had no text: its value settles true once the frame has some. */
export default defineUnlistedScript({ globalName: false, main: () => frameText(FRAME_TEXT_MIN, true) });
