/**
 * Highlights in and out of the extension: W3C Web Annotation JSON-LD
 * (https://www.w3.org/TR/annotation-model/) both ways, Markdown out, and
 * Hypothesis's JSON (its client's export file, or its API's search result)
 * in. Pure: the caller reads and writes files and the database.
 *
 * One annotation per highlight:
 * - `target`: the page URL as `source`, the TextQuoteSelector and
 *   TextPositionSelector as `selector`, the page title as `dc:title` (the
 *   model has no title property; the context declares the `dc` prefix).
 * - `body`: the note as a TextualBody with purpose `commenting`, and each
 *   corpus entity the highlight touches as a TextualBody with purpose
 *   `tagging` whose value is the entity id.
 * - the colour through the model's own styling mechanism: a CssStylesheet on
 *   the annotation and a `styleClass` on the target, so any Web Annotation
 *   client can draw the highlight in its colour.
 *
 * An import is checked whole before anything is returned: one bad item
 * rejects the file, with every problem named by item and field. Ids are kept
 * (or derived deterministically), so importing a file twice does not
 * duplicate its highlights.
 */
import { z } from '../zod';
import type { HighlightRow, TextPositionSelector, TextQuoteSelector } from '../db/schema';
import { isKnownPosition, UNKNOWN_POSITION } from './selectors';
import { normaliseUrl } from './url';
import { readJsonFile } from '../json-file';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Larger files are refused before they are read into memory twice (text and parsed). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** The colour of an imported highlight that does not say (Hypothesis has one colour). */
export const DEFAULT_COLOUR = 'yellow';

export type ImportResult =
  | { ok: true; rows: HighlightRow[]; /** what was left out and why, e.g. Hypothesis page notes */ skipped: string[] }
  | { ok: false; error: string };

// ---------------------------------------------------------------------------
// Export

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting';
  created: string;
  modified: string;
  body?: TextualBody[];
  stylesheet?: { type: 'CssStylesheet'; value: string };
  target: {
    type: 'SpecificResource';
    source: string;
    'dc:title': string;
    styleClass?: string;
    selector: (TextQuoteSelector | TextPositionSelector)[];
  };
}

