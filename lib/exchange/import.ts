/**
 * Highlights in: a file of ours, any W3C Web Annotation JSON with text quote
 * selectors (a collection, a page, an array, one annotation), or Hypothesis's
 * JSON. Pure: the background reads the message and writes the rows.
 *
 * An import is checked whole before anything is returned: one bad item
 * rejects the file, with every problem named by item and field. Ids are kept
 * (or derived deterministically), so importing a file twice does not
 * duplicate its highlights.
 */
import type { HighlightRow } from '../db/schema';
import { readJsonFile } from '../json-file';
import { ANNOTATION_CONTEXT, MAX_IMPORT_BYTES } from './annotation-model';
import { fromHypothesis } from './hypothesis-import';
import { isRecord } from './import-fields';
import { fromWebAnnotation } from './web-annotation-import';

export type ImportResult =
  | { ok: true; rows: HighlightRow[]; /** what was left out and why, e.g. Hypothesis page notes */ skipped: string[] }
  | { ok: false; error: string };

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
