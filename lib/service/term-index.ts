/**
 * The term index pages are marked with: every alias of every entity as a
 * pattern, the prefilter's source, the matcher's tables built from them
 * (lib/text/matcher-tables.ts), and what a page needs of each entity. Built
 * once per change of the corpus, in the background, which also matches the
 * pages' text with it (`matchTerms`): a page gets only the entities, and
 * none of the matcher's code, tables or regular expression (issue 17).
 */
import type { Entity } from '../corpus/schema';
import { termPatternsOf } from '../corpus/term-patterns';
import {
  MAX_MATCH_TEXT,
  Refusal,
  STALE_TERM_INDEX_MESSAGE,
  type EntitySummary,
  type PageTermIndex,
  type TermIndex,
} from '../messages';
import { matcherFrom, type Matcher } from '../text/matcher';
import { buildMatcherTables } from '../text/matcher-tables';
import { prefilterSource } from '../text/prefilter';
import { encodeMatches } from '../text/term-matches';
import type { HandlerGroup, ServiceContext } from './context';

export const MATCH_TEXT_MESSAGE = `A text to match is a string of at most ${MAX_MATCH_TEXT} characters`;

export interface TermIndexes {
  /** the index of the corpus in the store (the bundled one and the packs) */
  current(): Promise<TermIndex>;
  /** the bundled corpus's, for when the store cannot be read */
  bundled(): TermIndex;
  /** `bundled().version`, without building it */
  bundledVersion: string;
  /**
   * The index pages are configured with: the store's, or the bundled one while
   * the store cannot be read (`problem`, from `store.problem()`; then the
   * store's may not be built until it can).
   */
  configured(problem: string | null): Promise<TermIndex>;
}

/** The term index of `entities`. */
export function termIndexOf(
  entities: readonly Pick<Entity, 'id' | 'label' | 'kind' | 'tier' | 'aliases'>[],
  version: string,
): TermIndex {
  const patterns = termPatternsOf(entities);
  const summaries: EntitySummary[] = entities.map((e) => ({
    id: e.id,
    label: e.label,
    kind: e.kind,
    tier: e.tier ?? 'core',
  }));
  const prefilter = prefilterSource(patterns);
  return { version, patterns, prefilter, matcher: buildMatcherTables(patterns, prefilter), entities: summaries };
}

/** What a page is sent of a term index: its version and its entities (the background matches: `matchTerms`). */
export function pageTermIndex({ version, entities }: TermIndex): PageTermIndex {
  return { version, entities };
}

/** A term index's matcher, and where each entity is in its `entities` (what a page gets of a mention). */
interface Matching {
  matcher: Matcher;
  indexOf: Map<string, number>;
}

export function createTermIndexes({ bundle, corpus }: ServiceContext): TermIndexes {
  let built: Promise<TermIndex> | null = null;
  let bundled: TermIndex | null = null;
  const bundledVersion = `bundled:${bundle.version}`;
  corpus.onChange(() => (built = null));
  const current = () => {
    const building = (built ??= corpus.read().then((model) => termIndexOf(model.records.entities, model.version)));
    building.catch(() => {
      if (built === building) built = null;
    });
    return building;
  };
  const bundledIndex = () => (bundled ??= termIndexOf(bundle.records.entities, bundledVersion));
  return {
    current,
    bundled: bundledIndex,
    bundledVersion,
    configured: async (problem) => (problem ? bundledIndex() : current()),
  };
}

export function termIndexHandlers(
  indexes: TermIndexes,
  store: Pick<ServiceContext['store'], 'problem'>,
): HandlerGroup<'getTermIndex' | 'matchTerms'> {
  const matchings = new WeakMap<TermIndex, Matching>();
  const matchingOf = (index: TermIndex): Matching => {
    let matching = matchings.get(index);
    if (!matching) {
      matching = {
        matcher: matcherFrom(index.matcher),
        indexOf: new Map(index.entities.map((entity, i) => [entity.id, i])),
      };
      matchings.set(index, matching);
    }
    return matching;
  };
  /**
   * The index a page was configured with (`getPageConfig`): the one pages are
   * configured with now, or the bundled one a page got while the store could
   * not be read. Any other is stale: refused, and the page asks again.
   */
  const configuredIndex = async (version: unknown): Promise<TermIndex> => {
    const index = await indexes.configured(await store.problem());
    if (index.version === version) return index;
    // A page configured while the store could not be read.
    if (version === indexes.bundledVersion) return indexes.bundled();
    throw new Refusal('stale-term-index', STALE_TERM_INDEX_MESSAGE);
  };
  return {
    getTermIndex: () => indexes.current(),
    async matchTerms(request) {
      const text: unknown = request?.text;
      if (typeof text !== 'string' || text.length > MAX_MATCH_TEXT) throw new Error(MATCH_TEXT_MESSAGE);
      const { matcher, indexOf } = matchingOf(await configuredIndex(request.version));
      return encodeMatches(matcher.scan(text), indexOf);
    },
  };
}
