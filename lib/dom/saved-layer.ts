/**
 * Where the reader's saved highlights are drawn: tinted boxes over their
 * text, in a `<rdl-ui>` host of their own whose shadow root is closed — not
 * in `CSS.highlights`, which the page's scripts share and can enumerate
 * (ranges, and so the passages and their colours). The page sees that the
 * host is there (it appears on a page with highlights), never where the
 * boxes are, what they cover or their colours: the root is closed and the
 * host takes no pointer events, so hit-testing goes through it.
 *
 * It paints the registry lib/dom/saved-highlights.ts draws into: a Map of
 * colour name to a Set of ranges, kept in the content script's memory (plain
 * Sets, not CSS `Highlight`s: Firefox gives a content script its `Highlight`
 * as the page's object, which it may not iterate). Loaded with the anchoring
 * code (entrypoints/lens-anchoring.ts), on pages that have highlights.
 * The boxes follow the text: painted again (once a frame at most) on every
 * scroll (of the page or of any element), resize and zoom, font load, size
 * change of the document, and change of the page's content (`repaint()`).
 *
 * The host is placed at the document's origin (position: absolute), so a
 * scroll of the page moves the boxes with the text on the compositor; it
 * blends with `multiply`, so that the text shows through as under a
 * ::highlight() tint. Unlike a ::highlight(), the boxes are above the page:
 * a fixed header scrolled over a highlight is tinted too.
 *
 * It draws the passage a note is being written for (DRAFT_HIGHLIGHT) too, so
 * that the page never learns what is being annotated; and a highlight with a
 * note (`rdl-saved-<colour>-noted`) with a double line under its tint.
 */
import { DRAFT_HIGHLIGHT } from '../highlight-colours';
import { HOST_TAG } from '../anchoring/skip-policy';

/** The tint of each colour (the ::highlight(rdl-saved-*) ones they replace). */
const TINTS: Record<string, string> = {
  'rdl-saved-yellow': 'rgba(255,208,0,.42)',
  'rdl-saved-green': 'rgba(46,184,92,.34)',
  'rdl-saved-blue': 'rgba(66,140,255,.34)',
  'rdl-saved-pink': 'rgba(255,82,166,.32)',
};

const LAYER_CSS =
  '.rdl-saved-layer>div{position:absolute;border-radius:2px;pointer-events:none;box-sizing:border-box}' +
  // A highlight with a note says so: a double line under its tint.
  '.rdl-saved-layer>.rdl-noted{border-bottom:3px double rgba(90,70,0,.75)}' +
  // Like a selection, and unlike any highlight's colour: a dashed edge.
  '.rdl-saved-layer>.rdl-draft{background:rgba(66,140,255,.3);outline:1px dashed rgba(40,100,200,.8)}';

/** How a box of highlight `name` looks: its class and (for a saved colour) its tint. */
function boxLook(name: string): { className: string; background: string } {
  if (name === DRAFT_HIGHLIGHT) return { className: 'rdl-draft', background: '' };
  const noted = name.endsWith('-noted');
  const colour = noted ? name.slice(0, -'-noted'.length) : name;
  return { className: noted ? 'rdl-noted' : '', background: TINTS[colour] ?? TINTS['rdl-saved-yellow']! };
}

const HOST_STYLE =
  'all:initial;display:block;position:absolute;top:0;left:0;width:0;height:0;margin:0;padding:0;border:0;' +
  'overflow:visible;transform:none;filter:none;opacity:1;visibility:visible;pointer-events:none;' +
  'z-index:2147483646;mix-blend-mode:multiply';

export interface SavedLayer {
  /** The highlights or the page changed: paint again (in the next frame). */
  repaint(): void;
}

export interface SavedLayerOptions {
  /** told how long each paint took, in ms (the `measures` developer setting) */
  onPainted?(start: number, boxes: number): void;
}

export function createSavedLayer(
  doc: Document,
  signal: AbortSignal,
  highlights: ReadonlyMap<string, ReadonlySet<Range>>,
  options: SavedLayerOptions = {},
): SavedLayer {
  const win = doc.defaultView!;
  let host: HTMLElement | null = null;
  let boxes: HTMLElement | null = null;
  let frame = 0;

  function container(): HTMLElement {
    if (host?.isConnected && boxes) return boxes;
    host = doc.createElement(HOST_TAG);
    host.style.cssText = HOST_STYLE.replace(/;/g, ' !important;') + ' !important';
    // Closed: `host.shadowRoot` is null for the page.
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = LAYER_CSS;
    boxes = doc.createElement('div');
    boxes.className = 'rdl-saved-layer';
    shadow.append(style, boxes);
    doc.documentElement.append(host);
    return boxes;
  }

  function paint() {
    frame = 0;
    const start = win.performance.now();
    const drawn: HTMLElement[] = [];
    let origin: DOMRect | null = null;
    for (const [name, highlight] of highlights) {
      const look = boxLook(name);
      for (const range of highlight) {
        for (const rect of range.getClientRects()) {
          if (rect.width === 0 || rect.height === 0) continue;
          origin ??= (container(), host!.getBoundingClientRect());
          const box = doc.createElement('div');
          if (look.className) box.className = look.className;
          box.style.cssText = `left:${rect.left - origin.left}px;top:${rect.top - origin.top}px;width:${rect.width}px;height:${rect.height}px${look.background && `;background:${look.background}`}`;
          drawn.push(box);
        }
      }
    }
    if (drawn.length === 0) {
      host?.remove();
      host = boxes = null;
    } else boxes!.replaceChildren(...drawn);
    options.onPainted?.(start, drawn.length);
  }

  // Nothing to draw and nothing drawn: a scroll costs nothing.
  const repaint = () => {
    if (!signal.aborted && (highlights.size > 0 || host)) frame ||= win.requestAnimationFrame(paint);
  };
  const listen = { capture: true, passive: true, signal };
  doc.addEventListener('scroll', repaint, listen);
  win.addEventListener('resize', repaint, listen);
  doc.fonts?.addEventListener('loadingdone', repaint, { signal });
  const resized = new ResizeObserver(repaint);
  resized.observe(doc.documentElement);
  if (doc.body) resized.observe(doc.body);
  signal.addEventListener('abort', () => {
    win.cancelAnimationFrame(frame);
    resized.disconnect();
    host?.remove();
  });

  return { repaint };
}
