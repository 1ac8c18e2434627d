/**
 * Re-anchoring benchmark (issue 7.7): `npx vite-node test/bench/anchoring.bench.ts [runs]`.
 *
 * On the largest page of ../shared/pages/ (RDL_SHARED_PAGES overrides the
 * folder), parsed with happy-dom in node: 200 highlights chosen with a seeded
 * PRNG (quotes of 20–120 characters at word boundaries that occur once on the
 * original page, white space collapsed — a reader's highlight of article
 * text; the header and footer menus repeat theirs, and an identical copy
 * elsewhere is no wrong place an anchorer could avoid), each stored as its
 * tool would store it, then the page edited and every highlight anchored again
 * by three anchorers, on the same pages in the same run:
 *   ours       anchorAll (lib/anchoring/match-quote.ts) over documentText(body)
 *   hypothesis Hypothesis's approach: the position if the quote is still there,
 *              else matchQuote over body.textContent — re-implemented below
 *              from hypothesis/client src/annotator/anchoring/match-quote.ts
 *              (and html.ts for the position-first order), with
 *              approx-string-match from npm
 *   dtq        dom-anchor-text-quote 4.0.2 from npm: toRange(body, quote, { hint })
 *              (diff-match-patch over body.textContent)
 *
 * Edit suite, about a sixth of the highlights each; each kind is applied to
 * its own copies of the page (as many as it needs), with each highlight's zone
 * covering its stored context (32 non-space characters, often hundreds of raw
 * characters of indentation), so that edits for one highlight never touch
 * another's quote or context:
 *   inserted   text inserted 100–600 characters before the quote
 *   typo       two adjacent letters inside the quote swapped (a typo fixed)
 *   moved      the quote's paragraph moved ≥ 3000 characters away
 *   rewritten  the words of the 40–80 characters either side of the quote replaced
 *   deleted    the quote deleted: expected orphan
 *   duplicated a copy of the quote, in other words, inserted 300–5000 characters
 *              away: expected the original
 * The expected place is known from the edit: before editing, text nodes are
 * split at the quote's ends (the text is unchanged), so the quote is whole
 * nodes that the edits keep (or remove).
 *
 * Time: median over RUNS of the whole re-anchoring of the 200 (text
 * extraction, matching, a DOM Range per anchor). correct = the expected
 * offsets exactly; wrong = anchored anywhere else (any anchor of a deleted
 * quote, partial overlaps included, and counted again as overlap); orphan =
 * not anchored. Prints a table,
 * writes .output/bench/anchoring.json. Numbers only: nothing here asserts.
 * RDL_BENCH_ALL_QUOTES=1 keeps repeated quotes (the first version of the
 * suite); RDL_BENCH_DEBUG=1 prints, for each of our wrong anchors, the edit,
 * the selectors, the expected and chosen places, the method and the score.
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import approxSearch, { type Match as StringMatch } from 'approx-string-match';
import { Window } from 'happy-dom';
import { anchorAll, type QuoteAnchor } from '../../lib/anchoring/match-quote';
import { describeRange, type RangeSelectors } from '../../lib/anchoring/selectors';
import { documentText } from '../../lib/anchoring/text-range';
import { median } from './stats';

const RUNS = Math.max(5, Number(process.argv[2] ?? 5));
const TOTAL = 200;
const SEED = 0x7e57;
/** Characters kept between one highlight's quote, context and edits and another's. */
const MARGIN = 120;
const PAGES_DIR = resolve(process.env.RDL_SHARED_PAGES ?? '../shared/pages');

interface TextQuote {
  exact: string;
  prefix?: string;
  suffix?: string;
}
const textQuote = createRequire(import.meta.url)('dom-anchor-text-quote') as {
  toRange(root: Node, selector: TextQuote, options?: { hint?: number }): Range | null;
};

// ---------------------------------------------------------------------------
// Hypothesis's matchQuote, compactly (hypothesis/client src/annotator/anchoring/match-quote.ts)

