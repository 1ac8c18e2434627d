/**
 * Sentences of pages that state what the corpus has views on (issue 16): the
 * claim matcher over the corpus's read model, built on the first page that
 * asks, and the sentences the reader dismissed ("Not this").
 */
import { buildClaimIndex } from '../claims/build';
import { DISMISSED_CLAIMS_KEY, MAX_DISMISSALS, dismissalKey, readDismissals } from '../claims/dismissals';
import { createClaimMatcher, targetOf, type ClaimMatcher } from '../claims/match';
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
    async matchClaims({ url, sentences }) {
      const [found, dismissed] = await Promise.all([matcher(), dismissals()]);
      const hidden = new Set(dismissed);
      return sentences.map(({ text, entities }) => {
        const hit = found.match(text, entities);
        return hit && !hidden.has(dismissalKey(url, text)) ? targetOf(hit) : null;
      });
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
