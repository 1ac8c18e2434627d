/**
 * The repository's own rules, as code a test runs (like refined-github's
 * build/features.test.ts): what lib/ may import, which module of ours owns
 * each third-party library, where the one MutationObserver lives, and the
 * order of lib/'s layers. README.md ("Layers") says the same in words.
 *
 * The checker works on sources in memory (`checkRules`), so a test can feed
 * it a made-up repository that breaks each rule and see it fail;
 * `readRepository` reads the real one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import ts from 'typescript';

/**
 * lib/'s areas from the bottom up: an area may import its own layer and the
 * layers below, never one above. An area is a folder of lib/ (`dom`), or a
 * file at lib/'s top (`messages` for lib/messages.ts). Within a layer, areas
 * may import each other, but no two areas (and no two modules) import each
 * other in a cycle.
 */
export const LAYERS: readonly { name: string; areas: readonly string[] }[] = [
  {
    name: 'utilities: no domain, no other area',
    areas: ['zod', 'json-file', 'report', 'errors', 'highlight-colours', 'lazy-script', 'i18n'],
  },
  { name: 'text: normalising, the matcher and its word rules', areas: ['text'] },
  { name: 'corpus: the records, their schema, validation, and the models read from them', areas: ['corpus'] },
  {
    name: 'domain logic over the corpus and page text',
    areas: ['settings', 'search-handoff', 'toolbar-icon', 'mark-styles', 'anchoring', 'search', 'claims'],
  },
  { name: 'the store (the one Dexie schema)', areas: ['db'] },
  { name: 'highlights in and out (Web Annotation, Markdown, Hypothesis)', areas: ['exchange'] },
  { name: 'the protocol between contexts', areas: ['messages'] },
  { name: 'the background’s services', areas: ['service', 'sender-policy'] },
  { name: 'UI: Preact components and the controllers that render them', areas: ['ui'] },
  { name: 'the page: scan, marks, hit-testing, the content script’s session', areas: ['dom'] },
];

/** Each of these packages is imported by one module of ours, which the rest go through. */
export const OWNERS: Readonly<Record<string, string>> = {
  dexie: 'lib/db/schema.ts',
  'fuse.js': 'lib/search/fuzzy.ts',
  '@floating-ui/dom': 'lib/ui/floating.ts',
  'approx-string-match': 'lib/anchoring/match-quote.ts',
  zod: 'lib/zod.ts',
};

/** The one module that may create a MutationObserver. */
export const OBSERVER_HELPER = 'lib/dom/observe.ts';

/**
 * And the one other: the watch of a frame that has no text yet, in the
 * frame's own world, before any of Lens's scripts is there
 * (lib/dom/frame-gate.ts). It cannot use the helper: it runs alone, from its
 * source (the background's scripting.executeScript).
 */
export const FRAME_WATCH = 'lib/dom/frame-gate.ts';

/** The one module that turns whatever was thrown into a message (`errorMessage`). */
export const ERROR_HELPER = 'lib/errors.ts';

/** Packages that are the browser's extension APIs, which lib/ never imports (entrypoints wire them). */
const BROWSER_PACKAGES = /^(wxt|@wxt-dev|webextension-polyfill|@types\/chrome|chrome)(\/|$)/;

export interface Import {
  /** as written */
  specifier: string;
  /** the repository path of a relative import, resolved against `files`; null for a package */
  target: string | null;
  typeOnly: boolean;
  dynamic: boolean;
}

export interface Module {
  path: string;
  imports: Import[];
  /** identifiers the module uses as values or types, for the rules on browser globals and MutationObserver */
  globals: Set<string>;
}

const SOURCE = /\.(ts|tsx)$/;

/** Every .ts/.tsx file under `dirs` (repository-relative), with its text. */
export function readRepository(root: string, dirs: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(posix.join(root, dir), { withFileTypes: true })) {
      const path = posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts'))
        files.set(path, readFileSync(posix.join(root, path), 'utf8'));
    }
  };
  for (const dir of dirs) walk(dir);
  return files;
}

/** Parses every file once: its imports (resolved) and the names it reads. */
export function parseModules(files: ReadonlyMap<string, string>): Map<string, Module> {
  const modules = new Map<string, Module>();
  for (const [path, text] of files) {
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKind(path));
    const imports: Import[] = [];
    const globals = new Set<string>();
    const add = (specifier: string, typeOnly: boolean, dynamic: boolean) =>
      imports.push({ specifier, target: resolve(path, specifier, files), typeOnly, dynamic });
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const clause = node.importClause;
        const typeOnly =
          clause !== undefined &&
          (clause.isTypeOnly ||
            (clause.name === undefined &&
              clause.namedBindings !== undefined &&
              ts.isNamedImports(clause.namedBindings) &&
              clause.namedBindings.elements.length > 0 &&
              clause.namedBindings.elements.every((e) => e.isTypeOnly)));
        add(node.moduleSpecifier.text, typeOnly, false);
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        add(node.moduleSpecifier.text, node.isTypeOnly, false);
      } else if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        add(node.arguments[0].text, false, true);
      } else if (
        ts.isImportTypeNode(node) &&
        ts.isLiteralTypeNode(node.argument) &&
        ts.isStringLiteral(node.argument.literal)
      ) {
        add(node.argument.literal.text, true, false);
      } else if (ts.isIdentifier(node) && isReference(node)) {
        globals.add(node.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    modules.set(path, { path, imports, globals });
  }
  return modules;
}

function scriptKind(path: string): ts.ScriptKind {
  return path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
}

