/**
 * Which frames Lens starts in (issue 17: what Lens costs a page, frames
 * included). A news page has many frames: ads, video players, trackers, most
 * with no text at all. A content script in a frame costs it a world of its own
 * (an isolated world: about 200 KB of heap and 0.3 ms before any of Lens's
 * work), and Lens's session more (its code, its configuration, its heap). So
 * no content script runs in a page's frames: the background reads each frame
 * with `frameText` in the frame's own world (no new world), and loads Lens's
 * session (entrypoints/lens-frames.content) only into frames with text to
 * read: FRAME_TEXT_MIN characters or more, not counting white space and the
 * text of scripts and styles (lib/service/frames.ts). A frame whose text
 * comes later (an embed filled by its script) is watched until it has that much.
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

/**
 * Characters of text (not white space) from which a frame is read: a
 * sentence. A frame with less (an ad's label, a player's buttons, a 404
 * page) has nothing to mark worth the session's cost.
 */
export const FRAME_TEXT_MIN = 40;

/**
 * Whether this frame's document has at least `min` characters of text to read
 * (read until it has); with `wait`, a frame without resolves once a change
 * brings them (never, if none does: the frame is watched until it goes).
 *
 * The background hands this function to `scripting.executeScript`, which
 * runs its source in the frame: it uses nothing from this module's scope
 * (a test evaluates its source alone).
 */
export function frameText(min: number, wait: boolean): boolean | Promise<boolean> {
  // Run in every frame of the tab (scripting has no "all frames but the top"): the page the reader sees has Lens's
  // own content script, and is not read here. (`top` is unforgeable: the page cannot replace it.)
  if (window.top === window) return false;
  // Elements whose text is not the page's (scripts, styles, templates, Lens's UI), by nodeName in either case
  // (../anchoring/skip-policy.ts's NOT_PAGE_TEXT, spelt out: nothing outside this function reaches the frame).
  const notText = /^(script|style|noscript|template|rdl-ui)$/i;
  const has = (): boolean => {
    const root = document.body ?? document.documentElement;
    if (!root) return false;
    const walker = document.createTreeWalker(root, 0x4); // NodeFilter.SHOW_TEXT
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (notText.test(node.parentNode?.nodeName ?? '')) continue;
      // (JavaScript's \s is the white space ../text/white-space.ts names.)
      count += node.nodeValue!.replace(/\s+/g, '').length;
      if (count >= min) return true;
    }
    return false;
  };
  const now = has();
  if (now || !wait) return now;
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!has()) return;
      observer.disconnect();
      resolve(true);
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
}
