/**
 * The popup's search: a query in, results grouped by kind (entities, people,
 * claims, sources), best first, with the matched parts of each hit marked.
 *
 * How a query is answered:
 *  1. each typed word ("term") becomes the corpus words it stands for
 *     (./terms.ts): words containing it, and words within a typo or two;
 *  2. the slots those words occur in give the records; a record must match
 *     every term and every quoted phrase, in any of its fields;
 *  3. a record's score is fuse.js's formula: the product, over terms and over
 *     the fields they match in, of `matchScore ^ (fieldWeight / √fieldWords)`
 *     (per field, its best slot) — so a short, heavy field that matches
 *     exactly (an entity's name) outranks a claim that mentions the word;
 *  4. a query that names an entity, in any of its languages, also finds what
 *     the corpus says about it (throughNamedEntities): the records that
 *     call it by one of its English names (the corpus's texts are English),
 *     and the claims, people and timeline events linked to it. So "Пхеньян",
 *     "평양" and "Pyongyang" find the same claims, people and events.
 */
import type { CorpusRecords, Entity, Lang } from '../corpus/schema';
import { normaliseForMatch } from '../text/normalise';
import { FIELDS, SEARCH_KINDS, type SearchField, type SearchKind, displayOf, recordsOf, slotText } from './fields';
import { type SearchFilters, allowedRecords, filterKey, narrowsRecords } from './filters';
import { type Range, type WordMatch, matchRanges, phrasePattern, toOriginal } from './highlight';
import { type ParsedQuery, parseQuery, wordsOf } from './query';
import { EPSILON, TYPE_RANK, type TermMatch, VocabularyLookup } from './terms';
import {
  type SerializedSearchIndex,
  type WordIndex,
  buildWordIndex,
  fingerprintOf,
  incompatibility,
  loadWordIndex,
  serialiseWordIndex,
} from './word-index';

export interface Highlight {
  /** which string matched; the kind's title field (label, name, text, title) is the hit's `title` */
  field: SearchField;
  /** that string as written (for an alias, the alias) — `ranges` index into it */
  text: string;
  /** an alias's language */
  lang?: Lang;
  ranges: Range[];
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  /** 0 (exact) … 1 (barely); comparable across groups of one search */
  score: number;
  title: string;
  subtitle: string;
  date?: string;
  highlights: Highlight[];
}

export interface SearchGroup {
  kind: SearchKind;
  /** how many records of this kind match (hits holds the best `limit` of them) */
  total: number;
  /** `total` is an upper bound: a quoted phrase was checked only as far as the hits needed */
  approximate: boolean;
  hits: SearchHit[];
}

export interface SearchResults {
  query: ParsedQuery;
  /** non-empty groups, the group with the best hit first */
  groups: SearchGroup[];
}

export interface Searcher {
  /**
   * An empty query lists the records the filters allow (in corpus order), or
   * nothing when no filter narrows them. `limit` is per group.
   */
  search(query: string, filters?: SearchFilters, limit?: number): SearchResults;
  /** 'cache' when the index passed in was used, 'built' when it was missing or stale and was rebuilt */
  readonly indexSource: 'cache' | 'built';
  /** The index, to cache by corpus version (the one passed in, when it was used). */
  toJSON(): SerializedSearchIndex;
}

export const DEFAULT_LIMIT = 10;

const LOG_EPSILON = Math.log(EPSILON);
/** Longer terms are cut: a pasted paragraph is not a word. */
const MAX_TERM_LENGTH = 64;
/** field codes per kind, in SEARCH_KINDS order */
const KIND_FIELDS: readonly number[][] = SEARCH_KINDS.map((kind) =>
  FIELDS.flatMap((f, code) => (f.kind === kind ? [code] : [])),
);
/** a field's place among its kind's fields: per-record scratch needs only this many cells */
const FIELD_CELL: readonly number[] = FIELDS.map((f, code) => KIND_FIELDS[SEARCH_KINDS.indexOf(f.kind)]!.indexOf(code));
const FIELD_CELLS = Math.max(...KIND_FIELDS.map((f) => f.length));
/** Phrase candidates up to this many per group are all checked, so `total` is exact. */
const CHECK_ALL = 200;
/**
 * Which entity hits a query names: the best, if it matched at least this well
 * (a typo or two in a name, or a Korean particle, which can be half the word:
 * 평양에서 scores 0.5; not a stray prefix), and those whose score is as
 * small in order of magnitude (log score ≥ NAMED_RATIO × the best's): "Korea"
 * names North and South Korea, not Korea University.
 */
