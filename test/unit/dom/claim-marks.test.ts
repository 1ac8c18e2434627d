// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CLAIM_HIGHLIGHT, createClaimMarks } from '../../../lib/dom/claim-marks';
import { installHighlightShim, textsOf, type FakeHighlight } from './highlight-shim';

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
    const marks = createClaimMarks({
      document,
      registry: registry as unknown as HighlightRegistry,
      signal: life.signal,
    });
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
});
