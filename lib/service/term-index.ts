/**
 * The term index content scripts mark pages with: every alias of every entity
 * as a pattern, the prefilter's source, the matcher's tables built from them
 * (which a page uses as they arrive: lib/text/matcher-tables.ts), and what
 * the page panel shows of each entity. Built once per change of the corpus,
 * in the background.
 */
import type { Entity } from '../corpus/schema';
import { termPatternsOf } from '../corpus/term-patterns';
import type { EntitySummary, PageTermIndex, TermIndex } from '../messages';
import { buildMatcherTables } from '../text/matcher-tables';
import { prefilterSource } from '../text/prefilter';
import type { HandlerGroup, ServiceContext } from './context';

export interface TermIndexes {
  /** the index of the corpus in the store (the bundled one and the packs) */
  current(): Promise<TermIndex>;
  /** the bundled corpus's, for when the store cannot be read */
  bundled(): TermIndex;
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

/** What a page is sent of a term index: not the patterns, which its tables stand for. */
export function pageTermIndex({ version, matcher, entities }: TermIndex): PageTermIndex {
  return { version, matcher, entities };
}

export function createTermIndexes({ bundle, corpus }: ServiceContext): TermIndexes {
  let built: Promise<TermIndex> | null = null;
  let bundled: TermIndex | null = null;
  corpus.onChange(() => (built = null));
  return {
    current() {
      const building = (built ??= corpus.read().then((model) => termIndexOf(model.records.entities, model.version)));
      building.catch(() => {
        if (built === building) built = null;
      });
      return building;
    },
    bundled: () => (bundled ??= termIndexOf(bundle.records.entities, `bundled:${bundle.version}`)),
  };
}

export function termIndexHandlers(indexes: TermIndexes): HandlerGroup<'getTermIndex'> {
  return { getTermIndex: () => indexes.current() };
}
