/**
 * How the content script finds the anchoring code once its script has loaded:
 * the script (entrypoints/lens-anchoring.ts) leaves it under this key on the
 * content script's global object, as the card UI does (../ui/ui-handle.ts).
 * Kept apart from ../anchoring/page.ts so that the content script can name it
 * without bundling the matcher.
 */
import { scriptHandle } from '../lazy-script';
import type { PageAnchoring } from '../anchoring/page';
import type { createHighlightTools } from './highlight-tools';
import type { createSavedLayer } from './saved-layer';

/**
 * What the anchoring script provides: anchoring, Lens's closed layer that
 * draws the saved highlights, and the highlight tools (shipped with it: only
 * pages with highlights, or where the reader selects text, need them).
 */
export interface AnchoringScript extends PageAnchoring {
  createLayer: typeof createSavedLayer;
  createHighlightTools: typeof createHighlightTools;
}

export const {
  key: ANCHORING_KEY,
  script: ANCHORING_SCRIPT,
  register: registerAnchoring,
  registered: registeredAnchoring,
} = scriptHandle<AnchoringScript, '/lens-anchoring.js'>('rdl-lens.anchoring', '/lens-anchoring.js');
