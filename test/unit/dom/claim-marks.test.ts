// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CLAIM_HIGHLIGHT, createClaimMarks, type ClaimMarks } from '../../../lib/dom/claim-marks';
import { installHighlightShim, textsOf, type FakeHighlight } from './highlight-shim';
import { laidOut } from './laid-out';

let registry: Map<string, FakeHighlight>;
let life: AbortController;
beforeEach(() => {
  registry = installHighlightShim();
  life = new AbortController();
});
afterEach(() => life.abort());

const claimed = () => textsOf(registry.get(CLAIM_HIGHLIGHT));

describe('claim marks (the claim script)', () => {
  test('draws a found sentence over the block’s nodes, and "Not this" removes it', () => {
    document.body.innerHTML = '<p>Before. Putin <b>signed</b> it. After.</p>';
    const p = document.querySelector('p')!;
    const nodes = [p.firstChild as Text, p.querySelector('b')!.firstChild as Text, p.lastChild as Text];
    const styled: string[] = [];
    const marks = createClaimMarks({
      document,
      registry: registry as unknown as HighlightRegistry,
      styleMarks: (name) => styled.push(name),
      signal: life.signal,
    });
    // The claims' rule is asked for with their highlight.
    expect(styled).toEqual([CLAIM_HIGHLIGHT]);
    marks.draw(
      { nodes, starts: [0, 14, 20] },
      { block: 0, start: 8, end: 24, sentence: 'Putin signed it.', target: { kind: 'claim', claimId: 'treaty' } },
    );
    expect(claimed()).toEqual(['Putin signed it.']);
    const [mark] = marks.marks();
    expect(mark!.nodes).toEqual(nodes);
    marks.remove(mark!);
    expect(claimed()).toEqual([]);
    expect(marks.marks()).toEqual([]);
    life.abort();
    expect(registry.has(CLAIM_HIGHLIGHT)).toBe(false);
  });

  describe('the claim under the pointer', () => {
    // happy-dom has no layout (./laid-out.ts): the claim "Putin signed it."
    // starts at offset 8 of its first node, so its one rect is at x 800–900.
    let caret: { offsetNode: Node; offset: number } | null;
    let marks: ClaimMarks;
    let inClaim: Text;
    let noClaim: Text;
    beforeEach(() => {
      document.body.innerHTML = '<p>Before. Putin <b>signed</b> it. After.</p><p>Unclaimed.</p>';
      const [p, other] = document.querySelectorAll('p');
      inClaim = p!.firstChild as Text;
      noClaim = other!.firstChild as Text;
      marks = createClaimMarks({
        document: laidOut(() => caret),
        registry: registry as unknown as HighlightRegistry,
        signal: life.signal,
      });
      marks.draw(
        { nodes: [inClaim, p!.querySelector('b')!.firstChild as Text, p!.lastChild as Text], starts: [0, 14, 20] },
        { block: 0, start: 8, end: 24, sentence: 'Putin signed it.', target: { kind: 'claim', claimId: 'treaty' } },
      );
    });
    const sentenceAt = (x: number) => marks.claimAt(x, 10)?.sentence ?? null;
    const carets = {
      'in the claim’s text': () => ({ offsetNode: inClaim, offset: 9 }),
      'in text with no claim': () => ({ offsetNode: noClaim, offset: 2 }),
      // Firefox's caretPositionFromPoint skips text under `pointer-events: none` and gives an element.
      'on an element': () => ({ offsetNode: document.documentElement, offset: 1 }),
      nowhere: () => null,
    };

    test.each([
      ['in the claim’s text', 850, 'Putin signed it.'],
      ['in the claim’s text', 1000, null],
      ['in text with no claim', 850, null],
      ['on an element', 850, 'Putin signed it.'],
      ['on an element', 1000, null],
      ['nowhere', 850, null],
    ] as const)('a caret %s, the pointer at x %i', (where, x, expected) => {
      caret = carets[where]();
      expect(sentenceAt(x)).toBe(expected);
    });

    test('a removed claim is under the pointer no more', () => {
      caret = carets['on an element']();
      expect(sentenceAt(850)).toBe('Putin signed it.');
      marks.remove(marks.marks()[0]!);
      expect(sentenceAt(850)).toBeNull();
      caret = carets['in the claim’s text']();
      expect(sentenceAt(850)).toBeNull();
    });
  });
});
