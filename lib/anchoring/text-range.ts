/**
 * A page's text as anchoring sees it: the text nodes under a root, joined in
 * document order, with a map between offsets in that string and DOM points.
 * Build it once per anchoring pass and anchor every highlight against it;
 * it is a snapshot, so build a new one after the page changes.
 *
 * Unlike `root.textContent` (what Hypothesis offsets count), the text of
 * script, style, noscript and template elements and of our own <rdl-ui> is left
 * out (NOT_PAGE_TEXT, the policy the marks' walk shares: ./skip-policy.ts): it is not what a reader selects, and pages rewrite inline scripts (ad
 * and analytics state) between visits, which would shift every offset after
 * them. Empty text nodes are left out of the map, so every offset belongs to
 * a node that has characters.
 *
 * Node types are compared as numbers so the module can be imported where
 * there is no DOM (the background, node tests).
 */
import { NOT_PAGE_TEXT } from './skip-policy';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;
const DOCUMENT_POSITION_FOLLOWING = 4;
const DOCUMENT_POSITION_CONTAINED_BY = 16;

/** Elements whose text is not part of the document text (lower-case local names). */
const SKIPPED = new Set(NOT_PAGE_TEXT);

export interface DocumentText {
  readonly text: string;
  /**
   * A DOM Range over `text.slice(start, end)`; it starts and ends in text
   * nodes. An offset on the boundary of two nodes starts in the later node and
   * ends in the earlier one, so a range never reaches into a node it does not
   * cover. Throws a RangeError for offsets outside the text.
   */
  toRange(start: number, end: number, document_?: Document): Range;
  /**
   * The text offset of a DOM point (a Range boundary: node and offset in it),
   * counting the characters of the document text before it. A point inside a
   * skipped element maps to the offset of the next text that is not skipped.
   * Throws a RangeError for a node outside the root.
   */
  offsetOf(node: Node, offset: number): number;
}

export function documentText(root: Node): DocumentText {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  const add = (node: Text) => {
    const data = node.data;
    if (data.length === 0) return;
    nodes.push(node);
    starts.push(length);
    parts.push(data);
    length += data.length;
  };

  if (root.nodeType === TEXT_NODE) add(root as Text);
  // Iterative walk: pages nest deep enough to make recursion a risk, and it
  // skips whole subtrees without a callback per node.
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === TEXT_NODE) {
      add(node as Text);
    } else if (node.nodeType === ELEMENT_NODE && node.firstChild && !SKIPPED.has(localName(node as Element))) {
      node = node.firstChild;
      continue;
    }
    while (node && !node.nextSibling) {
      node = node.parentNode;
      if (node === root) node = null;
    }
    node = node ? node.nextSibling : null;
  }
  const text = parts.join('');

  let index: Map<Text, number> | null = null;
  const indexOf = (t: Text): number | undefined => {
    index ??= new Map(nodes.map((n, i) => [n, i]));
    return index.get(t);
  };

  /** The first mapped node for which `isAfter` holds (it must be false, then true, in document order). */
  const firstFrom = (isAfter: (t: Text) => boolean): number => {
    let lo = 0;
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (isAfter(nodes[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    return lo < nodes.length ? starts[lo]! : length;
  };
  /** offset of the first text at or inside `ref`, or after it */
  const atOrAfter = (ref: Node) =>
    firstFrom((t) => t === ref || (ref.compareDocumentPosition(t) & DOCUMENT_POSITION_FOLLOWING) !== 0);
  /** offset of the first text after `ref` and everything inside it */
  const after = (ref: Node) =>
    firstFrom((t) => {
      const pos = ref.compareDocumentPosition(t);
      return (pos & DOCUMENT_POSITION_FOLLOWING) !== 0 && (pos & DOCUMENT_POSITION_CONTAINED_BY) === 0;
    });

  return {
    text,

    toRange(start, end, document_ = ownerDocument(root)) {
      if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length)) {
        throw new RangeError(`Text offsets ${start}–${end} are outside the document text (0–${length})`);
      }
      const range = document_.createRange();
      if (nodes.length === 0) {
        range.setStart(root, 0);
        return range;
      }
      // Start: the last node starting at or before `start`. End: the first node ending at or after `end`.
      let lo = 0;
      let hi = nodes.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid]! <= start) lo = mid;
        else hi = mid - 1;
      }
      const s = lo;
      if (start === end) {
        range.setStart(nodes[s]!, start - starts[s]!);
        return range;
      }
      lo = 0;
      hi = nodes.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (starts[mid]! + nodes[mid]!.data.length >= end) hi = mid;
        else lo = mid + 1;
      }
      const e = lo;
      range.setStart(nodes[s]!, start - starts[s]!);
      range.setEnd(nodes[e]!, end - starts[e]!);
      return range;
    },

    offsetOf(node, offset) {
      if (node !== root && !root.contains(node))
        throw new RangeError('The node is not inside the document text’s root');
      if (node.nodeType === TEXT_NODE) {
        const i = indexOf(node as Text);
        if (i !== undefined) return starts[i]! + Math.max(0, Math.min(offset, (node as Text).data.length));
      }
      if (
        node.nodeType !== ELEMENT_NODE &&
        node.nodeType !== DOCUMENT_NODE &&
        node.nodeType !== DOCUMENT_FRAGMENT_NODE
      ) {
        // A skipped or empty text node, a comment: the point is as good as just after it.
        return after(node);
      }
      const child = node.childNodes[offset];
      return child ? atOrAfter(child) : after(node);
    },
  };
}

function localName(element: Element): string {
  return element.localName.toLowerCase();
}

function ownerDocument(root: Node): Document {
  if (root.nodeType === DOCUMENT_NODE) return root as Document;
  if (!root.ownerDocument) throw new Error('The root is not in a document');
  return root.ownerDocument;
}

/** A live Range over a static one (a mark's StaticRange), for geometry: a StaticRange has no client rects. */
export function liveRange(range: AbstractRange, doc: Document): Range {
  const live = doc.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}
