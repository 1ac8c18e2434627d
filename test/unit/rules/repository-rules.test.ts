/**
 * The repository keeps its own rules (./repository-rules.ts; README.md,
 * "Layers"), and the checker would see it if it did not.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkRules, LAYERS, parseModules, readRepository, staticClosure } from './repository-rules';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const repository = readRepository(ROOT, ['lib', 'entrypoints']);
// Parsed once, as the file loads: every test below reads the same modules.
const modules = parseModules(repository);

describe('the repository', () => {
  test('keeps its rules: lib/ without browser APIs, one importer per library, one observer, layers, no cycles', () => {
    expect(checkRules(repository, { modules })).toEqual([]);
  });

  test('every area of lib/ has its layer, and the README lists the same layers', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
    const section = readme.slice(readme.indexOf('## Layers'), readme.indexOf('\n## ', readme.indexOf('## Layers') + 1));
    for (const layer of LAYERS)
      for (const area of layer.areas)
        if ([...repository.keys()].some((path) => path.startsWith(`lib/${area}/`) || path === `lib/${area}.ts`))
          expect(section, area).toContain(`\`${area}\``);
  });

  test('the popup exports highlights without loading the importer (or zod), which the background runs', () => {
    const popup = staticClosure(modules, 'entrypoints/popup/main.tsx');
    expect(popup).toContain('lib/exchange/web-annotation-export.ts');
    expect(popup).toContain('lib/exchange/markdown-export.ts');
    for (const importer of [
      'lib/exchange/import.ts',
      'lib/exchange/import-fields.ts',
      'lib/exchange/web-annotation-import.ts',
      'lib/exchange/hypothesis-import.ts',
      'lib/zod.ts',
    ])
      expect(popup, importer).not.toContain(importer);
    expect(staticClosure(modules, 'entrypoints/background.ts')).toContain('lib/exchange/import.ts');
  });

  test("the page's content script does not carry the highlight tools: they come with the anchoring script", () => {
    const page = staticClosure(modules, 'entrypoints/lens.content/index.ts');
    expect(page).toContain('lib/dom/highlight-actions.ts');
    expect(page).not.toContain('lib/dom/highlight-tools.ts');
    expect(staticClosure(modules, 'entrypoints/lens-anchoring.ts')).toContain('lib/dom/highlight-tools.ts');
  });

  test("the content scripts' context and the frames' script read the extension API when first used: nothing they load reads it as it starts", () => {
    // (Its context is WXT's, replaced at build time by build/content-script-context.ts: wxt.config.ts.)
    const withBuild = parseModules(readRepository(ROOT, ['lib', 'entrypoints', 'build']));
    const loaded = new Set([
      ...staticClosure(withBuild, 'entrypoints/lens-frames.content/index.ts'),
      ...staticClosure(withBuild, 'build/content-script-context.ts'),
    ]);
    expect(loaded).toContain('build/extension-api.ts');
    const reading = [...loaded].filter((path) =>
      withBuild.get(path)!.imports.some((imp) => imp.specifier === 'wxt/browser' && !imp.typeOnly),
    );
    expect(reading).toEqual([]);
  });
});

/** A made-up repository, one file per entry, that breaks one rule at a time. */
const fake = (files: Record<string, string>) => new Map(Object.entries(files));

describe('the checker fails a repository that breaks a rule', () => {
  test('a clean repository passes', () => {
    expect(
      checkRules(
        fake({
          'lib/text/a.ts': `export const a = 1;`,
          'lib/dom/b.ts': `import { a } from '../text/a'; export const b = a;`,
          'entrypoints/popup/main.ts': `import { browser } from 'wxt/browser'; import { b } from '../../lib/dom/b'; browser.runtime.id; b;`,
        }),
      ),
    ).toEqual([]);
  });

  test.each([
    [
      'lib/ imports wxt',
      { 'lib/text/a.ts': `import { browser } from 'wxt/browser';` },
      /lib\/text\/a\.ts imports wxt\/browser/,
    ],
    ['lib/ uses the chrome global', { 'lib/text/a.ts': `export const id = () => chrome.runtime.id;` }, /uses `chrome`/],
    [
      'lib/ uses the browser global',
      { 'lib/text/a.ts': `export const id = () => browser.runtime.id;` },
      /uses `browser`/,
    ],
    [
      'a second importer of dexie',
      { 'lib/db/schema.ts': `import Dexie from 'dexie';`, 'lib/db/other.ts': `import type { Table } from 'dexie';` },
      /dexie is imported by lib\/db\/other\.ts/,
    ],
    [
      'a second importer of fuse.js',
      { 'lib/ui/x.ts': `import Fuse from 'fuse.js';` },
      /fuse\.js is imported by lib\/ui\/x\.ts/,
    ],
    [
      'a second importer of Floating UI',
      { 'entrypoints/popup/main.ts': `import { computePosition } from '@floating-ui/dom';` },
      /@floating-ui\/dom is imported by entrypoints\/popup\/main\.ts/,
    ],
    [
      'a second importer of approx-string-match',
      { 'lib/text/a.ts': `import search from 'approx-string-match';` },
      /approx-string-match is imported/,
    ],
    [
      'a second importer of zod',
      { 'lib/corpus/v.ts': `import type { z } from 'zod';` },
      /zod is imported by lib\/corpus\/v\.ts/,
    ],
    [
      'a MutationObserver outside the helper',
      { 'lib/dom/watch.ts': `export const o = new MutationObserver(() => {});` },
      /lib\/dom\/watch\.ts uses MutationObserver/,
    ],
    [
      'an import upward',
      {
        'lib/text/a.ts': `import type { B } from '../dom/b'; export type A = B;`,
        'lib/dom/b.ts': `export type B = 1;`,
      },
      /lib\/text\/a\.ts imports lib\/dom\/b\.ts: text may not import dom, a layer above it/,
    ],
    [
      'two areas of one layer in a cycle',
      {
        'lib/search/a.ts': `import { b } from '../claims/b'; export const a = b;`,
        'lib/claims/b.ts': `import type { A } from '../search/c'; export const b = 1;`,
        'lib/search/c.ts': `export type A = 1;`,
      },
      /areas import each other in a cycle: claims → search → claims/,
    ],
    [
      'two modules in a cycle',
      {
        'lib/dom/a.ts': `import { b } from './b'; export const a = 1;`,
        'lib/dom/b.ts': `import { a } from './a'; export const b = a;`,
      },
      /modules import each other in a cycle: lib\/dom\/a\.ts → lib\/dom\/b\.ts → lib\/dom\/a\.ts/,
    ],
    [
      'a second copy of the error message helper',
      { 'lib/ui/x.ts': `export const m = (e: unknown) => (e instanceof Error ? e.message : String(e));` },
      /lib\/ui\/x\.ts words a thrown value itself: use errorMessage/,
    ],
    ['an area in no layer', { 'lib/widgets/a.ts': `export const a = 1;` }, /lib\/widgets is in no layer/],
  ])('%s', (_, files, problem) => {
    const problems = checkRules(fake(files));
    expect(
      problems.some((p) => problem.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });

  test('the owner itself and a word in a comment are not violations', () => {
    expect(
      checkRules(
        fake({
          'lib/zod.ts': `import { z } from 'zod'; export { z };`,
          'lib/dom/observe.ts': `export const o = new MutationObserver(() => {});`,
          'lib/dom/a.ts': `// no MutationObserver here, nor chrome.runtime\nexport const chrome = { note: 'browser.tabs' };`,
        }),
      ),
    ).toEqual([]);
  });
});
