/**
 * Search over the corpus for the popup (issue 6): entities by every alias
 * (en, ru, ko), people by name and role, claims by paraphrase and quote,
 * sources by title, outlet and author. Typo-tolerant, "quoted phrases" exact,
 * filters by kind, source, date range and topic; results grouped by kind with
 * the matched ranges of each hit.
 *
 * Usage: build the index once per corpus version (in the background, when
 * the corpus is seeded), store it, and open the searcher from it —
 *
 *   await store.put(key, buildSearchIndex(records));           // JSON-able
 *   …
 *   const searcher = createSearcher(records, await store.get(key));
 *   if (searcher.indexSource === 'built') await store.put(key, searcher.toJSON());
 *   searcher.search('Pyongyang', { kinds: ['claim'], from: '2024' });
 *
 * A missing or stale index is rebuilt by createSearcher, never trusted. Key
 * the store by the corpus version (bundle hash plus any packs) and the
 * extension's version: the index also depends on the normalisation in ../text.
 */
export { SEARCH_KINDS, type SearchField, type SearchKind } from './fields';
export type { SearchFilters } from './filters';
export type { Range } from './highlight';
export { type ParsedQuery, parseQuery } from './query';
export {
  DEFAULT_LIMIT,
  type Highlight,
  type SearchGroup,
  type SearchHit,
  type SearchResults,
  type Searcher,
  buildSearchIndex,
  createSearcher,
} from './searcher';
export { maxErrors } from './terms';
export { SEARCH_INDEX_VERSION, type SerializedSearchIndex } from './word-index';
