/**
 * Anchoring on a live page: the string work of ./match-quote.ts and
 * ./selectors.ts over the document text of ./text-range.ts. The content
 * script loads this module only on pages that have highlights, or when the
 * reader saves one (see ../dom/anchoring-handle.ts): the fuzzy matcher is most
 * of its size.
 */
import { anchorAll, type HighlightSelectors } from './match-quote';
import { describeRange, type TextPositionSelector, type TextQuoteSelector } from './selectors';
import { documentText } from './text-range';

/** Which of a page's saved highlights are drawn on it, and which were not found there (orphans). */
export interface HighlightStatus {
  anchored: string[];
  orphans: string[];
}

export interface DescribedSelection {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** what the selectors cover: the selection without white space at its ends */
  range: Range;
}

export interface PageAnchoring {
  /**
   * Where each highlight is on the page now (position, then exact quote, then
   * a fuzzy match): a Range over its text, or null for an orphan. One pass
   * over the document text for all of them; results in input order.
   */
  anchor(root: Node, highlights: readonly HighlightSelectors[]): (Range | null)[];
  /**
   * The selectors of a selection. Throws a RangeError for a selection with no
   * text, or one outside `root` (in a shadow root or a frame).
   */
  describe(root: Node, selection: AbstractRange): DescribedSelection;
}

export const pageAnchoring: PageAnchoring = {
  anchor(root, highlights) {
    if (highlights.length === 0) return [];
    const text = documentText(root);
    return anchorAll(text.text, highlights).map((found) => (found ? text.toRange(found.start, found.end) : null));
  },
  describe(root, selection) {
    const text = documentText(root);
    const start = text.offsetOf(selection.startContainer, selection.startOffset);
    const end = text.offsetOf(selection.endContainer, selection.endOffset);
    const { quote, position } = describeRange(text.text, start, end);
    return { quote, position, range: text.toRange(position.start, position.end) };
  },
};
