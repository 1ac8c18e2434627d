/**
 * The matcher's patterns for a set of entities: one per alias, carrying its
 * matching options and context rules (../text/matcher.ts). Shared by the
 * background, which sends them to pages, and the tests that read the bundled
 * corpus as a page would.
 */
import type { Entity } from './schema';
import type { TermPattern } from '../text/matcher';

export function termPatternsOf(entities: readonly Pick<Entity, 'id' | 'aliases'>[]): TermPattern[] {
  const patterns: TermPattern[] = [];
  for (const entity of entities) {
    for (const alias of entity.aliases) {
      patterns.push({
        id: entity.id,
        text: alias.text,
        lang: alias.lang,
        ...(alias.inflects ? { inflects: true } : {}),
        ...(alias.caseSensitive ? { caseSensitive: true } : {}),
        ...(alias.capitalised ? { capitalised: true } : {}),
        ...(alias.veto ? { veto: alias.veto } : {}),
        ...(alias.confirm ? { confirm: alias.confirm } : {}),
      });
    }
  }
  return patterns;
}
