// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { createAnnotator, type Annotator } from '../../../lib/dom/annotator';
import { markUnder } from '../../../lib/dom/hit-test';
import { compileMatcher } from '../../../lib/text/matcher';
import { matchWith } from './local-match';
import { installHighlightShim } from './highlight-shim';
import { laidOut } from './laid-out';

const matcher = compileMatcher([
  { id: 'pyongyang', text: 'Pyongyang', lang: 'en' },
  { id: 'wonsan', text: 'Wonsan', lang: 'en' },
]);

let annotator: Annotator;
let text: Text;
beforeEach(async () => {
  const registry = installHighlightShim();
  document.body.innerHTML = '<p>Lavrov flew to Pyongyang, then to Wonsan.</p>';
  text = document.querySelector('p')!.firstChild as Text;
  annotator = createAnnotator({ match: matchWith(matcher), registry: () => registry as unknown as HighlightRegistry });
  await annotator.scan(document.body);
});

describe('markUnder', () => {
  // "Wonsan" starts at offset 34 (x 3,400–3,500), "flew" at 7.
  test.each([
    ['on a mark', 36, 3450, 10, 'wonsan'],
    ['on unmarked text', 8, 750, 10, null],
    ['below the line the caret snapped to', 36, 3450, 50, null],
  ])('a caret in the text, the pointer %s', (_, offset, x, y, expected) => {
    const doc = laidOut(() => ({ offsetNode: text, offset }));
    expect(markUnder(annotator, doc, x, y)?.entityId ?? null).toBe(expected);
  });

  // Firefox's caretPositionFromPoint skips text under `pointer-events: none` and gives an element.
  test('a caret on an element (text under pointer-events: none in Firefox): the mark under the pointer by its geometry', () => {
    const doc = laidOut(() => ({ offsetNode: document.documentElement, offset: 3 }));
    expect(markUnder(annotator, doc, 3450, 10)?.entityId).toBe('wonsan');
    expect(markUnder(annotator, doc, 1550, 10)?.entityId).toBe('pyongyang');
    expect(markUnder(annotator, doc, 1000, 10)).toBeNull();
  });

  test('a page without marks: no mark, and the caret is never asked for (the pointer’s rests cost nothing)', async () => {
    const registry = installHighlightShim();
    document.body.innerHTML = '<p>Lavrov flew to Moscow.</p>';
    const unmarked = createAnnotator({
      match: matchWith(matcher),
      registry: () => registry as unknown as HighlightRegistry,
    });
    await unmarked.scan(document.body);
    let asked = 0;
    const doc = laidOut(() => {
      asked++;
      return { offsetNode: document.querySelector('p')!.firstChild!, offset: 8 };
    });
    expect(markUnder(unmarked, doc, 800, 10)).toBeNull();
    expect(asked).toBe(0);
    // Marked, it is asked.
    expect(markUnder(annotator, doc, 800, 10)).toBeNull();
    expect(asked).toBe(1);
  });

  test('no caret at all: no mark', () => {
    expect(
      markUnder(
        annotator,
        laidOut(() => null),
        3450,
        10,
      ),
    ).toBeNull();
  });
});

describe('a mark whose text the page shortened before its rescan', () => {
  test('is under no point, and the hit-test does not fail', () => {
    // The page cuts the paragraph's text: Wonsan's mark (34–40) now ends past it, until the rescan of the change.
    text.data = 'Lavrov flew to Pyongyang.';
    const doc = laidOut(() => ({ offsetNode: document.documentElement, offset: 0 }));
    expect(() => markUnder(annotator, doc, 3450, 10)).not.toThrow();
    expect(markUnder(annotator, doc, 3450, 10)).toBeNull();
    expect(markUnder(annotator, doc, 1550, 10)?.entityId).toBe('pyongyang');
  });
});
