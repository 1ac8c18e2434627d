/**
 * The reader's side of Lens on a page: hovering (or tapping) a mark opens its
 * card; the page panel lists every entity found, and choosing one scrolls to
 * its next mention and opens the card there. Cards are asked of the
 * background once per entity and kept for the page.
 */
import type { Mark } from '../dom/annotator';
import { liveRange, markAtPoint } from '../dom/hit-test';
import { watchHover } from '../dom/hover';
import type { PageLens } from '../dom/page-lens';
import type { EntitySummary } from '../messages';
import type { Theme } from '../settings';
import type { CardData } from './card-model';
import { createOverlay } from './overlay';
import type { PanelEntity } from './panel';
import { pageTheme } from './theme';

export interface PageUiOptions {
  document: Document;
  lens: PageLens;
  entities: EntitySummary[];
  signal: AbortSignal;
  css: string;
  theme: Theme;
  fetchCard(entityId: string): Promise<CardData | null>;
  onSearch(query: string): void;
}

export interface PageUi {
  /** every entity marked on the page, with its count, most mentioned first */
  pageEntities(): PanelEntity[];
  openPanel(): void;
  /** scrolls to the entity's next mention and opens its card there */
  showEntity(entityId: string): boolean;
}

export function createPageUi(options: PageUiOptions): PageUi {
  const { document: doc, lens, signal } = options;
  const win = doc.defaultView!;
  const labels = new Map(options.entities.map((e) => [e.id, e]));
  const cards = new Map<string, Promise<CardData | null>>();
  const nextMention = new Map<string, number>();
  let openFor: Mark | null = null;

  const overlay = createOverlay({
    document: doc,
    css: options.css,
    theme: () => pageTheme(doc, options.theme),
    onSearch: options.onSearch,
    onCardClosed: () => {
      openFor = null;
    },
  });
  signal.addEventListener('abort', () => overlay.destroy());

  function card(entityId: string) {
    let pending = cards.get(entityId);
    if (!pending) {
      pending = options.fetchCard(entityId);
      // A failed fetch is not cached: the next hover asks again.
      pending.catch(() => cards.delete(entityId));
      cards.set(entityId, pending);
    }
    return pending;
  }

  function open(mark: Mark, pointer?: { x: number; y: number }) {
    if (openFor === mark && overlay.isCardOpen()) return;
    openFor = mark;
    const anchor = liveRange(mark, doc);
    const label = labels.get(mark.entityId)?.label ?? mark.entityId;
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
        overlay.showCard({ status: 'error', message: `Lens could not load ${label}: ${String(error)}` }, anchor, pointer);
      },
    );
  }

  watchHover({
    document: doc,
    signal,
    markAt: (x, y) => markAtPoint(lens.annotator, doc, x, y),
    isInsideUi: (event) => overlay.containsEvent(event),
    open,
    close: () => overlay.hideCard(),
    isOpen: () => overlay.isCardOpen(),
  });

  function pageEntities(): PanelEntity[] {
    const list: PanelEntity[] = [];
    for (const [id, count] of lens.annotator.counts()) {
      const entity = labels.get(id);
      list.push({ id, label: entity?.label ?? id, kind: entity?.kind ?? 'concept', count });
    }
    return list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  }

  function showEntity(entityId: string): boolean {
    const marks = lens.annotator
      .marks()
      .filter((m) => m.entityId === entityId)
      .sort((a, b) => liveRange(a, doc).compareBoundaryPoints(Range.START_TO_START, liveRange(b, doc)));
    if (marks.length === 0) return false;
    const index = (nextMention.get(entityId) ?? 0) % marks.length;
    nextMention.set(entityId, index + 1);
    const mark = marks[index]!;
    const reduceMotion = win.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const element = mark.range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
    open(mark);
    return true;
  }

  return {
    pageEntities,
    openPanel: () => overlay.showPanel(pageEntities(), showEntity),
    showEntity,
  };
}