interface TextualBody {
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging';
  value: string;
  format?: 'text/plain';
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  /** absent when there are no annotations, as the model requires */
  first?: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/** All highlights as one AnnotationCollection with its single page embedded, in the order given. */
export function toWebAnnotations(rows: readonly HighlightRow[]): AnnotationCollection {
  const collection: AnnotationCollection = {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label: 'RU–DPRK Lens highlights',
    total: rows.length,
  };
  if (rows.length > 0) collection.first = { type: 'AnnotationPage', startIndex: 0, items: rows.map(toAnnotation) };
  return collection;
}

function toAnnotation(row: HighlightRow): WebAnnotation {
  const body: TextualBody[] = [];
  if (row.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: row.note, format: 'text/plain' });
  for (const id of row.entityIds) body.push({ type: 'TextualBody', purpose: 'tagging', value: id });
  const selector: (TextQuoteSelector | TextPositionSelector)[] = [
    { type: 'TextQuoteSelector', exact: row.quote.exact, prefix: row.quote.prefix, suffix: row.quote.suffix },
  ];
  if (isKnownPosition(row.position)) {
    selector.push({ type: 'TextPositionSelector', start: row.position.start, end: row.position.end });
  }
  const styleClass = isColour(row.colour) ? colourClass(row.colour) : undefined;
  return {
    id: annotationIri(row.id),
    type: 'Annotation',
    motivation: 'highlighting',
    created: new Date(row.createdAt).toISOString(),
    modified: new Date(row.updatedAt).toISOString(),
    ...(body.length > 0 ? { body } : {}),
    ...(styleClass
      ? { stylesheet: { type: 'CssStylesheet' as const, value: `.${styleClass} { background-color: ${row.colour}; }` } }
      : {}),
    target: {
      type: 'SpecificResource',
      source: row.url,
      'dc:title': row.title,
      ...(styleClass ? { styleClass } : {}),
      selector,
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const OWN_ID_PREFIX = 'urn:rdl-lens:highlight:';

/** An annotation id must be an IRI: a UUID becomes a urn:uuid, an IRI stays, anything else gets our URN. */
function annotationIri(id: string): string {
  if (UUID.test(id)) return `urn:uuid:${id}`;
  if (IRI.test(id)) return id;
  return OWN_ID_PREFIX + encodeURIComponent(id);
}

/** The inverse of `annotationIri`: a row exported and imported keeps its id. */
function rowIdOf(iri: string): string {
  if (iri.toLowerCase().startsWith('urn:uuid:') && UUID.test(iri.slice(9))) return iri.slice(9);
  if (iri.startsWith(OWN_ID_PREFIX)) {
    try {
      return decodeURIComponent(iri.slice(OWN_ID_PREFIX.length));
    } catch {
      return iri;
    }
  }
  return iri;
}

/** Colours as the extension stores them: a CSS colour name or a hex colour. Anything else could smuggle CSS. */
const COLOUR = /^(#[0-9a-f]{3,4}|#[0-9a-f]{6}|#[0-9a-f]{8}|[a-z]{3,30})$/i;

function isColour(colour: string): boolean {
  return COLOUR.test(colour);
}

function colourClass(colour: string): string {
  return `rdl-${colour.toLowerCase().replace('#', '')}`;
}

// ---------------------------------------------------------------------------
// Markdown

/**
 * All highlights as Markdown, grouped by page: a heading with the page's
 * title linking to its URL, then each highlight as a blockquote with its
 * note, colour, the entities it touches (by label; `entityLabels` maps id →
 * label, and an id without a label is shown as is) and when it was saved.
 * Pages come most recently updated first; a page's highlights in reading
 * order. The reader's text is escaped, so a quote or note never turns into
 * markup or a link.
 */
export function toMarkdown(rows: readonly HighlightRow[], entityLabels: Readonly<Record<string, string>>): string {
  const out = ['# RU–DPRK Lens highlights', ''];
  if (rows.length === 0) {
    out.push('No highlights yet.', '');
    return out.join('\n');
  }
  const pages = new Map<string, HighlightRow[]>();
  for (const row of rows) {
    const page = pages.get(row.url);
    if (page) page.push(row);
    else pages.set(row.url, [row]);
  }
  const latest = (page: HighlightRow[]) => Math.max(...page.map((r) => r.updatedAt));
  const ordered = [...pages.entries()].sort(
    ([urlA, a], [urlB, b]) => latest(b) - latest(a) || urlA.localeCompare(urlB),
  );

  for (const [url, page] of ordered) {
    const title = page.find((r) => r.title.trim())?.title.trim() ?? url;
    out.push(`## [${escapeInline(title)}](${linkDestination(url)})`, '');
    for (const row of [...page].sort(readingOrder)) {
      out.push(blockquote(row.quote.exact), '');
      if (row.note.trim()) {
        const lines = row.note
          .trim()
          .split(/\r?\n/)
          .map((line) => escapeLine(line.trim()));
        out.push(`**Note:** ${lines.join('  \n')}`, '');
      }
      const meta = [`Colour: ${escapeInline(row.colour)}`];
      if (row.entityIds.length > 0) {
        meta.push(`Entities: ${row.entityIds.map((id) => escapeInline(entityLabels[id] ?? id)).join(', ')}`);
      }
      meta.push(`Saved ${formatTime(row.createdAt)}`);
      if (row.updatedAt !== row.createdAt) meta.push(`updated ${formatTime(row.updatedAt)}`);
      out.push(meta.join(' · '), '');
    }
  }
  return out.join('\n');
}

function readingOrder(a: HighlightRow, b: HighlightRow): number {
  const pa = isKnownPosition(a.position) ? a.position.start : Infinity;
  const pb = isKnownPosition(b.position) ? b.position.start : Infinity;
  return pa === pb ? a.createdAt - b.createdAt : pa < pb ? -1 : 1;
}

/** The quote's paragraphs as one blockquote; the page's own line breaks and indentation become single spaces. */
function blockquote(exact: string): string {
  const paragraphs = exact
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
  return paragraphs.map((p) => `> ${escapeLine(p)}`).join('\n>\n');
}

/** Escapes the characters that start inline markup (emphasis, code, links, HTML). */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>~|]/g, '\\$&');
}

/** As `escapeInline`, and also what would start a block at the beginning of a line (heading, list, quote). */
function escapeLine(text: string): string {
  return escapeInline(text).replace(/^(\s*)([#+=-]|\d+(?=[.)]))/, '$1\\$2');
}

function linkDestination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>\s]/g, encodeURIComponent)}>` : url;
}

function formatTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

// ---------------------------------------------------------------------------
// Import

/**
 * Reads highlights from an export of ours, any Web Annotation JSON with text
 * quote selectors (a collection, a page, an array, one annotation), or a
 * Hypothesis export or API result. `byteSize` is the file's size, checked
 * before parsing; `now` dates annotations that carry no date.
 */
export function parseAnnotationImport(json: string, byteSize?: number, now: number = Date.now()): ImportResult {
  const read = readJsonFile(json, byteSize ?? json.length, MAX_IMPORT_BYTES);
  if (!read.ok) return fail(read.error);
  const data = read.data;

  const found = findAnnotations(data);
  if ('error' in found) return fail(found.error);
  if (found.items.length === 0) return fail('The file contains no annotations.');

  const rows: HighlightRow[] = [];
  const skipped: string[] = [];
  const problems: string[] = [];
  const firstItemOfId = new Map<string, number>();
  found.items.forEach((item, index) => {
    const n = index + 1;
    const converted = found.format === 'hypothesis' ? fromHypothesis(item, now) : fromWebAnnotation(item, now);
    if (converted.kind === 'problems') {
      for (const p of converted.problems) problems.push(`item ${n}: ${p}`);
    } else if (converted.kind === 'skip') {
      skipped.push(`item ${n}: ${converted.reason}`);
    } else {
      const earlier = firstItemOfId.get(converted.row.id);
      if (earlier !== undefined) {
        problems.push(`item ${n}: id: the same as item ${earlier}’s (${converted.row.id})`);
      } else {
        firstItemOfId.set(converted.row.id, n);
        rows.push(converted.row);
      }
    }
  });

  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
    if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more`);
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    return fail(`Nothing was imported: the file has ${count}.\n${shown.join('\n')}`);
  }
  if (rows.length === 0) {
    return fail(
      `The file has no highlights: its ${plural(skipped.length, 'annotation')} have no quoted text (page notes or replies).`,
    );
  }
  return { ok: true, rows, skipped };
}

