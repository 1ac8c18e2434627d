/**
 * A frame asks for a highlight's rule once, with its first mark of that name
 * (lib/mark-styles.ts): every highlight Lens registers has one, and a request
 * that failed is said and made again with the next mark.
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

test('a frame asks once per name; a failed request is said, and asked again with the next mark', async () => {
  const asked: MarkStyleName[] = [];
  const failures: unknown[] = [];
  let fail = true;
  const style = markStyler(
    async (name) => {
      asked.push(name);
      if (name === 'rdl-claim' && fail) throw new Error('the background is being updated');
    },
    (error) => failures.push(error),
  );
  style('rdl-term');
  style('rdl-term');
  style('rdl-claim');
  await expect.poll(() => failures).toHaveLength(1);
  expect(String(failures[0])).toContain('the background is being updated');
  style('rdl-term');
  fail = false;
  style('rdl-claim');
  style('rdl-claim');
  expect(asked).toEqual(['rdl-term', 'rdl-claim', 'rdl-claim']);
});
