/**
 * The popup's highlights tab in both browsers: delete with undo, export as
 * W3C Web Annotations, clear, import the file back, the same highlights.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSER_NAMES, launch, type LensBrowser, type LensPage } from './harness';
import { catchDownloads, chooseFile, chooseLargeFile, downloaded, sendFromExtensionPage } from './page-helpers';

const draft = (exact: string, note: string, colour: string) => ({
  url: 'http://127.0.0.1/fixtures/basic.html',
  title: 'Lens fixture: a short multilingual article',
  note,
  colour,
  entityIds: [],
  quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: exact.length },
});

/** The highlights the tab lists: quote and note, in order. */
function listed(): { quote: string; note: string }[] {
  return [...document.querySelectorAll('.highlight')].map((li) => ({
    quote: li.querySelector('blockquote')!.textContent!,
    note: li.querySelector('.note')?.textContent ?? '',
  }));
}

describe.each(BROWSER_NAMES)('%s', (browserName) => {
  let lens: LensBrowser;
  let popup: LensPage;
  beforeAll(async () => {
    lens = await launch(browserName);
    popup = await lens.openExtensionPage('popup.html');
    await popup.waitForSelector('[role="searchbox"]');
    await popup.evaluate(
      sendFromExtensionPage,
      'saveHighlight',
      draft('Kim Jong Un sign a treaty', 'the 2024 treaty', 'green'),
    );
    await popup.evaluate(sendFromExtensionPage, 'saveHighlight', draft('Putin and Kim', '', 'yellow'));
    await popup.reload();
    await popup.waitForSelector('[role="searchbox"]');
    await popup.evaluate(catchDownloads);
    await popup.click('#tab-highlights');
  });
  afterAll(() => lens.close());

  test('delete with undo; export, clear and import give back the same highlights', async () => {
    const before = await popup.waitFor(() => (document.querySelectorAll('.highlight').length === 2 ? true : null));
    expect(before).toBe(true);
    const original = await popup.evaluate(listed);
    expect(original.map((h) => h.note).sort()).toEqual(['', 'the 2024 treaty']);

    await popup.click('button.tool');
    const file = await popup.waitFor(downloaded);
    expect(file.name).toBe('ru-dprk-lens-highlights.jsonld');
    const exported = JSON.parse(file.text) as { type: string; total: number };
    expect(exported).toMatchObject({ type: 'AnnotationCollection', total: 2 });

    await popup.click('.highlight .danger');
    await popup.waitFor(() => (document.querySelectorAll('.highlight').length === 1 ? true : null));
    await popup.click('.notice .link');
    await popup.waitFor(() => (document.querySelectorAll('.highlight').length === 2 ? true : null));

    for (let left = 2; left > 0; left--) {
      await popup.click('.highlight .danger');
      await popup.waitFor(
        (n: number) => (document.querySelectorAll('.highlight').length === n ? true : null),
        [left - 1],
      );
    }

    await popup.evaluate(chooseFile, file.name, file.text);
    const notice = await popup.waitFor(() =>
      document.querySelector('.notice')?.textContent?.includes('Imported')
        ? document.querySelector('.notice')!.textContent
        : null,
    );
    expect(notice).toContain('Imported 2 highlights');
    await popup.waitFor(() => (document.querySelectorAll('.highlight').length === 2 ? true : null));
    expect((await popup.evaluate(listed)).sort((a, b) => a.quote.localeCompare(b.quote))).toEqual(
      [...original].sort((a, b) => a.quote.localeCompare(b.quote)),
    );

    // The same file again adds nothing; a broken file changes nothing and says why.
    await popup.evaluate(chooseFile, file.name, file.text);
    expect(
      await popup.waitFor(() =>
        document.querySelector('.notice')?.textContent?.includes('2 already here') ? true : null,
      ),
    ).toBe(true);
    await popup.evaluate(chooseFile, 'broken.json', file.text.slice(0, 40));
    const error = await popup.waitFor(() => document.querySelector('.highlights [role="alert"]')?.textContent ?? null);
    expect(error).toMatch(/^Nothing was imported: /);
    expect(await popup.evaluate(() => document.querySelectorAll('.highlight').length)).toBe(2);

    // A huge file is refused before it is read.
    await popup.evaluate(chooseLargeFile, 'huge.json', 51);
    expect(
      await popup.waitFor(() => {
        const text = document.querySelector('.highlights [role="alert"]')?.textContent ?? '';
        return text.includes('51 MB') ? text.trim() : null;
      }),
    ).toBe('Nothing was imported: The file is 51 MB; files over 50 MB are not imported.');
    expect(await popup.evaluate(() => document.querySelectorAll('.highlight').length)).toBe(2);
  });
});