const NAMED_MAX_SCORE = 0.55;
const NAMED_RATIO = 0.75;
const NAMED_MAX = 3;
/** The score of a record found only through its link to a named entity: after anything that matched its text. */
const LINKED_SCORE = 0.9;

/** Builds the index for a corpus; cache the result by corpus version. */
export function buildSearchIndex(records: CorpusRecords): SerializedSearchIndex {
  return serialiseWordIndex(buildWordIndex(records));
}

/**
 * A searcher over `records`. Pass the cached index for these records to skip
 * building it; a missing, stale or unreadable one is rebuilt (see
 * `indexSource`), never trusted.
 */
export function createSearcher(records: CorpusRecords, cached?: SerializedSearchIndex): Searcher {
  if (cached) {
    const fingerprint = fingerprintOf(records);
    if (incompatibility(cached, fingerprint) === null) {
      try {
        return new CorpusSearcher(records, loadWordIndex(records, cached, fingerprint), 'cache', cached);
      } catch {
        // an unreadable cache is rebuilt below, like a stale one
      }
    }
  }
  return new CorpusSearcher(records, buildWordIndex(records), 'built', undefined);
}

interface Constraint {
  cost: number;
  visit(each: (slot: number, value: number) => void): void;
}

class CorpusSearcher implements Searcher {
  private readonly lookup: VocabularyLookup;
  private readonly normalised = new Map<number, string>();
  private allowedCache: { key: string; mask: Uint8Array } | null = null;
  private speakers: Map<string, string> | null = null;
  private links: Map<string, number[]> | null = null;

  // per-record scratch, reused by every search
  private readonly recGen: Int32Array;
  private readonly recCount: Int32Array;
  private readonly recScore: Float64Array;
  private readonly termStamp: Int32Array;
  // per record and field: a term's best value in that field (FIELD_CELLS cells per record)
  private readonly fieldStamp: Int32Array;
  private readonly fieldBest: Float64Array;
  private gen = 0;
  private stamp = 0;
  // per-slot scratch for phrases
  private readonly slotMark: Uint8Array;

  constructor(
    private readonly records: CorpusRecords,
    private readonly index: WordIndex,
    readonly indexSource: 'cache' | 'built',
    private cached: SerializedSearchIndex | undefined,
  ) {
    const r = index.recordCount;
    this.recGen = new Int32Array(r);
    this.recCount = new Int32Array(r);
    this.recScore = new Float64Array(r);
    this.termStamp = new Int32Array(r);
    this.fieldStamp = new Int32Array(r * FIELD_CELLS);
    this.fieldBest = new Float64Array(r * FIELD_CELLS);
    this.lookup = new VocabularyLookup(index);
    this.slotMark = new Uint8Array(index.slotRec.length);
  }

  toJSON(): SerializedSearchIndex {
    this.cached ??= serialiseWordIndex(this.index);
    return this.cached;
  }

