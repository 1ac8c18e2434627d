// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { anchorAll, anchorQuote, type AnchorMethod } from '../../../lib/anchoring/match-quote';
import { describeRange } from '../../../lib/anchoring/selectors';
import { documentText } from '../../../lib/anchoring/text-range';

function textNode(parent: Element, index = 0): Text {
  const node = parent.childNodes[index];
  if (!(node instanceof Text)) throw new Error('not a text node');
  return node;
}

describe('documentText', () => {
  beforeEach(() => {
    document.body.innerHTML =
      '<h1>Kim <em>meets</em> Putin</h1><script>var x = "no";</script><style>p { color: red }</style>' +
      '<p>In <b>Vladivostok</b>.</p><rdl-ui>our panel</rdl-ui><noscript>enable js</noscript><template>tpl</template><p></p>';
  });

  test('joins the text nodes, leaving out script, style, noscript, template and our own UI', () => {
    expect(documentText(document.body).text).toBe('Kim meets PutinIn Vladivostok.');
  });

  describe('toRange', () => {
    test('a range inside one node', () => {
      const range = documentText(document.body).toRange(18, 29);
      expect(range.toString()).toBe('Vladivostok');
      expect(range.startContainer.parentElement?.tagName).toBe('B');
    });

    test('offsets on node boundaries start in the later node and end in the earlier one', () => {
      const range = documentText(document.body).toRange(4, 9);
      expect(range.toString()).toBe('meets');
      expect(range.startContainer).toBe(range.endContainer);
      expect([range.startOffset, range.endOffset]).toEqual([0, 5]);
    });

    test('a range across elements starts and ends in the text nodes of its offsets', () => {
      // 10–21 is "PutinIn Vla": the DOM range also spans the script and style between them.
      const range = documentText(document.body).toRange(10, 21);
      expect([range.startContainer.textContent, range.startOffset]).toEqual([' Putin', 1]);
      expect([range.endContainer.textContent, range.endOffset]).toEqual(['Vladivostok', 3]);
    });

    test('a collapsed range', () => {
      const range = documentText(document.body).toRange(4, 4);
      expect(range.collapsed).toBe(true);
    });

    test.each([
      [-1, 2],
      [3, 2],
      [0, 31],
    ])('offsets %d–%d are refused', (start, end) => {
      expect(() => documentText(document.body).toRange(start, end)).toThrow(RangeError);
    });
  });

  describe('offsetOf', () => {
    test('a point in a text node', () => {
      const em = document.querySelector('em')!;
      expect(documentText(document.body).offsetOf(textNode(em), 2)).toBe(6);
    });

    test.each([
      ['before the <em>', 1, 4],
      ['after the <em>', 2, 9],
      ['at the end of the heading', 3, 15],
    ])('a point in an element, %s', (_, offset, expected) => {
      const h1 = document.querySelector('h1')!;
      expect(documentText(document.body).offsetOf(h1, offset)).toBe(expected);
    });

    test('a point inside a skipped element maps to the next text read', () => {
      const script = document.querySelector('script')!;
      expect(documentText(document.body).offsetOf(textNode(script), 4)).toBe(15);
      const ui = document.querySelector('rdl-ui')!;
      expect(documentText(document.body).offsetOf(ui, 0)).toBe(30);
    });

    test('the end of the root', () => {
      expect(documentText(document.body).offsetOf(document.body, document.body.childNodes.length)).toBe(30);
    });

    test('a node outside the root is refused', () => {
      const h1 = document.querySelector('h1')!;
      expect(() => documentText(h1).offsetOf(document.querySelector('b')!, 0)).toThrow(RangeError);
    });

    test('a reader’s selection maps to offsets and back', () => {
      const range = document.createRange();
      range.setStart(textNode(document.querySelector('em')!), 0);
      range.setEnd(textNode(document.querySelector('b')!), 5);
      const page = documentText(document.body);
      const start = page.offsetOf(range.startContainer, range.startOffset);
      const end = page.offsetOf(range.endContainer, range.endOffset);
      expect([start, end]).toEqual([4, 23]);
      expect(page.text.slice(start, end)).toBe('meets PutinIn Vladi');
      const back = page.toRange(start, end);
      expect([back.startContainer, back.startOffset, back.endContainer, back.endOffset]).toEqual([
        range.startContainer,
        range.startOffset,
        range.endContainer,
        range.endOffset,
      ]);
    });
  });
});

