/**
 * Claim marks: the sentences of a page's text that state a corpus claim or
 * take a topic position (lib/claims), registered as the `rdl-claim` highlight
 * over the page's own text nodes (no DOM change), and found again under the
 * pointer for the claim card.
 *
 * Only sentences the entity scan found an entity in are considered (the
 * matcher needs one), and only in the page's main text. The work on the page
 * is small and cut into idle slices (a few milliseconds each, never a long
 * task): reading the blocks that have entity marks, splitting them into
 * sentences, and drawing the hits. The matching itself runs in the
 * background, off the page's main thread.
 */
import type { ClaimTarget } from '../corpus/claim-card-model';
import { splitSentences } from '../claims/sentences';
import type { EntitySpan } from '../claims/tokens';
import type { Mark } from './annotator';
import { caretAt } from './hit-test';
import { blockContainer, forEachTextBlock, locate, type TextBlock } from './text-blocks';

export const CLAIM_HIGHLIGHT = 'rdl-claim';

export interface SentenceQuery {
  text: string;
  entities: EntitySpan[];
}

export interface ClaimMark {
  range: StaticRange;
  nodes: Text[];
  sentence: string;
  target: ClaimTarget;
}

export interface ClaimMarksOptions {
  document: Document;
  registry: HighlightRegistry;
  signal: AbortSignal;
  /** the background's matcher: one answer per sentence, null for none (or dismissed) */
  match(sentences: SentenceQuery[]): Promise<(ClaimTarget | null)[]>;
  /** whether a block container is part of the page's main text (not navigation, header, footer, asides) */
  isMainText?(container: Node): boolean;
  /** write an `rdl:claims` measure per slice (a developer setting: the page can read them) */
  measures?: boolean;
  /** how long one slice of work on the page may take, in ms */
  sliceMs?: number;
  /**
   * How long after an ask of the background the next waits, in ms: the
   * changes of a page that changes all the time (a live blog, a ticker) are
   * asked about together, not one message each.
   */
  gatherMs?: number;
}

export interface ClaimMarks {
  /**
   * Considers the blocks of these entity marks: after every scan, the marks
   * it added (a mark given again is not considered twice).
   */
  update(marks: readonly Mark[]): void;
  /** The claim mark under a viewport point, if any. */
  claimAt(x: number, y: number): ClaimMark | null;
  /** Removes a mark from the page (its sentence was dismissed). */
  remove(mark: ClaimMark): void;
  marks(): ClaimMark[];
  /** Resolves once every update so far has been matched and drawn. */
  settled(): Promise<void>;
}

const OUTSIDE_MAIN =
  'nav, header, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]';

/**
 * A block container with more text than this under it is a page's layout, not
 * a paragraph (text set straight into <body> or a wrapper with <br>s): reading
 * it would cost a walk of the whole page for sentences that are rarely prose.
 */
const MAX_CONTAINER_TEXT = 20_000;

/**
 * Main text, as far as a cheap look can tell: not inside navigation, page
 * header, footer or an aside, and not a whole page's wrapper.
 */
export function looksLikeMainText(container: Node): boolean {
  const element = container.nodeType === 1 ? (container as Element) : container.parentElement;
  if (element === null) return false;
  if (element === element.ownerDocument.body || element === element.ownerDocument.documentElement) return false;
  return element.closest(OUTSIDE_MAIN) === null && (element.textContent?.length ?? 0) <= MAX_CONTAINER_TEXT;
}

interface Pending {
  block: TextBlock;
  start: number;
  end: number;
  query: SentenceQuery;
}