  search(query: string, filters: SearchFilters = {}, limit = DEFAULT_LIMIT): SearchResults {
    const parsed = parseQuery(query);
    limit = Math.max(1, Math.floor(limit));
    const asked = new Set<SearchKind>(filters.kinds ?? SEARCH_KINDS);
    const kinds = new Set(asked);
    if (parsed.short) {
      // one or two characters: names only (see ParsedQuery.short)
      kinds.delete('claim');
      kinds.delete('source');
      kinds.delete('event');
    }
    const mask = narrowsRecords(filters) ? this.allowedMask(filters) : null;
    const allowedOf = (of: ReadonlySet<SearchKind>) => {
      const kindAllowed = Uint8Array.from(SEARCH_KINDS, (k) => (of.has(k) ? 1 : 0));
      return (rec: number) => kindAllowed[this.index.recKind[rec]!] === 1 && (mask === null || mask[rec] === 1);
    };
    const allowed = allowedOf(kinds);

    if (parsed.terms.length === 0 && parsed.phrases.length === 0) {
      return { query: parsed, groups: mask ? this.browse(allowed, limit) : [] };
    }

    const ranges = this.slotRanges(kinds);
    const terms = parsed.terms.map((t) => this.lookup.match(t.slice(0, MAX_TERM_LENGTH), parsed.short));
    const constraints: Constraint[] = terms.map((m) => this.termConstraint(m, ranges));
    const phraseChecks: RegExp[] = [];
    for (const phrase of parsed.phrases) {
      constraints.push(this.phraseConstraint(phrase, ranges));
      const words = wordsOf(phrase);
      // A one-word phrase is settled by the word index; anything longer is checked on the text.
      if (!(words.length === 1 && words[0] === phrase)) phraseChecks.push(phrasePattern(phrase));
    }

    const matched = this.intersect(constraints, allowed);
    const wordMatches = this.wordMatches(parsed.terms, terms);
    const highlightPhrases = parsed.phrases.map(phrasePattern);
    const n = constraints.length;
    const scores = new Map<number, number>();
    for (const rec of matched) scores.set(rec, Math.exp(this.recScore[rec]! / n));
    // Records found through a named entity are marked where they say one of its names.
    const throughWords = new Map(wordMatches);
    // Only a whole word names an entity (itself, a typo, an ending): not "Pyo", typed on the way to Pyongyang,
    // which would cost every keystroke the records of every name it begins.
    const whole = terms.every((m) => m.types.some((t) => t === 'exact' || t === 'fuzzy'));
    if (parsed.phrases.length === 0 && whole) {
      // A short query names an entity only by a whole alias ("UN", "평양"), and then reaches every kind asked for.
      const named = this.namedEntities(matched, scores, parsed.short ? parsed.terms[0]! : null);
      if (named.length > 0)
        this.throughNamedEntities(named, scores, throughWords, this.slotRanges(asked), allowedOf(asked));
    }
    const own = new Set(matched);
    const score = (rec: number) => scores.get(rec)!;
    const groups: SearchGroup[] = [];
    for (const kind of SEARCH_KINDS) {
      const k = SEARCH_KINDS.indexOf(kind);
      const ofKind = [...scores.keys()].filter((rec) => this.index.recKind[rec] === k);
      const { best, total, approximate } =
        phraseChecks.length > 0
          ? this.checked(ofKind, phraseChecks, limit, score)
          : { best: this.top(ofKind, limit, score), total: ofKind.length, approximate: false };
      if (best.length === 0) continue;
      groups.push({
        kind,
        total,
        approximate,
        hits: best.map((rec) => this.hit(rec, score(rec), own.has(rec) ? wordMatches : throughWords, highlightPhrases)),
      });
    }
    groups.sort(
      (a, b) => a.hits[0]!.score - b.hits[0]!.score || SEARCH_KINDS.indexOf(a.kind) - SEARCH_KINDS.indexOf(b.kind),
    );
    return { query: parsed, groups };
  }

  /**
   * The slots of the searched kinds, as [start, end) pairs, or null for all.
   * Slots are numbered kind by kind (SEARCH_KINDS order), so each kind is one
   * range and a word's postings, being sorted, can skip the other kinds.
   */
  private slotRanges(kinds: ReadonlySet<SearchKind>): number[] | null {
    if (SEARCH_KINDS.every((k) => kinds.has(k))) return null;
    const { kindBase, recSlotStart, recordCount } = this.index;
    const ranges: number[] = [];
    SEARCH_KINDS.forEach((kind, k) => {
      if (!kinds.has(kind)) return;
      const next = SEARCH_KINDS[k + 1];
      ranges.push(recSlotStart[kindBase[kind]]!, recSlotStart[next ? kindBase[next] : recordCount]!);
    });
    return ranges;
  }

