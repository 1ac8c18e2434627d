// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { sentencesWithEntities } from '../../../lib/claims/sentences';
import type { EntitySpan } from '../../../lib/claims/tokens';
import { createAnnotator, type Annotator } from '../../../lib/dom/annotator';
import { createClaimFinder, type ClaimDrawer, type ClaimFinder } from '../../../lib/dom/claim-finder';
import { CLAIM_HIGHLIGHT } from '../../../lib/dom/claim-marks';
import { startClaimSession } from '../../../lib/dom/claim-session';
import type { FoundClaim } from '../../../lib/messages';
import { compileMatcher } from '../../../lib/text/matcher';
import { matchWith } from './local-match';
import { installPageHighlights, textsOf, type FakeHighlight } from './highlight-shim';

const matcher = compileMatcher([
  { id: 'putin', text: 'Putin', lang: 'en' },
  { id: 'pyongyang', text: 'Pyongyang', lang: 'en' },
]);

let registry: Map<string, FakeHighlight>;
let life: AbortController;
let annotator: Annotator;
let finder: ClaimFinder;
/** the blocks' texts of each ask of the background */
let asks: string[][];
/** how many times the claim script (the drawing) was loaded */
let loads: number;
let drawing: ClaimDrawer | null;

beforeEach(() => {
  registry = installPageHighlights();
  life = new AbortController();
  annotator = createAnnotator({
    match: matchWith(matcher),
    registry: () => registry as unknown as HighlightRegistry,
    followBlocks: true,
  });
  finder = start();
});
afterEach(() => {
  life.abort();
  annotator.destroy();
  vi.useRealTimers();
});

/**
 * The background as lib/service/claims.ts is, with a stand-in matcher: the
 * blocks' sentences that hold an entity, of which one with "signed" states a claim.
 */
function background(blocks: { text: string; entities: EntitySpan[] }[]): FoundClaim[] {
  return blocks.flatMap(({ text, entities }, block) =>
    sentencesWithEntities(text, entities)
      .filter((s) => s.text.includes('signed'))
      .map((s) => ({
        block,
        start: s.start,
        end: s.end,
        sentence: s.text,
        target: { kind: 'claim' as const, claimId: 'treaty' },
      })),
  );
}

function start(gatherMs?: number): ClaimFinder {
  asks = [];
  loads = 0;
  drawing = null;
  return createClaimFinder({
    window,
    signal: life.signal,
    find: async (blocks) => {
      asks.push(blocks.map((b) => b.text));
      return background(blocks);
    },
    drawer: async () => {
      loads++;
      // The claim script's session: its hover and card are the e2e test's (no layout here).
      return (drawing ??= startClaimSession({
        document,
        signal: life.signal,
        ask: () => Promise.reject(new Error('no card in this test')),
        annotator,
        loadUi: () => Promise.reject(new Error('no card in this test')),
      }));
    },
    failed: (error) => {
      throw error;
    },
    ...(gatherMs !== undefined && { gatherMs }),
  });
}

function addParagraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
  return p;
}

const claimed = () => textsOf(registry.get(CLAIM_HIGHLIGHT));

describe('claims on a live page (issue 17: the claims cost what changed, and what they find)', () => {
  test.each([10, 200])(
    'a paragraph added to a page of %i paragraphs: only its block is asked about; the claim script loads once one is found',
    async (paragraphs) => {
      document.body.innerHTML = '<p>Putin visited Pyongyang.</p>'.repeat(paragraphs);
      await annotator.scan(document.body);
      finder.update(annotator.addedBlocks());
      await finder.settled();
      expect(asks.flat()).toHaveLength(paragraphs);
      // Entity marks, but no claim: the claim script is not loaded, nothing is drawn.
      expect(loads).toBe(0);
      expect(registry.has(CLAIM_HIGHLIGHT)).toBe(false);

      asks = [];
      const added = addParagraph('Putin signed the treaty in Pyongyang. He left.');
      await annotator.rescan([added]);
      finder.update(annotator.addedBlocks());
      await finder.settled();
      expect(asks).toEqual([['Putin signed the treaty in Pyongyang. He left.']]);
      expect(claimed()).toEqual(['Putin signed the treaty in Pyongyang.']);
      expect(loads).toBe(1);

      // The page changes the paragraph: its container was considered already, it is not asked about again.
      added.textContent = 'Putin signed it again in Pyongyang.';
      await annotator.rescan([added]);
      finder.update(annotator.addedBlocks());
      await finder.settled();
      expect(asks).toHaveLength(1);
    },
  );

  test('the blocks of updates given before the work runs are all asked about, none dropped', async () => {
    document.body.innerHTML = '';
    const first = addParagraph('Putin signed the treaty.');
    await annotator.rescan([first]);
    finder.update(annotator.addedBlocks());
    const second = addParagraph('Later Pyongyang signed it too.');
    await annotator.rescan([second]);
    finder.update(annotator.addedBlocks());
    await finder.settled();
    expect(asks.flat().sort()).toEqual(['Later Pyongyang signed it too.', 'Putin signed the treaty.']);
    expect(claimed().sort()).toEqual(asks.flat().sort());
  });

  test('every block of a container in one scan is asked about, across inline elements', async () => {
    document.body.innerHTML =
      '<div>Putin <b>signed</b> in Pyongyang.<p>Pyongyang said nothing.</p>Then Putin signed again.</div>';
    await annotator.scan(document.body);
    finder.update(annotator.addedBlocks());
    await finder.settled();
    expect(asks.flat()).toEqual(['Putin signed in Pyongyang.', 'Pyongyang said nothing.', 'Then Putin signed again.']);
    expect(claimed()).toEqual(['Putin signed in Pyongyang.', 'Then Putin signed again.']);
  });

  test('a block the page took away before the answer is not drawn', async () => {
    document.body.innerHTML = '';
    const gone = addParagraph('Putin signed the treaty.');
    await annotator.rescan([gone]);
    finder.update(annotator.addedBlocks());
    gone.remove();
    await finder.settled();
    expect(asks).toEqual([['Putin signed the treaty.']]);
    expect(claimed()).toEqual([]);
  });

  test('changes soon after an ask wait for it, and the changes meanwhile join them in one ask', async () => {
    vi.useFakeTimers();
    life.abort();
    life = new AbortController();
    finder = start(1000);
    document.body.innerHTML = '';
    const change = async (text: string) => {
      const p = addParagraph(text);
      await annotator.rescan([p]);
      finder.update(annotator.addedBlocks());
    };
    await change('Putin signed the treaty.');
    await vi.advanceTimersByTimeAsync(10);
    expect(asks).toEqual([['Putin signed the treaty.']]);
    await change('Pyongyang signed it too.');
    await vi.advanceTimersByTimeAsync(500);
    await change('Putin left Pyongyang.');
    await vi.advanceTimersByTimeAsync(400);
    expect(asks).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(asks).toEqual([['Putin signed the treaty.'], ['Pyongyang signed it too.', 'Putin left Pyongyang.']]);
    expect(claimed().sort()).toEqual(['Putin signed the treaty.', 'Pyongyang signed it too.']);
  });

  test('once the session ends, nothing more is asked', async () => {
    document.body.innerHTML = '<p>Putin signed it.</p>';
    await annotator.scan(document.body);
    life.abort();
    finder.update(annotator.addedBlocks());
    await finder.settled();
    expect(asks).toEqual([]);
  });
});