export function createClaimMarks(options: ClaimMarksOptions): ClaimMarks {
  const { document: doc, signal, sliceMs = 4, gatherMs = 250 } = options;
  const win = doc.defaultView!;
  const isMain = options.isMainText ?? looksLikeMainText;
  const highlight = new Highlight();
  options.registry.set(CLAIM_HIGHLIGHT, highlight);
  signal.addEventListener('abort', () => {
    options.registry.delete(CLAIM_HIGHLIGHT);
    queue.length = 0;
    backlog.length = 0;
  });

  const all = new Set<ClaimMark>();
  const byNode = new WeakMap<Text, ClaimMark[]>();
  /**
   * Containers read once. A container the page changes later is not read
   * again (its entity marks are redrawn, its claim marks are not): reading
   * every changed container's text on every batch would cost dynamic pages
   * more than a missed claim mark costs the reader.
   */
  const done = new WeakSet<Node>();
  /** containers waiting to be read, with their entity marks */
  const queue: { container: Node; marks: Mark[] }[] = [];
  let running: Promise<void> = Promise.resolve();
  let scheduled = false;
  /** when the background was last asked */
  let lastAsk = Number.NEGATIVE_INFINITY;

  const idle = (fn: () => void) => {
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(fn, { timeout: 500 });
    else win.setTimeout(fn, 0);
  };

  function sentencesOf(container: Node, marks: Mark[], out: Pending[]): void {
    const starts = new Map<Text, Mark[]>();
    for (const m of marks) {
      const node = m.range.startContainer as Text;
      const list = starts.get(node);
      if (list) list.push(m);
      else starts.set(node, [m]);
    }
    forEachTextBlock(container, (block) => {
      if (block.container !== container) return;
      const spans: EntitySpan[] = [];
      block.nodes.forEach((node, i) => {
        for (const m of starts.get(node) ?? []) {
          const start = block.starts[i]! + m.range.startOffset;
          const j = block.nodes.indexOf(m.range.endContainer as Text, i);
          if (j < 0) continue;
          spans.push({ start, end: block.starts[j]! + m.range.endOffset, id: m.entityId });
        }
      });
      if (spans.length === 0) return;
      spans.sort((a, b) => a.start - b.start);
      for (const s of splitSentences(block.text)) {
        const inside = spans.filter((e) => e.start >= s.start && e.end <= s.end);
        if (inside.length === 0) continue;
        out.push({
          block,
          start: s.start,
          end: s.end,
          query: {
            text: block.text.slice(s.start, s.end),
            entities: inside.map((e) => ({ start: e.start - s.start, end: e.end - s.start, id: e.id })),
          },
        });
      }
    });
  }

  function draw(p: Pending, target: ClaimTarget): void {
    const from = locate(p.block, p.start, false);
    const to = locate(p.block, p.end, true);
    const range = new StaticRange({
      startContainer: from.node,
      startOffset: from.offset,
      endContainer: to.node,
      endOffset: to.offset,
    });
    const first = p.block.nodes.indexOf(from.node);
    const last = p.block.nodes.indexOf(to.node);
    const mark: ClaimMark = { range, nodes: p.block.nodes.slice(first, last + 1), sentence: p.query.text, target };
    all.add(mark);
    highlight.add(range);
    for (const node of mark.nodes) {
      const list = byNode.get(node);
      if (list) list.push(mark);
      else byNode.set(node, [mark]);
    }
  }

  /**
   * The marks of the updates not grouped yet, grouped by their block
   * container in slices (`backlog[0]` from `at` on): a page of tens of
   * thousands of marks is not grouped in one task. Each update brings only a
   * scan's new marks, and a mark is grouped once (`grouped`), so a live
   * page's update costs in proportion to what it added.
   */
  const backlog: (readonly Mark[])[] = [];
  let at = 0;
  const grouped = new WeakSet<Mark>();
  const groups = new Map<Node, Mark[]>();

  /** Groups marks of the backlog until `t0 + sliceMs`; once all are grouped, queues their new containers. */
  function groupMarks(t0: number): void {
    for (let seen = 0; backlog.length > 0; seen++) {
      const latest = backlog[0]!;
      if (at >= latest.length) {
        backlog.shift();
        at = 0;
        continue;
      }
      if ((seen & 63) === 0 && win.performance.now() - t0 >= sliceMs) return;
      const m = latest[at++]!;
      const node = m.range.startContainer;
      if (!node || grouped.has(m)) continue;
      grouped.add(m);
      const container = blockContainer(node);
      const list = groups.get(container);
      if (list) list.push(m);
      else groups.set(container, [m]);
    }
    for (const [container, list] of groups) {
      if (done.has(container)) continue;
      done.add(container);
      queue.push({ container, marks: list });
    }
    groups.clear();
  }

  /** Groups and reads marks for one slice, then asks the background about their sentences. */
  async function work(): Promise<void> {
    while ((backlog.length > 0 || queue.length > 0) && !signal.aborted) {
      const pending: Pending[] = [];
      await new Promise<void>((resolve) =>
        idle(() => {
          const t0 = win.performance.now();
          groupMarks(t0);
          while (queue.length > 0 && win.performance.now() - t0 < sliceMs) {
            const { container, marks } = queue.shift()!;
            if (isMain(container)) sentencesOf(container, marks, pending);
          }
          measure(t0, pending.length, 0);
          resolve();
        }),
      );
      if (pending.length === 0 || signal.aborted) continue;
      lastAsk = win.performance.now();
      const answers = await options.match(pending.map((p) => p.query)).catch(() => [] as (ClaimTarget | null)[]);
      if (signal.aborted) return;
      await new Promise<void>((resolve) =>
        idle(() => {
          const t0 = win.performance.now();
          let drawn = 0;
          pending.forEach((p, i) => {
            const target = answers[i];
            if (target && p.block.nodes.every((n) => n.isConnected)) {
              draw(p, target);
              drawn++;
            }
          });
          measure(t0, 0, drawn);
          resolve();
        }),
      );
    }
  }

  /** Each slice is a User Timing measure `rdl:claims` (what the benchmark sums). */
  function measure(t0: number, sentences: number, marked: number) {
    if (!options.measures) return;
    try {
      win.performance.measure('rdl:claims', { start: t0, end: win.performance.now(), detail: { sentences, marked } });
    } catch {
      // a page that replaced performance.measure: nothing to record
    }
  }

  return {
    update(marks) {
      if (marks.length === 0) return;
      // Grouped in the work's idle slices (see groupMarks), not here: the caller is a scan's last step.
      backlog.push(marks);
      if (!scheduled) {
        scheduled = true;
        // Soon after an ask, the work waits out the rest of gatherMs: the changes meanwhile join it.
        const wait = lastAsk + gatherMs - win.performance.now();
        running = running
          .then(() => (wait > 0 ? new Promise<void>((resolve) => win.setTimeout(resolve, wait)) : undefined))
          .then(work)
          .finally(() => (scheduled = false));
      }
    },
    claimAt(x, y) {
      const caret = caretAt(doc, x, y);
      if (!caret || caret.node.nodeType !== 3) return null;
      for (const mark of byNode.get(caret.node as Text) ?? []) {
        const live = doc.createRange();
        live.setStart(mark.range.startContainer, mark.range.startOffset);
        live.setEnd(mark.range.endContainer, mark.range.endOffset);
        for (const r of live.getClientRects()) {
          if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return mark;
        }
      }
      return null;
    },
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
    settled: () => running,
  };
}
