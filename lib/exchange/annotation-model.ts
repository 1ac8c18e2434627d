/**
 * What export and import of highlights agree on: the W3C Web Annotation
 * shapes we write (https://www.w3.org/TR/annotation-model/), how a highlight's
 * id becomes the annotation's IRI and back, and how its colour becomes a
 * style class. Small on purpose: the popup loads it to export, and must not
 * load the importer (./import.ts, with zod) for that.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/selectors';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Larger files are refused before they are read into memory twice (text and parsed); the popup checks it before sending. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** The colour of an imported highlight that does not say (Hypothesis has one colour). */
export const DEFAULT_COLOUR = 'yellow';

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

export interface TextualBody {
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const OWN_ID_PREFIX = 'urn:rdl-lens:highlight:';

/** An annotation id must be an IRI: a UUID becomes a urn:uuid, an IRI stays, anything else gets our URN. */
export function annotationIri(id: string): string {
  if (UUID.test(id)) return `urn:uuid:${id}`;
  if (IRI.test(id)) return id;
  return OWN_ID_PREFIX + encodeURIComponent(id);
}

/** The inverse of `annotationIri`: a row exported and imported keeps its id. */
export function rowIdOf(iri: string): string {
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

export function isColour(colour: string): boolean {
  return COLOUR.test(colour);
}

export function colourClass(colour: string): string {
  return `rdl-${colour.toLowerCase().replace('#', '')}`;
}
