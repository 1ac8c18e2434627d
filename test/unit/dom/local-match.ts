/**
 * The annotator's `match` in unit tests: the matcher run here, as the
 * background runs it for a page (`matchTerms`), answered a microtask later.
 */
import type { Matcher } from '../../../lib/text/matcher';
import type { MatchText } from '../../../lib/text/term-matches';

export const matchWith =
  (matcher: Matcher): MatchText =>
  async (text) =>
    matcher.scan(text);
