/**
 * Sentences of pages that state what the corpus has views on (issue 16): the
 * claim matcher over the corpus's read model, built on the first page that
 * asks, run over the sentences of the blocks a page sends, and the sentences
 * the reader dismissed ("Not this").
 */
import { buildClaimIndex } from '../claims/build';
import { DISMISSED_CLAIMS_KEY, MAX_DISMISSALS, dismissalKey, readDismissals } from '../claims/dismissals';
import { createClaimMatcher, targetOf, type ClaimMatcher } from '../claims/match';
import { sentencesWithEntities } from '../claims/sentences';
import { MAX_CLAIM_BLOCKS, MAX_CLAIM_BLOCK_TEXT, type FoundClaim } from '../messages';
import type { HandlerGroup, ServiceContext } from './context';

export function claimHandlers({ db, store, corpus }: ServiceContext): HandlerGroup<'matchClaims' | 'dismissClaim'> {
  let built: Promise<ClaimMatcher> | null = null;
  corpus.onChange(() => (built = null));
  function matcher() {
    const building = (built ??= corpus.read().then((model) => createClaimMatcher(buildClaimIndex(model.records))));
    building.catch(() => {
      if (built === building) built = null;
    });
    return building;
  }
  async function dismissals(): Promise<string[]> {
    return readDismissals((await db.settings.get(DISMISSED_CLAIMS_KEY))?.value);
  }

  return {
    // The page sends its marked blocks whole; splitting them into sentences here keeps the
    // splitter (and every sentence that states nothing) off the page's main thread (issue 17).
    async matchClaims({ url, blocks }) {
      const [claims, dismissed] = await Promise.all([matcher(), dismissals()]);
      const hidden = new Set(dismissed);
      const found: FoundClaim[] = [];
      blocks.slice(0, MAX_CLAIM_BLOCKS).forEach(({ text, entities }, block) => {
        if (text.length > MAX_CLAIM_BLOCK_TEXT) return;
        for (const sentence of sentencesWithEntities(text, entities)) {
          const hit = claims.match(sentence.text, sentence.entities);
          if (!hit || hidden.has(dismissalKey(url, sentence.text))) continue;
          found.push({
            block,
            start: sentence.start,
            end: sentence.end,
            sentence: sentence.text,
            target: targetOf(hit),
          });
        }
      });
      return found;
    },
    async dismissClaim({ url, sentence }) {
      await store.usable();
      const key = dismissalKey(url, sentence);
      await db.transaction('rw', db.settings, async () => {
        const list = readDismissals((await db.settings.get(DISMISSED_CLAIMS_KEY))?.value).filter((k) => k !== key);
        list.push(key);
        await db.settings.put({ key: DISMISSED_CLAIMS_KEY, value: list.slice(-MAX_DISMISSALS) });
      });
      return null;
    },
  };
}
