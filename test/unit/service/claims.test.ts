import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { buildCorpusBundle } from '../../../build/corpus-plugin';
import type { Claim } from '../../../lib/corpus/schema';
import { LensDb } from '../../../lib/db/schema';
import { createService } from '../../../lib/service';
import { matcherFrom } from '../../../lib/text/matcher';
import { clientOf } from '../client';

const bundle = buildCorpusBundle('data');
const oilClaim = (JSON.parse(readFileSync('data/corpus/claims.json', 'utf8')) as Claim[]).find(
  (c) => c.id === 'c-002-04',
)!;
const URL = 'https://news.example.org/fuel';
const OIL = 'Diplomats say Russia has been supplying refined petroleum to North Korea above the UN cap.';
const SHIPS = 'The shipments went by sea.';
const GRAIN = 'Russia is supplying wheat to North Korea by rail this winter.';
const ALLIES = 'Pyongyang and Moscow are now de facto allies.';

let db: LensDb;
let n = 0;
afterEach(() => db.delete());

async function start() {
  db = new LensDb(`service-claims-${++n}`);
  const ask = clientOf(createService(db, bundle, { now: () => 1000 }).handlers, null);
  const config = await ask('getPageConfig', { url: URL });
  if (!config.active) throw new Error('Lens is not active on the test page');
  // The entities the page's scan marks: the background's matcher for the term index the page was configured with.
  const index = await ask('getTermIndex', null);
  expect(index.version).toBe(config.termIndex.version);
  const terms = matcherFrom(index.matcher);
  /** A block of the page as the content script sends it: its text and the entities the scan marked in it. */
  const block = (text: string) => ({ text, entities: terms.scan(text) });
  return { ask, block };
}

describe('matchClaims: the background splits the page’s blocks into sentences and answers the claims alone', () => {
  test('of two blocks, only the sentences that state a claim or a position come back, placed in their block', async () => {
    const { ask, block } = await start();
    const blocks = [block(`${OIL} ${SHIPS}\n${GRAIN}`), block(ALLIES)];
    const found = await ask('matchClaims', { url: URL, blocks });
    expect(found.map(({ block: b, sentence, target }) => [b, sentence, target.kind])).toEqual([
      [0, OIL, 'claim'],
      [1, ALLIES, 'position'],
    ]);
    expect(found[0]!.target).toEqual({ kind: 'claim', claimId: oilClaim.id });
    // Where each is in its block's text: what the page draws over.
    for (const hit of found) expect(blocks[hit.block]!.text.slice(hit.start, hit.end)).toBe(hit.sentence);
  });

  test('reads no more of a page than the protocol allows, whatever a page sends: 200 blocks, of 20,000 characters at most', async () => {
    const { ask, block } = await start();
    const long = block(`${OIL} ${'And so on. '.repeat(2000)}`);
    expect(long.text.length).toBeGreaterThan(20_000);
    const blocks = [long, ...Array.from({ length: 199 }, () => block(SHIPS)), block(OIL), block(ALLIES)];
    expect(await ask('matchClaims', { url: URL, blocks })).toEqual([]);
    // The same blocks within the limits are found.
    expect((await ask('matchClaims', { url: URL, blocks: blocks.slice(199) })).map((hit) => hit.block)).toEqual([1, 2]);
  });

  test('a sentence without an entity the scan marked is not matched', async () => {
    const { ask } = await start();
    expect(await ask('matchClaims', { url: URL, blocks: [{ text: OIL, entities: [] }] })).toEqual([]);
  });

  test('"Not this" is remembered for the page: the sentence no longer comes back there, elsewhere it does', async () => {
    const { ask, block } = await start();
    await ask('dismissClaim', { url: URL, sentence: ALLIES });
    const blocks = [block(`${OIL} ${ALLIES}`)];
    expect((await ask('matchClaims', { url: URL, blocks })).map((hit) => hit.sentence)).toEqual([OIL]);
    expect(
      (await ask('matchClaims', { url: 'https://other.example.org/', blocks })).map((hit) => hit.sentence),
    ).toEqual([OIL, ALLIES]);
  });
});
