/**
 * The matcher's tables (./matcher.ts), built once in the background per
 * corpus version and sent to every page, which reads them as they arrive:
 * nothing of the aliases is normalised, split, stemmed, hashed or laid out on
 * a page (issue 17). Everything is a string (./packed.ts), a number or a
 * small plain object, so the tables cross Chrome's and Firefox's extension
 * messaging alike and are read without a copy.
 *
 * The trie's edges are one open-addressing table keyed by (node, symbol);
 * the word filter holds two bits (FIRST_WORD, LATER_WORD) per key, two keys
 * a unit; context rules stay data until a mention needs them.
 */
import { ROLES, SEP, TrieBuilder } from './alias-trie';
import { BLOCK_BREAK, CYRILLIC_BIT, HANGUL_BIT } from './chars';
import type { AliasRules } from './context-rules';
import type { TermPattern } from './matcher';
import { packInts, packPairs, packSmall } from './packed';
import { type PackedTokens } from './token-table';

/** Changes whenever the layout does: a page never reads tables of another layout. */
export const MATCHER_TABLES_FORMAT = 1;

/** the word filter has 2^FILTER_BITS keys */
export const FILTER_BITS = 15;

export interface MatcherTables {
  format: number;
  /** how many patterns were compiled (patterns with no word in them are skipped) */
  patternCount: number;
  /** per pattern: its entity's id */
  ids: string[];
  /** every alias word, stem, Korean noun and separator */
  tokens: PackedTokens;
  /** per token (packSmall): IS_EDGE, HAS_CASED, STARTS */
  tokenFlags: string;
  /** the trie's edges (packed ints), three per slot: node + 1 (0: empty), symbol (token id), child node */
  edges: string;
  /** per trie node (packed ints): the first pattern ending there + 1, or 0 */
  terminal: string;
  /** trie node → the patterns ending there, where a mention must be checked (rules, or several patterns) */
  choices: Record<number, number[]>;
  /** pattern → its context rules (./context-rules.ts), compiled on a page only when a mention needs them */
  rules: Record<number, AliasRules>;
  /** pattern → the punctuation its alias ends with ("." of "U.S."), which a mention covers where the text has it */
  trails: Record<number, string>;
  /** two bits per filter key (filterKey, stemKey), two keys a unit (packPairs) */
  filter: string;
  /** CYRILLIC_BIT and/or HANGUL_BIT: words ending so are looked up for endings */
  suffixBits: number;
  /** ROLES if some stem is a single unit, which the stem filter cannot key: then every such word is looked up */
  anyStem: number;
  /** the token id of the separator " " */
  spaceSep: number;
  /** the longest word the scanner must buffer to look up */
  maxWord: number;
  /** the prefilter's source (./prefilter.ts), or null: every unit is read */
  prefilter: string | null;
}

/** Where a word's filter bits live: a mix of its first unit, last unit and length. */
export function filterKey(first: number, last: number, len: number): number {
  return (Math.imul(first ^ (len << 16), 0x9e3779b1) ^ Math.imul(last, 0x85ebca6b)) >>> (32 - FILTER_BITS);
}

/** Where a stem's (or Korean noun's) filter bits live: a mix of its first two units. */
export function stemKey(first: number, second: number): number {
  return (Math.imul(first, 0xcc9e2d51) ^ Math.imul(second, 0x1b873593)) >>> (32 - FILTER_BITS);
}

/** The slot of (node, symbol) in a trie edge table of `mask + 1` slots. */
export function edgeSlot(node: number, symbol: number, mask: number): number {
  const x = Math.imul(node + 1, 0x9e3779b1) ^ Math.imul(symbol + 1, 0x85ebca6b);
  return (x ^ (x >>> 16)) & mask;
}

/**
 * Builds the tables for a set of aliases: in the background, once per term
 * index. `prefilter` is the source of their prefilter (`prefilterSource` in
 * ./prefilter.ts); without it every unit is read.
 */
export function buildMatcherTables(patterns: readonly TermPattern[], prefilter?: string): MatcherTables {
  const trie = new TrieBuilder();
  for (let i = 0; i < patterns.length; i++) {
    // An alias holding the block break could match across blocks.
    if (!patterns[i]!.text.includes(BLOCK_BREAK)) trie.add(patterns[i]!, i);
  }
  const rules: Record<number, AliasRules> = {};
  patterns.forEach((p, i) => {
    if (p.capitalised === true || (p.veto?.length ?? 0) > 0 || (p.confirm?.length ?? 0) > 0) {
      rules[i] = {
        ...(p.capitalised ? { capitalised: true } : {}),
        ...(p.veto?.length ? { veto: p.veto } : {}),
        ...(p.confirm?.length ? { confirm: p.confirm } : {}),
      };
    }
  });
  const choices: Record<number, number[]> = {};
  for (let node = 0; node < trie.terminal.length; node++) {
    const first = trie.terminal[node]!;
    if (first < 0) continue;
    const all = trie.shared.get(node) ?? [first];
    if (all.length > 1 || rules[first] !== undefined) choices[node] = all;
  }
  const trails: Record<number, string> = {};
  trie.trail.forEach((t, i) => {
    if (t !== undefined) trails[i] = t;
  });

  let edgeCount = 0;
  for (const out of trie.edges) edgeCount += out?.size ?? 0;
  let capacity = 16;
  while (capacity < edgeCount * 2) capacity *= 2;
  const edges = new Int32Array(capacity * 3);
  trie.edges.forEach((out, node) => {
    for (const [symbol, child] of out ?? []) {
      let slot = edgeSlot(node, symbol, capacity - 1);
      while (edges[slot * 3] !== 0) slot = (slot + 1) & (capacity - 1);
      edges[slot * 3] = node + 1;
      edges[slot * 3 + 1] = symbol;
      edges[slot * 3 + 2] = child;
    }
  });

  const filter = new Uint8Array(1 << FILTER_BITS);
  const set = (key: number, role: number) => (filter[key]! |= role);
  for (const [w, role] of trie.filterWords) set(filterKey(w.charCodeAt(0), w.charCodeAt(w.length - 1), w.length), role);
  for (const [w, role] of trie.filterStems) set(stemKey(w.charCodeAt(0), w.charCodeAt(1)), role);

  const flags = new Uint8Array(trie.table.size);
  for (const [id, f] of trie.flags) flags[id] = f;
  return {
    format: MATCHER_TABLES_FORMAT,
    patternCount: trie.count,
    ids: patterns.map((p) => p.id),
    tokens: trie.table.pack(),
    tokenFlags: packSmall(flags),
    edges: packInts(edges),
    terminal: packInts(trie.terminal.map((p) => p + 1)),
    choices,
    rules,
    trails,
    filter: packPairs(filter),
    suffixBits: (trie.hasRussian ? CYRILLIC_BIT : 0) | (trie.hasKorean ? HANGUL_BIT : 0),
    anyStem: [...trie.filterStems.keys()].some((w) => w.length < 2) ? ROLES : 0,
    spaceSep: trie.table.idOf(SEP, ' '),
    maxWord: trie.maxWord,
    prefilter: prefilter ?? null,
  };
}
