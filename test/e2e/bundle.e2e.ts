/**
 * What every page pays for: the content script carries neither the store
 * (Dexie) nor the search (fuse.js), which live in the background. What it
 * costs a page is measured, not budgeted by size: `npm run bench:cost`
 * (issue 17), which also reports the content script's size.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BROWSER_NAMES, extensionDir } from './harness';

describe.each(BROWSER_NAMES)('%s build', (browserName) => {
  const file = `${extensionDir(browserName)}/content-scripts/lens.js`;

  test('the content script contains neither Dexie nor fuse.js', () => {
    const source = readFileSync(file, 'utf8');
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
});
