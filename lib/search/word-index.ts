/**
 * The search index: which words occur in which searchable strings ("slots") of
 * which records, plus a two-character index of the vocabulary so that a typed
 * word is compared (by Fuse, ./fuzzy.ts) only with the few words that could
 * match it.
 *
 * Built once per corpus version — it normalises and splits every searchable
 * string, which is the slow part — and serialised to JSON, so that opening
 * the popup only decodes it.
 *
 *   record  = one entity, person, claim, source or timeline event (ids in SEARCH_KINDS order)
 *   slot    = one searchable string of a record (./fields.ts)
 *   word    = a run of letters/digits of a normalised slot (../text/normalise)
 *   bigram  = two adjacent UTF-16 units of a word
 */
import type { CorpusRecords } from '../corpus/schema';
import { normaliseForMatch } from '../text/normalise';
import { decodeRuns, decodeUints, encodeRuns, encodeUints } from './codec';
import { FIELDS, SEARCH_KINDS, type SearchKind, fieldCode, forEachSlot, recordsOf } from './fields';
import { type Vocabulary, type VocabularyJSON, buildVocabulary, loadVocabulary } from './fuzzy';
import { wordsOf } from './query';

export const SEARCH_INDEX_FORMAT = 'rdl-search-index';
/** Bump when the index's layout, the slot order or the normalisation of words changes. */
export const SEARCH_INDEX_VERSION = 2;

/** The index as JSON, to be cached by the caller (keyed by corpus version) and handed back to `createSearcher`. */
export interface SerializedSearchIndex {
  format: typeof SEARCH_INDEX_FORMAT;
  version: number;
  /** a hash of the records' ids and searchable strings' lengths: an index is never applied to other records */
  fingerprint: string;
  /** Fuse's index of the vocabulary (`FuseIndex.toJSON()`) */
  vocabulary: VocabularyJSON;
  /** per record (in SEARCH_KINDS order, then corpus order): how many slots it has */
  recordSlots: string;
  /** per slot: field code (./fields.ts FIELDS), item (alias position), number of words */
  slotFields: string;
  slotItems: string;
  slotWords: string;
  /** per word: the slots it occurs in, ascending */
  postings: { lengths: string; gaps: string };
  /**
   * the vocabulary's distinct bigrams, ascending, as their first and second
   * UTF-16 units (numbers, not text: a bigram may split a surrogate pair,
   * which some storage would not keep); and per bigram the words containing it
   */
  bigrams: { first: string; second: string };
  bigramWords: { lengths: string; gaps: string };
}

export interface WordIndex {
  readonly vocabulary: Vocabulary;
  readonly recordCount: number;
  readonly recKind: Uint8Array;
  readonly recDoc: Int32Array;
  /** record id of a kind's first record */
  readonly kindBase: Readonly<Record<SearchKind, number>>;
  /** CSR: the slots of record r are recSlotStart[r] .. recSlotStart[r + 1] */
  readonly recSlotStart: Int32Array;
  readonly slotRec: Int32Array;
  readonly slotField: Uint8Array;
  readonly slotItem: Int32Array;
  readonly slotWords: Int32Array;
  /** the field's weight × the slot's length norm (fuse.js's 1/√words): the exponent of a match score */
  readonly slotWeight: Float32Array;
  /** CSR: the slots of word w, ascending */
  readonly postStart: Int32Array;
  readonly post: Int32Array;
  /** bigram keys (u1 · 65536 + u2), ascending, and CSR lists of the words containing each */
  readonly bigramKeys: Float64Array;
  readonly bigramStart: Int32Array;
  readonly bigramWords: Int32Array;
  readonly fingerprint: string;
}

function slotWordsOf(text: string): string[] {
  return wordsOf(normaliseForMatch(text));
}

export function buildWordIndex(records: CorpusRecords): WordIndex {
  const wordIds = new Map<string, number>();
  const words: string[] = [];
  const postingLists: number[][] = [];
  const recordSlots: number[] = [];
  const slotFields: number[] = [];
  const slotItems: number[] = [];
  const slotWords: number[] = [];

  for (const kind of SEARCH_KINDS) {
    const list = recordsOf(records, kind);
    for (let doc = 0; doc < list.length; doc++) {
      let count = 0;
      forEachSlot(records, kind, doc, slotWordsOf, (field, item, text) => {
        const slot = slotFields.length;
        const tokens = slotWordsOf(text);
        slotFields.push(fieldCode(field));
        slotItems.push(item);
        slotWords.push(tokens.length);
        for (const token of new Set(tokens)) {
          let id = wordIds.get(token);
          if (id === undefined) {
            id = words.length;
            wordIds.set(token, id);
            words.push(token);
            postingLists.push([]);
          }
          postingLists[id]!.push(slot);
        }
        count++;
      });
      recordSlots.push(count);
    }
  }

  const postings = toCsr(postingLists);
  const bigrams = bigramIndex(words);
  return assemble(records, fingerprintOf(records), buildVocabulary(words), {
    recordSlots: Int32Array.from(recordSlots),
    slotFields: Int32Array.from(slotFields),
    slotItems: Int32Array.from(slotItems),
    slotWords: Int32Array.from(slotWords),
    postStart: postings.starts,
    post: postings.values,
    bigramKeys: bigrams.keys,
    bigramStart: bigrams.starts,
    bigramWords: bigrams.values,
  });
}

