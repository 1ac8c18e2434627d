/**
 * What the background answers: the protocol's handlers over the one store,
 * one group per concern (lib/service/): the store's health, the corpus and
 * its packs, the term index, what a page asks, search, cards, claims on
 * pages, highlights and settings. Here they share one context and are put
 * together into one table.
 */
import type { CorpusBundle } from './corpus/bundle';
import type { LensDb } from './db/schema';
import type { Handlers } from './messages';
import { cardHandlers } from './service/cards';
import { claimHandlers } from './service/claims';
import type { ServiceContext, ServiceOptions } from './service/context';
import { openCorpus, packHandlers } from './service/corpus';
import { highlightHandlers } from './service/highlights';
import { pageHandlers } from './service/page';
import { searchHandlers } from './service/search-view';
import { settingsHandlers } from './service/settings';
import { storeHandlers, watchStore } from './service/store-health';
import { createTermIndexes, termIndexHandlers } from './service/term-index';

export { blockedMessage } from './service/store-health';
export type { ServiceOptions } from './service/context';

export interface Service {
  handlers: Handlers;
  /** the stored URL of a highlight, for the sender policy (lib/sender-policy.ts) */
  rowUrl(id: string): Promise<string | undefined>;
  /** settles when the corpus load has finished, whether it succeeded or not */
  ready: Promise<void>;
}

export function createService(db: LensDb, bundle: CorpusBundle, options: ServiceOptions = {}): Service {
  const now = options.now ?? Date.now;
  const corpus = openCorpus(db, bundle, now, options.onLoadError);
  const ctx: ServiceContext = {
    db,
    bundle,
    options,
    now,
    newId: options.newId ?? (() => crypto.randomUUID()),
    isPrivate: options.isPrivate ?? ((sender) => (sender as { private?: unknown } | null)?.private === true),
    store: watchStore(db),
    corpus,
  };
  /** After a pack is imported or removed: what is derived from the corpus is built again, and open tabs redraw. */
  const corpusChanged = () => {
    corpus.changed();
    options.onConfigChanged?.();
  };
  const termIndexes = createTermIndexes(ctx);
  const handlers: Handlers = {
    ...storeHandlers(ctx),
    ...packHandlers(ctx, corpusChanged),
    ...termIndexHandlers(termIndexes, ctx.store),
    ...pageHandlers(ctx, termIndexes),
    ...searchHandlers(ctx),
    ...cardHandlers(ctx),
    ...claimHandlers(ctx),
    ...highlightHandlers(ctx),
    ...settingsHandlers(ctx),
  };
  return { handlers, ready: corpus.ready, rowUrl: async (id) => (await db.highlights.get(id))?.url };
}
