/**
 * What a reader can do with the marks on a page: hover (or tap) one to open
 * its card, list every entity found, and jump to an entity's next mention.
 * The card UI itself is loaded on first use (`loadUi`), so that pages where
 * the reader never opens a card do not pay for it.
 */
import type { EntitySummary } from '../messages';
import type { CardUi } from '../ui/page-ui';
import type { PanelEntity } from '../ui/panel';
import type { Mark } from './annotator';
import { liveRange } from '../anchoring/text-range';
import { markUnder } from './hit-test';
import { watchHover } from './hover';
import type { PageLens } from './page-lens';

export interface PageActionsOptions {
  document: Document;
  lens: PageLens;
  entities: EntitySummary[];
  signal: AbortSignal;
  loadUi(): Promise<CardUi>;
}

export interface PageActions {
  /** every entity marked on the page, with its count, most mentioned first */
  pageEntities(): PanelEntity[];
  openPanel(): Promise<void>;
  /** scrolls to the entity's next mention and opens its card there */
  showEntity(entityId: string): Promise<boolean>;
  /**
   * Told after every scan: the pointer is watched from the page's first mark on. A page without a mark (most
   * pages a reader opens are not about the relationship) pays nothing for the pointer's moves: not one of its
   * events reaches Lens.
   */
  marksChanged(): void;
}

export function createPageActions(options: PageActionsOptions): PageActions {
  const { document: doc, lens, signal } = options;
  const win = doc.defaultView!;
  const entities = new Map(options.entities.map((e) => [e.id, e]));
  const nextMention = new Map<string, number>();
  /** the card UI once loaded (its loader, shared with the highlight actions, loads it once and owns its end) */
  let ui: CardUi | null = null;
  const loadUi = () => options.loadUi().then((loaded) => (ui = loaded));

  const open = (mark: Mark, pointer?: { x: number; y: number }) => void loadUi().then((u) => u.openCard(mark, pointer));

  let watching = false;
  function marksChanged() {
    if (watching || lens.annotator.isEmpty()) return;
    watching = true;
    watchHover({
      document: doc,
      signal,
      markAt: (x, y) => markUnder(lens.annotator, doc, x, y),
      isInsideUi: (event) => ui?.containsEvent(event) ?? false,
      open,
      close: () => ui?.closeCard(),
      isOpen: () => ui?.isCardOpen() ?? false,
    });
  }

  function pageEntities(): PanelEntity[] {
    const list: PanelEntity[] = [];
    for (const [id, count] of lens.annotator.counts()) {
      const entity = entities.get(id);
      list.push({ id, label: entity?.label ?? id, kind: entity?.kind ?? 'concept', count });
    }
    return list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  }

  async function showEntity(entityId: string): Promise<boolean> {
    const marks = lens.annotator
      .marks()
      .filter((m) => m.entityId === entityId)
      .sort((a, b) => liveRange(a.range, doc).compareBoundaryPoints(Range.START_TO_START, liveRange(b.range, doc)));
    if (marks.length === 0) return false;
    const index = (nextMention.get(entityId) ?? 0) % marks.length;
    nextMention.set(entityId, index + 1);
    const mark = marks[index]!;
    const reduceMotion = win.matchMedia('(prefers-reduced-motion: reduce)').matches;
    mark.range.startContainer.parentElement?.scrollIntoView({
      block: 'center',
      behavior: reduceMotion ? 'auto' : 'smooth',
    });
    (await loadUi()).openCard(mark);
    return true;
  }

  return {
    pageEntities,
    async openPanel() {
      (await loadUi()).openPanel(pageEntities(), (id) => void showEntity(id));
    },
    showEntity,
    marksChanged,
  };
}
