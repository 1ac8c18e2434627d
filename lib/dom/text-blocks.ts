/**
 * Reads a DOM subtree as blocks of text: each block is the concatenated text
 * of the text nodes between two block boundaries, so that a term can span
 * inline elements (`North <em>Korea</em>`) but never a paragraph break.
 *
 * A hand-rolled walk rather than a TreeWalker with a filter callback: it skips
 * whole subtrees we must not read (inputs, code, the extension's own UI),
 * notices block boundaries on the way in and out of elements, and descends
 * into open shadow roots, with no per-node callback.
 */

export interface TextBlock {
  /** the block's text: the concatenation of `nodes`' data */
  text: string;
  nodes: Text[];
  /** `starts[i]` is the offset of `nodes[i]` in `text`; ascending */
  starts: number[];
  /** the nearest block-level ancestor (or the scanned root): rescanning it rescans this block */
  container: Node;
}

/**
 * Elements whose text is never read: form fields, code, non-rendered content,
 * our UI. By nodeName, as the DOM gives it (upper case for HTML, lower case
 * for SVG and MathML), so that no name is case-converted per element.
 */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'CODE',
  'PRE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'SVG',
  'svg',
  'MATH',
  'math',
  'HEAD',
  'TITLE',
  'RDL-UI',
  'script',
  'style',
]);

/** Phrasing elements: text inside them belongs to the surrounding block. */
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'DEL',
  'KBD',
  'LABEL',
  'MARK',
  'Q',
  'RUBY',
  'RB',
  'RT',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'BIG',
  'TT',
  'STRIKE',
  'WBR',
  'NOBR',
]);

/** Whether the text of this element (and its subtree) must not be scanned. */
export function isSkippedElement(element: Element): boolean {
  if (SKIPPED.has(element.nodeName)) return true;
  if (!element.hasAttribute('contenteditable')) return false;
  return element.getAttribute('contenteditable') !== 'false';
}

export function isInlineElement(element: Element): boolean {
  return INLINE.has(element.nodeName);
}

/** Whether `node` lies inside a subtree that is never scanned (an input, code, our UI …). */
export function isInsideSkipped(node: Node): boolean {
  let n: Node | null = node.nodeType === 1 ? node : node.parentNode;
  while (n) {
    if (n.nodeType === 1 && isSkippedElement(n as Element)) return true;
    // Out of a shadow tree through its host.
    n = n.nodeType === 11 ? ((n as ShadowRoot).host ?? null) : n.parentNode;
  }
  return false;
}

/** The nearest ancestor that bounds the block `node` is in: a non-inline element, a shadow root or the document. */
export function blockContainer(node: Node): Node {
  let n: Node = node.nodeType === 1 && !isInlineElement(node as Element) ? node : (node.parentNode ?? node);
  while (n.nodeType === 1 && isInlineElement(n as Element) && n.parentNode) n = n.parentNode;
  return n;
}

/**
 * Calls `onBlock` for every block of text under `root`, in document order,
 * including blocks inside open shadow roots. Whitespace-only blocks are skipped.
 */
export function forEachTextBlock(
  root: Node,
  onBlock: (block: TextBlock) => void,
  onShadowRoot?: (shadow: ShadowRoot) => void,
): void {
  let nodes: Text[] = [];
  let starts: number[] = [];
  let parts: string[] = [];
  let length = 0;
  const shadowRoots: ShadowRoot[] = [];

  const flush = () => {
    if (nodes.length === 0) return;
    const text = parts.length === 1 ? parts[0]! : parts.join('');
    if (hasContent(text)) onBlock({ text, nodes, starts, container: blockContainer(nodes[0]!) });
    nodes = [];
    starts = [];
    parts = [];
    length = 0;
  };

  const visitText = (text: Text) => {
    const data = text.data;
    if (data.length === 0) return;
    nodes.push(text);
    starts.push(length);
    parts.push(data);
    length += data.length;
  };

  if (root.nodeType === 3) {
    visitText(root as Text);
    flush();
    return;
  }
  if (root.nodeType === 1 && (root as Element).shadowRoot) shadowRoots.push((root as Element).shadowRoot!);

  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      visitText(node as Text);
    } else if (node.nodeType === 1) {
      const element = node as Element;
      const inline = isInlineElement(element);
      if (!inline) flush();
      if (!isSkippedElement(element)) {
        descend = element.firstChild !== null;
        // Open shadow roots are walked after the light tree, as blocks of their own.
        if (element.shadowRoot) shadowRoots.push(element.shadowRoot);
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Climb until there is a next sibling; leaving a block element ends its block.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && node.nodeType === 1 && !isInlineElement(node as Element)) flush();
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  flush();
  for (const shadow of shadowRoots) {
    onShadowRoot?.(shadow);
    forEachTextBlock(shadow, onBlock, onShadowRoot);
  }
}

/** Whether the text has anything but ASCII white space (usually decided by its first character). */
function hasContent(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12) return true;
  }
  return false;
}

/** The text node and offset at `offset` of a block's text (a match boundary). */
export function locate(block: TextBlock, offset: number, preferEnd: boolean): { node: Text; offset: number } {
  const { starts, nodes } = block;
  // Binary search: the last node starting before the offset (at or before it, for a start boundary).
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid]!;
    if (start < offset || (!preferEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return { node: nodes[lo]!, offset: offset - starts[lo]! };
}
