/**
 * Marks the corpus's entities on a page with the CSS Custom Highlight API:
 * StaticRanges over the page's own text nodes, registered under `rdl-term`.
 * The page's DOM is never changed.
 *
 * StaticRange rather than Range: the browser updates live Ranges on every DOM
 * mutation, a cost the page would pay for each of our marks. Instead, marks
 * are kept per block container, and a changed container is rescanned whole
 * (see ./observe.ts), so a mark never outlives its text.
 */
import type { Density, MarkStyle } from '../settings';
import type { Matcher } from '../text/matcher';
import { blockContainer, locateIn, readTextBlocks, type TextBlocks } from './text-blocks';

export const TERM_HIGHLIGHT = 'rdl-term';
/** The marks' highlight name for each mark style (styled in the content script's stylesheet). */
export const TERM_HIGHLIGHTS: Record<MarkStyle, string> = { underline: TERM_HIGHLIGHT, tint: 'rdl-term-tint' };

export interface Mark {
  entityId: string;
  range: StaticRange;
  /** the text nodes the mark covers, for hit-testing */
  nodes: Text[];
}

export interface ScanStats {
  chars: number;
  matches: number;
}

export interface AnnotatorOptions {
  matcher: Matcher;
  /** `CSS.highlights` of the document the marks are drawn in */
  registry: HighlightRegistry;
  density?: Density;
  markStyle?: MarkStyle;
  performance?: Performance;
  /** whether scans write `rdl:scan` measures (the page can read them: a developer setting) */
  measures?: boolean;
  /** told of every open shadow root a scan walks into, so that it can be observed too */
  onShadowRoot?: (shadow: ShadowRoot) => void;
}

export interface Annotator {
  /** Scans `root` (whose old marks are first dropped) and records an `rdl:scan` measure (with `measures`). */
  scan(root: Node, kind?: 'full' | 'incremental'): ScanStats;
  /** Rescans several roots as one batch (one measure); roots inside another root are skipped. */
  rescan(roots: Iterable<Node>): ScanStats;
  /** Drops the marks of every block container in `root`'s subtree (e.g. removed from the page). */
  forget(root: Node): void;
  /** The marks covering `node` at `offset`. */
  marksAt(node: Node, offset: number): Mark[];
  /** Every mark, in no particular order. */
  marks(): Mark[];
  /** How many marks each entity has on the page. */
  counts(): Map<string, number>;
  clear(): void;
  destroy(): void;
}

export function createAnnotator(options: AnnotatorOptions): Annotator {
  const { matcher, registry, density = 'every', performance: perf = performance } = options;
  const name = TERM_HIGHLIGHTS[options.markStyle ?? 'underline'];
  const highlight = new Highlight();
  registry.set(name, highlight);
  /** how many marks each entity has, kept as marks come and go (read after every scan, for the badge) */
  const perEntity = new Map<string, number>();
  const count = (entityId: string, by: number) => {
    const n = (perEntity.get(entityId) ?? 0) + by;
    if (n === 0) perEntity.delete(entityId);
    else perEntity.set(entityId, n);
  };
  /** marks by the block container they were found in */
  const byContainer = new Map<Node, Mark[]>();
  /** marks by every text node they cover */
  let byNode = new WeakMap<Text, Mark[]>();

  /** Marks every match of the matcher in `blocks` (all read in one call); returns how many. */
  function addMatches(blocks: TextBlocks): number {
    const matches = matcher.scan(blocks.text);
    if (matches.length === 0) return 0;
    const { nodes, starts, blockStarts, blockNodes } = blocks;
    const seen = density === 'first-per-paragraph' ? new Set<string>() : null;
    let added = 0;
    let b = -1;
    let first = 0;
    let end = 0;
    let list: Mark[] | undefined;
    for (const match of matches) {
      if (b < 0 || match.start >= blockStarts[b + 1]!) {
        // The next block with a match.
        do b++;
        while (match.start >= blockStarts[b + 1]!);
        first = blockNodes[b]!;
        end = blockNodes[b + 1]!;
        seen?.clear();
        const container = blockContainer(nodes[first]!);
        list = byContainer.get(container);
        if (!list) byContainer.set(container, (list = []));
      }
      if (seen) {
        if (seen.has(match.id)) continue;
        seen.add(match.id);
      }
      const start = locateIn(nodes, starts, first, end, match.start, false);
      const stop = locateIn(nodes, starts, first, end, match.end, true);
      const range = new StaticRange({
        startContainer: start.node,
        startOffset: start.offset,
        endContainer: stop.node,
        endOffset: stop.offset,
      });
      const covered =
        start.node === stop.node
          ? [start.node]
          : nodes.slice(nodes.indexOf(start.node, first), nodes.indexOf(stop.node, first) + 1);
      const mark: Mark = { entityId: match.id, range, nodes: covered };
      for (const node of covered) {
        const at = byNode.get(node);
        if (at) at.push(mark);
        else byNode.set(node, [mark]);
      }
      highlight.add(range);
      list!.push(mark);
      count(match.id, 1);
      added++;
    }
    return added;
  }

  function dropContainer(container: Node) {
    const list = byContainer.get(container);
    if (!list) return;
    byContainer.delete(container);
    for (const mark of list) {
      highlight.delete(mark.range);
      count(mark.entityId, -1);
      for (const node of mark.nodes) byNode.delete(node);
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

  function scanInto(root: Node, stats: ScanStats) {
    forget(root);
    const blocks = readTextBlocks(root, options.onShadowRoot);
    stats.chars += blocks.chars;
    stats.matches += addMatches(blocks);
  }

  function measure(startedAt: number, stats: ScanStats, kind: 'full' | 'incremental') {
    if (options.measures) perf.measure('rdl:scan', { start: startedAt, end: perf.now(), detail: { ...stats, kind } });
  }

  return {
    scan(root, kind = 'full') {
      const startedAt = perf.now();
      const stats = { chars: 0, matches: 0 };
      scanInto(root, stats);
      measure(startedAt, stats, kind);
      return stats;
    },
    rescan(roots) {
      const startedAt = perf.now();
      const stats = { chars: 0, matches: 0 };
      const set = new Set(roots);
      for (const root of set) {
        if (!root.isConnected) {
          forget(root);
          continue;
        }
        let covered = false;
        for (let p = root.parentNode; p && !covered; p = p.parentNode ?? (p as ShadowRoot).host ?? null)
          covered = set.has(p);
        if (!covered) scanInto(root, stats);
      }
      measure(startedAt, stats, 'incremental');
      return stats;
    },
    forget,
    marksAt(node, offset) {
      const marks = node.nodeType === 3 ? byNode.get(node as Text) : undefined;
      if (!marks) return [];
      return marks.filter((mark) => {
        const { startContainer, startOffset, endContainer, endOffset } = mark.range;
        if (node === startContainer && offset < startOffset) return false;
        if (node === endContainer && offset > endOffset) return false;
        return true;
      });
    },
    marks: () => [...byContainer.values()].flat(),
    counts: () => new Map(perEntity),
    clear() {
      byContainer.clear();
      perEntity.clear();
      byNode = new WeakMap();
      highlight.clear();
    },
    destroy() {
      if (registry.get(name) === highlight) registry.delete(name);
      byContainer.clear();
      perEntity.clear();
      highlight.clear();
    },
  };
}
