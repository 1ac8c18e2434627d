/**
 * What Lens marks on a news page (issue 13), read back from CSS.highlights:
 * on an article about the relationship, every wanted mention in three
 * languages — demonyms and adjectives included, "U.S." with its full stop —
 * and none of the look-alikes beside them, nor anything in the page's
 * navigation, asides and footer; on an article that is not about it, only
 * the relationship's own entities, until the page becomes about it or the
 * reader asks for everything.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSER_NAMES, launch, type LensBrowser, usePageServer } from './harness';
import { highlightedTexts, marksAre, sendFromExtensionPage } from './page-helpers';
import { openOnThisPage } from './reader-actions';

const server = usePageServer();

/** Every mark on marks-mixed.html, in document order, as written on the page. */
const MIXED_MARKS = [
  // the headline and the English paragraph; not "Russia's Security Council", "sanctions against Russia",
  // "U.S. Open", "US$", "US Steel"
  'North Korean',
  'Russia',
  'Pyongyang',
  'North Korean',
  'Russia',
  'U.S.',
  'South Korean',
  'Kim Jong Un',
  'Putin',
  'Russia',
  'Russia',
  // Russian: not путина (the fishing season), «Почта России», Росси
  'Северокорейские',
  'Россию',
  'Путин',
  // Korean: not 영국 노동당 (the UK Labour Party), 남미 원산의 (native to South America)
  '北',
  '러시아에',
  '북러',
  '북측은',
  '김정은의',
];

const UNRELATED_CORE = ['Pyongyang'];

describe.each(BROWSER_NAMES)('%s', (browserName) => {
  let lens: LensBrowser;
  beforeAll(async () => {
    lens = await launch(browserName);
  });
  afterAll(() => lens.close());

  test('an article about the relationship: wanted mentions marked, look-alikes and page furniture not', async () => {
    const page = await lens.openPage(server.url('/fixtures/marks-mixed.html'));
    const marks = await page.waitFor(highlightedTexts, ['rdl-term']);
    // (The page's source wraps lines inside a name: as a reader sees it, one space.)
    expect(marks.map((text) => text.replace(/\s+/g, ' '))).toEqual(MIXED_MARKS);
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  test('an article not about it: core entities only, everything once it becomes about it', async () => {
    const page = await lens.openPage(server.url('/fixtures/marks-unrelated.html'));
    expect(await page.waitFor(highlightedTexts, ['rdl-term'])).toEqual(UNRELATED_CORE);
    // The live part of the page brings mentions of the relationship: the page is now about it.
    await page.evaluate(() => {
      document.getElementById('live')!.innerHTML =
        '<p>Kim Jong Un and North Korea signed the treaty with Russia in Pyongyang.</p>';
    });
    await page.waitFor(marksAre, [
      'rdl-term',
      ['Russia', 'United States', 'Putin', 'United States', 'China', 'Moscow', 'Pyongyang'].concat([
        'Kim Jong Un',
        'North Korea',
        'Russia',
        'Pyongyang',
      ]),
    ]);
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  test('the popup says why a page not about the relationship has few marks', async () => {
    const page = await lens.openPage(server.url('/fixtures/marks-unrelated.html'));
    await page.waitFor(highlightedTexts, ['rdl-term']);
    const onPage = await openOnThisPage(lens);
    await onPage.waitForSelector('.scope-note');
    const note = await onPage.evaluate(() => document.querySelector('.scope-note')!.textContent);
    expect(note).toContain('This page isn’t about Russia–North Korea relations');
    expect(note).toContain('Mark everything…');
    await onPage.close();
    await page.close();
  });

  test('a page opened far down is read from what is in view: its first marks are there, not at the top', async () => {
    const page = await lens.openPage(server.url('/fixtures/in-view.html#p300'));
    // Once every paragraph is marked: the paragraph of the first mark Lens made (a highlight keeps its ranges in
    // the order they were added).
    const firstMarked = () => {
      const ranges = [...((CSS.highlights.get('rdl-term') ?? []) as Iterable<AbstractRange>)];
      if (ranges.length < 400) return null;
      return { paragraph: Number((ranges[0]!.startContainer.parentElement as Element).id.slice(1)) };
    };
    const first = (await page.waitFor(firstMarked)).paragraph;
    const top = await page.evaluate(() => {
      const inView = [...document.querySelectorAll('p')].filter((p) => {
        const box = p.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight;
      });
      return [Number(inView[0]!.id.slice(1)), Number(inView.at(-1)!.id.slice(1))];
    });
    expect(top[0]).toBeGreaterThanOrEqual(290);
    // Within a window's height of what is in view (about as many paragraphs as the window shows).
    expect(first).toBeGreaterThanOrEqual(top[0]! - (top[1]! - top[0]! + 1));
    expect(first).toBeLessThanOrEqual(top[1]!);
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  test('the reader may mark everything, navigation included', async () => {
    const popup = await lens.openExtensionPage('popup.html');
    const setSettings = (patch: Record<string, unknown>) => popup.evaluate(sendFromExtensionPage, 'setSettings', patch);
    const page = await lens.openPage(server.url('/fixtures/marks-unrelated.html'));
    expect(await page.waitFor(highlightedTexts, ['rdl-term'])).toEqual(UNRELATED_CORE);
    await setSettings({ markEverywhere: true, mainTextOnly: false });
    await page.waitFor(marksAre, [
      'rdl-term',
      ['North Korea', 'Russia', 'United States', 'Putin', 'United States', 'China', 'Moscow', 'Pyongyang'],
    ]);
    await setSettings({ markEverywhere: false, mainTextOnly: true });
    await page.waitFor(marksAre, ['rdl-term', UNRELATED_CORE]);
    expect(page.errors()).toEqual([]);
    await popup.close();
    await page.close();
  });
});