function hSearch(text: string, str: string, maxErrors: number): StringMatch[] {
  const exact: StringMatch[] = [];
  for (let i = text.indexOf(str); i !== -1; i = text.indexOf(str, i + 1))
    exact.push({ start: i, end: i + str.length, errors: 0 });
  return exact.length > 0 ? exact : approxSearch(text, str, maxErrors);
}

function hTextMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  return 1 - hSearch(text, str, str.length)[0]!.errors / str.length;
}

function hMatchQuote(
  text: string,
  quote: string,
  context: { prefix?: string; suffix?: string; hint?: number },
): { start: number; end: number; score: number } | null {
  if (quote.length === 0) return null;
  const matches = hSearch(text, quote, Math.min(256, quote.length / 2));
  if (matches.length === 0) return null;
  const score = (m: StringMatch) => {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = context.prefix
      ? hTextMatchScore(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix)
      : 1;
    const suffixScore = context.suffix
      ? hTextMatchScore(text.slice(m.end, m.end + context.suffix.length), context.suffix)
      : 1;
    const posScore = typeof context.hint === 'number' ? 1 - Math.abs(m.start - context.hint) / text.length : 1;
    return (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
  };
  const scored = matches.map((m) => ({ start: m.start, end: m.end, score: score(m) }));
  scored.sort((a, b) => b.score - a.score);
  return scored[0]!;
}

/** Hypothesis's TextRange.fromOffsets(...).toRange(): a walk over the text nodes under root (textContent offsets). */
function hToRange(root: Node, start: number, end: number): Range {
  const doc = root.ownerDocument!;
  const walker = doc.createTreeWalker(root, 4);
  const range = doc.createRange();
  let at = 0;
  let started = false;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const len = n.data.length;
    if (!started && at + len > start) {
      range.setStart(n, start - at);
      started = true;
    }
    if (started && at + len >= end) {
      range.setEnd(n, end - at);
      return range;
    }
    at += len;
  }
  throw new RangeError('offset out of range');
}

// ---------------------------------------------------------------------------
// Text models: ours (documentText: script/style/noscript/template left out) and textContent

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'rdl-ui']);
const BLOCK = new Set(
  'p li div h1 h2 h3 h4 h5 h6 section article blockquote td th dd dt figcaption header footer nav aside main ul ol table tr form figure'.split(
    ' ',
  ),
);

interface TextMap {
  text: string;
  nodes: Text[];
  starts: number[];
  offsetOf: Map<Text, number>;
}

function textMap(root: Node, ours: boolean): TextMap {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let len = 0;
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const d = (c as Text).data;
        if (d.length === 0) continue;
        nodes.push(c as Text);
        starts.push(len);
        parts.push(d);
        len += d.length;
      } else if (c.nodeType === 1 && !(ours && SKIPPED.has((c as Element).localName.toLowerCase()))) walk(c);
    }
  };
  walk(root);
  return { text: parts.join(''), nodes, starts, offsetOf: new Map(nodes.map((n, i) => [n, starts[i]!])) };
}

