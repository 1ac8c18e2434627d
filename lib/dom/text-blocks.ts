/**
 * Reads a DOM subtree as blocks of text: each block is the concatenated text
 * of the text nodes between two block boundaries, so that a term can span
 * inline elements (`North <em>Korea</em>`) but never a paragraph break.
 *
 * One TreeWalker over elements and text, moved by hand (firstChild,
 * nextSibling, parentNode) rather than given a filter callback: it skips whole
 * subtrees we must not read (inputs, code, the extension's own UI), notices
 * block boundaries on the way in and out of elements, and descends into open
 * shadow roots. The walk reads each node through as few DOM calls as it can
 * (a content script's every call into the DOM is costly: in its isolated
 * world each node it touches gets a wrapper of its own): a text node is read
 * by `nodeValue` alone, an element by its `nodeName`, and `shadowRoot` only of
 * elements that can host one.
 *
 * `readTextBlocks` gives all the blocks of a subtree as one string, blocks
 * separated by BLOCK_BREAK, so that the matcher reads them in one call.
 */
import { BLOCK_BREAK } from '../text/block-break';
import {
  articleOf,
  contextOf,
  furnitureByRole,
  FURNITURE_NAMES,
  isArticlePart,
  isMainBlock,
  isTitleLike,
} from './main-text';
import { NEVER_MARKED, NOT_PAGE_TEXT } from '../anchoring/skip-policy';

/**
 * Elements whose text is never read (../anchoring/skip-policy.ts), by nodeName as the
 * DOM gives it: upper case for HTML elements of an HTML document, as written
 * for SVG, MathML and XHTML. So no name is case-converted per element.
 */
const SKIPPED = new Set([...NOT_PAGE_TEXT, ...NEVER_MARKED].flatMap((name) => [name, name.toUpperCase()]));

/** Phrasing elements: text inside them belongs to the surrounding block. */
const INLINE = new Set(
  'A ABBR B BDI BDO CITE DATA DFN EM FONT I INS DEL KBD LABEL MARK Q RUBY RB RT S SAMP SMALL SPAN STRONG SUB SUP TIME U VAR BIG TT STRIKE WBR NOBR'.split(
    ' ',
  ),
);

/**
 * The elements that may have a shadow root besides custom elements (whose
 * names have a hyphen): `attachShadow` throws on any other.
 * https://dom.spec.whatwg.org/#dom-element-attachshadow
 */
const SHADOW_HOSTS = new Set(
  'ARTICLE ASIDE BLOCKQUOTE BODY DIV FOOTER H1 H2 H3 H4 H5 H6 HEADER MAIN NAV P SECTION SPAN'.split(' '),
);

const EDITABLE = '[contenteditable]';

// What an element the walk has entered is, as bits.
const INLINE_KIND = 1;
const FURNITURE_KIND = 2;
const LINK_KIND = 4;
const ARTICLE_KIND = 8;
const HEADLINE_KIND = 16;

function isEditable(element: Element): boolean {
  return element.hasAttribute('contenteditable') && element.getAttribute('contenteditable') !== 'false';
}

