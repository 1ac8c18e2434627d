/**
 * Which frames Lens starts in (issue 17: what Lens costs a page, frames
 * included). A news page has many frames: ads, video players, trackers, most
 * with no text at all. Each frame where Lens's session starts pays for it:
 * evaluating and compiling its code, its configuration, its heap (about a
 * megabyte). So the page the reader sees runs the session from its own
 * content script, and frames have a small one (entrypoints/lens-frames.content)
 * that loads the session (entrypoints/lens-session) only once the frame has
 * text to read: FRAME_TEXT_MIN characters or more, not counting white space
 * and the text of scripts and styles. A frame whose text comes later (an
 * embed filled by its script) is watched until it has that much.
 */
import { NOT_PAGE_TEXT } from '../anchoring/skip-policy';
import { isWhiteSpace } from '../text/white-space';

/**
 * Characters of text (not white space) from which a frame is read: a
 * sentence. A frame with less (an ad's label, a player's buttons, a 404
 * page) has nothing to mark worth the session's cost.
 */
export const FRAME_TEXT_MIN = 40;

/** Elements whose text is not the page's (scripts, styles, templates), by nodeName as the DOM gives it. */
const NOT_TEXT = new Set(NOT_PAGE_TEXT.flatMap((name) => [name, name.toUpperCase()]));

/** Whether `doc` has at least `min` characters of text to read (read until it has). */
export function hasTextToRead(doc: Document, min = FRAME_TEXT_MIN): boolean {
  const root = doc.body ?? doc.documentElement;
  if (!root) return false;
  const walker = doc.createTreeWalker(root, 0x4); // NodeFilter.SHOW_TEXT
  let count = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue!;
    if (NOT_TEXT.has(node.parentNode?.nodeName ?? '')) continue;
    for (let i = 0; i < text.length; i++) if (!isWhiteSpace(text.charCodeAt(i)) && ++count >= min) return true;
  }
  return false;
}

/**
 * Resolves once `doc` has text to read: at once if it has, else after the
 * change that brings it (the frame is watched until then, or until `signal`
 * aborts, when it never resolves).
 */
export function whenTextToRead(doc: Document, signal: AbortSignal, min = FRAME_TEXT_MIN): Promise<void> {
  if (hasTextToRead(doc, min)) return Promise.resolve();
  // (Its own observer, not ./observe.ts's, which would bring the session's text walk into every frame.)
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!hasTextToRead(doc, min)) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(doc, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  });
}
