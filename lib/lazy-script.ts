/**
 * Scripts of the extension's own that the content script loads the first
 * time they are needed (the card UI, the anchoring code): each leaves what it
 * offers on the global object, as its handle says (`scriptHandle`, used by
 * ./ui/ui-handle.ts, ./dom/anchoring-handle.ts, ./dom/claim-handle.ts and
 * ./dom/session-handle.ts). No imports: the frames' small script bundles this.
 */

/**
 * Where a lazily loaded script leaves what it offers (`T`): under a
 * `Symbol.for(key)` on the content script's global object, which the script
 * and the content script share (each bundles its own copy of the handle, so
 * a module-level value would not do). `P` is the script's path as a literal
 * type (WXT's typed `getURL` takes only the extension's own paths);
 * TypeScript infers no type argument once `T` is given, so both are spelt out.
 */
export interface ScriptHandle<T, P extends string> {
  key: symbol;
  /** the script's path in the extension */
  script: P;
  /** run by the script once loaded */
  register(global: object, value: T): void;
  /** what the script registered, once it has loaded */
  registered(global: object): T | undefined;
}

export function scriptHandle<T, P extends string>(key: string, script: P): ScriptHandle<T, P> {
  const symbol = Symbol.for(key);
  return {
    key: symbol,
    script,
    register: (global, value) => {
      (global as Record<symbol, T>)[symbol] = value;
    },
    registered: (global) => (global as Record<symbol, T | undefined>)[symbol],
  };
}

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