/** Whether the text of this element (and its subtree) must not be scanned. */
export function isSkippedElement(element: Element): boolean {
  return SKIPPED.has(element.nodeName) || isEditable(element);
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
 * The blocks of text of a subtree, as one string: each block's text followed
 * by BLOCK_BREAK. Block `b` is `text.slice(blockStarts[b], blockStarts[b + 1] - 1)`
 * and is made of `nodes[blockNodes[b] .. blockNodes[b + 1])`; `starts[i]` is
 * where `nodes[i]` begins in `text` (both arrays end with a sentinel).
 */
export interface TextBlocks {
  text: string;
  nodes: Text[];
  starts: number[];
  blockStarts: number[];
  blockNodes: number[];
  /** how many blocks: `blockStarts.length - 1` */
  count: number;
  /** `main[b]`: whether block `b` is main text (./main-text.ts) */
  main: boolean[];
  /** characters of text, BLOCK_BREAKs not counted */
  chars: number;
}

/** Gathers text nodes into blocks, dropping blocks that are only white space. */
export class BlockBuilder {
  private parts: string[] = [];
  private nodes: Text[] = [];
  private starts: number[] = [];
  private blockStarts: number[] = [];
  private blockNodes: number[] = [];
  private main: boolean[] = [];
  /**
   * How many units of text are gathered since the last `take`. A field, not a getter: the walk reads it at
   * every block boundary, and it runs once a page, mostly before V8 has optimised it, where a getter is a call.
   */
  gathered = 0;
  // Of the block being gathered: units in furniture and in links.
  private furnitureChars = 0;
  private linkChars = 0;
  /** whether the last block could be the title of what follows it (then `take` keeps it: the next block may make it furniture) */
  private titleBefore = false;
  // Where the last complete block began: in parts, in nodes, in the text.
  private lastPart = 0;
  private lastNode = 0;
  private lastStart = 0;
  /** how many H1 elements the walk is inside: the page's headline is never a list's title */
  headline = 0;
  // The block being gathered: where it began, and whether it has anything but white space yet.
  private firstNode = 0;
  private firstPart = 0;
  private start = 0;
  private content = false;

  /** `furniture`, `link`: whether the node lies in the page's furniture, in a link */
  add(node: Text, data: string, furniture: boolean, link: boolean): void {
    if (data.length === 0) return;
    if (!this.content) this.content = hasContent(data);
    if (furniture) this.furnitureChars += data.length;
    if (link) this.linkChars += data.length;
    this.nodes.push(node);
    this.starts.push(this.gathered);
    this.parts.push(data);
    this.gathered += data.length;
  }

  /**
   * Furniture the walk left unread (a main-text-only walk skips it: the
   * subtree of `root`, or what follows `after` in it): as blocks of furniture
   * read here would, it makes a title-like block before it that list's
   * title, not the article's.
   */
  skipFurniture(root: Node, after: Node | null = null): void {
    this.flush();
    if (!this.titleBefore || !hasTextIn(root, after)) return;
    this.main[this.main.length - 1] = false;
    this.titleBefore = false;
  }

  /** Ends the block being gathered (a block boundary). */
  flush(): void {
    if (this.nodes.length === this.firstNode) return;
    if (this.content) {
      this.lastPart = this.firstPart;
      this.lastNode = this.firstNode;
      this.lastStart = this.start;
      this.blockStarts.push(this.start);
      this.blockNodes.push(this.firstNode);
      const chars = this.gathered - this.start;
      const main = isMainBlock(chars, this.furnitureChars, this.linkChars);
      // The title of a link list ("News Focus: North Korea", "Most read") is the list's, not the article's.
      if (!main && this.titleBefore) this.main[this.main.length - 1] = false;
      this.titleBefore = main && this.headline === 0 && isTitleLike(chars, this.linkChars);
      this.main.push(main);
      this.parts.push(BLOCK_BREAK);
      this.gathered += 1;
    } else {
      this.nodes.length = this.firstNode;
      this.starts.length = this.firstNode;
      this.parts.length = this.firstPart;
      this.gathered = this.start;
    }
    this.firstNode = this.nodes.length;
    this.firstPart = this.parts.length;
    this.start = this.gathered;
    this.content = false;
    this.furnitureChars = 0;
    this.linkChars = 0;
  }

  finish(): TextBlocks {
    this.flush();
    const count = this.blockStarts.length;
    this.blockStarts.push(this.gathered);
    this.blockNodes.push(this.nodes.length);
    this.starts.push(this.gathered);
    return {
      text: this.parts.join(''),
      nodes: this.nodes,
      starts: this.starts,
      blockStarts: this.blockStarts,
      blockNodes: this.blockNodes,
      count,
      main: this.main,
      chars: this.gathered - count,
    };
  }

  /**
   * The blocks gathered so far, all complete (called at a block boundary),
   * and a fresh start for the next ones: a scan in slices (./annotator.ts)
   * matches and marks a page's text a part at a time.
   */
  take(): TextBlocks {
    // A block that may yet become a link list's title stays for the next take.
    const keep = this.titleBefore && this.blockStarts.length > 0;
    const kept = keep
      ? {
          parts: this.parts.slice(this.lastPart),
          nodes: this.nodes.slice(this.lastNode),
          starts: this.starts.slice(this.lastNode).map((s) => s - this.lastStart),
          main: this.main.pop()!,
          length: this.gathered - this.lastStart,
        }
      : null;
    if (kept) {
      this.parts.length = this.lastPart;
      this.nodes.length = this.starts.length = this.lastNode;
      this.blockStarts.pop();
      this.blockNodes.pop();
      this.gathered = this.lastStart;
      this.firstNode = this.nodes.length;
    }
    const blocks = this.finish();
    this.parts = kept?.parts ?? [];
    this.nodes = kept?.nodes ?? [];
    this.starts = kept?.starts ?? [];
    this.blockStarts = kept ? [0] : [];
    this.blockNodes = kept ? [0] : [];
    this.main = kept ? [kept.main] : [];
    this.gathered = kept?.length ?? 0;
    this.firstNode = this.nodes.length;
    this.firstPart = this.parts.length;
    this.start = this.gathered;
    this.lastPart = this.lastNode = this.lastStart = 0;
    return blocks;
  }
}

/** A walk in slices found the node it had stopped at gone from the page: its reading is stale. */
export class StaleWalk extends Error {
  constructor() {
    super('the page changed under a scan in slices');
  }
}

/** A walk in slices pauses at a block boundary after at least this many nodes, */
const SLICE_NODES = 512;
/** or this many units of text (a page of long paragraphs: matching them is most of a slice's work). */
const SLICE_UNITS = 16_384;

/**
 * Reads every block of text under `root`, in document order, then the blocks
 * inside open shadow roots (each reported to `onShadowRoot` first).
 * Whitespace-only blocks are left out.
 */
export function readTextBlocks(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void, mainOnly = false): TextBlocks {
  const builder = new BlockBuilder();
  const steps = walkBlocks(root, builder, onShadowRoot, false, mainOnly);
  while (!steps.next().done);
  return builder.finish();
}

/**
 * Walks `root` into `out`. With `slices`, pauses (yields) at block boundaries
 * every SLICE_NODES nodes or so, where `out.take()` gives the blocks read so
 * far; on resuming, throws StaleWalk if the node it stopped at has left the page.
 *
 * With `mainOnly`, reads only what can be main text: the furniture's text
 * never is (./main-text.ts), so its subtrees are not walked, and on a page with
 * one article nothing outside the article is. A reader who marks only main
 * text (the default) pays for the article, not for the page's menus and link lists.
 *
 * With `first` (subtrees of `root`: what the reader sees), those are read
 * first, then the rest of `root`, passing over them.
 */
export function* walkBlocks(
  root: Node,
  out: BlockBuilder,
  onShadowRoot: ((shadow: ShadowRoot) => void) | undefined,
  slices: boolean,
  mainOnly = false,
  first: readonly Node[] = [],
): Generator<void, void, void> {
  const article = articleOf(root);
  // Where the walk starts: inside furniture or a link (a rescan of part of a page), or not.
  const at = contextOf(root, article);
  if (mainOnly && at.furniture) return;
  if (mainOnly && article !== null && root !== article && root.contains(article)) {
    yield* walkBlocks(article, out, onShadowRoot, slices, true, first);
    // The page's text after its article is furniture, unread.
    out.skipFurniture(root, article);
    return;
  }
  // Finding the page's article, then its furniture by role, each reads the whole of it (on a page of 200,000
  // nodes, tens of ms): each may have a slice of its own, and the walk itself too.
  const pausing = slices && root.nodeValue === null;
  if (pausing) yield* pauseAt(root);
  const byRole = furnitureByRole(root);
  if (pausing) yield* pauseAt(root);
  // (Not a subtree the walk would not read: an editor, code, Lens's own UI.)
  const firsts = first.filter((node) => node !== root && root.contains(node) && !isInsideSkipped(node));
  for (const node of firsts) yield* walkBlocks(node, out, onShadowRoot, slices, mainOnly);
  const skip = firsts.length > 0 ? new Set(firsts) : null;
  const rootValue = root.nodeValue;
  if (rootValue !== null) {
    if (root.nodeType === 3) out.add(root as Text, rootValue, at.furniture, at.link);
    out.flush();
    return;
  }
  // Outside the page's one article, everything is furniture: entering the article leaves it.
  const outsideArticle = article !== null && root !== article && root.contains(article);
  // How many furniture elements and links the walk is inside.
  let inFurniture = (at.furniture ? 1 : 0) + (outsideArticle ? 1 : 0);
  let inLink = at.link ? 1 : 0;
  const shadowRoots: ShadowRoot[] = [];
  if (root.nodeType === 1 && (root as Element).shadowRoot) shadowRoots.push((root as Element).shadowRoot!);
  // Found once by the browser rather than asked of every element.
  let editable: Set<Element> | null = null;
  if ('querySelectorAll' in root) {
    const found = (root as ParentNode).querySelectorAll(EDITABLE);
    if (found.length > 0) editable = new Set([...found].filter(isEditable));
  }
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x1 | 0x4); // NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT
  // What each element we are inside (below root) is: INLINE (leaving one that is not ends a
  // block), FURNITURE, LINK (leaving one leaves it).
  const entered: number[] = [];
  let node: Node | null = walker.firstChild();
  let steps = 0;
  while (node) {
    steps++;
    const value = node.nodeValue;
    if (value !== null) {
      out.add(node as Text, value, inFurniture > 0, inLink > 0);
    } else {
      const name = node.nodeName;
      const isInline = INLINE.has(name);
      if (!isInline) {
        out.flush();
        if (slices && (steps >= SLICE_NODES || out.gathered >= SLICE_UNITS)) {
          steps = 0;
          yield* pauseAt(node);
        }
      }
      const isFurniture =
        (FURNITURE_NAMES.has(name) || (byRole !== null && byRole.has(node as Element))) &&
        !isArticlePart(node as Element);
      if (mainOnly && isFurniture) {
        if (!isInline) out.skipFurniture(node as Element);
      } else if (!skip?.has(node) && !SKIPPED.has(name) && !editable?.has(node as Element)) {
        // (A lower-case name is not an HTML element of an HTML document: asked, to be safe.)
        if (SHADOW_HOSTS.has(name) || name.includes('-') || name.charCodeAt(0) > 0x60) {
          const shadow = (node as Element).shadowRoot;
          // Open shadow roots are walked after the light tree, as blocks of their own.
          if (shadow) shadowRoots.push(shadow);
        }
        const child = walker.firstChild();
        if (child) {
          let kind = isInline ? INLINE_KIND : 0;
          if (name === 'A') kind |= LINK_KIND;
          if (isFurniture) kind |= FURNITURE_KIND;
          if (outsideArticle && node === article) kind |= ARTICLE_KIND;
          if (name === 'H1') kind |= HEADLINE_KIND;
          out.headline += (kind & HEADLINE_KIND) >> 4;
          inFurniture += ((kind & FURNITURE_KIND) >> 1) - ((kind & ARTICLE_KIND) >> 3);
          inLink += (kind & LINK_KIND) >> 2;
          entered.push(kind);
          node = child;
          continue;
        }
      }
    }
    // Climb until there is a next sibling; leaving a block element ends its block.
    node = walker.nextSibling();
    while (!node && walker.parentNode()) {
      const kind = entered.pop()!;
      if ((kind & INLINE_KIND) === 0) {
        out.flush();
        if (slices && (steps >= SLICE_NODES || out.gathered >= SLICE_UNITS)) {
          steps = 0;
          yield* pauseAt(walker.currentNode);
        }
      }
      out.headline -= (kind & HEADLINE_KIND) >> 4;
      inFurniture -= ((kind & FURNITURE_KIND) >> 1) - ((kind & ARTICLE_KIND) >> 3);
      inLink -= (kind & LINK_KIND) >> 2;
      node = walker.nextSibling();
    }
  }
  out.flush();
  for (const shadow of shadowRoots) {
    onShadowRoot?.(shadow);
    yield* walkBlocks(shadow, out, onShadowRoot, slices, mainOnly);
  }
}

