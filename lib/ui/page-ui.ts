/**
 * The card, the page panel and the highlight tools (selection toolbar,
 * highlight popover) on a page, behind one small interface, in one <rdl-ui>
 * host. This is the heavy part of the content script (Preact, Floating UI,
 * the markup and CSS), so it is built as its own script and loaded the first
 * time a reader opens a card or the panel, or selects text (see
 * entrypoints/lens-ui.ts).
 */
import { liveRange } from '../anchoring/text-range';
import type { Theme } from '../settings';
import type { CardData } from '../corpus/card-model';
import { ClaimCard } from './claim-card';
import type { ClaimCardData } from '../corpus/claim-card-model';
import { h } from 'preact';
import type { Anchor } from './floating';
import { createHighlightUi, type HighlightUi } from './highlight-ui';
import { createOverlay } from './overlay';
import type { PanelEntity } from './panel';
import { pageTheme } from './theme';
import { errorMessage } from '../errors';

/** What a card opens next to: an entity's mark on the page (lib/dom/annotator.ts's `Mark`). */
export interface CardMark {
  entityId: string;
  range: AbstractRange;
}

export interface CardUiOptions {
  document: Document;
  css: string;
  theme: Theme;
  /** entity labels, shown while a card loads */
  labelOf(entityId: string): string;
  fetchCard(entityId: string): Promise<CardData | null>;
  onSearch(query: string): void;
  /** the passage a note is being written for (null: none any more), drawn by the content script */
  markDraft?(range: Range | null): void;
}

export interface CardUi {
  openCard(mark: CardMark, pointer?: { x: number; y: number }): void;
  closeCard(): void;
  isCardOpen(): boolean;
  openPanel(entities: PanelEntity[], onChoose: (entityId: string) => void): void;
  /**
   * The card of a sentence that states a claim (lib/claims), next to it: shown
   * in the tool slot, so that it and an entity card can be open together.
   */
  openClaimCard(
    anchor: Anchor,
    pointer: { x: number; y: number } | undefined,
    data: Promise<ClaimCardData | null>,
    onNotThis: () => void,
  ): void;
  closeClaimCard(): void;
  isClaimCardOpen(): boolean;
  /** whether an event happened inside the card or panel */
  containsEvent(event: Event): boolean;
  destroy(): void;
}

/** Everything the content script can show. */
export type PageUi = CardUi & HighlightUi;

export function createCardUi(options: CardUiOptions): PageUi {
  const { document: doc } = options;
  const cards = new Map<string, Promise<CardData | null>>();
  let openFor: CardMark | null = null;

  const overlay = createOverlay({
    document: doc,
    css: options.css,
    theme: () => pageTheme(doc, options.theme),
    onSearch: options.onSearch,
    onCardClosed: () => {
      openFor = null;
    },
  });

  /** Asked of the background once per entity and kept for the page; a failure is asked again next time. */
  function card(entityId: string) {
    let pending = cards.get(entityId);
    if (!pending) {
      pending = options.fetchCard(entityId);
      pending.catch(() => cards.delete(entityId));
      cards.set(entityId, pending);
    }
    return pending;
  }

  const highlightUi = createHighlightUi(overlay, options.markDraft);

  function openCard(mark: CardMark, pointer?: { x: number; y: number }) {
    if (openFor === mark && overlay.isCardOpen()) return;
    // While a highlight's note box is open, no card opens over it (one thing at a time).
    if (highlightUi.openTool() === 'popover') return;
    openFor = mark;
    const anchor = liveRange(mark.range, doc);
    const label = options.labelOf(mark.entityId);
    overlay.showCard({ status: 'loading', label }, anchor, pointer);
    card(mark.entityId).then(
      (data) => {
        if (openFor !== mark) return;
        overlay.showCard(
          data ? { status: 'ready', data } : { status: 'error', message: `Lens has nothing on ${label} any more.` },
          anchor,
          pointer,
        );
      },
      (error: unknown) => {
        if (openFor !== mark) return;
        const reason = errorMessage(error);
        overlay.showCard({ status: 'error', message: `Lens could not load ${label}: ${reason}` }, anchor, pointer);
      },
    );
  }

  let claimCardFor: Anchor | null = null;
  function closeClaimCard() {
    if (claimCardFor === null) return;
    claimCardFor = null;
    overlay.hideTool();
  }
  function openClaimCard(
    anchor: Anchor,
    pointer: { x: number; y: number } | undefined,
    data: Promise<ClaimCardData | null>,
    onNotThis: () => void,
  ) {
    if (claimCardFor === anchor && overlay.isToolOpen()) return;
    claimCardFor = anchor;
    const status = (text: string) => h('div', { class: 'rdl-card rdl-card-status', role: 'status' }, text);
    overlay.showTool(status('Loading what the sources say…'), anchor, pointer, 'bottom-start');
    data.then(
      (card) => {
        if (claimCardFor !== anchor) return;
        overlay.showTool(
          card
            ? h(ClaimCard, {
                data: card,
                onClose: closeClaimCard,
                onNotThis: () => {
                  closeClaimCard();
                  onNotThis();
                },
              })
            : status('Lens has nothing on this sentence any more.'),
          anchor,
          pointer,
          'bottom-start',
        );
      },
      (error: unknown) => {
        if (claimCardFor !== anchor) return;
        overlay.showTool(status(`Lens could not load this: ${errorMessage(error)}`), anchor, pointer, 'bottom-start');
      },
    );
  }

  return {
    ...highlightUi,
    openClaimCard,
    closeClaimCard,
    isClaimCardOpen: () => claimCardFor !== null && overlay.isToolOpen(),
    openCard,
    closeCard: () => overlay.hideCard(),
    isCardOpen: () => overlay.isCardOpen(),
    openPanel: (entities, onChoose) => overlay.showPanel(entities, onChoose),
    containsEvent: (event) => overlay.containsEvent(event),
    destroy: () => overlay.destroy(),
  };
}
