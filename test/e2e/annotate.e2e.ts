/**
 * Marks on pages, read back from CSS.highlights as a reader's browser holds
 * them: which words, in three languages; never in form fields or code; kept
 * up to date on a changing page and across an SPA navigation; and the page's
 * DOM left exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSER_NAMES, launch, launchPlain, type LensBrowser, usePageServer } from './harness';
import { fullScan } from '../bench/mark-labels';
import { drawnHighlights, highlightedTexts, serialisedDom } from './page-helpers';

const server = usePageServer();

/** Every mark on basic.html, in document order, as written on the page. */
const BASIC_MARKS = [
  'Putin',
  'Kim Jong Un',
  'Pyongyang',
  'Russia',
  'North Korea',
  'Putin',
  'Pyongyang',
  'Путин',
  'Пхеньян',
  'Пхеньяне',
  'Ким Чен Ыном',
  '푸틴',
  '평양에서',
  '김정은과',
];

describe.each(BROWSER_NAMES)('%s', (browserName) => {
  let lens: LensBrowser;
  beforeAll(async () => {
    lens = await launch(browserName);
  });
  afterAll(() => lens.close());

  test('marks every mention in English, Russian and Korean, and nothing in fields, code or longer words', async () => {
    const page = await lens.openPage(server.url('/fixtures/basic.html'));
    const texts = await page.waitFor(highlightedTexts, ['rdl-term']);
    expect(texts).toEqual(BASIC_MARKS);
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  test('marks are drawn with a dotted underline; a page with nothing to mark gets no style of Lens until it has', async () => {
    const marked = await lens.openPage(server.url('/fixtures/basic.html'));
    await marked.waitFor(highlightedTexts, ['rdl-term']);
    await marked.waitFor(drawnHighlights, [null, ['rdl-term: underline dotted']]);
    await marked.close();

    // (Lens's ::highlight() rules make every style recalculation of a page dearer: they come with its first mark.)
    const page = await lens.openPage(server.url('/fixtures/no-mentions.html'));
    expect(await page.waitFor(fullScan)).toBe('scanned');
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    expect(await page.evaluate(drawnHighlights)).toEqual([]);
    await page.evaluate(() => {
      document.querySelector('article')!.insertAdjacentHTML('beforeend', '<p>The mayor then flew to Pyongyang.</p>');
    });
    expect(await page.waitFor(highlightedTexts, ['rdl-term'])).toEqual(['Pyongyang']);
    await page.waitFor(drawnHighlights, [null, ['rdl-term: underline dotted']]);
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  test('records an rdl:scan measure with the characters scanned and the matches found', async () => {
    const page = await lens.openPage(server.url('/fixtures/basic.html'));
    await page.waitFor(highlightedTexts, ['rdl-term']);
    const measures = await page.evaluate(() =>
      performance
        .getEntriesByName('rdl:scan')
        .map((m) => (m as PerformanceMeasure).detail as { chars: number; matches: number }),
    );
    expect(measures.length).toBeGreaterThanOrEqual(1);
    expect(measures[0]!.matches).toBe(BASIC_MARKS.length);
    const bodyChars = await page.evaluate(() => document.body.textContent!.length);
    expect(measures[0]!.chars).toBeGreaterThan(200);
    expect(measures[0]!.chars).toBeLessThan(bodyChars);
    await page.close();
  });

  test('text added, edited and removed on a live page is marked and unmarked', async () => {
    const page = await lens.openPage(server.url('/fixtures/dynamic.html'));
    expect(await page.waitFor(highlightedTexts, ['rdl-term'])).toEqual(['Sergei Lavrov', 'Wonsan']);

    await page.evaluate(() =>
      (window as unknown as { addPost(id: string, t: string): void }).addPost('p2', 'Kim Jong Un meets him in Wonsan.'),
    );
    await page.waitFor((name: string) => (CSS.highlights.get(name)?.size ?? 0) === 4, ['rdl-term']);
    expect(await page.evaluate(highlightedTexts, 'rdl-term')).toEqual([
      'Sergei Lavrov',
      'Wonsan',
      'Kim Jong Un',
      'Wonsan',
    ]);

    await page.evaluate(() =>
      (window as unknown as { editPost(id: string, t: string): void }).editPost(
        'first',
        'Live: the minister lands in Pyongyang.',
      ),
    );
    await page.waitFor((name: string) => (CSS.highlights.get(name)?.size ?? 0) === 3, ['rdl-term']);
    expect(await page.evaluate(highlightedTexts, 'rdl-term')).toEqual(['Pyongyang', 'Kim Jong Un', 'Wonsan']);

    await page.evaluate(() => (window as unknown as { removePost(id: string): void }).removePost('p2'));
    await page.waitFor((name: string) => (CSS.highlights.get(name)?.size ?? 0) === 1, ['rdl-term']);
    expect(await page.evaluate(highlightedTexts, 'rdl-term')).toEqual(['Pyongyang']);
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  test('a single-page-app navigation rescans the new view', async () => {
    const page = await lens.openPage(server.url('/fixtures/spa.html'));
    expect(await page.waitFor(highlightedTexts, ['rdl-term'])).toEqual(['Kim Jong Un', 'Pyongyang']);
    await page.click('#to-moscow');
    await page.waitFor(() => location.search === '?view=moscow');
    await page.waitFor(
      (name: string) => {
        const h = CSS.highlights.get(name);
        return (
          h?.size === 2 && [...(h as unknown as Iterable<AbstractRange>)].every((r) => r.startContainer.isConnected)
        );
      },
      ['rdl-term'],
    );
    expect(await page.evaluate(highlightedTexts, 'rdl-term')).toEqual(['Sergei Lavrov', 'Wonsan']);
    await page.close();
  });

  test('the page’s DOM is the same with and without the extension', async () => {
    const withLens = await lens.openPage(server.url('/fixtures/basic.html'));
    await withLens.waitFor(highlightedTexts, ['rdl-term']);
    const marked = await withLens.evaluate(serialisedDom);
    await withLens.close();

    const plain = await launchPlain(browserName);
    try {
      const page = await plain.openPage(server.url('/fixtures/basic.html'));
      const untouched = await page.evaluate(serialisedDom);
      expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
      expect(marked).toBe(untouched);
    } finally {
      await plain.close();
    }
  });
});
