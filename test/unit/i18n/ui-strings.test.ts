/**
 * No UI text left in code (issue 19): every word a reader sees comes from
 * locales/*.json through lib/i18n. This reads the UI's modules with the
 * TypeScript parser and fails on text in JSX, on a label-like attribute
 * given a literal, and on a string literal that reads as prose. What is not
 * UI text (keyboard key names, MIME types, file names, …) is allowed below,
 * each with why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

/** The modules that put words in front of a reader: the UI, and what hands it text. */
const UI_DIRS = ['lib/ui', 'entrypoints'];
const UI_FILES = [
  // the card, record and claim-card models the background builds for the UI (their headings, names, dates)
  'lib/corpus/attribution.ts',
  'lib/corpus/card-model.ts',
  'lib/corpus/claim-card-model.ts',
  'lib/corpus/detail-model.ts',
  'lib/dom/highlight-actions.ts',
  'lib/dom/highlight-tools.ts',
  'lib/dom/page-session.ts',
  'lib/toolbar-icon.ts',
  'wxt.config.ts',
];

/** Literals that look like words but are not UI text. */
const ALLOWED = new Set([
  // KeyboardEvent.key and .code values
  'Escape',
  'Enter',
  'ArrowDown',
  'ArrowUp',
  'Home',
  'End',
  'Tab',
  'KeyL',
  'KeyH',
  'KeyC',
  // DOM names
  'Highlight',
  'QuotaExceededError',
  // The extension's name in the manifest's own fields where __MSG__ is not allowed (none today), and WXT option values
]);

/** The comment that marks a literal no reader sees, on its line or the line before. */
const NOT_UI = /\bnot UI text\b/;

/** Attributes whose value a reader sees or hears. */
const LABEL_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'legend',
  'ariaLabel',
  'kind',
  'message',
]);

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(tsx?|html)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Text that reads as words: two words in a row, or a capitalised word ("Close", "Loading…"). */
function isProse(text: string): boolean {
  const s = text.trim();
  if (s === '' || ALLOWED.has(s)) return false;
  // Identifiers, message keys, class lists, CSS and selectors are not prose; nor are the manifest's
  // references to messages, WXT's hook names and keyboard shortcuts.
  if (/^[a-z][A-Za-z0-9_]*$/.test(s) || /^[a-z0-9 _:.#@()[\]=>*,-]+$/.test(s)) return false;
  if (/^[a-z]*(\[[^\]]+\])+$/i.test(s)) return false; // an attribute selector
  if (/^__MSG_\w+__$/.test(s) || /^[a-z]+(:[a-zA-Z]+)+$/.test(s) || /^(Alt|Ctrl|Shift|Command|MacCtrl)\+/.test(s))
    return false;
  return (
    /\p{Lu}\p{Ll}/u.test(s) || /\p{L}{2,}\s+\p{L}{2,}/u.test(s) || /[\p{Script=Cyrillic}\p{Script=Hangul}]/u.test(s)
  );
}

/** Where a file has UI text in code: "line: text". */
function leftInCode(path: string): string[] {
  const source = readFileSync(join(ROOT, path), 'utf8');
  if (path.endsWith('.html')) {
    // An extension page's HTML: its title and lang are set from the messages at start (entrypoints/*/main.tsx).
    const body = source.replace(/<title>[^<]*<\/title>/, '').replace(/<[^>]+>/g, ' ');
    return body.trim() ? [`text in HTML: ${body.trim()}`] : [];
  }
  return scanSource(path, source);
}

/** The UI text in a module's code, as "line: text". */
function scanSource(name: string, source: string): string[] {
  const kind = name.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(name, source, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const lines = source.split('\n');
  const report = (node: ts.Node, text: string) => {
    const line = file.getLineAndCharacterOfPosition(node.getStart()).line;
    // A literal a reader never sees (a log's label, an error no one shows) says so where it is.
    if (NOT_UI.test(lines[line] ?? '') || NOT_UI.test(lines[line - 1] ?? '')) return;
    found.push(`${line + 1}: ${text.trim()}`);
  };
  const visit = (node: ts.Node): void => {
    // Imports and types are not UI.
    if (ts.isImportDeclaration(node) || ts.isTypeNode(node) || ts.isExportDeclaration(node)) return;
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && LABEL_ATTRIBUTES.has(node.name.getText(file))) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value) && /\p{L}/u.test(value.text)) report(node, node.getText(file));
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (isProse(node.text) && !isModuleSpecifier(node)) report(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
      if (isProse(parts)) report(node, node.getText(file));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function isModuleSpecifier(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    (ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword) ||
    ts.isExternalModuleReference(parent)
  );
}

describe('no UI text is left in code', () => {
  const files = [...UI_DIRS.flatMap(filesUnder), ...UI_FILES].sort();

  test('the scan reads the UI modules', () => {
    expect(files).toEqual(expect.arrayContaining(['lib/ui/card.tsx', 'lib/ui/options.tsx', 'lib/ui/popup.tsx']));
  });

  test.each(files)('%s', (path) => {
    expect(leftInCode(path)).toEqual([]);
  });

  // The scan itself: it must catch each way text is left in code, and pass what is not text.
  test.each([
    ['<p>Loading…</p>', true],
    ['<button aria-label="Close" />', true],
    ["const label = 'Search in Lens';", true],
    ['const message = `Lens could not load ${label}`;', true],
    ["<p>{t('loading')}</p>", false],
    ["// not UI text: a log's label\nreport('could not annotate this page', error);", false],
    ['<div class="rdl-card rdl-card-status" />', false],
    ["if (event.key === 'Escape') close();", false],
    ['<span aria-hidden="true">×</span>', false],
  ])('the scan of %s finds text: %s', (code, found) => {
    expect(scanSource('x.tsx', code).length > 0).toBe(found);
  });
});