describe('re-anchoring a saved highlight in an edited page', () => {
  const ARTICLE =
    '<article>' +
    '<p id="p0">Moscow and Pyongyang signed a comprehensive strategic partnership treaty in June 2024.</p>' +
    '<p id="p1">The treaty obliges each side to <a href="/t">provide military</a> assistance if the other is attacked.</p>' +
    '<p id="p2">Analysts in Seoul said the agreement marked the closest ties since the Cold War.</p>' +
    '<p id="p3">The Kremlin did not comment. Pyongyang also stayed silent.</p>' +
    '</article>';
  const QUOTE = 'provide military assistance';

  /** Saves the highlight of `quote` on the page as it is now. */
  function save(quote: string) {
    const { text } = documentText(document.body);
    const start = text.indexOf(quote);
    return describeRange(text, start, start + quote.length);
  }

  /** Re-anchors on the page as it is now: the highlighted text, the id of its paragraph, how it was found. */
  function reanchor(selectors: ReturnType<typeof save>) {
    const page = documentText(document.body);
    const anchor = anchorQuote(page.text, selectors.quote, selectors.position);
    if (!anchor) return null;
    const range = page.toRange(anchor.start, anchor.end);
    return {
      text: range.toString(),
      paragraph: range.startContainer.parentElement?.closest('p')?.id,
      method: anchor.method,
    };
  }

  const $ = (selector: string) => document.querySelector(selector)!;
  const paragraph = (id: string, text: string) => Object.assign(document.createElement('p'), { id, textContent: text });

  beforeEach(() => {
    document.body.innerHTML = ARTICLE;
  });

  const edits: [string, () => void, AnchorMethod][] = [
    ['nothing changed', () => {}, 'position'],
    ['our own panel is inserted before it', () => $('article').prepend(document.createElement('rdl-ui')), 'position'],
    [
      'a script is inserted before it',
      () => $('#p0').append(Object.assign(document.createElement('script'), { textContent: 'window.ads = [];' })),
      'position',
    ],
    [
      'a paragraph is inserted before it',
      () => $('article').prepend(paragraph('new', 'Updated with comment from Seoul.')),
      'exact',
    ],
    ['its paragraph is moved to the end', () => $('article').append($('#p1')), 'exact'],
    [
      'the text before it is rewritten',
      () => {
        textNode($('#p1')).data = 'Under the pact, both countries must ';
      },
      'exact',
    ],
    [
      'the link inside it is unwrapped',
      () => $('a').replaceWith(document.createTextNode('provide military')),
      'position',
    ],
  ];
  test.each(edits)('%s: found in its paragraph', (_, edit, method) => {
    const highlight = save(QUOTE);
    edit();
    expect(reanchor(highlight)).toEqual({ text: QUOTE, paragraph: 'p1', method });
  });

  test('a typo fixed inside it: found, with the corrected text', () => {
    $('a').textContent = 'provide militray';
    const highlight = save('provide militray assistance');
    $('a').textContent = 'provide military';
    expect(reanchor(highlight)).toEqual({ text: QUOTE, paragraph: 'p1', method: 'fuzzy' });
  });

  test('its paragraph is deleted: an orphan', () => {
    const highlight = save(QUOTE);
    $('#p1').remove();
    expect(reanchor(highlight)).toBeNull();
  });

  test('the quote is deleted and similar text is added elsewhere: an orphan', () => {
    const highlight = save(QUOTE);
    $('a').remove();
    textNode($('#p1'), 1).data = ' if the other is attacked.';
    $('article').append(paragraph('p4', 'Russia provided military assistance in return.'));
    expect(reanchor(highlight)).toBeNull();
  });

  test('the quote appears twice: each copy is found by its context', () => {
    $('article').append(paragraph('p4', 'Nobody said whether Moscow would provide military assistance in return.'));
    const first = save(QUOTE);
    const { text } = documentText(document.body);
    const start = text.lastIndexOf(QUOTE);
    const second = describeRange(text, start, start + QUOTE.length);
    $('article').prepend(paragraph('new', 'Breaking: a second summit has been announced.'));
    expect(reanchor(first)).toEqual({ text: QUOTE, paragraph: 'p1', method: 'exact' });
    expect(reanchor(second)).toEqual({ text: QUOTE, paragraph: 'p4', method: 'exact' });
  });

  test('content that arrives later: an orphan until it is there', () => {
    const highlight = save('the closest ties');
    const p2 = $('#p2');
    p2.remove();
    expect(reanchor(highlight)).toBeNull();
    $('article').append(p2);
    expect(reanchor(highlight)).toEqual({ text: 'the closest ties', paragraph: 'p2', method: 'exact' });
  });

  test('several highlights anchored in one pass', () => {
    const highlights = [save('Cold War'), save(QUOTE), save('stayed silent')];
    $('article').prepend(paragraph('new', 'Live updates follow.'));
    $('#p3').remove();
    const page = documentText(document.body);
    const anchors = anchorAll(page.text, highlights);
    expect(anchors.map((a) => a && page.toRange(a.start, a.end).toString())).toEqual(['Cold War', QUOTE, null]);
  });
});