/** Index of the node containing offset x (the later node at a boundary). */
function nodeAt(m: TextMap, x: number): number {
  let lo = 0;
  let hi = m.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (m.starts[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function pointOffset(m: TextMap, node: Node, offset: number): number {
  const at = m.offsetOf.get(node as Text);
  if (at === undefined) throw new Error('range boundary not in a mapped text node');
  return at + offset;
}

// ---------------------------------------------------------------------------

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(SEED);
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const KINDS = ['inserted', 'typo', 'moved', 'rewritten', 'deleted', 'duplicated'] as const;
type Kind = (typeof KINDS)[number];

interface Planned {
  kind: Kind;
  s: number;
  e: number;
  /** inserted: insertion offset; moved: block [bs, be) and destination; rewritten: widths; duplicated: destination */
  p?: number;
  bs?: number;
  be?: number;
  k1?: number;
  k2?: number;
  swap?: number;
}

interface Prepared {
  kind: Kind;
  ours: RangeSelectors;
  hyp: { quote: TextQuote; position: { start: number; end: number } };
  first: Text;
  last: Text;
}

interface Version {
  window: Window;
  body: HTMLElement;
  items: Prepared[];
}

const isWord = (c: string) => /[\p{L}\p{N}]/u.test(c);

function pickPage(): string {
  const files = readdirSync(PAGES_DIR).filter((f) => f.endsWith('.html'));
  files.sort((a, b) => statSync(join(PAGES_DIR, b)).size - statSync(join(PAGES_DIR, a)).size);
  if (!files[0]) throw new Error(`no pages in ${PAGES_DIR}`);
  return files[0];
}

function parse(html: string): { window: Window; body: HTMLElement } {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  window.document.write(html);
  return { window, body: window.document.body as unknown as HTMLElement };
}

function blockOf(node: Node): Element | null {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1 && BLOCK.has((n as Element).localName.toLowerCase())) return n as Element;
  }
  return null;
}

function commonAncestor(a: Node, b: Node): Node {
  for (let n: Node | null = a; n; n = n.parentNode) if (n.contains(b)) return n;
  throw new Error('no common ancestor');
}

function elementRange(m: TextMap, el: Element): [number, number] | null {
  let s = -1;
  let e = -1;
  for (let i = 0; i < m.nodes.length; i++) {
    if (el.contains(m.nodes[i]!)) {
      if (s < 0) s = m.starts[i]!;
      e = m.starts[i]! + m.nodes[i]!.data.length;
    }
  }
  return s < 0 ? null : [s, e];
}

function randomWords(vocab: readonly string[], n: number): string {
  return Array.from({ length: n }, () => vocab[int(0, vocab.length - 1)]!).join(' ');
}

/**
 * Candidate quotes left out because they occur more than once on the original
 * page (white space collapsed): the header and footer menus of a news page
 * repeat the same words with the same context, so a second copy is not a
 * "wrong place" the anchorer could avoid, and a deleted or moved copy has no
 * single right answer. A reader's highlight of article text is unique.
 */
const excluded = { repeated: 0 };
/** RDL_BENCH_ALL_QUOTES=1: keep repeated quotes too (the suite as it was first written). */
const ALL_QUOTES = process.env.RDL_BENCH_ALL_QUOTES === '1';
const collapseSpace = (t: string) => t.replace(/\s+/g, ' ');
function occursOnce(haystack: string, needle: string): boolean {
  const i = haystack.indexOf(needle);
  return i !== -1 && haystack.indexOf(needle, i + 1) === -1;
}

/**
 * Plans `count` highlights of one kind on one copy of the page, with disjoint
 * zones. A zone covers the stored context (32 non-space characters, which
 * through markup indentation can span hundreds of raw characters), so that
 * one highlight's edit never lands in another's prefix or suffix.
 */
function plan(kind: Kind, m: TextMap, body: HTMLElement, count: number): Planned[] {
  const text = m.text;
  const collapsedText = collapseSpace(text);
  const tc = textMap(body, false);
  const zones: [number, number][] = [];
  const free = (a: number, b: number) => zones.every(([x, y]) => b + MARGIN <= x || a >= y + MARGIN);
  const out: Planned[] = [];
  for (let attempt = 0; out.length < count && attempt < 50_000; attempt++) {
    let s = int(1, text.length - 21);
    while (s < text.length && !(isWord(text[s]!) && !isWord(text[s - 1]!))) s++;
    let e = s + int(20, 120);
    while (e < text.length && !(isWord(text[e - 1]!) && !isWord(text[e]!))) e++;
    if (e > text.length || e - s < 20 || e - s > 120) continue;
    // The quote must be the same characters in textContent (no script or style inside it).
    const ts = pointOffset(tc, m.nodes[nodeAt(m, s)]!, s - m.starts[nodeAt(m, s)]!);
    if (tc.text.slice(ts, ts + (e - s)) !== text.slice(s, e)) continue;
    const { quote } = describeRange(text, s, e);
    const cs = s - (quote.prefix ?? '').length;
    const ce = e + (quote.suffix ?? '').length;
    if (!free(cs, ce)) continue;
    if (!ALL_QUOTES && !occursOnce(collapsedText, collapseSpace(quote.exact))) {
      excluded.repeated++;
      continue;
    }
    const p: Planned = { kind, s, e };
    const parts: [number, number][] = [[cs, ce]];
    if (kind === 'inserted') {
      const i = nodeAt(m, Math.max(0, s - int(100, 600)));
      p.p = m.starts[i]!;
      if (p.p > s - 100) continue;
      parts[0] = [Math.min(p.p, cs), ce];
    } else if (kind === 'typo') {
      const cands: number[] = [];
      for (let i = s + 3; i < e - 4; i++) {
        const a = text[i]!;
        const b = text[i + 1]!;
        if (/\p{L}/u.test(a) && /\p{L}/u.test(b) && a !== b && nodeAt(m, i) === nodeAt(m, i + 1)) cands.push(i);
      }
      if (cands.length === 0) continue;
      p.swap = cands[int(0, cands.length - 1)]!;
    } else if (kind === 'moved' || kind === 'duplicated') {
      if (kind === 'moved') {
        const block = blockOf(commonAncestor(m.nodes[nodeAt(m, s)]!, m.nodes[nodeAt(m, e - 1)]!));
        const r = block && block !== body ? elementRange(m, block) : null;
        if (!r || r[1] - r[0] > 600) continue;
        [p.bs, p.be] = r;
        parts[0] = [Math.min(cs, r[0]), Math.max(ce, r[1])];
      }
      const far = kind === 'moved' ? int(2000, 20000) : int(300, 5000);
      const q = rand() < 0.5 ? s - far : e + far;
      if (q < 0 || q >= text.length) continue;
      const dest = blockOf(m.nodes[nodeAt(m, q)]!);
      const dr = dest && dest !== body ? elementRange(m, dest) : null;
      const [zs, ze] = parts[0]!;
      if (!dr || (dr[0] < ze + MARGIN && dr[1] > zs - MARGIN)) continue;
      p.p = dr[0];
      parts.push([dr[0], dr[0]]);
    } else if (kind === 'rewritten') {
      p.k1 = int(40, 80);
      p.k2 = int(40, 80);
      if (s - p.k1 < 0 || e + p.k2 > text.length) continue;
      parts[0] = [Math.min(cs, s - p.k1), Math.max(ce, e + p.k2)];
    }
    if (!parts.every(([a, b]) => free(a, b))) continue;
    zones.push(...parts);
    out.push(p);
  }
  if (out.length === 0) throw new Error(`no ${kind} highlight fits on the page`);
  return out;
}

/** One copy of the page: plan up to `count` highlights, store their selectors, then edit it. */
function buildVersion(html: string, kind: Kind, count: number, vocab: readonly string[]): Version {
  const { window, body } = parse(html);
  const doc = body.ownerDocument;
  let m = textMap(body, true);
  const plans = plan(kind, m, body, count);

  // Split text nodes at every offset an edit or an expectation needs (the text does not change).
  const cuts = new Set<number>();
  for (const p of plans) {
    cuts.add(p.s).add(p.e);
    if (p.kind === 'rewritten') cuts.add(p.s - p.k1!).add(p.e + p.k2!);
  }
  for (const x of [...cuts].sort((a, b) => b - a)) {
    const i = nodeAt(m, x);
    const off = x - m.starts[i]!;
    if (off > 0 && off < m.nodes[i]!.data.length) m.nodes[i]!.splitText(off);
  }
  m = textMap(body, true);
  const tc = textMap(body, false);
  if (m.text !== documentText(body).text) throw new Error('text model differs from documentText');

  const items: Prepared[] = plans.map((p) => {
    const first = m.nodes[nodeAt(m, p.s)]!;
    const last = m.nodes[nodeAt(m, p.e) - (p.e === m.text.length ? 0 : 1)]!;
    const ts = pointOffset(tc, first, 0);
    const te = pointOffset(tc, last, last.data.length);
    return {
      kind: p.kind,
      ours: describeRange(m.text, p.s, p.e),
      // As Hypothesis's TextQuoteAnchor and dom-anchor-text-quote's fromTextPosition store it: 32 raw characters.
      hyp: {
        quote: {
          exact: tc.text.slice(ts, te),
          prefix: tc.text.slice(Math.max(0, ts - 32), ts),
          suffix: tc.text.slice(te, te + 32),
        },
        position: { start: ts, end: te },
      },
      first,
      last,
    };
  });

  // Edit (node references from the split map stay valid: no edit changes a node another one uses).
  const nodesIn = (a: number, b: number) => m.nodes.slice(nodeAt(m, a), nodeAt(m, b - 1) + 1);
  const blockAt = (x: number) => blockOf(m.nodes[nodeAt(m, x)]!)!;
  for (const [j, p] of plans.entries()) {
    const item = items[j]!;
    if (p.kind === 'inserted') {
      const before = m.nodes[nodeAt(m, p.p!)]!;
      before.parentNode!.insertBefore(doc.createTextNode(`${randomWords(vocab, int(10, 40))}. `), before);
    } else if (p.kind === 'typo') {
      const n = m.nodes[nodeAt(m, p.swap!)]!;
      const o = p.swap! - m.starts[nodeAt(m, p.swap!)]!;
      n.data = n.data.slice(0, o) + n.data[o + 1] + n.data[o] + n.data.slice(o + 2);
    } else if (p.kind === 'moved') {
      const block = blockOf(commonAncestor(item.first, item.last))!;
      const dest = blockAt(p.p!);
      dest.parentNode!.insertBefore(block, dest);
    } else if (p.kind === 'rewritten') {
      for (const n of [...nodesIn(p.s - p.k1!, p.s), ...nodesIn(p.e, p.e + p.k2!)]) {
        n.data = n.data.replace(/[\p{L}\p{N}]+/gu, () => vocab[int(0, vocab.length - 1)]!);
      }
    } else if (p.kind === 'deleted') {
      for (const n of nodesIn(p.s, p.e)) n.remove();
    } else if (p.kind === 'duplicated') {
      const dest = blockAt(p.p!);
      const copy = doc.createElement('p');
      copy.textContent = `${randomWords(vocab, int(3, 12))} ${m.text.slice(p.s, p.e)} ${randomWords(vocab, int(3, 12))}`;
      dest.parentNode!.insertBefore(copy, dest);
    }
  }
  return { window, body, items };
}

// ---------------------------------------------------------------------------

type Result = { start: number; end: number } | null;
const ANCHORERS = ['ours', 'hypothesis', 'dtq'] as const;
type Anchorer = (typeof ANCHORERS)[number];

function runOurs(v: Version): { results: Result[]; ranges: Range[] } {
  const dt = documentText(v.body);
  const anchors = anchorAll(
    dt.text,
    v.items.map((i) => i.ours),
  );
  if (DEBUG) debugAnchors.set(v, anchors);
  const ranges = anchors.flatMap((a) => (a ? [dt.toRange(a.start, a.end)] : []));
  return { results: anchors.map((a) => a && { start: a.start, end: a.end }), ranges };
}

function runHypothesis(v: Version): { results: Result[]; ranges: Range[] } {
  const text = v.body.textContent ?? '';
  const ranges: Range[] = [];
  const results = v.items.map(({ hyp: { quote, position } }) => {
    // html.ts: the position first, if the quote is still there; then the quote with the position as hint.
    let r: Result =
      text.slice(position.start, position.end) === quote.exact ? { start: position.start, end: position.end } : null;
    r ??= hMatchQuote(text, quote.exact, { prefix: quote.prefix, suffix: quote.suffix, hint: position.start });
    if (r) ranges.push(hToRange(v.body, r.start, r.end));
    return r;
  });
  return { results, ranges };
}

function runDtq(v: Version): { results: Result[]; ranges: Range[] } {
  const ranges = v.items.map(({ hyp }) => textQuote.toRange(v.body, hyp.quote, { hint: hyp.position.start }));
  const tc = textMap(v.body, false);
  const toOffsets = (r: Range | null): Result => {
    if (!r) return null;
    return {
      start: pointOffset(tc, r.startContainer, r.startOffset),
      end: pointOffset(tc, r.endContainer, r.endOffset),
    };
  };
  return { results: ranges.map(toOffsets), ranges: ranges.filter((r): r is Range => r !== null) };
}

const RUN: Record<Anchorer, (v: Version) => { results: Result[] }> = {
  ours: runOurs,
  hypothesis: runHypothesis,
  dtq: runDtq,
};

interface Tally {
  correct: number;
  wrong: number;
  orphan: number;
  /** of `wrong`, anchors that overlap the expected place (boundaries off) */
  overlapping: number;
}

function score(v: Version, anchorer: Anchorer, results: Result[], byKind: Record<string, Tally>, all: Tally) {
  const m = textMap(v.body, anchorer === 'ours');
  v.items.forEach((item, i) => {
    const r = results[i] ?? null;
    const t = (byKind[item.kind] ??= { correct: 0, wrong: 0, orphan: 0, overlapping: 0 });
    let verdict: 'correct' | 'wrong' | 'orphan';
    if (!r) verdict = 'orphan';
    else if (item.kind === 'deleted') verdict = 'wrong';
    else {
      const start = pointOffset(m, item.first, 0);
      const end = pointOffset(m, item.last, item.last.data.length);
      verdict = r.start === start && r.end === end ? 'correct' : 'wrong';
      if (verdict === 'wrong' && r.start < end && r.end > start) {
        t.overlapping++;
        all.overlapping++;
      }
    }
    t[verdict]++;
    all[verdict]++;
    if (DEBUG && anchorer === 'ours' && verdict === 'wrong' && r) debugWrong(v, m, item, r, i);
  });
}

/** RDL_BENCH_DEBUG=1: why each of our wrong anchors happened (printed once, for the last run). */
const DEBUG = process.env.RDL_BENCH_DEBUG === '1';
const debugAnchors = new Map<Version, (QuoteAnchor | null)[]>();
const show = (s: string) => JSON.stringify(s.replace(/\s+/g, ' '));

function debugWrong(v: Version, m: TextMap, item: Prepared, r: NonNullable<Result>, i: number) {
  const a = debugAnchors.get(v)?.[i];
  const { quote, position } = item.ours;
  const expected = item.kind === 'deleted' ? null : pointOffset(m, item.first, 0);
  const copies = occurrencesOf(m.text, quote.exact);
  console.log(
    [
      `WRONG ${item.kind}: method ${a?.method} score ${a?.score.toFixed(3)} stored ${position.start} expected ${expected} chosen ${r.start}`,
      `  copies of the quote on the edited page: ${copies.length} at ${copies.slice(0, 8).join(', ')}`,
      `  quote  ${show(quote.exact)}`,
      `  prefix ${show(quote.prefix ?? '')}`,
      `  suffix ${show(quote.suffix ?? '')}`,
      `  chosen ${show(m.text.slice(Math.max(0, r.start - 60), r.start))} [[${show(m.text.slice(r.start, r.end))}]] ${show(m.text.slice(r.end, r.end + 60))}`,
      expected === null
        ? '  expected: orphan'
        : `  expected ${show(m.text.slice(Math.max(0, expected - 60), expected))} [[${show(m.text.slice(expected, pointOffset(m, item.last, item.last.data.length)))}]]`,
      `  raw quote ${JSON.stringify(quote.exact)}`,
    ].join('\n'),
  );
}

function occurrencesOf(text: string, s: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(s); i !== -1; i = text.indexOf(s, i + 1)) out.push(i);
  return out;
}

