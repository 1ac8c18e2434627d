import { describe, expect, test } from 'vitest';
import { BLOCK_BREAK } from '../../../lib/text/chars';
import { compileMatcher } from '../../../lib/text/matcher';
import { encodeMatches, matchThrough, partsOf } from '../../../lib/text/term-matches';

const ids = ['nk', 'putin'];
const matcher = compileMatcher([
  { id: 'nk', text: 'North Korea', lang: 'en' },
  { id: 'putin', text: 'Putin', lang: 'en' },
]);
const indexOf = new Map(ids.map((id, i) => [id, i]));
/** The background's side of `matchTerms`, counting what it is sent. */
function background() {
  const sent: string[] = [];
  const ask = async (text: string) => {
    sent.push(text);
    return encodeMatches(matcher.scan(text), indexOf);
  };
  return { ask, sent };
}
const blocks = (...texts: string[]) => texts.map((t) => t + BLOCK_BREAK).join('');
const marked = (text: string, matches: { start: number; end: number; id: string }[]) =>
  matches.map((m) => [text.slice(m.start, m.end), m.id]);

describe('the corpus’s mentions, matched in the background (issue 17)', () => {
  test('come back as three numbers a mention, and as the same mentions on the page', async () => {
    const text = blocks('Putin in North Korea.', 'Then Putin.');
    expect(encodeMatches(matcher.scan(text), indexOf)).toEqual([0, 5, 1, 9, 20, 0, 27, 32, 1]);
    const { ask, sent } = background();
    expect(marked(text, await matchThrough(ask, ids, 1000)(text))).toEqual([
      ['Putin', 'putin'],
      ['North Korea', 'nk'],
      ['Putin', 'putin'],
    ]);
    expect(sent).toEqual([text]);
  });

  test('a text over the limit goes in parts cut after block breaks, and its mentions are where they are in the whole', async () => {
    const paragraph = 'Putin spoke of North Korea.';
    const text = blocks(...Array.from({ length: 10 }, () => paragraph));
    const { ask, sent } = background();
    const limit = 3 * (paragraph.length + 1) + 5;
    const matches = await matchThrough(ask, ids, limit)(text);
    expect(sent.length).toBe(4);
    expect(sent.every((part) => part.length <= limit && part.endsWith(BLOCK_BREAK))).toBe(true);
    expect(sent.join('')).toBe(text);
    expect(marked(text, matches)).toEqual(marked(text, matcher.scan(text)));
    expect(matches).toHaveLength(20);
  });

  test('a block longer than the limit is cut where it must be', () => {
    expect(partsOf('x'.repeat(25), 10)).toEqual([0, 10, 20]);
    expect(partsOf(`${'x'.repeat(4)}${BLOCK_BREAK}${'y'.repeat(12)}`, 10)).toEqual([0, 5, 15]);
    expect(partsOf('', 10)).toEqual([]);
  });

  test('an entity the page does not know is left out, not misread', async () => {
    const matches = await matchThrough(async () => [0, 5, 7, 9, 20, 0], ids, 1000)(blocks('Putin in North Korea.'));
    expect(matches).toEqual([{ start: 9, end: 20, id: 'nk' }]);
  });
});
