/**
 * Checks a corpus — the bundled one at build time and in tests, or a pack a
 * reader imports — in two passes: the zod schema (./schema.ts) for the shape
 * of each record, then the rules that need more than one record: quotes
 * verbatim at their spans, ids that resolve, aliases no two entities share
 * unless context tells them apart, context rules that compile and can fire,
 * entities and topic positions that some claim backs, texts that some source
 * lists, translated quotes that say how they were translated, years the
 * project adds that say they are the project's, and one figure per datum.
 *
 * Pure: no file system or browser APIs, so the background can validate a pack
 * before writing anything. Callers pass the source texts in.
 *
 * Every issue names the record (`claims[12] (id "c-003-07")`) and the field
 * (`span`), so a curator can go straight to the line to fix. The cross-record
 * rules run only once the schema holds, since they read fields it guarantees.
 */
import { describeIssue, formatPath, valueAt, type ZodIssue } from '../zod';
import { languageChainOf, languageName } from './attribution';
import { linkedBy, nameKey, readerPackOf } from './reader-links';
import {
  type Alias,
  type Claim,
  type ContextRule,
  CorpusRecords,
  type Entity,
  Pack,
  type Person,
  type Source,
} from './schema';
import { compileRule, isCapitalised } from '../text/context-rules';
import { errorMessage } from '../errors';

export interface CorpusIssue {
  /** e.g. `claims[12] (id "c-003-07")`, `texts["005_x.txt"]`, `pack` */
  record: string;
  /** e.g. `span`, `aliases[2].text`, `positions[1]` */
  field: string;
  message: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; issues: CorpusIssue[] };

type Records = CorpusRecords;
type Kind = keyof Records;

const KINDS: readonly Kind[] = ['sources', 'people', 'entities', 'claims', 'topics', 'events'];

const EMPTY: Records = { sources: [], people: [], entities: [], claims: [], topics: [], events: [] };

/** Validates the bundled corpus. `texts` maps each file name in data/sources/ to its text. */
export function validateCorpus(input: unknown, texts: Record<string, string>): Validation<Records> {
  const parsed = CorpusRecords.safeParse(input);
  if (!parsed.success) return { ok: false, issues: fromZod(parsed.error.issues, input, 'corpus') };
  const issues = checkRecords(parsed.data, EMPTY, texts, false);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.data };
}

/**
 * Validates a pack against the corpus it will join. The pack's records may
 * refer to `base` records (an entity, a topic, a person) but may not reuse
 * their ids. The pack is accepted or rejected whole: any issue rejects it.
 */
export function validatePack(input: unknown, base: Records): Validation<Pack> {
  const parsed = Pack.safeParse(input);
  if (!parsed.success) return { ok: false, issues: fromZod(parsed.error.issues, input, 'pack') };
  const pack = parsed.data;
  const own: Records = {
    sources: pack.sources,
    people: pack.people,
    entities: pack.entities,
    claims: pack.claims,
    topics: pack.topics,
    events: pack.events,
  };
  const issues = [...checkRecords(own, base, pack.texts, true), ...checkReaderIds(pack)];
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: pack };
}

/**
 * An id of a reader's record (`e-mine-3f9k2a7c-…`) names its pack: only that
 * pack may use it, so that a pack cannot pass its entities off as another
 * reader's and be linked with theirs (lib/corpus/reader-links.ts).
 */
function checkReaderIds(pack: Pack): CorpusIssue[] {
  const issues: CorpusIssue[] = [];
  for (const kind of ['entities', 'people'] as const) {
    pack[kind].forEach((r, i) => {
      const owner = readerPackOf(r.id.replace(/^p-/, 'e-'));
      if (owner !== undefined && owner !== pack.id)
        issues.push({
          record: label(kind, i, r.id),
          field: 'id',
          message: `id "${r.id}" belongs to the reader pack "${owner}"; this pack is "${pack.id}"`,
        });
    });
  }
  return issues;
}

