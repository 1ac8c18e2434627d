/**
 * Claim marks: the sentences of a page's text that state a corpus claim or
 * take a topic position, as the background found them (./claim-finder.ts),
 * registered as the `rdl-claim` highlight over the page's own text nodes (no
 * DOM change), and found again under the pointer for the claim card.
 */
import type { MarkStyleName } from '../mark-styles';
import type { FoundClaim } from '../messages';
import { markUnder, type MarksByPosition } from './hit-test';
import { locateIn } from './text-blocks';

export const CLAIM_HIGHLIGHT = 'rdl-claim' satisfies MarkStyleName;

export interface ClaimMark {
  range: StaticRange;
  nodes: Text[];
  sentence: string;
  target: FoundClaim['target'];
}

export interface ClaimMarksOptions {
  document: Document;
  registry: HighlightRegistry;
  /** has the claim highlight's `::highlight()` rule added to the frame (lib/mark-styles.ts) */
  styleMarks?: (name: typeof CLAIM_HIGHLIGHT) => void;
  signal: AbortSignal;
}

export interface ClaimMarks {
  /** Draws a found sentence over its block's nodes. */
  draw(block: { nodes: Text[]; starts: number[] }, found: FoundClaim): void;
  /** The claim mark under a viewport point, if any. */
  claimAt(x: number, y: number): ClaimMark | null;
  /** Removes a mark from the page (its sentence was dismissed). */
  remove(mark: ClaimMark): void;
  marks(): ClaimMark[];
}

export function createClaimMarks(options: ClaimMarksOptions): ClaimMarks {
  const { document: doc, signal } = options;
  const highlight = new Highlight();
  options.styleMarks?.(CLAIM_HIGHLIGHT);
  options.registry.set(CLAIM_HIGHLIGHT, highlight);
  signal.addEventListener('abort', () => options.registry.delete(CLAIM_HIGHLIGHT));

  const all = new Set<ClaimMark>();
  const byNode = new WeakMap<Text, ClaimMark[]>();
  const byPosition: MarksByPosition<ClaimMark> = {
    isEmpty: () => all.size === 0,
    marksAt: (node) => byNode.get(node) ?? [],
    marks: () => all,
  };

  function draw({ nodes, starts }: { nodes: Text[]; starts: number[] }, found: FoundClaim): void {
    const from = locateIn(nodes, starts, 0, nodes.length, found.start, false);
    const to = locateIn(nodes, starts, 0, nodes.length, found.end, true);
    const range = new StaticRange({
      startContainer: from.node,
      startOffset: from.offset,
      endContainer: to.node,
      endOffset: to.offset,
    });
    const first = nodes.indexOf(from.node);
    const last = nodes.indexOf(to.node, first);
    const mark: ClaimMark = {
      range,
      nodes: nodes.slice(first, last + 1),
      sentence: found.sentence,
      target: found.target,
    };
    all.add(mark);
    highlight.add(range);
    for (const node of mark.nodes) {
      const list = byNode.get(node);
      if (list) list.push(mark);
      else byNode.set(node, [mark]);
    }
  }

  return {
    draw,
    claimAt: (x, y) => markUnder(byPosition, doc, x, y),
    remove(mark) {
      if (!all.delete(mark)) return;
      highlight.delete(mark.range);
      for (const node of mark.nodes) {
        const list = byNode.get(node);
        if (list)
          byNode.set(
            node,
            list.filter((m) => m !== mark),
          );
      }
    },
    marks: () => [...all],
  };
}
