/**
 * Scripts of the extension's own that the content script loads the first
 * time they are needed (the card UI, the anchoring code): each leaves what it
 * offers on the global object (./ui/ui-handle.ts, ./dom/anchoring-handle.ts).
 */

/** `load`, run once: every call shares the one load; a load that failed is tried again on the next call. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
}

/** Imports a script and takes what it registered; `what` names it in the error when it registered nothing. */
export async function importRegistered<T>(
  importScript: () => Promise<unknown>,
  registered: () => T | undefined,
  what: string,
): Promise<T> {
  await importScript();
  const found = registered();
  if (found === undefined) throw new Error(`${what} did not load`);
  return found;
}
