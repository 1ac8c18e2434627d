/**
 * Which mark is under the pointer. The caret position under the point gives a
 * text node and offset cheaply; because the caret snaps to the nearest
 * character (also beside and below the text), the mark's own client rects
 * decide whether the point is really on it.
 */
import type { Annotator, Mark } from './annotator';

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

/** A live Range over a mark, for geometry (StaticRange has none). */
export function liveRange(mark: Mark, doc: Document): Range {
  const range = doc.createRange();
  range.setStart(mark.range.startContainer, mark.range.startOffset);
  range.setEnd(mark.range.endContainer, mark.range.endOffset);
  return range;
}

function contains(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}

export function markAtPoint(annotator: Annotator, doc: Document, x: number, y: number): Mark | null {
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  for (const mark of annotator.marksAt(caret.node, caret.offset)) {
    for (const rect of liveRange(mark, doc).getClientRects()) if (contains(rect, x, y)) return mark;
  }
  return null;
}