export function serialiseWordIndex(index: WordIndex): SerializedSearchIndex {
  const recordSlots = new Int32Array(index.recordCount);
  for (let r = 0; r < index.recordCount; r++) recordSlots[r] = index.recSlotStart[r + 1]! - index.recSlotStart[r]!;
  const first = Array.from(index.bigramKeys, (k) => Math.floor(k / 65536));
  const second = Array.from(index.bigramKeys, (k) => k % 65536);
  return {
    format: SEARCH_INDEX_FORMAT,
    version: SEARCH_INDEX_VERSION,
    fingerprint: index.fingerprint,
    vocabulary: index.vocabulary.json,
    recordSlots: encodeUints(recordSlots),
    slotFields: encodeUints(index.slotField),
    slotItems: encodeUints(index.slotItem),
    slotWords: encodeUints(index.slotWords),
    postings: encodeRuns(index.postStart, index.post),
    bigrams: { first: encodeUints(first), second: encodeUints(second) },
    bigramWords: encodeRuns(index.bigramStart, index.bigramWords),
  };
}

/** Why a cached index cannot be used for these records, or null when it can. */
export function incompatibility(data: SerializedSearchIndex, fingerprint: string): string | null {
  if (data.format !== SEARCH_INDEX_FORMAT) return 'not a search index';
  if (data.version !== SEARCH_INDEX_VERSION) return `index version ${data.version}, expected ${SEARCH_INDEX_VERSION}`;
  if (data.fingerprint !== fingerprint) return 'built from other records';
  return null;
}

/** Loads a serialised index; throws if it does not belong to these records or cannot be read. */
export function loadWordIndex(
  records: CorpusRecords,
  data: SerializedSearchIndex,
  fingerprint = fingerprintOf(records),
): WordIndex {
  const why = incompatibility(data, fingerprint);
  if (why) throw new Error(`search index: ${why}`);
  const postings = decodeRuns(data.postings);
  const bigramWords = decodeRuns(data.bigramWords);
  const first = decodeUints(data.bigrams.first);
  const second = decodeUints(data.bigrams.second);
  if (first.length !== second.length) throw new Error('search index: bigram halves differ in length');
  const keys = new Float64Array(first.length);
  for (let i = 0; i < keys.length; i++) keys[i] = first[i]! * 65536 + second[i]!;
  return assemble(records, fingerprint, loadVocabulary(data.vocabulary), {
    recordSlots: decodeUints(data.recordSlots),
    slotFields: decodeUints(data.slotFields),
    slotItems: decodeUints(data.slotItems),
    slotWords: decodeUints(data.slotWords),
    postStart: postings.starts,
    post: postings.values,
    bigramKeys: keys,
    bigramStart: bigramWords.starts,
    bigramWords: bigramWords.values,
  });
}

/** The words containing the bigram at `term[at]`, `term[at + 1]` (empty if none). */
export function wordsWithBigram(index: WordIndex, term: string, at: number): Int32Array {
  const key = term.charCodeAt(at) * 65536 + term.charCodeAt(at + 1);
  const keys = index.bigramKeys;
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  if (keys[lo] !== key) return EMPTY;
  return index.bigramWords.subarray(index.bigramStart[lo]!, index.bigramStart[lo + 1]!);
}

const EMPTY = new Int32Array(0);

interface Arrays {
  recordSlots: Int32Array;
  slotFields: Int32Array;
  slotItems: Int32Array;
  slotWords: Int32Array;
  postStart: Int32Array;
  post: Int32Array;
  bigramKeys: Float64Array;
  bigramStart: Int32Array;
  bigramWords: Int32Array;
}

