/**
 * Claims on the page (issue 16), as a reader meets them: of three sentences
 * naming Russia and North Korea, the two that state what the sources have
 * views on are marked (a corpus claim; a position on the closeness scale) and
 * the look-alike is not; resting the pointer on one (or Alt+Shift+C) opens its views; "Not
 * this" hides it, also after a reload; the option turns the feature off.
 * Expected content is read from the corpus files.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Claim, Person, Topic } from '../../lib/corpus/schema';
import { BROWSER_NAMES, launch, type LensBrowser, type LensPage, usePageServer } from './harness';
import {
  claimCardClosed,
  claimWordCentre,
  claimCardButton,
  drawnHighlights,
  highlightedTexts,
  openClaimCard,
  sendFromExtensionPage,
} from './page-helpers';

const read = <T>(name: string) => JSON.parse(readFileSync(`data/corpus/${name}.json`, 'utf8')) as T;
const oilClaim = read<Claim[]>('claims').find((c) => c.id === 'c-002-04')!;
const people = new Map(read<Person[]>('people').map((p) => [p.id, p]));
const topics = read<Topic[]>('topics');
const positionLabel = (id: string) => topics.flatMap((t) => t.positions).find((p) => p.id === id)!.label;

const OIL = 'Diplomats say Russia has been supplying refined petroleum to North Korea above the UN cap.';
const ALLIES = 'Pyongyang and Moscow are now de facto allies.';

/** The sentences marked as claims, in page order, once there are `count`. */
async function claimMarks(page: LensPage, count: number): Promise<string[]> {
  const texts = await page.waitFor(
    (n: number) => {
      const h = CSS.highlights.get('rdl-claim');
      return h && h.size === n ? true : null;
    },
    [count],
  );
  expect(texts).toBe(true);
  return (await page.evaluate(highlightedTexts, 'rdl-claim'))!.map((t) => t.replace(/\s+/g, ' ').trim());
}

const server = usePageServer();

describe.each(BROWSER_NAMES)('%s', (browserName) => {
  let lens: LensBrowser;
  beforeAll(async () => {
    lens = await launch(browserName);
  });
  afterAll(() => lens.close());

  test('marks the two sentences that state what the sources have views on, not the look-alike; hovering shows the views', async () => {
    const page = await lens.openPage(server.url('/fixtures/claims.html'));
    // Entity marks come first; the look-alike has the same entities as the oil sentence.
    const terms = await page.waitFor(highlightedTexts, ['rdl-term']);
    expect(terms.filter((t) => t === 'Russia')).toHaveLength(2);
    expect(await claimMarks(page, 2)).toEqual([OIL, ALLIES]);
    // A claim's sentence is drawn with a wavy line, an entity with a dotted one.
    await page.waitFor(drawnHighlights, [null, ['rdl-term: underline dotted', 'rdl-claim: underline wavy']]);

    // The claim: what the corpus says, who said it and when, and where it stands.
    const oil = await page.waitFor(claimWordCentre, [OIL.slice(0, 20), 'petroleum']);
    await page.mouseMove(oil.x, oil.y);
    const card = await page.waitForUi(openClaimCard, []);
    expect(card.text).toContain(oilClaim.text);
    expect(card.text).toContain(people.get(oilClaim.speakerIds[0]!)!.name);
    expect(card.text).toContain(oilClaim.date.slice(0, 4));
    const oilPosition = oilClaim.stances.find((s) => s.positionId)!.positionId!;
    expect(card.likely).toBe(positionLabel(oilPosition));
    expect(card.positions).toContain(positionLabel(oilPosition));

    // Esc closes it (the card may cover the next sentence).
    await page.press('Escape');
    await page.waitForUi(claimCardClosed);

    // The position: the closeness scale, with who disagrees.
    const allies = await page.evaluate(claimWordCentre, ALLIES.slice(0, 20), 'allies');
    await page.mouseMove(allies!.x, allies!.y);
    const deFacto = positionLabel('t-closeness-de-facto-alliance');
    const views = await page.waitForUi(openClaimCard, [deFacto]);
    // Who disagrees: the other positions the corpus's experts take on the scale are there too.
    expect(views.positions).toEqual(expect.arrayContaining([positionLabel('t-closeness-myth'), deFacto]));

    // The keyboard's way: Alt+Shift+C opens the next marked sentence's card (after the allies one: the oil one).
    await page.press('Escape');
    await page.waitForUi(claimCardClosed);
    await page.press('Alt+Shift+C');
    const byKey = await page.waitForUi(openClaimCard, [positionLabel(oilPosition)]);
    expect(byKey.text).toContain(oilClaim.text);
    await page.close();
  });

  test('"Not this" hides the sentence\'s mark and remembers it; the option turns claims off', async () => {
    const page = await lens.openPage(server.url('/fixtures/claims.html?not-this'));
    await claimMarks(page, 2);
    const allies = await page.evaluate(claimWordCentre, ALLIES.slice(0, 20), 'allies');
    await page.mouseMove(allies!.x, allies!.y);
    await page.waitForUi(openClaimCard, []);
    const notThis = await page.waitForUi(claimCardButton, ['Not this']);
    await page.mouseClick(notThis.x, notThis.y);
    expect(await claimMarks(page, 1)).toEqual([OIL]);
    await page.reload();
    await page.waitFor(highlightedTexts, ['rdl-term']);
    expect(await claimMarks(page, 1)).toEqual([OIL]);

    const options = await lens.openExtensionPage('options.html');
    await options.evaluate(sendFromExtensionPage, 'setSettings', { claims: false });
    await page.waitFor(() => (CSS.highlights.get('rdl-claim') ? null : true));
    // Its rule goes with it, before any reload: the page no longer pays for it.
    await page.waitFor(drawnHighlights, [null, ['rdl-term: underline dotted']]);
    await page.reload();
    await page.waitFor(highlightedTexts, ['rdl-term']);
    expect(await page.evaluate(() => CSS.highlights.has('rdl-claim'))).toBe(false);
    await options.evaluate(sendFromExtensionPage, 'setSettings', { claims: true });
    await options.close();
    await page.close();
  });
});
