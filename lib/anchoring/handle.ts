/**
 * How the content script finds the anchoring code once its script has loaded:
 * the script (entrypoints/lens-anchoring.ts) leaves it under this key on the
 * content script's global object, as the card UI does (../ui/ui-handle.ts).
 * Kept apart from ./page.ts so that the content script can name it without
 * bundling the matcher.
 */
import type { PageAnchoring } from './page';

export const ANCHORING_KEY = Symbol.for('rdl-lens.anchoring');
export const ANCHORING_SCRIPT = '/lens-anchoring.js';

export function registerAnchoring(global: object, anchoring: PageAnchoring): void {
  (global as Record<symbol, PageAnchoring>)[ANCHORING_KEY] = anchoring;
}

export function registeredAnchoring(global: object): PageAnchoring | undefined {
  return (global as Record<symbol, PageAnchoring | undefined>)[ANCHORING_KEY];
}
