/**
 * Placing the card next to a term: the one module that imports Floating UI.
 * `inline()` keeps the card beside the hovered line of a term that wraps;
 * flip and shift keep it inside the viewport, and size caps its height to the
 * room there is (the card scrolls inside).
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size, type Placement } from '@floating-ui/dom';

export interface Anchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList | DOMRect[];
}

const MARGIN = 8;

export type { Placement };

/** Keeps `floating` placed next to `anchor` until the returned function is called. */
export function placeNextTo(
  anchor: Anchor,
  floating: HTMLElement,
  pointer?: { x: number; y: number },
  placement: Placement = 'bottom-start',
): () => void {
  const update = () =>
    computePosition(anchor, floating, {
      strategy: 'fixed',
      placement,
      middleware: [
        inline(pointer ?? {}),
        offset(6),
        flip({ padding: MARGIN }),
        shift({ padding: MARGIN }),
        size({
          padding: MARGIN,
          apply({ availableHeight, availableWidth }) {
            floating.style.setProperty('--rdl-max-height', `${Math.max(120, Math.floor(availableHeight))}px`);
            floating.style.setProperty('--rdl-max-width', `${Math.max(200, Math.floor(availableWidth))}px`);
          },
        }),
      ],
    }).then(({ x, y }) => {
      floating.style.left = `${x}px`;
      floating.style.top = `${y}px`;
      // Shown only once placed, so it never flashes at the corner of the page.
      floating.dataset.placed = '';
    });
  return autoUpdate(anchor, floating, () => void update(), { animationFrame: false });
}
