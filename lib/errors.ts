/**
 * What went wrong, as text a reader can be shown: an Error's message, or
 * whatever else was thrown (a string, a DOMException from a browser API, a
 * rejected message) as a string.
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
