/**
 * Which frames Lens starts in (issue 17: what Lens costs a page, frames
 * included). A news page has many frames: ads, video players, trackers, most
 * with no text at all. A content script in a frame costs it a world of its own
 * (an isolated world: about 200 KB of heap and 0.3 ms before any of Lens's
 * work), and Lens's session more (its code, its configuration, its heap). So
 * no content script runs in a page's frames: the background reads each frame
 * with `frameText` in the frame's own world (entrypoints/frame-text.ts: no
 * new world), and injects the script that loads Lens's session
 * (entrypoints/lens-frames.content) only into frames with text to read:
 * FRAME_TEXT_MIN characters or more, not counting white space and the text of
 * scripts and styles (lib/service/frames.ts). A frame whose text comes later
 * (an embed filled by its script) is watched until it has that much.
 *
 * Run in the frame's own world, `frameText` uses the frame's built-ins, which
 * the frame's scripts may have replaced (Lens's content scripts never call a
 * page's): they may see it read, or lie to it. All a lie can do is start
 * Lens's session in a frame without text, or not in one with text: their own
 * frame, whose text they could hide from Lens anyway. It reads no text out of
 * the frame (it answers true or false), leaves nothing in the frame's world
 * but a MutationObserver while it waits, and does nothing in the page the
 * reader sees.
 */
import { NOT_PAGE_TEXT } from '../anchoring/skip-policy';
import { isWhiteSpace } from '../text/white-space';

/**
 * Characters of text (not white space) from which a frame is read: a
 * sentence. A frame with less (an ad's label, a player's buttons, a 404
 * page) has nothing to mark worth the session's cost.
 */
export const FRAME_TEXT_MIN = 40;

/**
 * Elements whose text is not the page's (scripts, styles, templates), by nodeName as the DOM gives it. Made when
 * first needed: in the page the reader sees, the script that reads a frame does nothing at all (not even this).
 */
let notText: Set<string> | null = null;

/** Whether `doc` has at least `min` characters of text to read (read until it has). */
function hasTextToRead(doc: Document, min: number): boolean {
  notText ??= new Set(NOT_PAGE_TEXT.flatMap((name) => [name, name.toUpperCase()]));
  const root = doc.body ?? doc.documentElement;
  if (!root) return false;
  const walker = doc.createTreeWalker(root, 0x4); // NodeFilter.SHOW_TEXT
  let count = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue!;
    if (notText.has(node.parentNode?.nodeName ?? '')) continue;
    for (let i = 0; i < text.length; i++) if (!isWhiteSpace(text.charCodeAt(i)) && ++count >= min) return true;
  }
  return false;
}

/**
 * Whether this frame's document has at least `min` characters of text to read
 * (read until it has); with `wait`, a frame without resolves once a change
 * brings them (never, if none does: the frame is watched until it goes).
 */
export function frameText(min: number, wait: boolean): boolean | Promise<boolean> {
  // Run in every frame of the tab (scripting has no "all frames but the top"): the page the reader sees has Lens's
  // own content script, and is not read here. (`top` is unforgeable: the page cannot replace it.)
  if (window.top === window) return false;
  const now = hasTextToRead(document, min);
  if (now || !wait) return now;
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!hasTextToRead(document, min)) return;
      observer.disconnect();
      resolve(true);
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
}
