/**
 * The extension's API, as `wxt/browser`'s `browser` gives it, but read when
 * first used rather than when a script is evaluated. A world's first read of
 * it has the browser build the API's bindings there (in Chromium the `chrome`
 * object; its lazy `app` getter alone read 0.1–2.8 ms a page on the shared
 * real pages, `npm run bench:cost`, frames included). The content scripts'
 * context (./content-script-context.ts) needs it only when asked whether the
 * extension is still there, and the frames' script
 * (entrypoints/lens-frames.content) only to load the session: neither imports
 * `wxt/browser`, whose `browser` is read as the script starts.
 */
import type { browser } from 'wxt/browser';

export function extensionApi(): typeof browser {
  const global = globalThis as unknown as { browser?: typeof browser; chrome?: typeof browser };
  // (wxt/browser's choice: Firefox's `browser` where it is the extension's, else `chrome`.)
  return (global.browser?.runtime?.id ? global.browser : global.chrome)!;
}
