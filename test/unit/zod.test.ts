import { describe, expect, test } from 'vitest';
import { describeIssue, formatPath, z } from '../../lib/zod';

/** The one formatter of zod issues (lib/zod.ts), which corpus packs and highlight imports both use. */
describe('describeIssue', () => {
  const Item = z.strictObject({
    title: z.string(),
    count: z.int().optional(),
    kind: z.enum(['a', 'b']).optional(),
    tags: z.array(z.string()).optional(),
    date: z
      .string()
      .regex(/^\d{4}$/, 'expected YYYY')
      .optional(),
  });
  const lines = (input: unknown) => {
    const parsed = Item.safeParse(input);
    if (parsed.success) throw new Error('expected issues');
    return parsed.error.issues.map((issue) => {
      const { path, message } = describeIssue(issue, input);
      return `${formatPath(path)}: ${message}`;
    });
  };

  test.each([
    ['a missing field', {}, 'title: is required'],
    ['text where a number goes', { title: 't', count: 'five' }, 'count: expected a number, got the text "five"'],
    ['a number where text goes', { title: 5 }, 'title: expected text, got the number 5'],
    ['a value not offered', { title: 't', kind: 'c' }, 'kind: expected "a" or "b", got the text "c"'],
    ['a list item of the wrong kind', { title: 't', tags: ['x', null] }, 'tags[1]: expected text, got null'],
    ['the schema’s own message', { title: 't', date: '24' }, 'date: expected YYYY'],
    ['an unknown field', { title: 't', colour: 'red' }, 'colour: unknown field'],
  ])('%s', (_, input, line) => {
    expect(lines(input)).toEqual([line]);
  });

  test('long text is cut, so a message stays one line', () => {
    const [line] = lines({ title: 't', count: 'x'.repeat(100) });
    expect(line).toBe(`count: expected a number, got the text "${'x'.repeat(40)}"…`);
  });

  test('a path goes after a base', () => {
    expect(formatPath([0, 'exact'], 'target.selector')).toBe('target.selector[0].exact');
    expect(formatPath(['a', 2, 'b'])).toBe('a[2].b');
  });
});
