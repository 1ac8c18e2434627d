/**
 * zod, configured once for every module that validates, and its issues said
 * in a reader's words. Import `z` from here, not from 'zod'.
 *
 * `jitless`: without it, zod probes `new Function('')` to compile faster
 * parsers, which an extension page's content security policy (no eval)
 * refuses, and the browser reports a CSP violation on the page each time.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };

export type ZodIssue = z.core.$ZodIssue;

/** One issue of a parse: where it is (zod's path, with unknown keys named last) and what is wrong there. */
export interface IssueText {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * What is wrong, as a person fixing the file would want it said: "is
 * required" for what is not there, "expected text, got the number 5" for the
 * wrong kind of value (zod's own wording names TypeScript types), the
 * schema's message otherwise. `input` is what was parsed, to show the value.
 * The one formatter of zod issues: pack, corpus and highlight imports read alike.
 */
export function describeIssue(issue: ZodIssue, input: unknown): IssueText {
  if (issue.code === 'unrecognized_keys') {
    return {
      path: [...issue.path, issue.keys.join(', ')],
      message: `unknown field${issue.keys.length > 1 ? 's' : ''}`,
    };
  }
  if (issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'invalid_value') {
    const actual = valueAt(input, issue.path);
    return {
      path: issue.path,
      message: actual === undefined ? 'is required' : `${expectedOf(issue)}, got ${describeValue(actual)}`,
    };
  }
  return { path: issue.path, message: issue.message };
}

/** `target.selector[0].exact`: keys joined by dots, indexes in brackets, after `base`. */
export function formatPath(path: readonly PropertyKey[], base = ''): string {
  let out = base;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** A value as a message names it: `the text "abc"`, `the number 5`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value.length > 40
        ? `the text ${JSON.stringify(value.slice(0, 40))}…`
        : `the text ${JSON.stringify(value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** The value at a zod path in the parsed input; undefined where there is none. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function expectedOf(issue: ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const names: Record<string, string> = {
      string: 'text',
      number: 'a number',
      int: 'a whole number',
      array: 'a list',
      object: 'an object',
    };
    return `expected ${names[issue.expected] ?? issue.expected}`;
  }
  if (issue.code === 'invalid_value') return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
  // A union's own message when the schema gives one (zod's default says nothing).
  return issue.message !== 'Invalid input' ? issue.message : 'not the expected kind of value';
}
