/**
 * Where the sentences of a block of text start and end, for English, Russian
 * and Korean news text. A sentence ends at . ! ? … (and 。？！) followed by
 * space and then a capital, a digit, a quote or any Korean or non-Latin
 * letter; not after a known abbreviation or a lone initial ("U.S.", "N. Korea",
 * "Mr.", "т.е.", "г."), and not inside a number ("3.5 billion").
 */
import type { EntitySpan } from './tokens';

export interface SentenceSpan {
  /** UTF-16 offsets into the block, trimmed of surrounding space */
  start: number;
  end: number;
}

/** Words that end in a full stop without ending a sentence (lower case, without the stop). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st gen col lt sgt rep sen gov jan feb mar apr jun jul aug sep sept oct nov dec no vs etc approx inc corp co jr sr ' +
    'т е г гг им др пр см стр тыс млн млрд руб ул д'
  ).split(' '),
);

// (Written with escapes, as the build writes other characters: esbuild leaves a regular expression as it is.)
const END = /[.!?\u2026\u3002\uff1f\uff01]+["'\u201d\u00bb\u2019)\]]*/gu;

export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let from = 0;
  for (const m of text.matchAll(END)) {
    const stop = m.index + m[0].length;
    if (!endsSentence(text, m.index, stop)) continue;
    push(out, text, from, stop);
    from = stop;
  }
  push(out, text, from, text.length);
  return out;
}

function endsSentence(text: string, at: number, stop: number): boolean {
  const next = text.slice(stop, stop + 3);
  if (stop < text.length && !/^\s/u.test(next)) return false; // "3.5", "U.S.-led", "example.com"
  const after = text.slice(stop).trimStart();
  if (after.length === 0) return true;
  const first = after[0]!;
  // A lower-case Latin or Cyrillic letter after the stop continues the sentence.
  if (/\p{Ll}/u.test(first)) return false;
  if (text[at] !== '.') return true;
  const word = /([\p{L}]+)$/u.exec(text.slice(Math.max(0, at - 12), at))?.[1] ?? '';
  if (word.length === 1 && /\p{Lu}/u.test(word)) return false; // an initial: "N. Korea", "U.S."
  return !ABBREVIATIONS.has(word.toLowerCase());
}

function push(out: SentenceSpan[], text: string, start: number, end: number): void {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}

export interface EntitySentence extends SentenceSpan {
  text: string;
  /** the entities inside the sentence, in text order, offsets in `text` */
  entities: EntitySpan[];
}

/**
 * The sentences of a block that hold at least one of its entity spans (the
 * claim matcher needs one), each with the spans inside it rebased to it. A
 * span across two sentences is in neither.
 */
export function sentencesWithEntities(text: string, spans: readonly EntitySpan[]): EntitySentence[] {
  if (spans.length === 0) return [];
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: EntitySentence[] = [];
  for (const s of splitSentences(text)) {
    const inside = sorted.filter((e) => e.start >= s.start && e.end <= s.end);
    if (inside.length === 0) continue;
    out.push({
      start: s.start,
      end: s.end,
      text: text.slice(s.start, s.end),
      entities: inside.map((e) => ({ start: e.start - s.start, end: e.end - s.start, id: e.id })),
    });
  }
  return out;
}