  /** Calls `each` for the postings of word `w` that fall in `ranges`. */
  private forPostings(w: number, ranges: readonly number[] | null, each: (slot: number) => void): void {
    const { postStart, post } = this.index;
    const a = postStart[w]!;
    const b = postStart[w + 1]!;
    if (ranges === null) {
      for (let p = a; p < b; p++) each(post[p]!);
      return;
    }
    for (let r = 0; r < ranges.length; r += 2) {
      const lo = ranges[r]!;
      const hi = ranges[r + 1]!;
      let i = a;
      let j = b;
      while (i < j) {
        const mid = (i + j) >>> 1;
        if (post[mid]! < lo) i = mid + 1;
        else j = mid;
      }
      for (let p = i; p < b && post[p]! < hi; p++) each(post[p]!);
    }
  }

  private termConstraint(m: TermMatch, ranges: readonly number[] | null): Constraint {
    const slotWeight = this.index.slotWeight;
    return {
      cost: m.cost,
      visit: (each) => {
        for (let i = 0; i < m.words.length; i++) {
          const log = m.logs[i]!;
          this.forPostings(m.words[i]!, ranges, (slot) => each(slot, log * slotWeight[slot]!));
        }
      },
    };
  }

  /**
   * The slots that contain every word of a phrase where the phrase puts it:
   * its first word may end a longer word, its last may begin one, the others
   * are whole words. The text itself is checked later (containsPhrases).
   */
  private phraseConstraint(phrase: string, ranges: readonly number[] | null): Constraint {
    const words = this.index.vocabulary.words;
    const parts = wordsOf(phrase).slice(0, 255);
    const mark = this.slotMark;
    const touched: number[] = [];
    parts.forEach((part, i) => {
      const last = parts.length - 1;
      for (const w of this.lookup.containing(part)) {
        const word = words[w]!;
        const fits = last === 0 || (i === 0 ? word.endsWith(part) : i === last ? word.startsWith(part) : word === part);
        if (!fits) continue;
        this.forPostings(w, ranges, (slot) => {
          if (mark[slot] !== i) return;
          if (i === 0) touched.push(slot);
          mark[slot] = i + 1;
        });
      }
    });
    const slots: number[] = [];
    for (const slot of touched) {
      if (mark[slot] === parts.length) slots.push(slot);
      mark[slot] = 0;
    }
    const slotWeight = this.index.slotWeight;
    return {
      cost: slots.length,
      visit(each) {
        for (const slot of slots) each(slot, LOG_EPSILON * slotWeight[slot]!);
      },
    };
  }

