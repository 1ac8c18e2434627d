// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createAnnotator, type Annotator } from '../../../lib/dom/annotator';
import { CLAIM_HIGHLIGHT, createClaimMarks, type ClaimMarks, type SentenceQuery } from '../../../lib/dom/claim-marks';
import { compileMatcher } from '../../../lib/text/matcher';
import { installHighlightShim, textsOf, type FakeHighlight } from './highlight-shim';

const matcher = compileMatcher([
  { id: 'putin', text: 'Putin', lang: 'en' },
  { id: 'pyongyang', text: 'Pyongyang', lang: 'en' },
]);

let registry: Map<string, FakeHighlight>;
let life: AbortController;
let annotator: Annotator;
let claims: ClaimMarks;
/** the sentences the background was asked about, in order */
let asked: string[];

beforeEach(() => {
  registry = installHighlightShim();
  life = new AbortController();
  asked = [];
  annotator = createAnnotator({ matcher, registry: registry as unknown as HighlightRegistry });
  claims = start();
});
afterEach(() => {
  life.abort();
  annotator.destroy();
  vi.useRealTimers();
});

/** the background's matcher, asked with these sentences each time */
let asks: string[][];

function start(gatherMs?: number): ClaimMarks {
  asks = [];
  return createClaimMarks({
    document,
    registry: registry as unknown as HighlightRegistry,
    signal: life.signal,
    // The background's matcher: a sentence with "signed" states the claim.
    match: async (sentences: SentenceQuery[]) => {
      asks.push(sentences.map((s) => s.text));
      asked.push(...sentences.map((s) => s.text));
      return sentences.map((s) => (s.text.includes('signed') ? { kind: 'claim', claimId: 'treaty' } : null));
    },
    // (happy-dom has no layout: every paragraph here is main text)
    isMainText: () => true,
    ...(gatherMs !== undefined && { gatherMs }),
  });
}

function addParagraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
  return p;
}

describe('claim marks on a live page (issue 17: the claims cost what changed)', () => {
  test.each([10, 200])(
    'a paragraph added to a page of %i paragraphs: only its sentences are asked about, and drawn',
    async (paragraphs) => {
      document.body.innerHTML = '<p>Putin visited Pyongyang.</p>'.repeat(paragraphs);
      annotator.scan(document.body);
      claims.update(annotator.added());
      await claims.settled();
      expect(asked).toHaveLength(paragraphs);

      asked = [];
      const added = addParagraph('Putin signed the treaty in Pyongyang.');
      annotator.rescan([added]);
      claims.update(annotator.added());
      await claims.settled();
      expect(asked).toEqual(['Putin signed the treaty in Pyongyang.']);
      expect(textsOf(registry.get(CLAIM_HIGHLIGHT))).toEqual(['Putin signed the treaty in Pyongyang.']);

      // Marks given again (every mark of the page) are not read again.
      claims.update(annotator.marks());
      await claims.settled();
      expect(asked).toHaveLength(1);
    },
  );

  test('the marks of updates given before the work runs are all read, none dropped', async () => {
    document.body.innerHTML = '';
    const first = addParagraph('Putin signed the treaty.');
    annotator.rescan([first]);
    claims.update(annotator.added());
    const second = addParagraph('Later Pyongyang signed it too.');
    annotator.rescan([second]);
    claims.update(annotator.added());
    await claims.settled();
    expect(asked.sort()).toEqual(['Later Pyongyang signed it too.', 'Putin signed the treaty.']);
    expect(
      claims
        .marks()
        .map((m) => m.sentence)
        .sort(),
    ).toEqual(asked);
  });

  test('changes soon after an ask wait for it, and the changes meanwhile join them in one ask', async () => {
    vi.useFakeTimers();
    life.abort();
    life = new AbortController();
    claims = start(1000);
    document.body.innerHTML = '';
    const change = (text: string) => {
      const p = addParagraph(text);
      annotator.rescan([p]);
      claims.update(annotator.added());
    };
    change('Putin signed the treaty.');
    await vi.advanceTimersByTimeAsync(10);
    expect(asks).toEqual([['Putin signed the treaty.']]);
    change('Pyongyang signed it too.');
    await vi.advanceTimersByTimeAsync(500);
    change('Putin left Pyongyang.');
    await vi.advanceTimersByTimeAsync(400);
    expect(asks).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(asks).toEqual([['Putin signed the treaty.'], ['Pyongyang signed it too.', 'Putin left Pyongyang.']]);
    expect(
      claims
        .marks()
        .map((m) => m.sentence)
        .sort(),
    ).toEqual(['Putin signed the treaty.', 'Pyongyang signed it too.']);
  });
});
