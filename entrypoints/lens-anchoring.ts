/**
 * Re-anchoring saved highlights (quote and position matching, fuzzy search),
 * the layer that draws them and the highlight tools: loaded by the content
 * script with import() on pages that have highlights, or when the reader
 * selects text or saves a highlight, so that other pages do not pay for it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { pageAnchoring } from '../lib/anchoring/page';
import { registerAnchoring } from '../lib/dom/anchoring-handle';
import { createHighlightTools } from '../lib/dom/highlight-tools';
import { createSavedLayer } from '../lib/dom/saved-layer';

export default defineUnlistedScript({
  globalName: false,
  main() {
    registerAnchoring(globalThis, { ...pageAnchoring, createLayer: createSavedLayer, createHighlightTools });
  },
});
