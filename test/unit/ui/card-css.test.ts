/**
 * The card's stylesheet lives in a shadow root on any page: these are the
 * rules that keep it independent of the page (checked on the text, since no
 * unit-test DOM computes styles faithfully).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const css = readFileSync(join(import.meta.dirname, '../../../lib/ui/card.css'), 'utf8');
const rules = css.replace(/\/\*[\s\S]*?\*\//g, '');

test('each root resets everything the page passes down, and sizes its own box', () => {
  const root = /\.rdl-card,\s*\.rdl-panel\s*\{([^}]*)\}/.exec(rules)?.[1] ?? '';
  expect(root.trim().startsWith('all: initial;')).toBe(true); // first, so the declarations after it win
  expect(root).toMatch(/font-size:\s*\d+px/);
  expect(root).toMatch(/box-sizing:\s*border-box/);
  expect(root).toMatch(/max-height:\s*min\(var\(--rdl-max-height[^;]*100vh/);
  expect(rules).toMatch(/\.rdl-card-body\s*\{[^}]*overflow:\s*auto/);
});

test('sizes in px, never rem (a page may set any root font size)', () => {
  expect(rules).not.toMatch(/\d(\.\d+)?rem\b/);
});

test('no external resources: fonts, images or imports', () => {
  expect(rules).not.toMatch(/@import|@font-face|url\(/);
});

test('light and dark follow data-theme on the root, an ancestor or the host', () => {
  expect(rules).toContain(":is(.rdl-card, .rdl-panel)[data-theme='dark']");
  expect(rules).toContain("[data-theme='dark'] :is(.rdl-card, .rdl-panel)");
  expect(rules).toContain(":host([data-theme='dark'])");
});

test('reduced motion turns animations and transitions off', () => {
  const block = /@media \(prefers-reduced-motion: reduce\)\s*\{([\s\S]*?)\n\}/.exec(rules)?.[1] ?? '';
  expect(block).toMatch(/animation:\s*none/);
  expect(block).toMatch(/transition:\s*none/);
});

test('every class it styles is an rdl- class', () => {
  const classes = [...rules.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]);
  expect(classes.filter((c) => !c?.startsWith('rdl-'))).toEqual([]);
});
