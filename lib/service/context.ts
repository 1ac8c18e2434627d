/**
 * What every group of the background's handlers shares: the store, how it is
 * doing, the corpus in it, and the browser's part (the options the background
 * entrypoint passes in). Each group (./store-health.ts, ./corpus.ts, …) answers
 * the messages of one concern; ../service.ts puts them together.
 */
import type { Handlers, Protocol } from '../messages';
import type { LensDb } from '../db/schema';
import type { CorpusBundle } from '../corpus/bundle';
import type { ToolbarState } from '../toolbar-icon';
import type { StoreHealth } from './store-health';
import type { Corpus } from './corpus';

export interface ServiceOptions {
  now?: () => number;
  newId?: () => string;
  onLoadError?: (error: unknown) => void;
  /**
   * opens Lens's search (the popup, or a page in its place) about the sender's
   * tab; the query waits in the service until that page asks (takeSearch)
   */
  openSearch?: (sender: unknown) => Promise<void>;
  /** the tab a message came from, where it came from one */
  tabOf?: (sender: unknown) => number | undefined;
  /** opens a page in a new tab and, once its content script runs, scrolls it to a highlight */
  openHighlight?: (url: string, highlightId: string, addToCorpus: boolean) => Promise<void>;
  /** a highlight was deleted (from the popup, or a page): the pages showing it take it away */
  onHighlightDeleted?: (id: string) => void;
  /** settings or the corpus changed: open tabs should redraw */
  onConfigChanged?: () => void;
  /** shows Lens's state on the sender's tab (the toolbar icon); called for every frame that asks for its configuration */
  showToolbarState?: (state: ToolbarState, sender: unknown) => Promise<void>;
  /** adds a stylesheet to the sender's frame (the marks' `::highlight()` rules: lib/mark-styles.ts) */
  insertCss?: (css: string, sender: unknown) => Promise<void>;
  /** takes away a stylesheet `insertCss` added to the sender's frame */
  removeCss?: (css: string, sender: unknown) => Promise<void>;
  /** reads the frames of the sender's tab and starts Lens in those with text (lib/service/frames.ts) */
  readFrames?: (sender: unknown) => void;
  /** shows the count of entities on the sender's tab (the toolbar badge) */
  setBadge?: (count: number, sender: unknown) => Promise<void>;
  /** whether a message comes from a tab in a private (incognito) window: nothing is read or written for it (default: the Caller's `private`) */
  isPrivate?: (sender: unknown) => boolean;
}

export interface ServiceContext {
  db: LensDb;
  bundle: CorpusBundle;
  options: ServiceOptions;
  now: () => number;
  newId: () => string;
  /** whether a message comes from a private window */
  isPrivate: (sender: unknown) => boolean;
  store: StoreHealth;
  corpus: Corpus;
}

/** The handlers of some of the protocol's messages. */
export type HandlerGroup<K extends keyof Protocol> = Pick<Handlers, K>;
