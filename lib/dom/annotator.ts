/**
 * Marks the corpus's entities on a page with the CSS Custom Highlight API:
 * StaticRanges over the page's own text nodes, registered under `rdl-term`.
 * The page's DOM is never changed.
 *
 * StaticRange rather than Range: the browser updates live Ranges on every DOM
 * mutation, a cost the page would pay for each of our marks. Instead, marks
 * are kept per block container, and a changed container is rescanned whole
 * (see ./observe.ts), so a mark never outlives its text.
 *
 * What is marked (issue 13): by default only the page's main text, not its
 * navigation, headers, footers and link lists (./main-text.ts); core entities
 * wherever that holds, context entities only on a page about the relationship
 * — one whose main text mentions core entities at least RELEVANT_CORE_MENTIONS
 * times. The annotator keeps that count as marks come and go; when a rescan
 * makes the page relevant, `scan` and `rescan` say so and the caller scans
 * the page again (./page-lens.ts). A page stays relevant until it is scanned
 * anew (`clear`, as after a navigation; not the rescan that its becoming
 * relevant starts): a live page whose count hovers at the threshold must not
 * have every mark redrawn at each change.
 *
 * The page's text is matched elsewhere (`match`: the background, issue 17),
 * so every scan waits for its mentions: a scan reads the page, asks, and
 * marks what comes back. The caller runs one scan at a time; `clear`
 * (a scan anew) drops what a scan under way would still mark.
 */
import type { EntitySpan } from '../claims/tokens';
import type { Tier } from '../corpus/schema';
import type { MarkStyleName } from '../mark-styles';
import type { Density, MarkStyle } from '../settings';
import type { MatchText, TermMatch } from '../text/term-matches';
import {
  BlockBuilder,
  blockAt,
  blockContainer,
  locateIn,
  readTextBlocks,
  walkBlocks,
  type TextBlocks,
} from './text-blocks';

export const TERM_HIGHLIGHT = 'rdl-term';
/** The marks' highlight name for each mark style (styled by its rule in lib/mark-styles.ts). */
export const TERM_HIGHLIGHTS = { underline: TERM_HIGHLIGHT, tint: 'rdl-term-tint' } as const satisfies Record<
  MarkStyle,
  MarkStyleName
>;
export type TermHighlight = (typeof TERM_HIGHLIGHTS)[MarkStyle];

/**
 * One mark: its entity and its range, nothing more (issue 17: a page of
 * 100,000 marks holds 100,000 of these beside the ranges themselves). What is
 * under the pointer is found through the marks of its block container.
 */
export interface Mark {
  entityId: string;
  range: StaticRange;
}

/**
 * A main-text block that a scan added entity marks to, as the scan read it:
 * what the claims (./claim-finder.ts) look for sentences in, so that they
 * need not read the page again (issue 17).
 */
export interface MarkedBlock {
  text: string;
  nodes: Text[];
  /** `starts[i]` is the offset of `nodes[i]` in `text` */
  starts: number[];
  /** the block container the text is in (./text-blocks.ts blockContainer) */
  container: Node;
  /** the entity marks the scan added in the block: offsets in `text` (not in text order: context entities may come last) */
  spans: EntitySpan[];
}

export interface ScanStats {
  chars: number;
  matches: number;
  /** whether the page's relevance changed with this scan, so that marks made before it are wrong now */
  relevanceChanged?: boolean;
}

/**
 * Units of text after which a slice asks for its mentions whatever its time:
 * the walk reads text much faster than its mentions are marked, and marking
 * a few hundred thousand units' mentions at once (a long page dense with
 * them) would be a long task of its own (issue 17).
 */
export const SLICE_TEXT = 65_536;

/** The block of a mention whose text the page took away before it was marked. */
const GONE = -1;

/** Mentions of core entities in a page's main text from which the page is about the relationship. */
export const RELEVANT_CORE_MENTIONS = 3;