  /**
   * The records meeting every constraint, each with its score in recScore:
   * the sum over constraints of, per field, the best (lowest) value among the
   * field's slots — fuse.js multiplies the scores of every matching field,
   * so a record found in its name and in an alias, or in a claim's paraphrase
   * and its quote, ranks above one found in a single field.
   * Cheapest constraint first, so later ones only confirm survivors.
   */
  private intersect(constraints: Constraint[], allowed: (rec: number) => boolean): number[] {
    const order = [...constraints].sort((a, b) => a.cost - b.cost);
    const { slotRec, slotField, recKind } = this.index;
    const { recGen, recCount, recScore, termStamp, fieldStamp, fieldBest } = this;
    const gen = ++this.gen;
    let survivors: number[] = [];
    for (let j = 0; j < order.length; j++) {
      const stamp = ++this.stamp;
      const touched: number[] = [];
      order[j]!.visit((slot, value) => {
        const rec = slotRec[slot]!;
        if (termStamp[rec] !== stamp) {
          if (j === 0 ? !allowed(rec) : recGen[rec] !== gen || recCount[rec] !== j) return;
          termStamp[rec] = stamp;
          touched.push(rec);
        }
        const cell = rec * FIELD_CELLS + FIELD_CELL[slotField[slot]!]!;
        if (fieldStamp[cell] !== stamp) {
          fieldStamp[cell] = stamp;
          fieldBest[cell] = value;
        } else if (value < fieldBest[cell]!) {
          fieldBest[cell] = value;
        }
      });
      for (const rec of touched) {
        let sum = 0;
        const fields = KIND_FIELDS[recKind[rec]!]!.length;
        for (let f = 0; f < fields; f++) {
          const cell = rec * FIELD_CELLS + f;
          if (fieldStamp[cell] === stamp) sum += fieldBest[cell]!;
        }
        if (j === 0) {
          recGen[rec] = gen;
          recScore[rec] = 0;
        }
        recCount[rec] = j + 1;
        recScore[rec] = recScore[rec]! + sum;
      }
      survivors = touched;
      if (survivors.length === 0) break;
    }
    return survivors;
  }

  /**
   * The best `limit` records that really contain the phrases. Checking reads
   * (and normalises) the record's text, so a few hundred candidates are all
   * checked and counted; beyond that only as many as the hits need, best
   * first, and `total` counts the unchecked ones too (`approximate`). This
   * keeps a phrase of common words ("the s…", typed a letter at a time) from
   * reading the whole corpus on one keystroke.
   */
  private checked(
    recs: number[],
    phrases: readonly RegExp[],
    limit: number,
    score: (rec: number) => number,
  ): { best: number[]; total: number; approximate: boolean } {
    if (recs.length <= CHECK_ALL) {
      const found = recs.filter((rec) => this.containsPhrases(rec, phrases));
      return { best: this.top(found, limit, score), total: found.length, approximate: false };
    }
    const ordered = [...recs].sort((a, b) => score(a) - score(b) || a - b);
    const best: number[] = [];
    let i = 0;
    let rejected = 0;
    for (; i < ordered.length && best.length < limit; i++) {
      if (this.containsPhrases(ordered[i]!, phrases)) best.push(ordered[i]!);
      else rejected++;
    }
    return { best, total: recs.length - rejected, approximate: i < ordered.length };
  }

  private containsPhrases(rec: number, phrases: readonly RegExp[]): boolean {
    const { recSlotStart } = this.index;
    return phrases.every((re) => {
      for (let s = recSlotStart[rec]!; s < recSlotStart[rec + 1]!; s++) {
        re.lastIndex = 0;
        if (re.test(this.normalisedSlot(s))) return true;
      }
      return false;
    });
  }

