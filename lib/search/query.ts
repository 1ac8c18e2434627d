/**
 * What a reader typed, as the search understands it: words to match loosely
 * (typos, prefixes while typing) and "quoted phrases" to match exactly.
 * Both are folded by the same normalisation as the corpus (../text/normalise),
 * so curly and straight quotes, dashes, case and ё/е do not matter.
 */
import { normaliseForMatch } from '../text/normalise';

/** Runs of letters, marks and digits: the words of the index and of a query (as in ../text/chars WORD). */
export const WORD_RE = /[\p{L}\p{M}\p{N}]+/gu;

/** More words than this in one query are ignored: each word costs a pass over the index. */
export const MAX_TERMS = 8;
export const MAX_PHRASES = 4;

export interface ParsedQuery {
  /** the words to match loosely, normalised, deduplicated, in the order typed */
  terms: string[];
  /** the quoted phrases, normalised, each matched exactly; an unclosed quote runs to the end of the query */
  phrases: string[];
  /**
   * one or two characters and nothing else ("U", "UN", "평양"): matched only
   * as the start of a word in names (entities and people), since anything
   * looser would match most of the corpus
   */
  short: boolean;
}

export function parseQuery(query: string): ParsedQuery {
  const q = normaliseForMatch(query);
  const phrases: string[] = [];
  let rest = '';
  let i = 0;
  while (i < q.length) {
    const open = q.indexOf('"', i);
    if (open < 0) {
      rest += q.slice(i);
      break;
    }
    rest += q.slice(i, open) + ' ';
    const close = q.indexOf('"', open + 1);
    const phrase = q
      .slice(open + 1, close < 0 ? q.length : close)
      .trim()
      .replace(/ +/g, ' ');
    // a lone quoted letter (the first keystroke of a phrase) would match nearly everything
    if (codePoints(phrase) > 1 && phrase.match(WORD_RE) && !phrases.includes(phrase) && phrases.length < MAX_PHRASES)
      phrases.push(phrase);
    i = close < 0 ? q.length : close + 1;
  }

  let words = [...new Set(rest.match(WORD_RE) ?? [])];
  // "N. Korea", "Korea's": a one-letter word next to real ones is an initial or a particle, not what is sought.
  if (words.some((w) => codePoints(w) > 1)) words = words.filter((w) => codePoints(w) > 1);
  else if (words.length > 1 && phrases.length < MAX_PHRASES) {
    // Nothing but initials ("U.S.", "U. N."): as typed, or every "'s" in the corpus would match.
    phrases.push(rest.trim().replace(/ +/g, ' '));
    words = [];
  }
  const terms = words.slice(0, MAX_TERMS);
  const short = phrases.length === 0 && terms.length === 1 && codePoints(terms[0]!) <= 2 && codePoints(q.trim()) <= 2;
  return { terms, phrases, short };
}

export function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** The words of a normalised string, for the index (the same rule as query terms). */
export function wordsOf(normalised: string): string[] {
  return normalised.match(WORD_RE) ?? [];
}
