/**
 * The real news pages of ../shared/pages/, as publishers served them (their
 * own scripts included; their third-party requests fail, as nothing outside
 * this machine is reachable), held to what a reader of each wants marked
 * (test/fixtures/marks/, judged as `npm run bench:marks` judges them; the
 * pages of nk/ that are about North Korea too): every
 * mention the reader wants is marked, no look-alike is ("FOLLOW US", "U.S.
 * Open"), a page not about the relationship gets no mark the reader does not
 * want, a page with no mark gets no style of Lens's, and no error on the page comes from Lens.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fullScan, judge, labelPathFor, readLabels, readMarks, type SeenMark } from '../bench/mark-labels';
import { BROWSER_NAMES, launch, type LensBrowser, usePageServer } from './harness';
import { SHARED_PAGES } from './harness/server';

const labels = new Map(readLabels().map((l) => [l.labels.page, l.labels]));
/** Every page of ../shared/pages/, and the pages of nk/ that are about the relationship (most wanted mentions are there). */
const pages = [
  ...readdirSync(SHARED_PAGES).filter((f) => f.endsWith('.html')),
  ...readdirSync(join(SHARED_PAGES, 'nk'))
    .map((f) => `nk/${f}`)
    .filter((f) => labels.get(f)?.relevant),
].sort();

const server = usePageServer();

const said = (m: { text: string; context?: string; before?: string; after?: string }) =>
  m.context !== undefined
    ? `${m.text} (…${m.context}…)`
    : `${m.text} (…${m.before?.slice(-30)}|${m.after?.slice(0, 30)}…)`;

describe.each(BROWSER_NAMES)('%s', (browserName) => {
  let lens: LensBrowser;
  beforeAll(async () => {
    lens = await launch(browserName);
  });
  afterAll(() => lens.close());

  test('the shared pages are there to test with, each with its labels', () => {
    expect(pages.length).toBeGreaterThanOrEqual(26);
    expect(pages.filter((f) => labels.get(f)?.relevant).length).toBeGreaterThanOrEqual(6);
    for (const file of pages) expect(labels.has(file), labelPathFor(file)).toBe(true);
  });

  test.each(pages)('%s: the mentions a reader wants are marked, and only those; no error from Lens', async (file) => {
    const page = await lens.openPage(server.url(`/shared/${file}`));
    // 'emptied': a page that wipes its own document off its host (The Mirror's, in Chromium) has nothing to judge.
    const state = await page.waitFor(fullScan, [], 30_000);
    if (state === 'scanned') {
      // The marks of the page as loaded: its own scripts may still add text until the load event (a page
      // whose third-party resources are out of reach may never reach it; then as it stands).
      await page.waitFor(() => document.readyState === 'complete', [], 15_000).catch(() => undefined);
      const { seen } = await page.evaluate(readMarks);
      const pageLabels = labels.get(file)!;
      const judged = judge(pageLabels, seen);
      expect(judged.missed.map(said), 'wanted mentions without their mark').toEqual([]);
      expect(
        judged.wrong.map((m: SeenMark) => said(m)),
        'look-alikes marked',
      ).toEqual([]);
      if (!pageLabels.relevant)
        expect(
          judged.unlabelled.map((m) => said(m)),
          'marks nobody wants',
        ).toEqual([]);
      // Lens's ::highlight() rules (which make every restyle of a page dearer) come with its first mark: a page it
      // marks nothing on has none. (Read at once: a highlight is registered before its rule is asked for.)
      const drawn = await page.evaluate(() => ({
        marked: CSS.highlights.has('rdl-term') || CSS.highlights.has('rdl-claim'),
        underline: document.body ? getComputedStyle(document.body, '::highlight(rdl-term)').textDecorationLine : 'none',
      }));
      if (!drawn.marked) expect(drawn.underline, "Lens's style on a page without marks").toBe('none');
      else
        await page.waitFor(() =>
          CSS.highlights.has('rdl-term')
            ? getComputedStyle(document.body, '::highlight(rdl-term)').textDecorationLine === 'underline'
            : true,
        );
    }
    const ours = page.errors().filter((e) => /RU–DPRK Lens|chrome-extension:|moz-extension:|rdl-/.test(e));
    expect(ours).toEqual([]);
    await page.close();
  });
});
