/**
 * Entity linking by context: whether a mention the matcher found is this
 * alias's entity, from the words around it. The rules are the corpus's data
 * (`capitalised`, `veto`, `confirm` on an alias; see ../corpus/schema.ts),
 * compiled here once per alias and tested on the few mentions found, so the
 * scan stays one pass over the text: no rule reads more than CONTEXT_WINDOW
 * units either side of a mention, and never across a block break.
 */
import { CLASS_SHIFT, COMPLEX, WORD, quickEntryOf } from './chars';

/**
 * Where a rule looks, as regular expressions (their shape is checked where the
 * corpus is validated, ../corpus/schema.ts): `before` the text up to the
 * mention, `after` the text after it, `word` the mention as written.
 */
export interface ContextRule {
  before?: string | undefined;
  after?: string | undefined;
  word?: string | undefined;
}

/** How many units of text on either side of a mention a context rule reads. */
export const CONTEXT_WINDOW = 60;

/** The rule fields of an alias. */
export interface AliasRules {
  capitalised?: boolean;
  veto?: readonly ContextRule[];
  confirm?: readonly ContextRule[];
}

interface CompiledRule {
  before: RegExp | null;
  after: RegExp | null;
  word: RegExp | null;
}

/** One alias's rules, ready to test a mention. */
export interface MentionCheck {
  /** Whether the mention `text[start, end)` is this alias's entity; `blockStart`/`blockEnd` bound what may be read. */
  holds(text: string, start: number, end: number, blockStart: number, blockEnd: number): boolean;
}

/** The regular expressions a rule compiles to; throws a SyntaxError for a bad pattern. */
export function compileRule(rule: ContextRule): CompiledRule {
  return {
    before: rule.before === undefined ? null : new RegExp(`(?:${rule.before})$`, 'u'),
    after: rule.after === undefined ? null : new RegExp(`^(?:${rule.after})`, 'u'),
    word: rule.word === undefined ? null : new RegExp(`^(?:${rule.word})$`, 'u'),
  };
}

/** The check for an alias's rules, or null if it has none (the common case: nothing to test). */
export function compileRules(rules: AliasRules): MentionCheck | null {
  const capitalised = rules.capitalised === true;
  const veto = rules.veto?.map(compileRule) ?? [];
  const confirm = rules.confirm?.map(compileRule) ?? [];
  if (!capitalised && veto.length === 0 && confirm.length === 0) return null;
  return {
    holds(text, start, end, blockStart, blockEnd) {
      const word = text.slice(start, end);
      if (capitalised && !isCapitalised(word)) return false;
      const before = text.slice(Math.max(blockStart, start - CONTEXT_WINDOW), start);
      const after = text.slice(end, Math.min(blockEnd, end + CONTEXT_WINDOW));
      const matches = (r: CompiledRule) =>
        (r.before === null || r.before.test(before)) &&
        (r.after === null || r.after.test(after)) &&
        (r.word === null || r.word.test(word));
      if (veto.some(matches)) return false;
      return confirm.length === 0 || confirm.some(matches);
    },
  };
}

const WORD_START = /(?:^|[^\p{L}\p{M}\p{N}])(\p{L})/gu;

/** Whether every word of `text` begins with a letter that is not lower case (Путин, not путина). */
export function isCapitalised(text: string): boolean {
  // The matcher's plain-code classes for the common scripts (quickEntryOf): compiling WORD_START's
  // Unicode classes costs a page about two milliseconds (issue 17). The unit tests check the two ways agree.
  let afterWord = false;
  for (let i = 0; i < text.length; i++) {
    const e = quickEntryOf(text.charCodeAt(i));
    const k = (e >>> CLASS_SHIFT) & 7;
    if (e === -1 || k === COMPLEX) return isCapitalisedByClasses(text);
    const word = k === WORD; // a letter or a digit
    if (word && !afterWord && text.charAt(i).toUpperCase() !== text.charAt(i)) return false;
    afterWord = word;
  }
  return true;
}

/** `isCapitalised` by Unicode's classes, for any text. */
export function isCapitalisedByClasses(text: string): boolean {
  for (const m of text.matchAll(WORD_START)) {
    const c = m[1]!;
    if (c !== c.toUpperCase()) return false;
  }
  return true;
}
