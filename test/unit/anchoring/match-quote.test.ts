import { describe, expect, test } from 'vitest';
import type { TextQuoteSelector } from '../../../lib/anchoring/selectors';
import { anchorAll, anchorQuote, errorBudget } from '../../../lib/anchoring/match-quote';
import { describeRange, UNKNOWN_POSITION } from '../../../lib/anchoring/selectors';

const P0 = 'Moscow and Pyongyang signed a comprehensive strategic partnership treaty in June 2024.';
const P1 = 'The treaty obliges each side to provide military assistance if the other is attacked.';
const P2 = 'Analysts in Seoul said the agreement marked the closest ties since the Cold War.';
const P3 = 'North Korean troops were later reported in the Kursk region of Russia.';
const P4 = 'The Kremlin did not comment on the reports. Pyongyang also stayed silent.';
const article = (...paragraphs: string[]) => paragraphs.join('\n\n');
const ARTICLE = article(P0, P1, P2, P3, P4);

/** The selectors a reader's selection of the `nth` (0-based) copy of `quote` in `text` is saved as. */
function saved(text: string, quote: string, nth = 0) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  if (start === -1) throw new Error(`"${quote}" is not in the text`);
  return describeRange(text, start, start + quote.length);
}

/** The anchored text with up to 20 characters before it, as `before|quote`, or null for an orphan. */
function found(text: string, selectors: ReturnType<typeof saved>) {
  const anchor = anchorQuote(text, selectors.quote, selectors.position);
  if (!anchor) return null;
  return {
    at: `${text.slice(Math.max(0, anchor.start - 20), anchor.start)}|${text.slice(anchor.start, anchor.end)}`,
    method: anchor.method,
  };
}

describe('anchorQuote: page edits', () => {
  const highlight = saved(ARTICLE, 'provide military assistance');

  test.each([
    ['the page is unchanged', ARTICLE, 'bliges each side to |provide military assistance', 'position'],
    [
      'a paragraph is inserted at the top',
      article('Updated: this story has been revised with comment from Seoul.', P0, P1, P2, P3, P4),
      'bliges each side to |provide military assistance',
      'exact',
    ],
    [
      'words are inserted right before it',
      ARTICLE.replace('each side to provide', 'each side to promptly provide'),
      'ch side to promptly |provide military assistance',
      'exact',
    ],
    [
      'its paragraph is moved to the end',
      article(P0, P2, P3, P4, P1),
      'bliges each side to |provide military assistance',
      'exact',
    ],
    [
      'the text before it is rewritten',
      ARTICLE.replace('The treaty obliges each side to', 'Under the pact, both countries must'),
      'both countries must |provide military assistance',
      'exact',
    ],
    [
      'the text after it is rewritten',
      ARTICLE.replace('if the other is attacked.', 'should either of them be invaded by a third state.'),
      'bliges each side to |provide military assistance',
      'exact',
    ],
    [
      'a word is inserted in it',
      ARTICLE.replace('provide military assistance', 'provide swift military assistance'),
      'bliges each side to |provide swift military assistance',
      'fuzzy',
    ],
  ] as const)('%s: found', (_, text, at, method) => {
    expect(found(text, highlight)).toEqual({ at, method });
  });

  test('a typo fixed inside it: found, with the corrected text', () => {
    const before = ARTICLE.replace('military', 'militray');
    const typo = saved(before, 'provide militray assistance');
    expect(found(ARTICLE, typo)).toEqual({ at: 'bliges each side to |provide military assistance', method: 'fuzzy' });
  });

  test('a typo fixed inside it after a paragraph was inserted above: found', () => {
    const typo = saved(ARTICLE.replace('military', 'militray'), 'provide militray assistance');
    const after = article('Updated with comment from Seoul.', P0, P1, P2, P3, P4);
    expect(found(after, typo)).toEqual({ at: 'bliges each side to |provide military assistance', method: 'fuzzy' });
  });

  test.each([
    ['the quote is deleted', ARTICLE.replace('provide military assistance ', '')],
    ['its whole paragraph is deleted', article(P0, P2, P3, P4)],
    [
      'the quote is deleted and similar text remains elsewhere',
      article(
        P0,
        P1.replace('provide military assistance ', ''),
        P2,
        'Russia provided military assistance in return.',
        P4,
      ),
    ],
    [
      'the quote is rewritten beyond the error budget',
      ARTICLE.replace('provide military assistance', 'send soldiers and weapons'),
    ],
  ])('%s: an orphan', (_, text) => {
    expect(found(text, highlight)).toBeNull();
  });

  describe('the quote appearing twice', () => {
    const twice = article(
      P0,
      P1,
      P2,
      'Officials would not say whether Moscow would provide military assistance in return.',
      P4,
    );
    const first = saved(twice, 'provide military assistance', 0);
    const second = saved(twice, 'provide military assistance', 1);

    test.each([
      ['the first copy', first, 'bliges each side to |provide military assistance'],
      ['the second copy', second, 'hether Moscow would |provide military assistance'],
    ])('%s is found by its context after text is inserted above both', (_, selectors, at) => {
      const edited = article(
        'Breaking news: a second summit has been announced for the autumn.',
        P0,
        P1,
        P2,
        twice.split('\n\n')[3]!,
        P4,
      );
      expect(found(edited, selectors)).toEqual({ at, method: 'exact' });
    });

    test('a copy inserted before the highlighted quote does not take its place', () => {
      const edited = article(P0, 'Some asked whether Russia would provide military assistance too.', P1, P2, P3, P4);
      expect(found(edited, highlight)).toEqual({
        at: 'bliges each side to |provide military assistance',
        method: 'exact',
      });
    });

    test('the highlighted copy deleted right after an identical one: an orphan, not the neighbour', () => {
      const text = 'The crowd chanted: we will win, we will win. Then the leader left the stage.';
      const selectors = saved(text, 'we will win', 1);
      expect(found(text.replace('we will win, we will win.', 'we will win.'), selectors)).toBeNull();
    });
  });
});