const MAX_PROBLEMS_SHOWN = 10;

function fail(error: string): ImportResult {
  return { ok: false, error };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// --- Recognising the file -----------------------------------------------------

type Found = { format: 'web-annotation' | 'hypothesis'; items: unknown[] } | { error: string };

const OPEN_ANNOTATION_CONTEXTS = ['http://www.w3.org/ns/oa-context-20130208.json', 'http://www.w3.org/ns/oa.jsonld'];

function findAnnotations(data: unknown): Found {
  if (Array.isArray(data)) {
    const first: unknown = data[0];
    const format = isRecord(first) && 'uri' in first && !('type' in first) ? 'hypothesis' : 'web-annotation';
    if (format === 'web-annotation') {
      const bad = data.findIndex(
        (item) => isRecord(item) && item['@context'] !== undefined && !hasAnnoContext(item['@context']),
      );
      const item: unknown = data[bad];
      if (bad !== -1 && isRecord(item)) return { error: contextError(item['@context'], `item ${bad + 1}: `) };
    }
    return { format, items: data };
  }
  if (!isRecord(data)) return { error: NOT_AN_EXPORT };

  // Hypothesis: the client's export file, or a search result of its API.
  if (Array.isArray(data.annotations) && ('export_date' in data || 'client_version' in data || !('type' in data))) {
    return { format: 'hypothesis', items: data.annotations };
  }
  if (Array.isArray(data.rows) && !('type' in data)) return { format: 'hypothesis', items: data.rows };

  if (data['@context'] !== undefined && !hasAnnoContext(data['@context']))
    return { error: contextError(data['@context'], '') };
  const type = data.type;
  if (type === 'AnnotationCollection') {
    if (data.first === undefined) return { format: 'web-annotation', items: [] };
    if (!isRecord(data.first)) {
      return { error: 'The collection’s pages are not in the file (first is a link, not an embedded AnnotationPage).' };
    }
    if (data.first.next !== undefined) {
      return {
        error: 'The collection has more than one page; only a collection with a single embedded page can be imported.',
      };
    }
    if (!Array.isArray(data.first.items)) return { error: 'first.items: expected the list of annotations.' };
    return { format: 'web-annotation', items: data.first.items };
  }
  if (type === 'AnnotationPage') {
    if (!Array.isArray(data.items)) return { error: 'items: expected the list of annotations.' };
    return { format: 'web-annotation', items: data.items };
  }
  if (type === 'Annotation' || (Array.isArray(type) && type.includes('Annotation'))) {
    return { format: 'web-annotation', items: [data] };
  }
  return { error: NOT_AN_EXPORT };
}

const NOT_AN_EXPORT =
  'This JSON is not a highlights export: expected W3C Web Annotations (an AnnotationCollection, a page or a list of annotations) or a Hypothesis export.';

function hasAnnoContext(context: unknown): boolean {
  const list = Array.isArray(context) ? context : [context];
  return list.some((c) => c === ANNOTATION_CONTEXT || c === 'https://www.w3.org/ns/anno.jsonld');
}

function contextError(context: unknown, where: string): string {
  const shown = JSON.stringify(context)?.slice(0, 80) ?? String(context);
  const list = Array.isArray(context) ? context : [context];
  if (list.some((c) => typeof c === 'string' && OPEN_ANNOTATION_CONTEXTS.includes(c))) {
    return `${where}@context ${shown} is the older Open Annotation format; only Web Annotation ("${ANNOTATION_CONTEXT}") can be imported.`;
  }
  return `${where}@context ${shown} is not Web Annotation; expected "${ANNOTATION_CONTEXT}".`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// --- Checking items -------------------------------------------------------------

type Converted =
  { kind: 'row'; row: HighlightRow } | { kind: 'skip'; reason: string } | { kind: 'problems'; problems: string[] };

/** ISO 8601 date-time, as both formats write it (Hypothesis with microseconds). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const DateTime = z
  .string()
  .regex(ISO_DATE_TIME, 'expected a date and time like 2024-06-19T10:20:00Z')
  // Only for the right form, so that "yesterday" gets one message, not two.
  .refine((value) => !ISO_DATE_TIME.test(value) || !Number.isNaN(parseDateTime(value)), 'not a real date and time');

const QuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().refine((exact) => exact.trim().length > 0, 'the quote is empty'),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});

const PositionSelector = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.int('expected a whole number').nonnegative('expected 0 or more'),
    end: z.int('expected a whole number').nonnegative('expected 0 or more'),
  })
  .refine((s) => s.start <= s.end, { message: 'start is after end', path: ['end'] });

/** Any selector: kept whole (not stripped to `type`) for `readSelectors` to check the ones we use. */
const AnySelector = z.looseObject({ type: z.string() });

const Body = z.union([
  z.string(), // a link to a body elsewhere: nothing to import
  z.object({
    type: z.string().optional(),
    purpose: z.union([z.string(), z.array(z.string())]).optional(),
    value: z.unknown(),
  }),
]);

const WebAnnotationItem = z.object({
  id: z.string().min(1).optional(),
  type: z.union([z.literal('Annotation'), z.array(z.string()).refine((t) => t.includes('Annotation'))], {
    error: 'expected "Annotation"',
  }),
  created: DateTime.optional(),
  modified: DateTime.optional(),
  body: z.union([Body, z.array(Body)]).optional(),
  stylesheet: z.unknown().optional(),
  target: z.unknown(),
});

const WebTarget = z.object({
  source: z.union([z.string().min(1), z.object({ id: z.string().min(1) })]),
  selector: z.union([AnySelector, z.array(AnySelector).min(1)]),
  styleClass: z.union([z.string(), z.array(z.string())]).optional(),
  'dc:title': z.string().optional(),
});

const HypothesisItem = z.object({
  id: z.string().min(1).optional(),
  uri: z.string().min(1),
  text: z.string().optional(),
  created: DateTime.optional(),
  updated: DateTime.optional(),
  references: z.array(z.string()).optional(),
  document: z.object({ title: z.union([z.string(), z.array(z.string())]).optional() }).optional(),
  target: z.array(z.object({ source: z.string().optional(), selector: z.array(AnySelector).optional() })).optional(),
});

function fromWebAnnotation(item: unknown, now: number): Converted {
  const parsed = WebAnnotationItem.safeParse(item);
  if (!parsed.success) return { kind: 'problems', problems: zodProblems(parsed.error.issues, item) };
  const a = parsed.data;

  if (typeof a.target === 'string') return problems('target: the whole page, not a quote in it (no TextQuoteSelector)');
  const targets: unknown[] = Array.isArray(a.target) ? a.target : [a.target];
  // Several targets are allowed by the model; a highlight is the first one with a quote.
  let targetIndex = -1;
  let target: z.infer<typeof WebTarget> | undefined;
  for (const [i, t] of targets.entries()) {
    const result = WebTarget.safeParse(t);
    if (!result.success) {
      const path = targets.length > 1 ? `target[${i}]` : 'target';
      return { kind: 'problems', problems: zodProblems(result.error.issues, t, path) };
    }
    if (selectorsOf(result.data.selector).some((s) => s.type === 'TextQuoteSelector')) {
      targetIndex = i;
      target = result.data;
      break;
    }
  }
  if (!target) return problems('target.selector: no TextQuoteSelector');
  const targetPath = targets.length > 1 ? `target[${targetIndex}]` : 'target';

  const selectors = readSelectors(target.selector, `${targetPath}.selector`);
  if ('problems' in selectors) return { kind: 'problems', problems: selectors.problems };

  const sourceIri = typeof target.source === 'string' ? target.source : target.source.id;
  const url = normaliseUrl(sourceIri);
  if (!isWebAddress(url))
    return problems(`${targetPath}.source: not a web address (${JSON.stringify(sourceIri.slice(0, 80))})`);

  const bodies = a.body === undefined ? [] : Array.isArray(a.body) ? a.body : [a.body];
  const notes: string[] = [];
  const entityIds: string[] = [];
  for (const [i, body] of bodies.entries()) {
    if (typeof body === 'string' || (body.type !== undefined && body.type !== 'TextualBody')) continue;
    const purposes = body.purpose === undefined ? [] : Array.isArray(body.purpose) ? body.purpose : [body.purpose];
    if (typeof body.value !== 'string') {
      const path = bodies.length > 1 || Array.isArray(a.body) ? `body[${i}].value` : 'body.value';
      return problems(`${path}: expected text, got ${describeValue(body.value)}`);
    }
    if (purposes.includes('tagging')) {
      if (body.value.trim() && !entityIds.includes(body.value.trim())) entityIds.push(body.value.trim());
    } else if (purposes.length === 0 || purposes.includes('commenting') || purposes.includes('describing')) {
      if (body.value.trim()) notes.push(body.value);
    }
  }

  const created = a.created ? parseDateTime(a.created) : now;
  const updated = a.modified ? parseDateTime(a.modified) : created;
  return {
    kind: 'row',
    row: {
      id: a.id
        ? rowIdOf(a.id)
        : derivedId([
            'w3c',
            url,
            selectors.quote.exact,
            selectors.quote.prefix,
            selectors.quote.suffix,
            a.created ?? '',
          ]),
      url,
      title: target['dc:title'] ?? '',
      quote: selectors.quote,
      position: selectors.position,
      note: notes.join('\n\n'),
      colour: colourOf(a.stylesheet, target.styleClass),
      entityIds,
      createdAt: created,
      updatedAt: updated,
    },
  };
}

function fromHypothesis(item: unknown, now: number): Converted {
  const parsed = HypothesisItem.safeParse(item);
  if (!parsed.success) return { kind: 'problems', problems: zodProblems(parsed.error.issues, item) };
  const a = parsed.data;
  if (a.references && a.references.length > 0) return { kind: 'skip', reason: 'a reply, not a highlight' };
  const targets = a.target ?? [];
  const index = targets.findIndex((t) => (t.selector ?? []).some((s) => s.type === 'TextQuoteSelector'));
  const target = targets[index];
  if (!target?.selector) return { kind: 'skip', reason: 'a page note, with no quoted text' };

  const path = targets.length > 1 ? `target[${index}].selector` : 'target[0].selector';
  const selectors = readSelectors(target.selector, path);
  if ('problems' in selectors) return { kind: 'problems', problems: selectors.problems };

  const url = normaliseUrl(a.uri);
  if (!isWebAddress(url)) return problems(`uri: not a web address (${JSON.stringify(a.uri.slice(0, 80))})`);
  const title = a.document?.title;
  const created = a.created ? parseDateTime(a.created) : now;
  return {
    kind: 'row',
    row: {
      // Hypothesis's own address for the annotation: stable across exports and imports.
      id: a.id
        ? `https://hypothes.is/a/${a.id}`
        : derivedId([
            'hypothesis',
            url,
            selectors.quote.exact,
            selectors.quote.prefix,
            selectors.quote.suffix,
            a.created ?? '',
          ]),
      url,
      title: (Array.isArray(title) ? title[0] : title) ?? '',
      quote: selectors.quote,
      position: selectors.position,
      note: a.text ?? '',
      colour: DEFAULT_COLOUR,
      entityIds: [],
      createdAt: created,
      updatedAt: a.updated ? parseDateTime(a.updated) : created,
    },
  };
}

/** Milliseconds of a `DateTime`: fractions cut to milliseconds and offsets given a colon, the form every engine parses. */
function parseDateTime(value: string): number {
  return Date.parse(value.replace(/(\.\d{3})\d+/, '$1').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

/**
 * Highlights are of web pages: an imported `javascript:` or `data:` address
 * would otherwise become a link in the popup.
 */
function isWebAddress(url: string): boolean {
  return /^https?:\/\/[^/\s]/i.test(url);
}

function problems(...list: string[]): Converted {
  return { kind: 'problems', problems: list };
}

function selectorsOf(selector: z.infer<typeof AnySelector> | z.infer<typeof AnySelector>[]) {
  return Array.isArray(selector) ? selector : [selector];
}

/** The first TextQuoteSelector and TextPositionSelector among `selector`, checked; other selector types are ignored. */
function readSelectors(
  selector: unknown,
  path: string,
): { quote: TextQuoteSelector; position: TextPositionSelector } | { problems: string[] } {
  const list: unknown[] = Array.isArray(selector) ? selector : [selector];
  const at = (i: number) => (Array.isArray(selector) ? `${path}[${i}]` : path);
  const quoteIndex = list.findIndex((s) => isRecord(s) && s.type === 'TextQuoteSelector');
  if (quoteIndex === -1) return { problems: [`${path}: no TextQuoteSelector`] };
  const quote = QuoteSelector.safeParse(list[quoteIndex]);
  if (!quote.success) return { problems: zodProblems(quote.error.issues, list[quoteIndex], at(quoteIndex)) };
  const positionIndex = list.findIndex((s) => isRecord(s) && s.type === 'TextPositionSelector');
  let position = UNKNOWN_POSITION;
  if (positionIndex !== -1) {
    const parsed = PositionSelector.safeParse(list[positionIndex]);
    if (!parsed.success) return { problems: zodProblems(parsed.error.issues, list[positionIndex], at(positionIndex)) };
    position = { type: 'TextPositionSelector', start: parsed.data.start, end: parsed.data.end };
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: quote.data.exact,
      prefix: quote.data.prefix ?? '',
      suffix: quote.data.suffix ?? '',
    },
    position,
  };
}

/** The colour our export wrote: the `background-color` of the target's style class in the annotation's stylesheet. */
function colourOf(stylesheet: unknown, styleClass: string | string[] | undefined): string {
  const cls = Array.isArray(styleClass) ? styleClass[0] : styleClass;
  if (!cls || !isRecord(stylesheet) || typeof stylesheet.value !== 'string') return DEFAULT_COLOUR;
  const escaped = cls.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rule = new RegExp(`\\.${escaped}\\s*\\{[^}]*background-color\\s*:\\s*([^;}\\s]+)`).exec(stylesheet.value);
  const colour = rule?.[1];
  return colour && isColour(colour) ? colour : DEFAULT_COLOUR;
}

/** A UUID-shaped id from the content of an annotation that has none, the same every time. */
function derivedId(parts: readonly string[]): string {
  const input = parts.join('\u0000');
  // Four 32-bit multiplicative hashes with different seeds and multipliers,
  // each finished with MurmurHash3's avalanche: 128 bits, synchronously
  // (crypto.subtle.digest is async, and import is checked in one pass).
  const hex = [
    [0x811c9dc5, 0x01000193],
    [0x9e3779b9, 0x5bd1e995],
    [0x85ebca6b, 0x27d4eb2d],
    [0xc2b2ae35, 0x165667b1],
  ]
    .map(([seed, multiplier]) => {
      let h = seed! >>> 0;
      for (let i = 0; i < input.length; i++) h = Math.imul(h ^ input.charCodeAt(i), multiplier!);
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      return ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0');
    })
    .join('');
  // Version 8 ("custom") and the RFC 9562 variant bits, so that it is a well-formed UUID.
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// --- Messages -----------------------------------------------------------------

type ZodIssue = z.core.$ZodIssue;

/** One line per issue: `target.selector[0].exact: expected text, got a number`. */
function zodProblems(issues: readonly ZodIssue[], input: unknown, base = ''): string[] {
  return issues.map((issue) => {
    const path = formatPath(base, issue.path);
    const actual = valueAt(input, issue.path);
    let message = issue.message;
    if (issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'invalid_value') {
      message = actual === undefined ? 'missing' : `${expectedOf(issue)}, got ${describeValue(actual)}`;
    }
    return path ? `${path}: ${message}` : message;
  });
}

function expectedOf(issue: ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const names: Record<string, string> = {
      string: 'text',
      number: 'a number',
      int: 'a whole number',
      array: 'a list',
      object: 'an object',
    };
    return `expected ${names[issue.expected] ?? issue.expected}`;
  }
  if (issue.code === 'invalid_value') return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
  // A union's own message when the schema gives one (zod's default says nothing).
  return issue.message !== 'Invalid input' ? issue.message : 'not the expected kind of value';
}

function formatPath(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (Array.isArray(value) && typeof key === 'number') value = value[key];
    else if (isRecord(value) && typeof key === 'string') value = value[key];
    else return undefined;
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value.length > 40
        ? `the text ${JSON.stringify(value.slice(0, 40))}…`
        : `the text ${JSON.stringify(value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