async function main() {
  const file = pickPage();
  const html = readFileSync(join(PAGES_DIR, file), 'utf8');
  const base = parse(html);
  const vocab = [...new Set(textMap(base.body, true).text.match(/\p{L}{3,12}/gu) ?? [])].sort();
  await base.window.happyDOM.close();

  // Unique quotes far enough apart are few on one copy: each kind is spread over as many copies as it needs.
  const versions = KINDS.flatMap((kind, k) => {
    const out: Version[] = [];
    let left = Math.floor(TOTAL / KINDS.length) + (k < TOTAL % KINDS.length ? 1 : 0);
    while (left > 0) {
      const v = buildVersion(html, kind, left, vocab);
      out.push(v);
      left -= v.items.length;
    }
    return out;
  });
  const count = versions.reduce((n, v) => n + v.items.length, 0);

  const times: Record<Anchorer, number[]> = { ours: [], hypothesis: [], dtq: [] };
  const last: Record<Anchorer, Result[][]> = { ours: [], hypothesis: [], dtq: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const a of ANCHORERS) {
      const t = performance.now();
      last[a] = versions.map((v) => RUN[a](v).results);
      times[a].push(performance.now() - t);
    }
  }

  const report: Record<string, unknown> = {
    page: file,
    highlights: count,
    runs: RUNS,
    seed: SEED,
    excludedNotUnique: excluded.repeated,
    environment: `node ${process.version}, happy-dom 21 (not a browser)`,
    anchorers: {},
  };
  const rows: string[] = [];
  for (const a of ANCHORERS) {
    const byKind: Record<string, Tally> = {};
    const all: Tally = { correct: 0, wrong: 0, orphan: 0, overlapping: 0 };
    versions.forEach((v, k) => score(v, a, last[a][k]!, byKind, all));
    const ms = median(times[a]);
    (report.anchorers as Record<string, unknown>)[a] = { medianMs: ms, runsMs: times[a], ...all, byKind };
    rows.push(
      `${a.padEnd(11)} ${ms.toFixed(1).padStart(10)} ${String(all.correct).padStart(8)} ${String(all.wrong).padStart(6)} ${String(all.orphan).padStart(7)} ${String(all.overlapping).padStart(8)}   ` +
        KINDS.map((kd) => {
          const t = byKind[kd]!;
          return `${kd} ${t.correct}/${t.wrong}/${t.orphan}`;
        }).join('  '),
    );
  }
  console.log(`${file}: ${count} highlights, median of ${RUNS} runs (node + happy-dom)`);
  console.log(
    ALL_QUOTES
      ? 'RDL_BENCH_ALL_QUOTES: repeated quotes kept (no single right answer for some)'
      : `candidate picks rejected as not unique on the original page (repeated menus and the like): ${excluded.repeated}`,
  );
  console.log(
    `${'anchorer'.padEnd(11)} ${'median ms'.padStart(10)} ${'correct'.padStart(8)} ${'wrong'.padStart(6)} ${'orphan'.padStart(7)} ${'overlap'.padStart(8)}   by edit: correct/wrong/orphan`,
  );
  for (const r of rows) console.log(r);

  mkdirSync('.output/bench', { recursive: true });
  writeFileSync('.output/bench/anchoring.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log('wrote .output/bench/anchoring.json');
  await Promise.all(versions.map((v) => v.window.happyDOM.close()));
}

await main();
