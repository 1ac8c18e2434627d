/**
 * "Not this": a reader's dismissal of a claim mark, kept per sentence and
 * page as a hash (of the page's URL without fragment and tracking parameters,
 * and the sentence's normalised text), so that the store holds no page text.
 */
import { normaliseUrl } from '../anchoring/url';
import { normaliseForMatch } from '../text/normalise';
import { hashOf } from '../text/token-table';

/** The settings-table row that holds the dismissals (not a setting: the options page does not show it). */
export const DISMISSED_CLAIMS_KEY = 'dismissedClaims';
/** The oldest dismissals go past this many. */
export const MAX_DISMISSALS = 5000;

export function dismissalKey(url: string, sentence: string): string {
  const text = normaliseForMatch(sentence).replace(/\s+/g, ' ').trim();
  const page = normaliseUrl(url);
  // Two 32-bit hashes (of the text, and of page and text): a collision would hide one sentence's mark.
  return `${(hashOf(text) >>> 0).toString(36)}.${(hashOf(`${page}\n${text}`) >>> 0).toString(36)}`;
}

/** The stored list, read safely (anything else than a list of strings is none). */
export function readDismissals(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