describe('anchorQuote: page structure', () => {
  test('a quote that is a whole paragraph, moved: found though both neighbours changed', () => {
    const selectors = saved(ARTICLE, P2);
    expect(found(article(P2, P0, P1, P3, P4), selectors)).toEqual({ at: `|${P2}`, method: 'exact' });
  });

  test('a menu repeated in header and footer: the edited copy near the stored position wins over an untouched copy far away', () => {
    const menu = (politics: string) => `Home\n  World\n  ${politics}\n  Business\n  Sport`;
    const body = 'Story text. '.repeat(300);
    const page = `${menu('Politics')}\n${body}\n${menu('Politics')}`;
    const footerCopy = saved(page, 'World\n  Politics', 1);
    const edited = `${menu('Politics')}\n${body}\n${menu('Politic')}`;
    const anchor = anchorQuote(edited, footerCopy.quote, footerCopy.position);
    expect(anchor?.method).toBe('fuzzy');
    expect(anchor && edited.slice(anchor.start, anchor.end)).toBe('World\n  Politic');
    expect(anchor && anchor.start).toBeGreaterThan(3000);
  });

  test('a deleted entry of a repetitive schedule: an orphan, not the next entry', () => {
    const entries = [
      '10:35 NRK TV Men Athletics: 100 m heats',
      '10:55 NRK TV Women Athletics: 100 m heats',
      '11:15 NRK TV Men Athletics: 400 m heats',
      '11:35 NRK TV Women Athletics: 400 m heats',
      '11:55 NRK TV Men Athletics: 800 m heats',
    ];
    const text = entries.join('\n');
    const selectors = saved(text, 'Women Athletics: 400 m heats');
    const edited = entries.filter((e) => !e.includes('Women Athletics: 400 m')).join('\n');
    expect(found(edited, selectors)).toBeNull();
  });

  test('the next item of a menu that resembles the deleted one: an orphan', () => {
    const text = 'Privacy\n      Terms of Service\n      Terms of Sale\n      Site Map\n      Help';
    const selectors = saved(text, 'Terms of Sale');
    expect(found(text.replace('Terms of Sale\n      ', ''), selectors)).toBeNull();
  });

  test('context that changed only in its indentation still agrees', () => {
    const text = '<nav>\n    Russia\n    North Korea\n    Ukraine\n</nav>';
    const selectors = saved(text, 'North Korea');
    const reindented = '<nav>\n\t\tRussia\n\t\tNorth Korea\n\t\tUkraine\n</nav>';
    expect(found(reindented, selectors)).toEqual({ at: '<nav>\n\t\tRussia\n\t\t|North Korea', method: 'exact' });
  });

  test('a quote across a paragraph break, re-indented inside: found fuzzily with the new white space', () => {
    const text = 'The summit ended.\n    Kim left Vladivostok by train.\n    He was seen off by Putin.';
    const selectors = saved(text, 'ended.\n    Kim left');
    const reindented = 'The summit ended.\n        Kim left Vladivostok by train.\n        He was seen off by Putin.';
    expect(found(reindented, selectors)).toEqual({ at: 'The summit |ended.\n        Kim left', method: 'fuzzy' });
  });

  test('a quote at the very start of the text, after text is inserted before it', () => {
    const selectors = saved(ARTICLE, 'Moscow and Pyongyang');
    expect(selectors.quote.prefix).toBe('');
    expect(found(`Live updates\n\n${ARTICLE}`, selectors)).toEqual({
      at: 'Live updates\n\n|Moscow and Pyongyang',
      method: 'exact',
    });
  });
});

