/**
 * The real news pages of ../shared/pages/, as publishers served them (their
 * own scripts included; their third-party requests fail, as nothing outside
 * this machine is reachable): Lens scans each one to the end, its marks are
 * the ones its scan reports, and no error on the page comes from Lens.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSER_NAMES, launch, type LensBrowser, usePageServer } from './harness';
import { SHARED_PAGES } from './harness/server';

const pages = readdirSync(SHARED_PAGES)
  .filter((f) => f.endsWith('.html'))
  .sort();

const server = usePageServer();

/**
 * The full scan's result; or 'emptied' for a page that wiped its own document
 * (The Mirror's does, in Chromium, when it finds itself on a host not its own).
 */
function scanned(): { matches: number; marked: number } | 'emptied' | null {
  const full = performance.getEntriesByName('rdl:scan').find((e) => (e as PerformanceMeasure).detail?.kind === 'full');
  if (!full) return document.readyState === 'complete' && !document.body?.textContent?.trim() ? 'emptied' : null;
  return {
    matches: ((full as PerformanceMeasure).detail as { matches: number }).matches,
    marked: CSS.highlights.get('rdl-term')?.size ?? 0,
  };
}

describe.each(BROWSER_NAMES)('%s', (browserName) => {
  let lens: LensBrowser;
  beforeAll(async () => {
    lens = await launch(browserName);
  });
  afterAll(() => lens.close());

  test('the shared pages are there to test with', () => {
    expect(pages.length).toBeGreaterThanOrEqual(20);
  });

  test.each(pages)('%s: scanned, marked, no error from Lens', async (file) => {
    const page = await lens.openPage(server.url(`/shared/${file}`));
    const result = await page.waitFor(scanned, [], 30_000);
    if (result !== 'emptied') {
      // The full scan reports the marks it made (core entities in the main text, and context entities
      // too on a page about the relationship; bench:marks judges which): until the page changes its
      // own text after load, every one of them is drawn.
      expect(result.marked).toBeGreaterThanOrEqual(Math.min(result.matches, 1));
    }
    const ours = page.errors().filter((e) => /RU–DPRK Lens|chrome-extension:|moz-extension:|rdl-/.test(e));
    expect(ours).toEqual([]);
    await page.close();
  });
});
