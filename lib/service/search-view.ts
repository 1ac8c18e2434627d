/**
 * The popup's search and the records it opens: the searcher over the corpus's
 * read model, opened on the first search of the worker's life from the index
 * cached for this corpus version (built and cached when there is none); and
 * the hand-off of a card's "Search in Lens" to the popup.
 */
import { createDetails } from '../corpus/detail-model';
import { createSearcher, SEARCH_INDEX_VERSION, type Searcher } from '../search';
import { createSearchHandoff } from '../search-handoff';
import type { HandlerGroup, ServiceContext } from './context';

export function searchHandlers(
  ctx: ServiceContext,
): HandlerGroup<'search' | 'getDetail' | 'getFilterOptions' | 'openSearch' | 'takeSearch'> {
  const { db, corpus, options } = ctx;
  const searches = createSearchHandoff(ctx.now);
  let opened: Promise<Searcher> | null = null;
  corpus.onChange(() => (opened = null));
  function searcher() {
    const opening = (opened ??= (async () => {
      const model = await corpus.read();
      const key = `${SEARCH_INDEX_VERSION}|${model.version}`;
      const cached = await db.searchCache.get(key);
      const built = createSearcher(model.records, cached?.index);
      if (built.indexSource === 'built') await db.searchCache.put({ key, index: built.toJSON() });
      return built;
    })());
    opening.catch(() => {
      if (opened === opening) opened = null;
    });
    return opening;
  }

  return {
    async search({ query, filters, limit }) {
      return (await searcher()).search(query, filters, limit);
    },
    async getDetail({ kind, id }) {
      return createDetails(await corpus.read()).detail(kind, id);
    },
    async getFilterOptions() {
      const { records } = await corpus.read();
      return {
        sources: records.sources
          .map(({ id, title, date }) => ({ id, title, date }))
          .sort((a, b) => a.date.localeCompare(b.date)),
        topics: records.topics.map(({ id, question }) => ({ id, question })),
      };
    },
    async openSearch({ query }, sender) {
      if (!options.openSearch) throw new Error('Search cannot be opened from here');
      // Too soon after the last one: nothing opens (a page cannot open search after search).
      if (!searches.offer(query, options.tabOf?.(sender))) return null;
      await options.openSearch(sender);
      return null;
    },
    async takeSearch() {
      return searches.take();
    },
  };
}
