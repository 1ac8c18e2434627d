/**
 * Lens in the reader's language (issue 19), as a reader meets it: the browser
 * set to Russian, then to Korean (Chromium started in the language, Firefox
 * with its language pack), and no setting touched. The popup, a card and the
 * options show no English UI text — nothing a reader sees or hears is one of
 * the English messages — and the locale's own words, dates in its format, and
 * a claim in the project's translation, labelled so, its quote verbatim.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Claim } from '../../lib/corpus/schema';
import en from '../../locales/en.json';
import ko from '../../locales/ko.json';
import ru from '../../locales/ru.json';
import { BROWSER_NAMES, launch, POPUP_VIEWPORT, screenshotPath, type LensBrowser, usePageServer } from './harness';
import { openCard, shownTexts } from './page-helpers';
import { expandCard, hover, searchFor } from './reader-actions';

const LOCALES = { ru, ko } as const;
type Locale = keyof typeof LOCALES;
const claims = JSON.parse(readFileSync('data/corpus/claims.json', 'utf8')) as Claim[];

/** A date as the locale writes it ("19 июня 2024 г.", "2024년 6월 19일"), month or day precision. */
const DATE_FORMS: Record<Locale, RegExp> = {
  ru: /^(\d{1,2} )?\p{Ll}+\.? \d{4} г\.$/u,
  ko: /^\d{4}년 \d{1,2}월( \d{1,2}일)?$/,
};

/** The English messages a reader of `locale` must not meet: all but those the locale writes the same (the name). */
function englishMessages(locale: Locale): { key: string; whole: RegExp | null; parts: string[] }[] {
  const catalog = LOCALES[locale] as Record<string, string>;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return Object.entries(en)
    .filter(([key, message]) => catalog[key] !== message && /\p{L}{2}/u.test(message.replace(/\{\w+\}/g, '')))
    .map(([key, message]) => ({
      key,
      // The message as shown, whatever fills its placeholders; not for one whose own words are too few to
      // tell it from the corpus's texts ("{place} of {total}" would be any sentence with "of" in it).
      whole:
        (message.replace(/\{\w+\}/g, '').match(/\p{L}/gu)?.length ?? 0) >= 5
          ? new RegExp(
              `^${message
                .split(/\{\w+\}/)
                .map(escape)
                .join('.+?')}$`,
              's',
            )
          : null,
      // Its fixed stretches of three words or more, found inside a longer text too.
      parts: message
        .split(/\{\w+\}/)
        .map((part) => part.trim())
        .filter((part) => part.split(/\s+/).length >= 3 && /\p{L}{3}/u.test(part)),
    }));
}

/** The English UI texts among `texts`, as "text ← key". */
function englishIn(texts: string[], locale: Locale): string[] {
  const messages = englishMessages(locale);
  return texts.flatMap((text) =>
    messages
      .filter(({ whole, parts }) => whole?.test(text) || parts.some((part) => text.includes(part)))
      .map(({ key }) => `${text} ← ${key}`),
  );
}

const server = usePageServer();

describe.each(BROWSER_NAMES)('%s', (browserName) => {
  describe.each(['ru', 'ko'] as const)('set to %s', (locale) => {
    const words = LOCALES[locale];
    // The README's pictures: Russian in Chromium, Korean in Firefox.
    const pictured = (browserName === 'chromium') === (locale === 'ru');
    let lens: LensBrowser;
    beforeAll(async () => {
      lens = await launch(browserName, 'current', { locale });
    });
    afterAll(() => lens.close());

    test('the popup speaks the language: its tabs, switches, hint, counts and search', async () => {
      const popup = await lens.openExtensionPage('popup.html', POPUP_VIEWPORT);
      await popup.waitFor(() => document.querySelector('[data-testid="corpus-counts"]')?.textContent || null);
      const shown = await popup.evaluate(shownTexts);
      expect(shown).toEqual(expect.arrayContaining([words.popupTabSearch, words.popupTabPage, words.searchHint]));
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe(locale);
      expect(englishIn(shown, locale)).toEqual([]);

      // A search's groups and filters, in the language too.
      await searchFor(popup, 'Пхеньян');
      await popup.click('.filter-toggle');
      await popup.waitFor(() => document.querySelector('#filters') !== null || null);
      const searched = await popup.evaluate(shownTexts);
      // Pyongyang's kind, by its name in the language (the corpus says 'place').
      expect(searched).toEqual(expect.arrayContaining([words.searchGroupEntity, words.kindPlace]));
      expect(englishIn(searched, locale)).toEqual([]);
      if (pictured) await popup.screenshot(screenshotPath(`${browserName}-popup-${locale}.png`));
      expect(popup.errors()).toEqual([]);
      await popup.close();
    });

    test('a card: its frame, sections and dates in the language, a claim in the project’s translation', async () => {
      const page = await lens.openPage(server.url('/fixtures/basic.html'));
      await hover(page, 'Kim Jong Un');
      await page.waitForUi(openCard);
      await expandCard(page);
      const card = (await page.waitForUi(openCard))!;
      expect(card.sections).toContain(words.cardSourcesSay);
      expect(card.kind).toBe(words.kindPerson);
      const shown = await page.evaluateUi(shownTexts);
      expect(englishIn(shown, locale)).toEqual([]);

      const view = await page.evaluateUi((root) =>
        [...root!.querySelectorAll('.rdl-card .rdl-claim')].map((claim) => ({
          id: claim.getAttribute('data-claim-id')!,
          text: claim.querySelector('.rdl-claim-text')!.textContent!.trim(),
          quote: claim.querySelector('blockquote')!.textContent!,
          dates: [...claim.querySelectorAll('time')].map((time) => time.textContent!.trim()),
        })),
      );
      expect(view.length).toBeGreaterThan(0);
      for (const date of view.flatMap((claim) => claim.dates)) expect(date).toMatch(DATE_FORMS[locale]);
      const translated = view.filter((claim) => claims.find((c) => c.id === claim.id)?.projectTranslations?.[locale]);
      expect(translated.length).toBeGreaterThan(0);
      for (const shownClaim of translated) {
        const claim = claims.find((c) => c.id === shownClaim.id)!;
        // The project's words in the reader's language, said to be the project's; the source's words as they were.
        expect(
          shownClaim.text.startsWith(`${claim.projectTranslations![locale]} ${words.cardProjectTranslation}`),
        ).toBe(true);
        expect(shownClaim.quote).toBe(claim.quote);
      }
      if (pictured) await page.screenshot(screenshotPath(`${browserName}-card-${locale}.png`));
      expect(page.errors()).toEqual([]);
      await page.close();
    });

    test('the options speak the language, and follow the browser until told otherwise', async () => {
      const options = await lens.openExtensionPage('options.html');
      await options.waitForSelector('input[name="density"]');
      const shown = await options.evaluate(shownTexts);
      expect(shown).toEqual(expect.arrayContaining([words.optionsTitle, words.optionsPause, words.optionsLanguage]));
      expect(englishIn(shown, locale)).toEqual([]);
      expect(await options.evaluate(() => document.title)).toBe(words.optionsTitle);
      expect(
        await options.evaluate(() => document.querySelector<HTMLInputElement>('input[name="language"]:checked')?.value),
      ).toBe('browser');
      expect(options.errors()).toEqual([]);
      await options.close();
    });
  });
});
