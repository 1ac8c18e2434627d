/**
 * The corpus's mentions in a page's text as they cross from the background to
 * the page (`matchTerms`, issue 17): the background runs the matcher, the
 * page gets three numbers a mention (start, end, the entity's index in the
 * term index it was sent), and a text over the message's limit goes in parts
 * cut at block breaks, which no mention crosses.
 */
import { BLOCK_BREAK } from './block-break';

/** One mention: `[start, end)` in the text that was matched, and its entity. */
export interface TermMatch {
  start: number;
  end: number;
  id: string;
}

/** Matches a page's text (blocks separated by BLOCK_BREAK): its mentions, in text order. */
export type MatchText = (text: string) => Promise<TermMatch[]>;

/** `matches` as sent: start, end and the index of the entity in `indexOf`, three numbers a mention. */
export function encodeMatches(matches: readonly TermMatch[], indexOf: ReadonlyMap<string, number>): number[] {
  const wire: number[] = [];
  for (const { start, end, id } of matches) {
    const entity = indexOf.get(id);
    // (An alias always has its entity in the index it was built with.)
    if (entity !== undefined) wire.push(start, end, entity);
  }
  return wire;
}

/**
 * The page's side: `ask` sends a text of at most `limit` units to be
 * matched, with the term index whose entities are `ids`. A longer text goes
 * in parts, all asked at once.
 */
export function matchThrough(
  ask: (text: string) => Promise<number[]>,
  ids: readonly string[],
  limit: number,
): MatchText {
  const decode = (wire: number[], offset: number, into: TermMatch[]) => {
    for (let i = 0; i + 2 < wire.length; i += 3) {
      const id = ids[wire[i + 2]!];
      if (id !== undefined) into.push({ start: wire[i]! + offset, end: wire[i + 1]! + offset, id });
    }
  };
  return async (text) => {
    const matches: TermMatch[] = [];
    if (text.length <= limit) {
      decode(await ask(text), 0, matches);
      return matches;
    }
    const parts = partsOf(text, limit);
    const replies = await Promise.all(parts.map((start, p) => ask(text.slice(start, parts[p + 1] ?? text.length))));
    replies.forEach((wire, p) => decode(wire, parts[p]!, matches));
    return matches;
  };
}

/**
 * Where each part of `text` begins, every part at most `limit` units and
 * ending after a BLOCK_BREAK where there is one (a block longer than `limit`
 * is cut where it must: that is a page's layout, not prose).
 */
export function partsOf(text: string, limit: number): number[] {
  const starts: number[] = [];
  for (let start = 0; start < text.length;) {
    starts.push(start);
    if (text.length - start <= limit) break;
    const cut = text.lastIndexOf(BLOCK_BREAK, start + limit - 1) + 1;
    start = cut > start ? cut : start + limit;
  }
  return starts;
}
