/**
 * Claims on one page: the claim marks (./claim-marks.ts) and the claim card
 * they open on hover or with Alt+Shift+C. Built as a script of its own
 * (entrypoints/lens-claims.ts), loaded only on a page where the background
 * found a sentence that states a claim (./claim-finder.ts), so that other
 * pages do not pay for it.
 */
import { liveRange } from '../anchoring/text-range';
import type { MarkStyleName } from '../mark-styles';
import type { Client } from '../messages';
import { report } from '../report';
import type { PageUi } from '../ui/page-ui';
import type { Annotator } from './annotator';
import { idleSlice, measureClaims, type ClaimDrawer } from './claim-finder';
import { createClaimMarks, type ClaimMark } from './claim-marks';
import { markUnder } from './hit-test';
import { watchHover } from './hover';

export interface ClaimSessionOptions {
  document: Document;
  signal: AbortSignal;
  /** the background: the claim card, dismissals */
  ask: Client;
  /** the entity marks: where one is under the pointer, the entity's own card opens */
  annotator: Annotator;
  loadUi(): Promise<PageUi>;
  /** has a highlight's `::highlight()` rule added to the frame, once (lib/mark-styles.ts) */
  styleMarks?: (name: MarkStyleName) => void;
  /** write `rdl:claims` measures (the developer setting: a page can read them) */
  measures?: boolean;
}

/** What the content script's finder draws the found sentences with. */
export type ClaimSession = ClaimDrawer;

export type ClaimSessionFactory = (options: ClaimSessionOptions) => ClaimSession;

export const startClaimSession: ClaimSessionFactory = (options) => {
  const { document: doc, signal, ask } = options;
  const url = () => doc.location.href;
  const claims = createClaimMarks({
    document: doc,
    registry: doc.defaultView!.CSS.highlights,
    styleMarks: options.styleMarks,
    signal,
  });
  let ui: PageUi | null = null;
  let lastOpened: ClaimMark | null = null;
  const open = (mark: ClaimMark, pointer?: { x: number; y: number }) =>
    void options.loadUi().then((loaded) => {
      ui = loaded;
      lastOpened = mark;
      loaded.openClaimCard(liveRange(mark.range, doc), pointer, ask('getClaimCard', mark.target), () => {
        claims.remove(mark);
        ask('dismissClaim', { url: url(), sentence: mark.sentence }).catch((error: unknown) =>
          report('could not remember "Not this"', error),
        );
      });
    });
  watchHover({
    document: doc,
    signal,
    markAt: (x, y) => (markUnder(options.annotator, doc, x, y) ? null : claims.claimAt(x, y)),
    isInsideUi: (event) => ui?.containsEvent(event) ?? false,
    open,
    close: () => ui?.closeClaimCard(),
    isOpen: () => ui?.isClaimCardOpen() ?? false,
  });

  // The keyboard's way in: Alt+Shift+C opens the card of the claim sentence at the caret (or
  // selection), else of the next marked sentence after the last one opened, scrolled into view.
  doc.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || !event.altKey || !event.shiftKey || event.code !== 'KeyC') return;
      const marks = claims
        .marks()
        .map((mark) => ({ mark, range: liveRange(mark.range, doc) }))
        .sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
      if (marks.length === 0) return;
      event.preventDefault();
      const focus = doc.getSelection();
      const atCaret =
        focus && focus.focusNode
          ? marks.find(({ range }) => range.isPointInRange(focus.focusNode!, focus.focusOffset))
          : undefined;
      const after = marks.findIndex(({ mark }) => mark === lastOpened);
      const chosen = atCaret ?? marks[(after + 1) % marks.length]!;
      chosen.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      open(chosen.mark);
    },
    { capture: true, signal },
  );
  return {
    // In the page's idle time, and only over blocks still on the page.
    async draw(blocks, found) {
      const win = doc.defaultView!;
      const t0 = await idleSlice(win);
      let drawn = 0;
      for (const hit of found) {
        const block = blocks[hit.block];
        if (signal.aborted || !block?.nodes.every((node) => node.isConnected)) continue;
        claims.draw(block, hit);
        drawn++;
      }
      if (options.measures) measureClaims(win, t0, 0, drawn);
    },
  };
};
