/**
 * The ground the product stands on, in both browsers: the content script runs
 * on a page, the popup shows the corpus the background seeded, and an update
 * whose corpus changed reseeds it while the reader's highlights survive.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSER_NAMES, extensionDir, launch, screenshotPath, type LensBrowser, usePageServer } from './harness';
import { highlightedTexts, sendFromExtensionPage } from './page-helpers';

const entityCount = (JSON.parse(readFileSync('data/corpus/entities.json', 'utf8')) as unknown[]).length;
const packEntityCount = (JSON.parse(readFileSync('data/packs/example-pack.json', 'utf8')) as { entities: unknown[] })
  .entities.length;

/** The popup's line about the corpus, once it has been read. */
function corpusCounts(): string | null {
  return document.querySelector('[data-testid="corpus-counts"]')?.textContent || null;
}

const server = usePageServer();

describe.each(BROWSER_NAMES)('%s', (browserName) => {
  let lens: LensBrowser;
  beforeAll(async () => {
    lens = await launch(browserName);
  });
  afterAll(() => lens.close());

  test('the content script runs on a page and marks what it recognises', async () => {
    const page = await lens.openPage(server.url('/fixtures/basic.html'));
    const texts = await page.waitFor(highlightedTexts, ['rdl-term']);
    expect(texts).toContain('Pyongyang');
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  test('the popup shows the corpus the background seeded', async () => {
    const popup = await lens.openExtensionPage('popup.html');
    expect(await popup.waitFor(corpusCounts)).toContain(`${entityCount} entities`);
    await popup.type('[role="searchbox"]', 'Kim Jong');
    await popup.waitFor(() => document.querySelector('[role="option"][data-id="e-kim-jong-un"]') !== null);
    await popup.screenshot(screenshotPath(`${browserName}-popup-foundation.png`));
    expect(popup.errors()).toEqual([]);
    await popup.close();
  });

  test('an update with a changed corpus reseeds it, and a saved highlight survives', async () => {
    const before = await lens.openExtensionPage('popup.html');
    const saved = (await before.evaluate(sendFromExtensionPage, 'saveHighlight', {
      url: 'http://127.0.0.1/fixtures/basic.html',
      title: 'Fixture',
      note: 'survives updates',
      colour: 'yellow',
      entityIds: ['pyongyang'],
      quote: { type: 'TextQuoteSelector', exact: 'Pyongyang', prefix: 'visit to ', suffix: '.' },
      position: { type: 'TextPositionSelector', start: 80, end: 89 },
    })) as { id: string };
    const versionBefore = (await before.evaluate(sendFromExtensionPage, 'getStatus', null)) as {
      status: { corpora: { version: string }[] };
    };
    await before.close();

    await lens.installUpdate(extensionDir(browserName, 'update'));

    const after = await lens.openExtensionPage('popup.html');
    expect(await after.waitFor(corpusCounts)).toContain(`${entityCount + packEntityCount} entities`);
    const status = (await after.evaluate(sendFromExtensionPage, 'getStatus', null)) as {
      status: { corpora: { version: string }[] };
      loadError: string | null;
    };
    expect(status.loadError).toBeNull();
    expect(status.status.corpora[0]!.version).not.toBe(versionBefore.status.corpora[0]!.version);
    const highlights = (await after.evaluate(sendFromExtensionPage, 'listHighlights', {})) as {
      id: string;
      note: string;
    }[];
    expect(highlights).toEqual([expect.objectContaining({ id: saved.id, note: 'survives updates' })]);
    await after.close();
  });
});