export interface AnnotatorOptions {
  /** the corpus's mentions in a text of blocks (lib/text/term-matches.ts) */
  match: MatchText;
  /**
   * `CSS.highlights` of the document the marks are drawn in, asked for when
   * the first mark is added, with the highlight's name: a frame or a page
   * with nothing to mark never reads it (in a content script's world, the
   * first read of `CSS` makes its bindings), never has a highlight
   * registered, and never gets the marks' styles (lib/mark-styles.ts).
   */
  registry: (name: TermHighlight) => HighlightRegistry;
  density?: Density;
  markStyle?: MarkStyle;
  performance?: Performance;
  /** whether scans write `rdl:scan` measures (the page can read them: a developer setting) */
  measures?: boolean;
  /** told of every open shadow root a scan walks into, so that it can be observed too */
  onShadowRoot?: (shadow: ShadowRoot) => void;
  /** an entity's tier; core when not given */
  tierOf?: (entityId: string) => Tier;
  /** mark context entities on every page, not only on pages about the relationship */
  markEverywhere?: boolean;
  /** mark only the page's main text (the default) */
  mainTextOnly?: boolean;
  /** whether an entity is marked (the reader's kinds); its mentions count towards relevance either way */
  shows?: (entityId: string) => boolean;
  /** keep each scan's marked main-text blocks for `addedBlocks` (for the claims; off, scans keep none) */
  followBlocks?: boolean;
}

/** How a scan in slices gives the page its main thread back. */
export interface Slices {
  /** whether the slice running now has had its time */
  timeUp(): boolean;
  /**
   * Lets the page run, or waits for `until` (the slice's mentions: the page
   * runs meanwhile); resolves false when the scan is to stop (the page moved
   * on, Lens stopped), and rejects when `until` does.
   */
  pause(until?: Promise<unknown>): Promise<boolean>;
}

export interface Annotator {
  /**
   * Scans `root` (whose old marks are dropped once its new ones come) and
   * records an `rdl:scan` measure (with `measures`). Resolves null when the
   * annotator was cleared meanwhile (nothing is marked then).
   */
  scan(root: Node, kind?: 'full' | 'incremental'): Promise<ScanStats | null>;
  /**
   * A full scan of `root` in slices, so that no stretch of it keeps the page
   * waiting: walk a part until the slice's time is up, let the page run while
   * its mentions are being found, and mark them. The first slice runs at
   * once. Context entities found before the page
   * is known to be relevant wait, and are marked once it is (so on a large
   * page they may appear a step after its core entities); on a page that
   * never becomes relevant they are dropped. One `rdl:scan` measure, at the
   * end. Resolves null if stopped; rejects with StaleWalk (./text-blocks.ts)
   * if the page took away the node the walk had stopped at. With `first`
   * (subtrees of `root`: what the reader sees), those are read first.
   */
  scanInSlices(root: Node, slices: Slices, first?: readonly Node[]): Promise<ScanStats | null>;
  /**
   * Rescans several roots as one batch (one request for their mentions, one
   * measure); roots inside another root are skipped. Resolves null when the
   * annotator was cleared meanwhile.
   */
  rescan(roots: Iterable<Node>): Promise<ScanStats | null>;
  /** Drops the marks of every block container in `root`'s subtree (e.g. removed from the page). */
  forget(root: Node): void;
  /** The marks covering `node` at `offset`. */
  marksAt(node: Node, offset: number): Mark[];
  /** Every mark, in no particular order. */
  marks(): Mark[];
  /**
   * With `followBlocks`: the main-text blocks the latest scan or rescan added
   * marks to (for a full scan, every marked main-text block), handed over
   * once: the annotator keeps none of them after this call. What the claims
   * read after each change, so that a live page costs them in proportion to
   * what changed, not to the page. A block container is handed over in the
   * scan that first marked it only: one the page changes later is not
   * (its claim marks are not redrawn; asking about every changed container
   * again would cost a live page more than a missed claim mark costs the reader).
   */
  addedBlocks(): MarkedBlock[];
  /** How many marks each entity has on the page. */
  counts(): Map<string, number>;
  /** How many entities have marks on the page (`counts().size`, without copying the counts). */
  entityCount(): number;
  /** Whether the page has no mark (../hit-test.ts: the pointer then needs no hit test). */
  isEmpty(): boolean;
  /** Whether the page is about the relationship (its context entities are marked), as of the last scan. */
  relevant(): boolean;
  /**
   * Drops every mark, for a scan anew. The page's relevance goes with them
   * (it is read again from the text, as after a navigation) unless
   * `keepRelevance`: the full rescan of a page that has just become relevant
   * must not read it again from text that may have changed meanwhile.
   */
  clear(keepRelevance?: boolean): void;
  destroy(): void;
}

