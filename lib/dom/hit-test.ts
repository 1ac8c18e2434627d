/**
 * Which mark is under the pointer. The caret position under the point gives a
 * text node and offset cheaply; because the caret snaps to the nearest
 * character (also beside and below the text), the mark's own client rects
 * decide whether the point is really on it.
 */
import { liveRange } from '../anchoring/text-range';

/** Both are missing in some browsers, whatever lib.dom says. */
interface CaretDocument {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
}

/** The text position under a viewport point: caretPositionFromPoint, or WebKit's caretRangeFromPoint. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as unknown as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const position = d.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = d.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function contains(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}

/** Whether a viewport point is on a mark (an entity's, a claim's): on one of its range's client rects. */
export function isUnder(mark: { range: AbstractRange }, doc: Document, x: number, y: number): boolean {
  let live: Range;
  try {
    live = liveRange(mark.range, doc);
  } catch {
    // Text the page shortened since it was read: the mark ends past it until its block is rescanned.
    return false;
  }
  for (const rect of live.getClientRects()) if (contains(rect, x, y)) return true;
  return false;
}

/** Marks of one kind (the annotator's entities, the claim marks), looked up by text position. */
export interface MarksByPosition<M extends { range: AbstractRange }> {
  /** whether there is no mark at all: then nothing is hit-tested (a page without marks pays no caret for a pointer's rest) */
  isEmpty(): boolean;
  /** the marks that may cover this text position (each is then hit-tested) */
  marksAt(node: Text, offset: number): readonly M[];
  marks(): Iterable<M>;
}

/** The first of these marks that a viewport point is on: of the marks at the caret's text position. */
export function markUnder<M extends { range: AbstractRange }>(
  index: MarksByPosition<M>,
  doc: Document,
  x: number,
  y: number,
): M | null {
  if (index.isEmpty()) return null;
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  if (caret.node.nodeType === 3)
    return index.marksAt(caret.node as Text, caret.offset).find((m) => isUnder(m, doc, x, y)) ?? null;
  // Not in a text node: the point may be over text that caret hit-testing
  // skips. Firefox's caretPositionFromPoint passes over `pointer-events: none`
  // (a page with `* { pointer-events: none !important }` gets its <html> back,
  // Chromium the text); the marks' own geometry still says where they are.
  for (const mark of index.marks()) if (isUnder(mark, doc, x, y)) return mark;
  return null;
}