/** One line per issue, naming record and field; at most `max` lines plus a count of the rest. */
export function formatIssues(issues: CorpusIssue[], max = 20): string {
  const lines = issues.slice(0, max).map((i) => `${i.record} → ${i.field}: ${i.message}`);
  if (issues.length > max) lines.push(`… and ${issues.length - max} more`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------
// Schema issues → CorpusIssues

function fromZod(zodIssues: readonly ZodIssue[], input: unknown, scope: string): CorpusIssue[] {
  return zodIssues.map((issue) => {
    const { path, message } = describeIssue(issue, input);
    const [head, index] = path;
    let record = scope;
    let rest: readonly PropertyKey[] = path;
    if (typeof head === 'string' && (KINDS as readonly string[]).includes(head) && typeof index === 'number') {
      record = label(head, index, idAt(input, head, index));
      rest = path.slice(2);
    }
    return { record, field: formatPath(rest) || '(record)', message };
  });
}

function idAt(input: unknown, kind: string, index: number): string | undefined {
  const id = valueAt(input, [kind, index, 'id']);
  return typeof id === 'string' ? id : undefined;
}

function label(kind: string, index: number, id: string | undefined): string {
  return id === undefined ? `${kind}[${index}]` : `${kind}[${index}] (id "${id}")`;
}

// ---------------------------------------------------------------------------
// Rules across records

/**
 * Checks `own` records; references may resolve to `own` or `base`. Issues are
 * reported for `own` records only: `base` was validated when it was built.
 */
function checkRecords(own: Records, base: Records, texts: Record<string, string>, isPack: boolean): CorpusIssue[] {
  const issues: CorpusIssue[] = [];
  const add = (record: string, field: string, message: string) => issues.push({ record, field, message });
  const at = (kind: Kind, index: number) => label(kind, index, own[kind][index]?.id);

  // Ids: unique within a record type, and a pack may not reuse the corpus's.
  for (const kind of KINDS) {
    const baseIds = new Set(base[kind].map((r) => r.id));
    const seen = new Map<string, number>();
    own[kind].forEach((r, i) => {
      const first = seen.get(r.id);
      if (first !== undefined) add(at(kind, i), 'id', `duplicate id; first used by ${kind}[${first}]`);
      else seen.set(r.id, i);
      if (baseIds.has(r.id)) add(at(kind, i), 'id', `id "${r.id}" is already used in the bundled corpus`);
    });
  }
  checkNestedIds(own, base, add, at);

  const all = merge(base, own);
  const sources = byId(all.sources);
  const people = byId(all.people);
  const entities = byId(all.entities);
  const claims = byId(all.claims);
  const topics = byId(all.topics);
  const ownSourceIds = new Set(own.sources.map((s) => s.id));

  // Sources and their texts.
  const filesSeen = new Map<string, string>();
  for (const s of base.sources) filesSeen.set(s.file, s.id);
  own.sources.forEach((s, i) => {
    if (!people.has(s.outletId)) add(at('sources', i), 'outletId', `no person or organisation "${s.outletId}"`);
    if (s.authorId !== undefined && !people.has(s.authorId))
      add(at('sources', i), 'authorId', `no person or organisation "${s.authorId}"`);
    const chain = languageChainOf(s);
    if (chain[chain.length - 1] !== s.language)
      add(
        at('sources', i),
        'languageChain',
        `ends in "${chain[chain.length - 1]}", not the text's language "${s.language}"`,
      );
    if (texts[s.file] === undefined) add(at('sources', i), 'file', `source text "${s.file}" is missing`);
    const other = filesSeen.get(s.file);
    if (other !== undefined) add(at('sources', i), 'file', `file "${s.file}" is already listed by source "${other}"`);
    else filesSeen.set(s.file, s.id);
  });
  const listed = new Set(own.sources.map((s) => s.file));
  for (const file of Object.keys(texts)) {
    if (!listed.has(file)) add(`texts["${file}"]`, 'file', `source text "${file}" is not listed by any source`);
  }

  own.people.forEach((p, i) => {
    if (p.entityId !== undefined && !entities.has(p.entityId))
      add(at('people', i), 'entityId', `no entity "${p.entityId}"`);
  });

  // Claims: references, then the quote at its span.
  own.claims.forEach((c, i) => {
    const record = at('claims', i);
    const source = sources.get(c.sourceId);
    if (!source) add(record, 'sourceId', `no source "${c.sourceId}"`);
    else if (isPack && !ownSourceIds.has(c.sourceId)) {
      add(record, 'sourceId', `source "${c.sourceId}" is not in this pack; a pack's claims quote the pack's own texts`);
    }
    c.speakerIds.forEach((p, j) => {
      if (!people.has(p)) add(record, `speakerIds[${j}]`, `no person or organisation "${p}"`);
      else if (c.speakerIds.indexOf(p) !== j) add(record, `speakerIds[${j}]`, `"${p}" is listed twice`);
    });
    c.entityIds.forEach((e, j) => {
      if (!entities.has(e)) add(record, `entityIds[${j}]`, `no entity "${e}"`);
    });
    c.stances.forEach((st, j) => {
      const topic = topics.get(st.topicId);
      if (!topic) add(record, `stances[${j}].topicId`, `no topic "${st.topicId}"`);
      else if (st.positionId !== undefined && !topic.positions.some((p) => p.id === st.positionId)) {
        add(record, `stances[${j}].positionId`, `"${st.positionId}" is not a position of topic "${st.topicId}"`);
      }
      if (c.stances.findIndex((o) => o.topicId === st.topicId) !== j)
        add(
          record,
          `stances[${j}].topicId`,
          `topic "${st.topicId}" is answered twice; a claim takes one position per topic`,
        );
    });
    if (source) checkTranslation(c, source, people.get(c.speakerIds[0] ?? ''), record, add);
    const text = source ? texts[source.file] : undefined;
    if (source && text !== undefined) checkQuote(c.quote, c.span, source.file, text, record, add);
    if (c.passage !== undefined) checkPassage(c, source, record, add);
    if (!isPack) checkProjectYears(c.text, [c.quote, c.date.slice(0, 4)], c.projectNote, record, 'text', add);
  });
  checkFigures(own, add, at);

  // Entities: each backed by a claim; aliases not shared unless both ambiguous.
  const claimed = new Set(all.claims.flatMap((c) => c.entityIds));
  own.entities.forEach((e, i) => {
    if (!claimed.has(e.id)) add(at('entities', i), 'id', 'entity has no claims (no claim lists it in entityIds)');
  });
  checkAliases(own, base, add, at);
  if (!isPack) {
    own.entities.forEach((e, i) => {
      const about = all.claims.filter((c) => c.entityIds.includes(e.id));
      const given = about.flatMap((c) => [c.quote, c.date.slice(0, 4)]);
      checkProjectYears(e.summary, given, e.projectNote, at('entities', i), 'summary', add);
    });
  }
  own.entities.forEach((e, i) =>
    e.aliases.forEach((a, j) =>
      checkRules(a, (field, message) => add(at('entities', i), `aliases[${j}].${field}`, message)),
    ),
  );

  // Topics: every position taken by at least one claim.
  const taken = new Set(all.claims.flatMap((c) => c.stances.flatMap((st) => st.positionId ?? [])));
  own.topics.forEach((t, i) => {
    t.positions.forEach((p, j) => {
      if (!taken.has(p.id)) add(at('topics', i), `positions[${j}]`, `position "${p.id}" has no claims`);
    });
  });

  own.events.forEach((ev, i) => {
    const record = at('events', i);
    ev.entityIds.forEach((e, j) => {
      if (!entities.has(e)) add(record, `entityIds[${j}]`, `no entity "${e}"`);
    });
    ev.claimIds.forEach((c, j) => {
      if (!claims.has(c)) add(record, `claimIds[${j}]`, `no claim "${c}"`);
    });
    if (ev.endDate !== undefined && dateBefore(ev.endDate, ev.date)) {
      add(record, 'endDate', `ends (${ev.endDate}) before it starts (${ev.date})`);
    }
    // An event's own dates count as stated only where a quote of its claims
    // gives them, or a claim's date printed in its source (not inferred).
    if (!isPack) {
      const given = ev.claimIds.flatMap((id) => {
        const c = claims.get(id);
        return c ? [c.quote, c.dateInferred ? '' : c.date.slice(0, 4)] : [];
      });
      const stated = [ev.date, ev.endDate ?? '', ev.label, ev.summary].join(' ');
      checkProjectYears(stated, given.filter(Boolean), ev.projectNote, record, 'date', add);
    }
  });

  return issues;
}

type Add = (record: string, field: string, message: string) => void;
type At = (kind: Kind, index: number) => string;

/**
 * A quote whose speaker spoke another language than the source's original was
 * translated on its way to the source (Putin in a Korean article, The Economist
 * in News1): it must say so in `quotedVia`, which ends in the source's chain.
 */
function checkTranslation(c: Claim, source: Source, lead: Person | undefined, record: string, add: Add): void {
  const chain = languageChainOf(source);
  const spoken = lead?.language;
  if (c.quotedVia === undefined) {
    if (spoken !== undefined && spoken !== chain[0]) {
      add(
        record,
        'quotedVia',
        `the quote is translated: ${lead?.name ?? 'the speaker'} speaks ${languageName(spoken)} and ${source.id}'s original is ${chain[0] ? languageName(chain[0]) : ''}; give its chain, e.g. ${JSON.stringify([spoken, ...chain])}`,
      );
    }
    return;
  }
  const tail = c.quotedVia.slice(-chain.length);
  if (c.quotedVia.length <= chain.length || tail.join() !== chain.join()) {
    add(
      record,
      'quotedVia',
      `${JSON.stringify(c.quotedVia)} must be longer than and end in ${source.id}'s chain ${JSON.stringify(chain)}`,
    );
  } else if (spoken !== undefined && c.quotedVia[0] !== spoken) {
    add(record, 'quotedVia', `starts in "${c.quotedVia[0]}", but ${lead?.name} speaks "${spoken}"`);
  }
}

/**
 * A reader's claim says where on the web its quote is: the passage's exact
 * text is the claim's quote, and its page is its source's.
 */
function checkPassage(c: Claim, source: Source | undefined, record: string, add: Add): void {
  const passage = c.passage;
  if (passage === undefined) return;
  if (passage.quote.exact !== c.quote)
    add(record, 'passage.quote.exact', 'the passage selected on the page is not the claim’s quote');
  if (passage.position.end <= passage.position.start)
    add(
      record,
      'passage.position',
      `position [${passage.position.start}, ${passage.position.end}] is empty or reversed`,
    );
  if (source !== undefined && source.url !== passage.url)
    add(
      record,
      'passage.url',
      `the passage is on ${passage.url}, but source "${source.id}" is ${source.url ?? 'without a URL'}`,
    );
}

/** Years and decades as written: 1948, 2024, 1990s. */
const YEAR = /(?<![\d.,$])(1[89]\d\d|20\d\d)(s?)(?!\d)/g;

/**
 * The project may add what its sources do not state — but says so. Held for
 * the bundled corpus, whose summaries are the project's voice; a pack is its
 * author's, and a reader's notes are not held to it. Each year
 * `statement` names that none of `given` (quotes, and dates already flagged
 * as inferred where they were) contains must be named in the record's
 * `projectNote`.
 */
function checkProjectYears(
  statement: string,
  given: readonly string[],
  note: string | undefined,
  record: string,
  field: string,
  add: Add,
): void {
  const missing = new Set<string>();
  for (const m of statement.matchAll(YEAR)) {
    const token = m[0];
    if (given.some((g) => g.includes(token))) continue;
    if (note?.includes(token)) continue;
    missing.add(token);
  }
  for (const token of missing) {
    add(
      record,
      note === undefined ? field : 'projectNote',
      `states ${token}, which no source quote of it gives; say in projectNote that ${token} is the project's`,
    );
  }
}

/**
 * One record per datum: a figure repeated by another speaker is not a second
 * figure. Within the records checked: a pack may give a datum the bundled
 * corpus also gives, from its own source.
 */
function checkFigures(own: Records, add: Add, at: At): void {
  const seen = new Map<string, string>();
  const key = (f: Claim['figures'][number]) => JSON.stringify([f.value, f.unit, f.measures, f.year, f.endYear ?? null]);
  own.claims.forEach((c, i) => {
    c.figures.forEach((f, j) => {
      if (f.endYear !== undefined && f.endYear < f.year)
        add(at('claims', i), `figures[${j}].endYear`, `ends (${f.endYear}) before it starts (${f.year})`);
      const other = seen.get(key(f));
      if (other !== undefined)
        add(at('claims', i), `figures[${j}]`, `the same datum as ${other}; keep one record per datum`);
      else seen.set(key(f), `figure "${f.id}" of claim "${c.id}"`);
    });
  });
}

/** Position and figure ids are referenced on their own, so they are unique corpus-wide. */
function checkNestedIds(own: Records, base: Records, add: Add, at: At): void {
  const positions = new Map<string, string>();
  for (const t of base.topics) for (const p of t.positions) positions.set(p.id, `topic "${t.id}"`);
  own.topics.forEach((t, i) => {
    t.positions.forEach((p, j) => {
      const other = positions.get(p.id);
      if (other !== undefined)
        add(at('topics', i), `positions[${j}].id`, `position id "${p.id}" is already used in ${other}`);
      else positions.set(p.id, `topic "${t.id}"`);
    });
  });
  const figures = new Map<string, string>();
  for (const c of base.claims) for (const f of c.figures) figures.set(f.id, `claim "${c.id}"`);
  own.claims.forEach((c, i) => {
    c.figures.forEach((f, j) => {
      const other = figures.get(f.id);
      if (other !== undefined)
        add(at('claims', i), `figures[${j}].id`, `figure id "${f.id}" is already used in ${other}`);
      else figures.set(f.id, `claim "${c.id}"`);
    });
  });
}

function checkQuote(
  quote: string,
  span: readonly [number, number],
  file: string,
  text: string,
  record: string,
  add: Add,
): void {
  const [start, end] = span;
  const found = text.indexOf(quote);
  const where =
    found < 0 ? `the quote does not occur in ${file}` : `the quote occurs at [${found}, ${found + quote.length}]`;
  if (end <= start) {
    add(record, 'span', `span [${start}, ${end}] is empty or reversed; ${where}`);
  } else if (end > text.length) {
    add(record, 'span', `span [${start}, ${end}] runs past the end of ${file} (${text.length} characters); ${where}`);
  } else if (text.slice(start, end) !== quote) {
    const there = text.slice(start, end);
    const shown = there.length > 60 ? `${there.slice(0, 57)}…` : there;
    add(
      record,
      found < 0 ? 'quote' : 'span',
      `quote is not verbatim at span [${start}, ${end}] of ${file} (the text there is "${shown}"); ${where}`,
    );
  }
}

function checkAliases(own: Records, base: Records, add: Add, at: At): void {
  interface Seen {
    entity: Entity;
    ambiguous: boolean;
    confirmed: boolean;
  }
  const seen = new Map<string, Seen[]>();
  const visit = (entity: Entity, report?: (j: number, message: string) => void) => {
    const entityId = entity.id;
    entity.aliases.forEach((a, j) => {
      const key = nameKey(a.text);
      const prior = seen.get(key) ?? [];
      const ambiguous = a.ambiguous === true;
      const confirmed = a.confirm !== undefined;
      for (const p of prior) {
        if (p.entity.id === entityId) report?.(j, `alias "${a.text}" is listed twice for this entity`);
        // Two readers' packs naming the same new person: one person (lib/corpus/reader-links.ts).
        else if (linkedBy(p.entity, entity, a.text)) continue;
        else if (!(p.ambiguous && ambiguous)) {
          report?.(
            j,
            `alias "${a.text}" is also an alias of entity "${p.entity.id}"; mark it ambiguous on both if that is intended`,
          );
        } else if (!(p.confirmed && confirmed)) {
          // A mention that two entities' rules both accept is left out: without a confirm rule on
          // each side, one of them accepts every mention and the other's card is never reached.
          report?.(
            j,
            `alias "${a.text}" is shared with entity "${p.entity.id}": each side needs confirm rules that tell them apart, or the mention is never marked as one of them`,
          );
        }
      }
      prior.push({ entity, ambiguous, confirmed });
      seen.set(key, prior);
    });
  };
  for (const e of base.entities) visit(e);
  own.entities.forEach((e, i) => visit(e, (j, message) => add(at('entities', i), `aliases[${j}].text`, message)));
}

/**
 * An alias's context rules: every pattern compiles, and no rule is dead —
 * `capitalised` on an alias that is not itself capitalised would never match
 * its own name, on one without cased letters it does nothing, and a veto
 * whose `word` is the alias as written vetoes the alias itself.
 */
function checkRules(a: Alias, add: (field: string, message: string) => void): void {
  if (a.capitalised === true) {
    if (!isCapitalised(a.text))
      add('capitalised', `"${a.text}" is not capitalised itself, so it would never be marked`);
    else if (a.text.toLowerCase() === a.text.toUpperCase())
      add('capitalised', `"${a.text}" has no capital letters: the rule does nothing`);
    else if (a.caseSensitive === true) add('capitalised', 'a case-sensitive alias is matched as written already');
  }
  const each = (kind: 'veto' | 'confirm', rules: readonly ContextRule[] | undefined) =>
    rules?.forEach((rule, k) => {
      try {
        const compiled = compileRule(rule);
        if (kind === 'veto' && compiled.word?.test(a.text) && rule.before === undefined && rule.after === undefined) {
          add(`${kind}[${k}].word`, `vetoes "${a.text}" itself: the alias would never be marked`);
        }
      } catch (error) {
        add(`${kind}[${k}]`, `a pattern does not compile: ${errorMessage(error)}`);
      }
    });
  each('veto', a.veto);
  each('confirm', a.confirm);
}

function merge(base: Records, own: Records): Records {
  return {
    sources: [...base.sources, ...own.sources],
    people: [...base.people, ...own.people],
    entities: [...base.entities, ...own.entities],
    claims: [...base.claims, ...own.claims],
    topics: [...base.topics, ...own.topics],
    events: [...base.events, ...own.events],
  };
}

function byId<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  return new Map(records.map((r) => [r.id, r]));
}

/** Partial dates compare at the precision both have: 2024 is not before 2024-06. */
function dateBefore(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
}