/** Ends a slice of a walk at `at`; on resuming, throws StaleWalk if the page took `at` away meanwhile. */
function* pauseAt(at: Node): Generator<void, void, void> {
  yield;
  if (!at.isConnected) throw new StaleWalk();
}

/** Block `b` of `blocks` on its own: its text, its nodes, and where each node begins in that text. */
export function blockAt(blocks: TextBlocks, b: number): { text: string; nodes: Text[]; starts: number[] } {
  const at = blocks.blockStarts[b]!;
  const first = blocks.blockNodes[b]!;
  const end = blocks.blockNodes[b + 1]!;
  const starts = new Array<number>(end - first);
  for (let i = first; i < end; i++) starts[i - first] = blocks.starts[i]! - at;
  return { text: blocks.text.slice(at, blocks.blockStarts[b + 1]! - 1), nodes: blocks.nodes.slice(first, end), starts };
}

/** Anything but white space (`\s`: ../text/white-space.ts has the same set). */
const NOT_WHITE_SPACE = /\S/;

/**
 * Whether the text has anything but white space. Asked of every text node a walk reads, most of them a
 * page's indentation: one native search, not a loop over its characters (a walk runs once a page, mostly
 * before V8 has optimised it, where a loop costs tens of ns a character).
 */
function hasContent(text: string): boolean {
  return NOT_WHITE_SPACE.test(text);
}

/**
 * Whether `root` has text a walk would read (not white space, not in a
 * skipped element): in all of it, or only after `after` (a node inside it
 * whose subtree is passed over). Read until the first such text node.
 */
function hasTextIn(root: Node, after: Node | null = null): boolean {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 0x4); // NodeFilter.SHOW_TEXT
  if (after) {
    let last = after;
    while (last.lastChild) last = last.lastChild;
    walker.currentNode = last;
  }
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if (hasContent(n.nodeValue!) && !isInsideSkipped(n)) return true;
  return false;
}

/**
 * The text node and offset at `offset`, among `nodes[from .. to)` whose
 * offsets are `starts` (a match boundary inside one block of TextBlocks).
 */
export function locateIn(
  nodes: readonly Text[],
  starts: readonly number[],
  from: number,
  to: number,
  offset: number,
  preferEnd: boolean,
): { node: Text; offset: number } {
  // Binary search: the last node starting before the offset (at or before it, for a start boundary).
  let lo = from;
  let hi = to - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid]!;
    if (start < offset || (!preferEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return { node: nodes[lo]!, offset: offset - starts[lo]! };
}