  /** The best `limit` records by score (ties: corpus order), without sorting them all. */
  private top(recs: number[], limit: number, score: (rec: number) => number): number[] {
    const better = (a: number, b: number) => score(a) < score(b) || (score(a) === score(b) && a < b);
    const best: number[] = [];
    for (const rec of recs) {
      if (best.length === limit && !better(rec, best[limit - 1]!)) continue;
      let lo = 0;
      let hi = best.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (better(best[mid]!, rec)) lo = mid + 1;
        else hi = mid;
      }
      best.splice(lo, 0, rec);
      if (best.length > limit) best.pop();
    }
    return best;
  }

  /**
   * Adds to `scores` what the corpus says about the entities the query names:
   * the records that call one by an English name (its label and English
   * aliases, each searched like a query of its own, a word of four letters
   * or more also as the start of a longer one: Russia → Russian), then the
   * claims, people and events linked to it. Entities
   * themselves are not added: the query's own entity hits stay as they are.
   */
  /** The entities the query names (see NAMED_MAX_SCORE); with `whole`, only those with an alias that is exactly it. */
  private namedEntities(matched: readonly number[], scores: ReadonlyMap<number, number>, whole: string | null) {
    const { recKind, recDoc } = this.index;
    const entityKind = SEARCH_KINDS.indexOf('entity');
    const entities = matched
      .filter((rec) => recKind[rec] === entityKind)
      .sort((a, b) => scores.get(a)! - scores.get(b)!);
    const best = entities[0] === undefined ? 1 : scores.get(entities[0])!;
    if (best > NAMED_MAX_SCORE) return [];
    const bar = Math.log(Math.max(best, EPSILON)) * NAMED_RATIO;
    return entities
      .filter((rec) => Math.log(Math.max(scores.get(rec)!, EPSILON)) <= bar)
      .map((rec) => ({ entity: this.records.entities[recDoc[rec]!]!, score: scores.get(rec)! }))
      .filter(
        ({ entity: e }) =>
          whole === null ||
          [e.label, ...e.aliases.map((a) => a.text)].some((name) => normaliseForMatch(name) === whole),
      )
      .slice(0, NAMED_MAX);
  }

  private throughNamedEntities(
    named: readonly { entity: Entity; score: number }[],
    scores: Map<number, number>,
    wordMatches: Map<string, WordMatch>,
    ranges: readonly number[] | null,
    allowed: (rec: number) => boolean,
  ): void {
    const { recKind } = this.index;
    const entityKind = SEARCH_KINDS.indexOf('entity');
    const notEntity = (rec: number) => recKind[rec] !== entityKind && allowed(rec);
    const { postStart } = this.index;
    const postings = (w: number) => postStart[w + 1]! - postStart[w]!;
    for (const { entity, score: namedScore } of named) {
      const names = new Set([entity.label, ...entity.aliases.filter((a) => a.lang === 'en').map((a) => a.text)]);
      const seen = new Set<string>();
      for (const name of names) {
        const words = wordsOf(normaliseForMatch(name)).slice(0, 8);
        const key = words.join(' ');
        if (words.length === 0 || seen.has(key)) continue;
        seen.add(key);
        const exact = words.map((w) => wholeWords(this.lookup.match(w.slice(0, MAX_TERM_LENGTH), false), postings, w));
        if (exact.some((m) => m.words.length === 0)) continue;
        const found = this.intersect(
          exact.map((m) => this.termConstraint(m, ranges)),
          notEntity,
        );
        for (const rec of found) {
          // never above the entity that led here: "Pyongyng" lists Pyongyang before what says it
          const s = Math.max(namedScore, Math.exp(this.recScore[rec]! / exact.length));
          if (!(scores.get(rec)! <= s)) scores.set(rec, s);
        }
        if (found.length > 0) {
          for (const [word, match] of this.wordMatches(words, exact))
            if (!wordMatches.has(word)) wordMatches.set(word, match);
        }
      }
      for (const rec of this.linkedTo(entity.id)) {
        if (!scores.has(rec) && notEntity(rec)) scores.set(rec, LINKED_SCORE);
      }
    }
  }

  /** The claims, people and timeline events linked to an entity (record numbers). */
  private linkedTo(entityId: string): readonly number[] {
    if (!this.links) {
      const links = new Map<string, number[]>();
      const add = (id: string, rec: number) => {
        const list = links.get(id);
        if (list) list.push(rec);
        else links.set(id, [rec]);
      };
      const { kindBase } = this.index;
      this.records.claims.forEach((c, doc) => c.entityIds.forEach((id) => add(id, kindBase.claim + doc)));
      this.records.people.forEach((p, doc) => p.entityId && add(p.entityId, kindBase.person + doc));
      this.records.events.forEach((e, doc) => e.entityIds.forEach((id) => add(id, kindBase.event + doc)));
      this.links = links;
    }
    return this.links.get(entityId) ?? [];
  }

  private browse(allowed: (rec: number) => boolean, limit: number): SearchGroup[] {
    const groups: SearchGroup[] = [];
    for (const kind of SEARCH_KINDS) {
      const base = this.index.kindBase[kind];
      const n = recordsOf(this.records, kind).length;
      const recs: number[] = [];
      for (let rec = base; rec < base + n; rec++) if (allowed(rec)) recs.push(rec);
      if (recs.length === 0) continue;
      groups.push({
        kind,
        total: recs.length,
        approximate: false,
        hits: recs.slice(0, limit).map((rec) => this.hit(rec, 0, new Map(), [])),
      });
    }
    return groups;
  }

  private allowedMask(filters: SearchFilters): Uint8Array {
    const key = filterKey(filters);
    if (this.allowedCache?.key === key) return this.allowedCache.mask;
    const perKind = allowedRecords(this.records, filters);
    const mask = new Uint8Array(this.index.recordCount);
    for (const kind of SEARCH_KINDS) mask.set(perKind[kind], this.index.kindBase[kind]);
    this.allowedCache = { key, mask };
    return mask;
  }

  /** Each matched corpus word with how it matched, for highlighting; the best type wins. */
  private wordMatches(terms: readonly string[], matches: readonly TermMatch[]): Map<string, WordMatch> {
    const out = new Map<string, WordMatch>();
    const words = this.index.vocabulary.words;
    matches.forEach((m, t) => {
      m.words.forEach((w, i) => {
        const word = words[w]!;
        const type = m.types[i]!;
        const prev = out.get(word);
        if (!prev || TYPE_RANK[type] < TYPE_RANK[prev.type]) out.set(word, { type, term: terms[t]! });
      });
    });
    return out;
  }

  private hit(
    rec: number,
    score: number,
    words: ReadonlyMap<string, WordMatch>,
    phrases: readonly RegExp[],
  ): SearchHit {
    const { recKind, recDoc, recSlotStart, slotField, slotItem } = this.index;
    const kind = SEARCH_KINDS[recKind[rec]!]!;
    const doc = recDoc[rec]!;
    const display = displayOf(this.records, kind, doc, (id) => this.speakerName(id));
    const highlights: Highlight[] = [];
    if (words.size > 0 || phrases.length > 0) {
      for (let s = recSlotStart[rec]!; s < recSlotStart[rec + 1]!; s++) {
        const ranges = matchRanges(this.normalisedSlot(s), words, phrases);
        if (ranges.length === 0) continue;
        const field = FIELDS[slotField[s]!]!.field;
        const { text, lang } = slotText(this.records, field, doc, slotItem[s]!);
        highlights.push({ field, text, ...(lang ? { lang } : {}), ranges: toOriginal(text, ranges) });
      }
    }
    const id = recordsOf(this.records, kind)[doc]!.id;
    return { kind, id, score, ...display, highlights };
  }

  private normalisedSlot(slot: number): string {
    let text = this.normalised.get(slot);
    if (text === undefined) {
      const rec = this.index.slotRec[slot]!;
      const field = FIELDS[this.index.slotField[slot]!]!.field;
      text = normaliseForMatch(slotText(this.records, field, this.index.recDoc[rec]!, this.index.slotItem[slot]!).text);
      this.normalised.set(slot, text);
    }
    return text;
  }

  private speakerName(id: string): string {
    this.speakers ??= new Map(this.records.people.map((p) => [p.id, p.name]));
    return this.speakers.get(id) ?? id;
  }
}

/**
 * A name's matches cut to the words it is: itself, and for four letters or
 * more the words it begins ("Korea" → Korean). No typos, no parts of words:
 * "UN" must not find "unless".
 */
function wholeWords(m: TermMatch, postings: (word: number) => number, term: string): TermMatch {
  const out: TermMatch = { words: [], logs: [], types: [], cost: 0 };
  const prefix = [...term].length >= 4;
  m.types.forEach((type, i) => {
    if (!(type === 'exact' || (prefix && type === 'prefix'))) return;
    out.words.push(m.words[i]!);
    out.logs.push(m.logs[i]!);
    out.types.push(type);
    out.cost += postings(m.words[i]!);
  });
  return out;
}
