/** Which corpus entities a reader's highlight touches: the marks that share at least one character with it. */
import type { Mark } from './annotator';

/** Entity ids of the marks overlapping `range`, each once, in the order of `marks`. */
export function entityIdsIn(marks: Iterable<Mark>, range: AbstractRange, doc: Document): string[] {
  const ids = new Set<string>();
  const probe = doc.createRange();
  /** whether point b comes after point a */
  const after = (aNode: Node, aOffset: number, bNode: Node, bOffset: number) => {
    try {
      probe.setStart(aNode, aOffset);
      probe.collapse(true);
      return probe.comparePoint(bNode, bOffset) === 1;
    } catch {
      return false; // different trees (a shadow root), or a node gone from the page
    }
  };
  for (const mark of marks) {
    if (ids.has(mark.entityId)) continue;
    const m = mark.range;
    if (
      after(m.startContainer, m.startOffset, range.endContainer, range.endOffset) &&
      after(range.startContainer, range.startOffset, m.endContainer, m.endOffset)
    )
      ids.add(mark.entityId);
  }
  return [...ids];
}
