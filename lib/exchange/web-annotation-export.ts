/**
 * Highlights out as W3C Web Annotation JSON-LD, one annotation per highlight:
 * - `target`: the page URL as `source`, the TextQuoteSelector and
 *   TextPositionSelector as `selector`, the page title as `dc:title` (the
 *   model has no title property; the context declares the `dc` prefix).
 * - `body`: the note as a TextualBody with purpose `commenting`, and each
 *   corpus entity the highlight touches as a TextualBody with purpose
 *   `tagging` whose value is the entity id.
 * - the colour through the model's own styling mechanism: a CssStylesheet on
 *   the annotation and a `styleClass` on the target, so any Web Annotation
 *   client can draw the highlight in its colour.
 * Ids are kept (./annotation-model.ts), so importing the file back does not
 * duplicate its highlights. Pure: the caller writes the file.
 */
import { isKnownPosition, type TextPositionSelector, type TextQuoteSelector } from '../anchoring/selectors';
import type { HighlightRow } from '../db/schema';
import {
  ANNOTATION_CONTEXT,
  annotationIri,
  colourClass,
  isColour,
  type AnnotationCollection,
  type TextualBody,
  type WebAnnotation,
} from './annotation-model';

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