describe('anchorQuote: selectors', () => {
  const selectors = saved(ARTICLE, 'the Kursk region');

  test('an unchanged page anchors by position with a score of 1', () => {
    expect(anchorQuote(ARTICLE, selectors.quote, selectors.position)).toEqual({
      start: selectors.position.start,
      end: selectors.position.end,
      score: 1,
      method: 'position',
    });
  });

  test.each([
    ['no position', undefined],
    ['an unknown position (an import without one)', UNKNOWN_POSITION],
    ['a position past the end of the text', { type: 'TextPositionSelector' as const, start: 99999, end: 100015 }],
    ['a position pointing elsewhere', { type: 'TextPositionSelector' as const, start: 0, end: 16 }],
  ])('%s: found by the quote', (_, position) => {
    const anchor = anchorQuote(ARTICLE, selectors.quote, position);
    expect(anchor && ARTICLE.slice(anchor.start - 12, anchor.end)).toBe('reported in the Kursk region');
    expect(anchor?.method).toBe('exact');
  });

  test('a selector without context, found once: found', () => {
    const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact: 'closest ties', prefix: '', suffix: '' };
    const anchor = anchorQuote(ARTICLE, quote);
    expect(anchor && ARTICLE.slice(anchor.start, anchor.end + 6)).toBe('closest ties since');
  });

  test('a selector without context, found twice and no position: an orphan', () => {
    const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact: 'Pyongyang', prefix: '', suffix: '' };
    expect(anchorQuote(ARTICLE, quote)).toBeNull();
  });

  test('an empty quote: an orphan', () => {
    expect(anchorQuote(ARTICLE, { type: 'TextQuoteSelector', exact: '', prefix: 'a', suffix: 'b' })).toBeNull();
  });

  test('anchorAll answers in the order asked', () => {
    const a = saved(ARTICLE, 'Cold War');
    const b = saved(ARTICLE, 'stayed silent');
    const gone = saved(ARTICLE, 'did not comment');
    const edited = ARTICLE.replace('did not comment on the reports. ', '');
    const anchors = anchorAll(edited, [b, gone, a]);
    expect(anchors.map((x) => x && edited.slice(x.start, x.end))).toEqual(['stayed silent', null, 'Cold War']);
  });
});

test.each([
  [0, 0],
  [3, 0],
  [4, 1],
  [27, 6],
  [40, 10],
  [128, 32],
  [1000, 32],
])('errorBudget(%i) = %i', (length, budget) => {
  expect(errorBudget(length)).toBe(budget);
});
