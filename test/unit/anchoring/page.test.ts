// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { pageAnchoring } from '../../../lib/anchoring/page';
import { rangeOver } from '../range-over';

const ARTICLE =
  '<h1>A summit</h1><p>Vladimir <b>Putin</b> arrived in Pyongyang on 19 June.</p>' +
  '<p>The two leaders signed a pact.</p><p>Trade remains small.</p>';

beforeEach(() => {
  document.body.innerHTML = ARTICLE;
});

describe('pageAnchoring.describe', () => {
  test('a selection across elements: its quote, context and position in the document text', () => {
    const selection = document.createRange();
    selection.setStart(document.querySelector('p')!.firstChild!, 0); // "Vladimir "
    selection.setEnd(rangeOver(' arrived in Pyongyang').startContainer, ' arrived in'.length);
    const { quote, position, range } = pageAnchoring.describe(document.body, selection);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Vladimir Putin arrived in',
      prefix: 'A summit',
      suffix: ' Pyongyang on 19 June.The two le',
    });
    expect(document.body.textContent!.slice(position.start, position.end)).toBe('Vladimir Putin arrived in');
    expect(range.toString()).toBe('Vladimir Putin arrived in');
  });

  test('white space at the ends of a selection is left out of the quote and of the range drawn', () => {
    const selection = rangeOver(' signed a pact.');
    const { quote, range } = pageAnchoring.describe(document.body, selection);
    expect(quote.exact).toBe('signed a pact.');
    expect(range.toString()).toBe('signed a pact.');
  });

  test('a selection outside the root (another tree) is refused with a RangeError', () => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>inside a component</p>';
    document.body.append(host);
    const inside = document.createRange();
    inside.selectNodeContents(host.shadowRoot!.firstChild!);
    expect(() => pageAnchoring.describe(document.body, inside)).toThrow(RangeError);
  });
});

describe('pageAnchoring.anchor', () => {
  test('finds each highlight again after the page changed, and gives null for one whose text went away', () => {
    const saved = ['arrived in Pyongyang', 'signed a pact', 'Trade remains'].map((text) =>
      pageAnchoring.describe(document.body, rangeOver(text)),
    );
    document.body.innerHTML = `<p>Updated since.</p>${ARTICLE.replace('<p>The two leaders signed a pact.</p>', '')}`;
    const found = pageAnchoring.anchor(document.body, saved);
    expect(found.map((range) => range?.toString() ?? null)).toEqual(['arrived in Pyongyang', null, 'Trade remains']);
  });

  test('nothing to anchor: no work', () => {
    expect(pageAnchoring.anchor(document.body, [])).toEqual([]);
  });
});
