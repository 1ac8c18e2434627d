/**
 * A frame asks for a highlight's rule once, with its first mark of that name
 * (lib/mark-styles.ts): every highlight Lens registers has one, a request
 * that failed is said and made again with the next mark, and the rules go
 * when the frame's marks go, or when its settings no longer draw them.
 */
import { expect, test } from 'vitest';
import { TERM_HIGHLIGHTS } from '../../lib/dom/annotator';
import { CLAIM_HIGHLIGHT } from '../../lib/dom/claim-marks';
import { isMarkStyleName, markStyler, MARK_STYLES, type MarkStyleName } from '../../lib/mark-styles';

test('every highlight Lens registers in a page has a rule, which styles that highlight and no other', () => {
  const names: MarkStyleName[] = [...Object.values(TERM_HIGHLIGHTS), CLAIM_HIGHLIGHT];
  expect(names.every(isMarkStyleName)).toBe(true);
  expect(Object.keys(MARK_STYLES).sort()).toEqual([...names].sort());
  for (const name of names) expect(MARK_STYLES[name]).toMatch(new RegExp(`^::highlight\\(${name}\\)\\{[^{}]+\\}$`));
});

/** A styler over a background that records, in order, what it was asked; `held` holds every answer until released. */
function background(fails: (request: string) => boolean = () => false) {
  const requests: string[] = [];
  const failures: unknown[] = [];
  let release: () => void = () => undefined;
  let held: Promise<void> | null = null;
  const answer = async (request: string) => {
    requests.push(request);
    if (held) await held;
    if (fails(request)) throw new Error(`the background could not ${request}`);
  };
  const styler = markStyler(
    { style: (name) => answer(`style ${name}`), unstyle: (names) => answer(`unstyle ${names.join(' ')}`) },
    (error) => failures.push(error),
  );
  return {
    styler,
    requests,
    failures,
    hold: () => (held = new Promise((resolve) => (release = resolve))),
    release: () => release(),
  };
}

test('a frame asks once per name; a failed request is said, and asked again with the next mark', async () => {
  let fail = true;
  const frame = background((request) => request === 'style rdl-claim' && fail);
  frame.styler.style('rdl-term');
  frame.styler.style('rdl-term');
  frame.styler.style('rdl-claim');
  await expect.poll(() => frame.failures).toHaveLength(1);
  expect(String(frame.failures[0])).toContain('the background could not style rdl-claim');
  frame.styler.style('rdl-term');
  fail = false;
  frame.styler.style('rdl-claim');
  frame.styler.style('rdl-claim');
  await expect.poll(() => frame.requests).toEqual(['style rdl-term', 'style rdl-claim', 'style rdl-claim']);
  expect(frame.failures).toHaveLength(1);
});

test('the rules go with the marks, after any request under way, and come back with the next mark', async () => {
  const frame = background();
  frame.styler.unstyle(); // nothing given yet: nothing to ask
  frame.hold();
  frame.styler.style('rdl-term');
  frame.styler.style('rdl-claim');
  frame.styler.unstyle();
  frame.styler.style('rdl-term');
  // One request at a time: the rule being added is added before it is taken away, then added again.
  await expect.poll(() => frame.requests).toEqual(['style rdl-term']);
  frame.release();
  await expect
    .poll(() => frame.requests)
    .toEqual(['style rdl-term', 'style rdl-claim', 'unstyle rdl-term rdl-claim', 'style rdl-term']);
  expect(frame.failures).toEqual([]);
});

test("a new session's settings keep the rules they draw with; the others go, and only they", async () => {
  const frame = background();
  frame.styler.style('rdl-term');
  frame.styler.style('rdl-claim');
  frame.styler.unstyle(new Set(['rdl-term', 'rdl-claim'])); // the same settings: nothing to ask
  frame.styler.unstyle(new Set(['rdl-term'])); // claims turned off
  frame.styler.style('rdl-term'); // still given: not asked again
  frame.styler.unstyle(new Set(['rdl-term-tint'])); // a switch to the tint
  frame.styler.style('rdl-term-tint');
  await expect
    .poll(() => frame.requests)
    .toEqual(['style rdl-term', 'style rdl-claim', 'unstyle rdl-claim', 'unstyle rdl-term', 'style rdl-term-tint']);
  expect(frame.failures).toEqual([]);
});
