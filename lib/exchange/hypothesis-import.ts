/**
 * One annotation of Hypothesis's JSON (its client's export file, or its API's
 * search result) in as a highlight. Replies and page notes have no quoted
 * text: they are left out, and the import says so.
 */
import { normaliseUrl } from '../anchoring/url';
import { z } from '../zod';
import { DEFAULT_COLOUR } from './annotation-model';
import {
  AnySelector,
  DateTime,
  derivedId,
  isWebAddress,
  issueLines,
  parseDateTime,
  problems,
  readSelectors,
  type Converted,
} from './import-fields';

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

export function fromHypothesis(item: unknown, now: number): Converted {
  const parsed = HypothesisItem.safeParse(item);
  if (!parsed.success) return { kind: 'problems', problems: issueLines(parsed.error.issues, item) };
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
