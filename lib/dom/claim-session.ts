/**
 * Claims on one page: the claim marks (./claim-marks.ts) and the claim card
 * they open on hover. Built as a script of its own (entrypoints/lens-claims.ts),
 * loaded on pages where the entity scan found something, so that other pages
 * do not pay for it.
 */
import type { Client } from '../messages';
import { report } from '../report';
import type { PageUi } from '../ui/page-ui';
import type { Annotator, Mark } from './annotator';
import { createClaimMarks } from './claim-marks';
import { markAtPoint } from './hit-test';
import { watchHover } from './hover';

export interface ClaimSessionOptions {
  document: Document;
  signal: AbortSignal;
  /** the background: matching, the claim card, dismissals */
  ask: Client;
  /** the entity marks: where one is under the pointer, the entity's own card opens */
  annotator: Annotator;
  loadUi(): Promise<PageUi>;
}

export interface ClaimSession {
  update(marks: readonly Mark[]): void;
}

export type ClaimSessionFactory = (options: ClaimSessionOptions) => ClaimSession;

export const startClaimSession: ClaimSessionFactory = (options) => {
  const { document: doc, signal, ask } = options;
  const url = () => doc.location.href;
  const claims = createClaimMarks({
    document: doc,
    registry: doc.defaultView!.CSS.highlights,
    signal,
    match: (sentences) => ask('matchClaims', { url: url(), sentences }),
  });
  let ui: PageUi | null = null;
  watchHover({
    document: doc,
    signal,
    markAt: (x, y) => (markAtPoint(options.annotator, doc, x, y) ? null : claims.claimAt(x, y)),
    isInsideUi: (event) => ui?.containsEvent(event) ?? false,
    open: (mark, pointer) =>
      void options.loadUi().then((loaded) => {
        ui = loaded;
        const anchor = doc.createRange();
        anchor.setStart(mark.range.startContainer, mark.range.startOffset);
        anchor.setEnd(mark.range.endContainer, mark.range.endOffset);
        loaded.openClaimCard(anchor, pointer, ask('getClaimCard', mark.target), () => {
          claims.remove(mark);
          ask('dismissClaim', { url: url(), sentence: mark.sentence }).catch((error: unknown) =>
            report('could not remember "Not this"', error),
          );
        });
      }),
    close: () => ui?.closeClaimCard(),
    isOpen: () => ui?.isClaimCardOpen() ?? false,
  });
  return { update: (marks) => claims.update(marks) };
};
