import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { compileHintPlugin } from './build/compile-hint';
import { corpusPlugin } from './build/corpus-plugin';
import { renderIcons } from './build/icons';
import { makeZipReproducible } from './build/reproducible-zip';
import { ICON_SIZES, iconPath, toolbarIcon } from './lib/toolbar-icon';

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
  // locales/*.json → the extension's _locales (the manifest's __MSG_…__ and the UI's words; lib/i18n).
  modules: ['@wxt-dev/i18n/module'],
  // The Firefox sources archive: what SOURCE_CODE_REVIEW.md's two commands need to rebuild the package, no more.
  zip: {
    excludeSources: ['test/**', 'docs/**', 'demo/**', 'scripts/**', 'store/**', 'data/packs/**', 'vitest*.ts'],
  },
  // Explicit imports keep lib/ free of WXT globals and make every dependency visible.
  imports: false,
  // RDL_OUT_DIR lets the end-to-end suite build a second, "updated" extension beside the first.
  outDir: process.env.RDL_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [
      preact(),
      corpusPlugin({ extraPack: process.env.RDL_CORPUS_EXTRA }),
      compileHintPlugin('content-scripts/lens.js'),
      compileHintPlugin('lens-session.js'),
    ],
    // RDL_SOURCEMAP=hidden: the whole-cost bench's build, the shipped code with .map files beside it (no comment in it).
    build: { target: 'es2022', sourcemap: process.env.RDL_SOURCEMAP === 'hidden' ? 'hidden' : false },
    // Only ASCII in the built scripts (other characters written as escapes): a script with one character
    // beyond Latin-1 is held as two bytes a character, in every page a content script runs in (issue 17).
    esbuild: { charset: 'ascii' },
    resolve: {
      // WXT's context talks to the page (see build/content-script-context.ts): ours does not.
      alias: {
        'wxt/utils/content-script-context': fileURLToPath(
          new URL('./build/content-script-context.ts', import.meta.url),
        ),
      },
    },
  }),
  hooks: {
    // Every icon is rendered from assets/icon.svg at build time, into .wxt/ (none is committed as a PNG).
    'build:publicAssets': async (wxt, files) => {
      for (const icon of await renderIcons()) {
        const absoluteSrc = resolve(wxt.config.wxtDir, icon.path);
        mkdirSync(dirname(absoluteSrc), { recursive: true });
        writeFileSync(absoluteSrc, icon.png);
        files.push({ relativeDest: icon.path, absoluteSrc });
      }
    },
    // The same sources give the same packages, byte for byte (see SOURCE_CODE_REVIEW.md).
    'zip:extension:done': (_wxt, zipPath) => makeZipReproducible(zipPath),
    'zip:sources:done': (_wxt, zipPath) => makeZipReproducible(zipPath),
    'build:manifestGenerated': (wxt, manifest) => {
      // WXT's manifest type predates Firefox's data_collection_permissions; add it here.
      const gecko = manifest.browser_specific_settings?.gecko as Record<string, unknown> | undefined;
      if (wxt.config.browser === 'firefox' && gecko) gecko.data_collection_permissions = { required: ['none'] };
    },
  },
  manifest: ({ browser, command }) => ({
    name: '__MSG_extName__',
    default_locale: 'en',
    // The end-to-end suite builds an "update" with a higher version, as a store update would have.
    ...(process.env.RDL_VERSION ? { version: process.env.RDL_VERSION } : {}),
    description: '__MSG_extDescription__',
    icons: Object.fromEntries(ICON_SIZES.map((size) => [size, iconPath('active', size)])),
    // The background switches it per tab to the paused or site-off state (lib/toolbar-icon.ts).
    // Its tooltip is the popup's <title>, the name (the same in every language), until the background sets the state's.
    action: { default_icon: toolbarIcon('active') },
    ...(command === 'build' ? { content_security_policy: { extension_pages: EXTENSION_PAGES_CSP } } : {}),
    // "Save highlight" on a selection's context menu. unlimitedStorage: Firefox grants the extension persistent
    // storage with it (without, the persist() request of the background is not granted: it has no window to ask
    // the reader in), so the reader's highlights are never evicted when the disk runs low; in Chrome, no quota.
    // scripting (with the host permissions, which the content scripts' <all_urls> already ask for): the marks'
    // ::highlight() rules are added to a frame with its first mark, not to every page (lib/mark-styles.ts).
    permissions: ['contextMenus', 'scripting', 'unlimitedStorage'],
    host_permissions: ['<all_urls>'],
    // Lens's session (in a frame, once it has text: lib/dom/frame-gate.ts), and the card UI, the anchoring code
    // and the claims, loaded by the session with import() when first needed.
    // Chrome: only at a per-session dynamic URL (runtime.getURL gives it), so that a page cannot probe the
    // extension's fixed id for them (Firefox already randomises its extension origin per install).
    web_accessible_resources: [
      {
        resources: ['lens-session.js', 'lens-ui.js', 'lens-anchoring.js', 'lens-claims.js'],
        matches: ['<all_urls>'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    commands: {
      'open-panel': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_commandOpenPanel__',
      },
      'save-highlight': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandSaveHighlight__',
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