function assemble(records: CorpusRecords, fingerprint: string, vocabulary: Vocabulary, a: Arrays): WordIndex {
  const recordCount = SEARCH_KINDS.reduce((n, kind) => n + recordsOf(records, kind).length, 0);
  if (a.recordSlots.length !== recordCount) throw new Error('search index: record count does not match');
  const slotCount = a.slotFields.length;
  if (a.slotItems.length !== slotCount || a.slotWords.length !== slotCount)
    throw new Error('search index: slot tables differ in length');
  if (a.postStart.length !== vocabulary.words.length + 1)
    throw new Error('search index: postings do not match the vocabulary');

  const recKind = new Uint8Array(recordCount);
  const recDoc = new Int32Array(recordCount);
  const kindBase = {} as Record<SearchKind, number>;
  let r = 0;
  SEARCH_KINDS.forEach((kind, k) => {
    kindBase[kind] = r;
    const n = recordsOf(records, kind).length;
    for (let doc = 0; doc < n; doc++, r++) {
      recKind[r] = k;
      recDoc[r] = doc;
    }
  });

  const recSlotStart = new Int32Array(recordCount + 1);
  const slotRec = new Int32Array(slotCount);
  for (let rec = 0; rec < recordCount; rec++) {
    const start = recSlotStart[rec]!;
    const end = start + a.recordSlots[rec]!;
    recSlotStart[rec + 1] = end;
    slotRec.fill(rec, start, end);
  }
  if (recSlotStart[recordCount] !== slotCount) throw new Error('search index: slot counts do not add up');

  const slotField = Uint8Array.from(a.slotFields);
  const slotItem = a.slotItems;
  const slotWeight = new Float32Array(slotCount);
  const fieldKind = FIELDS.map((f) => SEARCH_KINDS.indexOf(f.kind));
  const fieldWeight = FIELDS.map((f) => f.weight);
  const alias = fieldCode('alias');
  for (let s = 0; s < slotCount; s++) {
    const f = slotField[s]!;
    const rec = slotRec[s]!;
    if (fieldKind[f] !== recKind[rec]) throw new Error('search index: a slot has a field of another kind');
    const item = slotItem[s]!;
    if (f === alias ? item >= records.entities[recDoc[rec]!]!.aliases.length : item !== 0)
      throw new Error('search index: a slot names no alias');
    slotWeight[s] = fieldWeight[f]! / Math.sqrt(Math.max(1, a.slotWords[s]!));
  }
  // A damaged cache must fail here, not return wrong records: typed arrays read out of range quietly.
  if (!within(a.post, slotCount) || !within(a.bigramWords, vocabulary.words.length))
    throw new Error('search index: a list points past its table');
  if (a.bigramStart.length !== a.bigramKeys.length + 1)
    throw new Error('search index: bigram lists do not match their keys');

  const index: WordIndex = {
    vocabulary,
    recordCount,
    recKind,
    recDoc,
    kindBase,
    recSlotStart,
    slotRec,
    slotField,
    slotItem,
    slotWords: a.slotWords,
    slotWeight,
    postStart: a.postStart,
    post: a.post,
    bigramKeys: a.bigramKeys,
    bigramStart: a.bigramStart,
    bigramWords: a.bigramWords,
    fingerprint,
  };
  return index;
}

function within(values: Int32Array, n: number): boolean {
  for (let i = 0; i < values.length; i++) if (values[i]! >= n) return false;
  return true;
}

function toCsr(lists: readonly number[][]): { starts: Int32Array; values: Int32Array } {
  const starts = new Int32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) starts[i + 1] = starts[i]! + lists[i]!.length;
  const values = new Int32Array(starts[lists.length]!);
  for (let i = 0; i < lists.length; i++) values.set(lists[i]!, starts[i]!);
  return { starts, values };
}

function bigramIndex(words: readonly string[]): { keys: Float64Array; starts: Int32Array; values: Int32Array } {
  const lists = new Map<number, number[]>();
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    for (let i = 0; i + 1 < word.length; i++) {
      const key = word.charCodeAt(i) * 65536 + word.charCodeAt(i + 1);
      let list = lists.get(key);
      if (!list) lists.set(key, (list = []));
      // words are visited in id order, so a repeat within this word is the list's last entry
      if (list[list.length - 1] !== w) list.push(w);
    }
  }
  const keys = Float64Array.from([...lists.keys()].sort((x, y) => x - y));
  const csr = toCsr(Array.from(keys, (k) => lists.get(k)!));
  return { keys, starts: csr.starts, values: csr.values };
}

/** FNV-1a over every record id and the length of every searchable string (a hot path when opening: no closures). */
export function fingerprintOf(records: CorpusRecords): string {
  let h = Math.imul(0x811c9dc5 ^ SEARCH_INDEX_VERSION, 0x01000193);
  const lengths: number[] = [];
  const hashId = (id: string) => {
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0xffff, 0x01000193);
  };
  for (const e of records.entities) {
    hashId(e.id);
    lengths.push(e.label.length, e.aliases.length);
    for (const a of e.aliases) lengths.push(a.text.length);
  }
  for (const p of records.people) {
    hashId(p.id);
    lengths.push(p.name.length, p.role.length);
  }
  for (const c of records.claims) {
    hashId(c.id);
    lengths.push(c.text.length, c.quote.length);
  }
  for (const s of records.sources) {
    hashId(s.id);
    lengths.push(s.title.length, s.outlet.length, s.author?.length ?? 0xfffff);
  }
  for (const n of lengths) h = Math.imul(h ^ n, 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
