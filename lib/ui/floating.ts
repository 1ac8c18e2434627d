/**
 * Placing the card next to a term: the one module that imports Floating UI.
 * `inline()` keeps the card beside the hovered line of a term that wraps;
 * flip and shift keep it inside the viewport — or, with the page panel open,
 * inside the part of it the panel leaves free (`room`) — and size caps its
 * height to the room there is (the card scrolls inside).
 */
import {
  autoUpdate,
  computePosition,
  flip,
  inline,
  offset,
  shift,
  size,
  type Placement,
  type Rect,
} from '@floating-ui/dom';

export interface Anchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList | DOMRect[];
}

const MARGIN = 8;

export type { Placement, Rect };

/**
 * Keeps `floating` placed next to `anchor` until the returned function is
 * called. `room`, asked again at every update, is the part of the viewport
 * (in viewport px) the floating element must stay inside, when something of
 * ours already covers the rest.
 */
export function placeNextTo(
  anchor: Anchor,
  floating: HTMLElement,
  pointer?: { x: number; y: number },
  placement: Placement = 'bottom-start',
  room?: () => Rect | null,
): () => void {
  const update = () => {
    const boundary = room?.() ?? undefined;
    const within = { padding: MARGIN, ...(boundary ? { boundary } : {}) };
    return computePosition(anchor, floating, {
      strategy: 'fixed',
      placement,
      middleware: [
        inline(pointer ?? {}),
        offset(6),
        flip(within),
        shift(within),
        size({
          ...within,
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
  };
  return autoUpdate(anchor, floating, () => void update(), { animationFrame: false });
}
