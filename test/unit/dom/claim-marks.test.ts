// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
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
  claims = createClaimMarks({
    document,
    registry: registry as unknown as HighlightRegistry,
    signal: life.signal,
    // The background's matcher: a sentence with "signed" states the claim.
    match: async (sentences: SentenceQuery[]) => {
      asked.push(...sentences.map((s) => s.text));
      return sentences.map((s) => (s.text.includes('signed') ? { kind: 'claim', claimId: 'treaty' } : null));
    },
    // (happy-dom has no layout: every paragraph here is main text)
    isMainText: () => true,
  });
});
afterEach(() => {
  life.abort();
  annotator.destroy();
});

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
});
