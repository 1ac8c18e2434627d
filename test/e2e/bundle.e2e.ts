/**
 * What every page pays for: the content script carries neither the store
 * (Dexie) nor the search (fuse.js), which live in the background; what it
 * costs a page is measured, not budgeted by size: `npm run bench:cost`
 * (issue 17), which also reports its size. And what the popup pays for: it
 * exports highlights without the importer (and zod), which run in the
 * background.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BROWSER_NAMES, extensionDir } from './harness';

describe.each(BROWSER_NAMES)('%s build', (browserName) => {
  // The content scripts, of the page and of its frames, and the session a frame with text loads.
  const everyPage = ['content-scripts/lens.js', 'content-scripts/lens-frames.js', 'lens-session.js'];

  test('the content scripts and the session contain neither Dexie nor fuse.js', () => {
    const source = everyPage.map((path) => readFileSync(`${extensionDir(browserName)}/${path}`, 'utf8')).join('\n');
    // Strings each library carries in its code (Dexie's error names, fuse's option names).
    for (const marker of [
      'DatabaseClosedError',
      'MissingAPIError',
      'Dexie',
      'ignoreLocation',
      'useExtendedSearch',
      'fieldNormWeight',
    ]) {
      expect(source, marker).not.toContain(marker);
    }
    // …and the same markers are in the background, so the test would see them if they moved.
    const background = readFileSync(`${extensionDir(browserName)}/background.js`, 'utf8');
    expect(background).toContain('DatabaseClosedError');
    expect(background).toContain('ignoreLocation');
  });

  test('the scripts that run in pages are ASCII only, so that a page holds their source at a byte a character', () => {
    const dir = extensionDir(browserName);
    // The content scripts, the frames' session and the scripts the session loads when needed (lib/lazy-script.ts).
    // And the two that read a frame, in its own world (lib/service/frames.ts).
    for (const path of [
      ...everyPage,
      'lens-ui.js',
      'lens-anchoring.js',
      'lens-claims.js',
      'frame-text.js',
      'frame-text-wait.js',
    ]) {
      const source = readFileSync(`${dir}/${path}`, 'utf8');
      const wide = [...source].filter((c) => c.charCodeAt(0) > 0x7f);
      expect(wide.join(''), path).toBe('');
    }
  });

  test('the popup exports highlights without loading the importer or zod', () => {
    const dir = extensionDir(browserName);
    const html = readFileSync(`${dir}/popup.html`, 'utf8');
    // The page's entry script and every chunk it loads before it runs (Vite preloads each static import).
    const scripts = [...html.matchAll(/(?:src|href)="(\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    const popup = scripts.map((path) => readFileSync(dir + path, 'utf8')).join('\n');
    // The importer's own messages, and zod's configuration (lib/zod.ts)…
    const importerMarkers = ['older Open Annotation format', 'a page note, with no quoted text', 'jitless'];
    for (const marker of importerMarkers) expect(popup, marker).not.toContain(marker);
    // …are in the background, where import runs, so the test would see them if they moved;
    const background = readFileSync(`${dir}/background.js`, 'utf8');
    for (const marker of importerMarkers) expect(background, marker).toContain(marker);
    // and the exporters are in the popup.
    expect(popup).toContain('AnnotationCollection');
    expect(popup).toContain('No highlights yet.');
  });
});
