/**
 * One W3C Web Annotation in as a highlight: ours, or any client's with a
 * TextQuoteSelector. Notes are its commenting (or purpose-less) text bodies,
 * entities its tagging bodies, the colour the one our export wrote.
 */
import { normaliseUrl } from '../anchoring/url';
import { describeValue, z } from '../zod';
import { DEFAULT_COLOUR, isColour, rowIdOf } from './annotation-model';
import {
  AnySelector,
  DateTime,
  derivedId,
  isRecord,
  isWebAddress,
  issueLines,
  parseDateTime,
  problems,
  readSelectors,
  type Converted,
} from './import-fields';

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

export function fromWebAnnotation(item: unknown, now: number): Converted {
  const parsed = WebAnnotationItem.safeParse(item);
  if (!parsed.success) return { kind: 'problems', problems: issueLines(parsed.error.issues, item) };
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
      return { kind: 'problems', problems: issueLines(result.error.issues, t, path) };
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

function selectorsOf(selector: z.infer<typeof AnySelector> | z.infer<typeof AnySelector>[]) {
  return Array.isArray(selector) ? selector : [selector];
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
