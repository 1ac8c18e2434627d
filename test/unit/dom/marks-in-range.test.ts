// @vitest-environment happy-dom
import { beforeEach, expect, test } from 'vitest';
import { createAnnotator } from '../../../lib/dom/annotator';
import { entityIdsIn } from '../../../lib/dom/marks-in-range';
import { compileMatcher } from '../../../lib/text/matcher';
import { matchWith } from './local-match';
import { installHighlightShim } from './highlight-shim';

const matcher = compileMatcher([
  { id: 'putin', text: 'Putin', lang: 'en' },
  { id: 'pyongyang', text: 'Pyongyang', lang: 'en' },
  { id: 'nk', text: 'North Korea', lang: 'en' },
]);

beforeEach(() => {
  document.body.innerHTML = '<p>Putin flew to Pyongyang, in <b>North</b> Korea, and Putin spoke.</p>';
});

async function marks() {
  const registry = installHighlightShim() as unknown as HighlightRegistry;
  const annotator = createAnnotator({ match: matchWith(matcher), registry: () => registry });
  await annotator.scan(document.body);
  return annotator.marks();
}

/** A range over characters `start`–`end` of the paragraph's text. */
function over(start: number, end: number): Range {
  const p = document.querySelector('p')!;
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let at = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    if (start >= at && start <= at + length) range.setStart(node, start - at);
    if (end >= at && end <= at + length) {
      range.setEnd(node, end - at);
      break;
    }
    at += length;
  }
  return range;
}

const text = 'Putin flew to Pyongyang, in North Korea, and Putin spoke.';
const span = (phrase: string, from = 0) =>
  [text.indexOf(phrase, from), text.indexOf(phrase, from) + phrase.length] as const;

test.each([
  ['the whole sentence: each entity once, in page order', [0, text.length], ['putin', 'pyongyang', 'nk']],
  ['a mark across inline elements', span('in North Korea'), ['nk']],
  ['part of a mark counts', [span('Pyongyang')[0] + 2, span('Pyongyang')[1] + 3], ['pyongyang']],
  ['text next to a mark, not on it', [span('Putin')[1], span('Pyongyang')[0]], []],
])('%s', async (_, [start, end], expected) => {
  expect(entityIdsIn(await marks(), over(start!, end!), document)).toEqual(expected);
});