/** An identifier that names something (not a property after a dot, not a key, not a declaration's own name). */
function isReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
  if (
    (ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isMethodSignature(parent)) &&
    parent.name === node
  )
    return false;
  if ((ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) return false;
  if ((ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) && parent.propertyName === node) return false;
  if (ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent))
    return parent.name !== node;
  return true;
}

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function resolve(from: string, specifier: string, files: ReadonlyMap<string, string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = posix.normalize(posix.join(posix.dirname(from), specifier.replace(/\?.*$/, '')));
  for (const ext of EXTENSIONS) if (files.has(base + ext)) return base + ext;
  // A stylesheet, JSON or a file outside the dirs read: not a module of the graph.
  return base;
}

/** The area of a file of lib/: its folder, or a top-level file's name; null outside lib/. */
export function areaOf(path: string): string | null {
  const parts = path.split('/');
  if (parts[0] !== 'lib' || parts.length < 2) return null;
  return parts.length > 2 ? parts[1]! : parts[1]!.replace(SOURCE, '');
}

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

export interface RuleOptions {
  /** `files` parsed already (parseModules), to parse a large repository once */
  modules?: ReadonlyMap<string, Module>;
  layers?: typeof LAYERS;
  owners?: typeof OWNERS;
  observerHelper?: string;
}

/** Every broken rule, one line each ("lib/x.ts imports wxt/browser: …"); empty when the repository keeps them all. */
export function checkRules(files: ReadonlyMap<string, string>, options: RuleOptions = {}): string[] {
  const { layers = LAYERS, owners = OWNERS, observerHelper = OBSERVER_HELPER } = options;
  const modules = options.modules ?? parseModules(files);
  const problems: string[] = [];
  const layerOf = new Map<string, number>();
  layers.forEach((layer, i) => layer.areas.forEach((area) => layerOf.set(area, i)));

  const importers = new Map<string, Set<string>>();
  for (const m of modules.values()) {
    const inLib = m.path.startsWith('lib/');
    for (const imp of m.imports) {
      if (imp.target !== null) continue;
      const pkg = packageOf(imp.specifier);
      if (inLib && BROWSER_PACKAGES.test(imp.specifier))
        problems.push(`${m.path} imports ${imp.specifier}: lib/ has no browser APIs; an entrypoint passes them in`);
      if (pkg in owners) {
        const set = importers.get(pkg) ?? new Set();
        set.add(m.path);
        importers.set(pkg, set);
      }
    }
    if (inLib) {
      for (const name of ['browser', 'chrome'])
        if (m.globals.has(name)) problems.push(`${m.path} uses \`${name}\`: lib/ has no browser APIs`);
    }
    if (inLib && m.path !== ERROR_HELPER && /instanceof Error\s*\?/.test(files.get(m.path)!))
      problems.push(`${m.path} words a thrown value itself: use errorMessage (${ERROR_HELPER})`);
    if (m.globals.has('MutationObserver') && m.path !== observerHelper && m.path !== FRAME_WATCH)
      problems.push(`${m.path} uses MutationObserver: every observer goes through ${observerHelper}`);
  }
  for (const [pkg, set] of importers) {
    const others = [...set].filter((p) => p !== owners[pkg]).sort();
    if (others.length > 0)
      problems.push(`${pkg} is imported by ${others.join(', ')}: only ${owners[pkg]} imports it; go through it`);
  }

  // Layers, and cycles between areas.
  const areaEdges = new Map<string, Set<string>>();
  for (const m of modules.values()) {
    const from = areaOf(m.path);
    if (from === null) continue;
    if (!layerOf.has(from)) {
      problems.push(`${m.path}: lib/${from} is in no layer; add it to LAYERS (test/unit/rules) and the README`);
      continue;
    }
    for (const imp of m.imports) {
      const to = imp.target === null ? null : areaOf(imp.target);
      if (to === null || to === from || !layerOf.has(to)) continue;
      if (layerOf.get(to)! > layerOf.get(from)!)
        problems.push(`${m.path} imports ${imp.target}: ${from} may not import ${to}, a layer above it`);
      const set = areaEdges.get(from) ?? new Set();
      set.add(to);
      areaEdges.set(from, set);
    }
  }
  for (const cycle of cycles(areaEdges)) problems.push(`areas import each other in a cycle: ${cycle.join(' → ')}`);

  // Cycles between modules that load each other (a type import loads nothing: within an area, a
  // module may name the type of the module that uses it).
  const fileEdges = new Map<string, Set<string>>();
  for (const m of modules.values()) {
    const set = new Set<string>();
    for (const imp of m.imports)
      if (imp.target !== null && !imp.typeOnly && modules.has(imp.target)) set.add(imp.target);
    fileEdges.set(m.path, set);
  }
  for (const cycle of cycles(fileEdges)) problems.push(`modules import each other in a cycle: ${cycle.join(' → ')}`);
  return problems;
}

/** One cycle (as a path that returns to its start) per strongly connected component of more than one node. */
export function cycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  // Tarjan's algorithm.
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!indexOf.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges.get(v)?.has(v)) components.push(component);
    }
  };
  for (const v of [...edges.keys()].sort()) if (!indexOf.has(v)) connect(v);
  return components.map((component) => pathThrough(new Set(component), edges));
}

/** A cycle inside a strongly connected component, for the message: from its first node back to it. */
function pathThrough(component: ReadonlySet<string>, edges: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const start = [...component].sort()[0]!;
  // Breadth-first from start back to start within the component: the shortest cycle through it.
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of edges.get(v) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/** The modules `entry` loads when it starts: static imports that are not type-only, followed through. */
export function staticClosure(modules: ReadonlyMap<string, Module>, entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imp of modules.get(path)?.imports ?? [])
      if (imp.target !== null && !imp.typeOnly && !imp.dynamic && modules.has(imp.target)) visit(imp.target);
  };
  visit(entry);
  return seen;
}
