import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { corpusPlugin } from './build/corpus-plugin';

/** Gecko id: fixed so that the moz-extension origin (and so the IndexedDB) survives updates. */
export const GECKO_ID = 'ru-dprk-lens@lens.example.org';

/**
 * The extension pages' (popup, background) content security policy: only the
 * extension's own files, for scripts and for everything else — no remote
 * code, no eval, and no fetch, XHR, WebSocket or image from any other
 * origin. Built extensions only: `wxt` (dev) serves the pages from its dev
 * server, with inline styles and a WebSocket, and keeps its own policy.
 */
export const EXTENSION_PAGES_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

export default defineConfig({
  manifestVersion: 3,
  // Explicit imports keep lib/ free of WXT globals and make every dependency visible.
  imports: false,
  // RDL_OUT_DIR lets the end-to-end suite build a second, "updated" extension beside the first.
  outDir: process.env.RDL_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [preact(), corpusPlugin({ extraPack: process.env.RDL_CORPUS_EXTRA })],
    // RDL_SOURCEMAP=hidden: the whole-cost bench's build, the shipped code with .map files beside it (no comment in it).
    build: { target: 'es2022', sourcemap: process.env.RDL_SOURCEMAP === 'hidden' ? 'hidden' : false },
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      // WXT's manifest type predates Firefox's data_collection_permissions; add it here.
      const gecko = manifest.browser_specific_settings?.gecko as Record<string, unknown> | undefined;
      if (wxt.config.browser === 'firefox' && gecko) gecko.data_collection_permissions = { required: ['none'] };
    },
  },
  manifest: ({ browser, command }) => ({
    name: 'RU–DPRK Lens',
    // The end-to-end suite builds an "update" with a higher version, as a store update would have.
    ...(process.env.RDL_VERSION ? { version: process.env.RDL_VERSION } : {}),
    description:
      'Marks the people, places, treaties and events of Russia–North Korea relations on news pages and shows what the sources say. Runs entirely on your device.',
    ...(command === 'build' ? { content_security_policy: { extension_pages: EXTENSION_PAGES_CSP } } : {}),
    // "Save highlight" on a selection's context menu. unlimitedStorage: Firefox grants the extension persistent
    // storage with it (without, the persist() request of the background is not granted: it has no window to ask
    // the reader in), so the reader's highlights are never evicted when the disk runs low; in Chrome, no quota.
    permissions: ['contextMenus', 'unlimitedStorage'],
    // The card UI and the anchoring code, loaded by the content script with import() when first needed.
    web_accessible_resources: [
      { resources: ['lens-ui.js', 'lens-anchoring.js', 'lens-claims.js'], matches: ['<all_urls>'] },
    ],
    commands: {
      'open-panel': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'List the people, places and events Lens found on this page',
      },
      'save-highlight': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Save the selected text as a highlight',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // CSS.highlights ships in Firefox 140.
              strict_min_version: '140.0',
            },
            // data_collection_permissions arrived in Firefox for Android 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // document.caretPositionFromPoint ships in Chrome 128 (CSS.highlights in 105).
          minimum_chrome_version: '128',
        }),
  }),
});