/** The marks of a block container with none (never added to: a container's marks are a new list each time). */
const NO_MARKS: readonly Mark[] = Object.freeze([]);

/**
 * A context entity's mention that waits for the page to be known relevant: where its mark would be, made
 * only if it comes (most pages never turn relevant, and their waiting mentions cost no range: issue 17).
 */
interface Waiting {
  blocks: TextBlocks;
  /** its block in `blocks` */
  b: number;
  match: TermMatch;
  container: Node;
  /** the follower's block for block `b`, shared with the block's other marks (null: the block is not followed) */
  followed: Following | null;
}

/** Block `b`'s follower block, made with the block's first mark that comes. */
interface Following {
  block: MarkedBlock | null;
}

export function createAnnotator(options: AnnotatorOptions): Annotator {
  const { match, registry, density = 'every', performance: perf = performance } = options;
  const tierOf = options.tierOf ?? (() => 'core');
  const markEverywhere = options.markEverywhere === true;
  const mainTextOnly = options.mainTextOnly !== false;
  const shows = options.shows ?? (() => true);
  const followBlocks = options.followBlocks === true;
  /** mentions of core entities in main text, per block container, and in all */
  const coreByContainer = new Map<Node, number>();
  let coreMentions = 0;
  /** the relevance the current marks were made under */
  let markedRelevant = markEverywhere;
  const isRelevant = (core: number) => markEverywhere || core >= RELEVANT_CORE_MENTIONS;
  const name = TERM_HIGHLIGHTS[options.markStyle ?? 'underline'];
  /**
   * the marks' highlight, made with the first mark, and where it is registered: on a page without one, Lens
   * never makes a Highlight (its interface costs Lens's world 2–3 KB of heap: issue 17)
   */
  let highlight: Highlight | null = null;
  let registered: HighlightRegistry | null = null;
  /** how many marks each entity has, kept as marks come and go (read after every scan, for the badge) */
  const perEntity = new Map<string, number>();
  const count = (entityId: string, by: number) => {
    const n = (perEntity.get(entityId) ?? 0) + by;
    if (n === 0) perEntity.delete(entityId);
    else perEntity.set(entityId, n);
  };
  /**
   * marks by the block container they were found in: a rescan of a container
   * replaces its marks, and the marks at a point are its container's. A Map,
   * not a WeakMap: entries go with their container, and a WeakMap of a large
   * page's thousands of keys makes every garbage collection of the page's
   * heap slower (ephemerons), which a reader feels as long tasks (issue 17).
   * A container with mentions but no mark has NO_MARKS; one with marks a
   * list of exactly their number (`keepMarks`): a list grown by `push` keeps
   * room for 17 marks, about 70 bytes a container that a page of one or two
   * marks a paragraph never uses.
   */
  const byContainer = new Map<Node, readonly Mark[]>();
  /** the main-text blocks marked since the latest scan or rescan began (see `addedBlocks`) */
  let fresh: MarkedBlock[] = [];
  /** the block containers handed to the follower already (see `addedBlocks`) */
  const handed = new WeakSet<Node>();
  /** counts `clear`s: a scan that began before the latest marks nothing when its mentions come */
  let epoch = 0;

  /** Block `b` of `blocks`, for the follower (see MarkedBlock): cut from what the scan read, no DOM call. */
  function follow(blocks: TextBlocks, b: number, container: Node): MarkedBlock {
    const block: MarkedBlock = { ...blockAt(blocks, b), container, spans: [] };
    fresh.push(block);
    return block;
  }

  /**
   * Draws the mark of `match` (in block `b` of `blocks`) and tells the follower of its span, if the block is
   * followed; the mark, for its container's list.
   */
  function drawMark(
    blocks: TextBlocks,
    b: number,
    match: TermMatch,
    container: Node,
    followed: Following | null,
  ): Mark {
    const first = blocks.blockNodes[b]!;
    const end = blocks.blockNodes[b + 1]!;
    const start = locateIn(blocks.nodes, blocks.starts, first, end, match.start, false);
    const stop = locateIn(blocks.nodes, blocks.starts, first, end, match.end, true);
    const range = new StaticRange({
      startContainer: start.node,
      startOffset: start.offset,
      endContainer: stop.node,
      endOffset: stop.offset,
    });
    const mark: Mark = { entityId: match.id, range };
    draw(mark);
    if (followed) {
      const at = blocks.blockStarts[b]!;
      (followed.block ??= follow(blocks, b, container)).spans.push({
        start: match.start - at,
        end: match.end - at,
        id: match.id,
      });
    }
    return mark;
  }

  /**
   * Marks every mention in `blocks` (`matches`: in text order, offsets in
   * `blocks.text`) that the page's relevance and main text allow; returns how many.
   */
  function addMatches(
    blocks: TextBlocks,
    matches: readonly TermMatch[],
    waiting?: Waiting[],
  ): { added: number; relevant: boolean } {
    if (matches.length === 0) return { added: 0, relevant: isRelevant(coreMentions) };
    const { nodes, blockStarts, blockNodes, main } = blocks;
    // The block of each match, and the core mentions in main text they add (first, since they
    // decide whether this batch's context entities are marked). A block whose first node the page
    // took away while its mentions were being found is left (GONE): its container is no longer
    // known from the node, and the page's change brings a rescan of what replaced it.
    const blockOf = new Int32Array(matches.length);
    const core = new Uint8Array(matches.length);
    let coreHere = 0;
    for (let i = 0, b = 0, checked = -1, gone = false; i < matches.length; i++) {
      const match = matches[i]!;
      while (match.start >= blockStarts[b + 1]!) b++;
      if (b !== checked) {
        checked = b;
        gone = !nodes[blockNodes[b]!]!.isConnected;
      }
      blockOf[i] = gone ? GONE : b;
      if (gone) continue;
      if (tierOf(match.id) === 'core') {
        core[i] = 1;
        if (main[b]) coreHere++;
      }
    }
    const relevant = markedRelevant || isRelevant(coreMentions + coreHere);
    const seen = density === 'first-per-paragraph' ? new Set<string>() : null;
    let added = 0;
    let b = -1;
    let container: Node | undefined;
    /** the marks drawn in block `b` so far, kept in its container's list once the block is done */
    const drawn: Mark[] = [];
    /** block `b` as handed to the follower, once it has a mark (if it is followed) */
    let followed: Following | null = null;
    for (let i = 0; i < matches.length; i++) {
      const match = matches[i]!;
      if (blockOf[i] === GONE) continue;
      if (blockOf[i] !== b) {
        // The next block with a match.
        if (drawn.length > 0) keepMarks(container!, drawn);
        drawn.length = 0;
        b = blockOf[i]!;
        seen?.clear();
        container = blockContainer(nodes[blockNodes[b]!]!);
        followed = followBlocks && main[b] && !handed.has(container) ? { block: null } : null;
        if (!byContainer.has(container)) byContainer.set(container, NO_MARKS);
      }
      if (core[i] === 1 && main[b]) {
        coreByContainer.set(container!, (coreByContainer.get(container!) ?? 0) + 1);
        coreMentions++;
      }
      if (mainTextOnly && !main[b]) continue;
      const waits = core[i] === 0 && !relevant;
      if ((waits && !waiting) || !shows(match.id)) continue;
      if (seen) {
        if (seen.has(match.id)) continue;
        seen.add(match.id);
      }
      if (waits) {
        waiting!.push({ blocks, b, match, container: container!, followed });
        continue;
      }
      drawn.push(drawMark(blocks, b, match, container!, followed));
      added++;
    }
    if (drawn.length > 0) keepMarks(container!, drawn);
    return { added, relevant };
  }

  function draw(mark: Mark) {
    if (highlight === null) (registered = registry(name)).set(name, (highlight = new Highlight()));
    highlight.add(mark.range);
    count(mark.entityId, 1);
  }

  /** Adds drawn marks to their container's list: a new list of exactly its length (see byContainer). */
  function keepMarks(container: Node, marks: readonly Mark[]) {
    const had = byContainer.get(container);
    byContainer.set(container, had ? had.concat(marks) : marks.slice());
  }

  function dropContainer(container: Node) {
    const core = coreByContainer.get(container);
    if (core !== undefined) {
      coreByContainer.delete(container);
      coreMentions -= core;
    }
    const list = byContainer.get(container);
    if (!list) return;
    byContainer.delete(container);
    for (const mark of list) {
      highlight?.delete(mark.range);
      count(mark.entityId, -1);
    }
  }

  function forget(root: Node) {
    if (byContainer.size === 0) return;
    dropContainer(root);
    if (root.nodeType !== 1 && root.nodeType !== 11 && root.nodeType !== 9) return;
    const doc = root.ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      dropContainer(n);
      const shadow = (n as Element).shadowRoot;
      if (shadow) forget(shadow);
    }
  }

  /**
   * Reads `roots` (none inside another), asks for their mentions at once,
   * and marks them in place of the roots' old marks, which stay until then;
   * false when the annotator was cleared meanwhile (nothing is marked).
   */
  async function scanRoots(roots: readonly Node[], stats: ScanStats): Promise<boolean> {
    const read = roots.map((root) => readTextBlocks(root, options.onShadowRoot, mainTextOnly));
    const text = read.length === 1 ? read[0]!.text : read.map((blocks) => blocks.text).join('');
    const at = epoch;
    const matches = text === '' ? [] : await match(text);
    if (at !== epoch) return false;
    // Each root's mentions, in its own text's offsets (a text of blocks ends with a break: none crosses).
    let m = 0;
    let offset = 0;
    read.forEach((blocks, r) => {
      const first = m;
      const end = offset + blocks.text.length;
      while (m < matches.length && matches[m]!.start < end) m++;
      const own =
        read.length === 1
          ? matches
          : matches
              .slice(first, m)
              .map(({ start, end: stop, id }) => ({ start: start - offset, end: stop - offset, id }));
      forget(roots[r]!);
      stats.chars += blocks.chars;
      stats.matches += addMatches(blocks, own).added;
      offset = end;
    });
    return true;
  }

  /** After a scan: whether the page has become relevant, so that the marks of the rest of it are wrong now. */
  function settle(stats: ScanStats, whole: boolean) {
    if (markedRelevant || !isRelevant(coreMentions)) return;
    if (!whole) stats.relevanceChanged = true;
    markedRelevant = true;
  }

  function measure(startedAt: number, stats: ScanStats, kind: 'full' | 'incremental') {
    if (options.measures) perf.measure('rdl:scan', { start: startedAt, end: perf.now(), detail: { ...stats, kind } });
  }

  async function scanInSlices(root: Node, slices: Slices, first: readonly Node[] = []): Promise<ScanStats | null> {
    const startedAt = perf.now();
    const stats: ScanStats = { chars: 0, matches: 0 };
    fresh = [];
    forget(root);
    /** context entities' marks found before the page was known to be relevant */
    const waiting: Waiting[] = [];
    const builder = new BlockBuilder();
    const steps = walkBlocks(root, builder, options.onShadowRoot, true, mainTextOnly, first);
    const at = epoch;
    for (;;) {
      const done = steps.next().done === true;
      // A slice reads until its time is up (or it has SLICE_TEXT), then asks for the mentions of what it read:
      // one request a slice.
      if (!done && !slices.timeUp() && builder.gathered < SLICE_TEXT) continue;
      const blocks = done ? builder.finish() : builder.take();
      const asked = blocks.text === '' ? null : match(blocks.text);
      if ((asked || !done) && !(await slices.pause(asked ?? undefined))) return null;
      if (at !== epoch) return null;
      stats.chars += blocks.chars;
      stats.matches += addMatches(blocks, asked ? await asked : [], markedRelevant ? undefined : waiting).added;
      if (!markedRelevant && isRelevant(coreMentions)) {
        markedRelevant = true;
        const kept = new Map<Node, Mark[]>();
        for (const { blocks, b, match, container, followed } of waiting) {
          const mark = drawMark(blocks, b, match, container, followed);
          const marks = kept.get(container);
          if (marks) marks.push(mark);
          else kept.set(container, [mark]);
        }
        for (const [container, marks] of kept) keepMarks(container, marks);
        stats.matches += waiting.length;
        waiting.length = 0;
      }
      if (done) break;
    }
    measure(startedAt, stats, 'full');
    return stats;
  }

  return {
    scanInSlices,
    async scan(root, kind = 'full') {
      const startedAt = perf.now();
      const stats: ScanStats = { chars: 0, matches: 0 };
      fresh = [];
      // A scan of a page without marks decides its relevance from the whole text at once.
      const whole = byContainer.size === 0 && coreMentions === 0;
      if (!(await scanRoots([root], stats))) return null;
      settle(stats, whole);
      measure(startedAt, stats, kind);
      return stats;
    },
    async rescan(roots) {
      const startedAt = perf.now();
      const stats: ScanStats = { chars: 0, matches: 0 };
      fresh = [];
      const set = new Set(roots);
      const read: Node[] = [];
      for (const root of set) {
        if (!root.isConnected) {
          forget(root);
          continue;
        }
        let covered = false;
        for (let p = root.parentNode; p && !covered; p = p.parentNode ?? (p as ShadowRoot).host ?? null)
          covered = set.has(p);
        if (!covered) read.push(root);
      }
      if (!(await scanRoots(read, stats))) return null;
      settle(stats, false);
      measure(startedAt, stats, 'incremental');
      return stats;
    },
    forget,
    marksAt(node, offset) {
      const marks = node.nodeType === 3 ? byContainer.get(blockContainer(node)) : undefined;
      return marks ? marks.filter((mark) => covers(mark.range, node, offset)) : [];
    },
    marks: () => [...byContainer.values()].flat(),
    addedBlocks() {
      // Blocks of context entities' marks that never came (the page did not become relevant) are none.
      const blocks = fresh.filter((block) => block.spans.length > 0);
      fresh = [];
      for (const block of blocks) handed.add(block.container);
      return blocks;
    },
    counts: () => new Map(perEntity),
    entityCount: () => perEntity.size,
    isEmpty: () => perEntity.size === 0,
    relevant: () => markedRelevant,
    clear(keepRelevance = false) {
      epoch++;
      fresh = [];
      byContainer.clear();
      coreByContainer.clear();
      coreMentions = 0;
      if (!keepRelevance) markedRelevant = markEverywhere;
      perEntity.clear();
      highlight?.clear();
    },
    destroy() {
      epoch++;
      if (registered?.get(name) === highlight) registered.delete(name);
      fresh = [];
      byContainer.clear();
      coreByContainer.clear();
      perEntity.clear();
      highlight?.clear();
    },
  };
}

/** Whether `range` covers `offset` in the text node `node` (ends included). */
function covers(range: StaticRange, node: Node, offset: number): boolean {
  const { startContainer: start, startOffset, endContainer: end, endOffset } = range;
  if (node === start) return offset >= startOffset && (node !== end || offset <= endOffset);
  if (node === end) return offset <= endOffset;
  // A node between the ends of a mark over several (North <em>Korea</em>).
  return (
    start !== end &&
    (start.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 &&
    (end.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING) !== 0
  );
}
