/**
 * Privacy: Lens makes no network request at all. A whole reading session —
 * a page marked, a card, the page panel, the popup's search and a record, a
 * highlight saved, exported (JSON and Markdown) and imported back — runs in
 * each browser with three watchers:
 *
 * - a recording proxy, the browser's only way off this machine: it writes
 *   down and refuses every request (HTTP, and CONNECT for HTTPS and secure
 *   WebSockets), whichever context sent it;
 * - the browser's own log of every HTTP(S) and WebSocket request it made, with
 *   who asked (Chromium's NetLog, Firefox's http-on-modify-request in the
 *   parent process), which also sees loopback and the extension's background;
 * - the test page server's log of what it was asked for.
 *
 * After the session the proxy has recorded nothing (but Chromium's own two
 * service checks, see BROWSER_SERVICES), the browser logged no request the
 * extension asked for and none off the machine, and the page server was
 * asked for the test page (and the browser's favicon) only. A control run
 * first shows that each watcher does record what a page, or an extension
 * page, sends off the machine — a watcher that cannot see is no proof.
 *
 * Below the session: the built extension's content security policy, its code
 * (no eval, no remote code) and its permissions against the README's table.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  BROWSER_NAMES,
  extensionDir,
  launch,
  usePageServer,
  type BrowserName,
  type BrowserRequest,
  type LensBrowser,
  type LensPage,
} from './harness';
import { readmePermissions } from '../readme';
import { startRecordingProxy, type ProxyRecord, type RecordingProxy } from './harness/recording-proxy';
import { isLocalUrl } from './harness/server';
import {
  catchDownloads,
  chooseFile,
  downloaded,
  highlightedTexts,
  openCard,
  openPanel,
  panelHasFocus,
  popupResults,
  sendFromExtensionPage,
  sendToPageTabs,
} from './page-helpers';
import { clickTool, dragSelect, expandCard, hover, openFirstResult, searchFor, waitDrawn } from './reader-actions';

const server = usePageServer();

/** The text the session saves as a highlight (one text node of basic.html's heading). */
const QUOTE = 'Putin and Kim Jong Un sign a treaty';

/** Requests that would leave the machine: http(s) and ws(s) to anywhere but loopback. */
const offMachine = (requests: BrowserRequest[]) => requests.filter((r) => !isLocalUrl(r.url));

/**
 * The browser's own services that no switch turns off in this Chromium
 * (Debian's 156): the sign-in cookie check (GAIA ListAccounts) and the
 * component updater's check for the Optimization Guide model manifest. They
 * are let through only when the browser's own log says the browser asked,
 * no page and no extension. Firefox's (Remote Settings) are turned off by
 * the harness, so it has none.
 */
const BROWSER_SERVICES: Record<BrowserName, string[]> = {
  chromium: ['accounts.google.com', 'update.googleapis.com'],
  firefox: [],
};

const hostOf = (target: string) =>
  /^[a-z]+:\/\//.test(target) ? new URL(target).hostname : target.replace(/:\d+$/, '');

/**
 * What went off the machine that is not the browser's own service traffic:
 * every proxy record, and every off-machine request in the browser's log,
 * except those to a host of BROWSER_SERVICES that the log shows only the
 * browser itself asking for.
 */
function unexplained(browserName: BrowserName, records: ProxyRecord[], log: BrowserRequest[]) {
  const browserOnly = new Set(
    BROWSER_SERVICES[browserName].filter((host) =>
      offMachine(log).every((r) => hostOf(r.url) !== host || r.initiator === 'browser'),
    ),
  );
  return {
    proxied: records.filter((r) => !browserOnly.has(hostOf(r.target))),
    logged: offMachine(log).filter((r) => !browserOnly.has(hostOf(r.url))),
  };
}

/** Requests the extension itself asked for (its pages, its background, its content scripts in Firefox). */
const byExtension = (requests: BrowserRequest[]) => requests.filter((r) => /-extension:\/\//.test(r.initiator));

/**
 * Loopback requests that are not the test pages' own: anything on another
 * port than the page server's, and anything on it but the pages opened (no
 * other path, no query) and the favicon the browser asks for by itself.
 */
function notThePagesOwn(urls: string[], pages: string[]): string[] {
  const own = new Set([...pages, server.url('/favicon.ico')]);
  return urls.filter((url) => isLocalUrl(url) && /^(https?|wss?):/.test(url) && !own.has(url));
}

/** What the page server was asked for since `since` requests, as full URLs. */
const servedSince = (since: number) =>
  server
    .requests()
    .slice(since)
    .map((r) => server.url(r.path));

describe.each(BROWSER_NAMES)('%s', (browserName: BrowserName) => {
  let proxy: RecordingProxy | null = null;
  let lens: LensBrowser | null = null;
  afterEach(async () => {
    // A failed test leaves its browser and proxy behind: close them whatever happened.
    await lens?.close().catch(() => undefined);
    await proxy?.close();
    lens = proxy = null;
  });

  async function launchWatched(): Promise<{ proxy: RecordingProxy; lens: LensBrowser }> {
    proxy = await startRecordingProxy();
    lens = await launch(browserName, 'current', { watch: { proxyPort: proxy.port } });
    return { proxy, lens };
  }

  /** Closes the browser (which completes its request log) and returns the log. */
  async function closeAndReadLog(browser: LensBrowser): Promise<BrowserRequest[]> {
    await browser.close();
    lens = null;
    return browser.requestLog();
  }

  test('control: the watchers record what a page, and an extension page, send off the machine', async () => {
    const { proxy, lens } = await launchWatched();
    const since = server.requests().length;
    const pageUrl = server.url('/fixtures/privacy-control.html');

    // The page itself: an image, a fetch, a beacon, a WebSocket, and a word of its text sent to its own server.
    const page = await lens.openPage(pageUrl);
    const targets = ['pixel.example.invalid:443', 'http://fetch.example.invalid/', 'beacon.example.invalid:443'];
    for (const target of [...targets, 'socket.example.invalid:443']) {
      await proxy.waitFor((r) => r.target.startsWith(target));
    }
    await page.waitFor(highlightedTexts, ['rdl-term']);

    // An extension page: navigating itself away is one request no content security policy stops.
    const popup = await lens.openExtensionPage('popup.html');
    await popup.waitForSelector('[role="searchbox"]');
    await popup
      .evaluate(() => {
        location.href = 'https://extension-page.example.invalid/';
      })
      .catch(() => undefined /* the navigation may take the evaluation's context with it */);
    await proxy.waitFor((r) => r.target === 'extension-page.example.invalid:443');

    const served = await waitForServed(since, server.url('/collect?text=Pyongyang'));
    const log = await closeAndReadLog(lens);

    expect(proxy.records().map((r) => r.target)).toEqual(
      expect.arrayContaining([
        'pixel.example.invalid:443',
        'http://fetch.example.invalid/collect?text=Pyongyang',
        'beacon.example.invalid:443',
        'socket.example.invalid:443',
        'extension-page.example.invalid:443',
      ]),
    );
    const logged = offMachine(log).map((r) => r.url);
    expect(logged).toEqual(
      expect.arrayContaining([
        'https://pixel.example.invalid/p.gif',
        'http://fetch.example.invalid/collect?text=Pyongyang',
        'https://beacon.example.invalid/b',
        'https://extension-page.example.invalid/',
      ]),
    );
    // The session's check would fail on each of them.
    const caught = unexplained(browserName, proxy.records(), log);
    expect(caught.proxied.length).toBeGreaterThanOrEqual(5);
    expect(caught.logged.length).toBeGreaterThanOrEqual(4);
    // The browser's log tells who asked: the extension page's navigation is the extension's.
    expect(byExtension(log).map((r) => r.url)).toContain('https://extension-page.example.invalid/');
    // A word of the page's text sent to loopback is caught by both loopback watchers.
    expect(notThePagesOwn(served, [pageUrl])).toContain(server.url('/collect?text=Pyongyang'));
    expect(
      notThePagesOwn(
        log.map((r) => r.url),
        [pageUrl],
      ),
    ).toContain(server.url('/collect?text=Pyongyang'));
  });

  test('a whole session — page, card, panel, popup search and record, highlight, export, import, options, a pack — sends nothing', async () => {
    const { proxy, lens } = await launchWatched();
    const since = server.requests().length;
    const pageUrl = server.url('/fixtures/basic.html');

    const page = await lens.openPage(pageUrl);
    await cardStep(page);
    const popup = await lens.openExtensionPage('popup.html');
    await popup.waitForSelector('[role="searchbox"]');
    await panelStep(page, popup);
    await highlightStep(page, popup);
    await searchStep(popup);
    await exportImportStep(popup);
    const options = await optionsStep(lens, page);
    await packImportStep(options, page, popup);

    expect(page.errors()).toEqual([]);
    expect(popup.errors()).toEqual([]);
    expect(options.errors()).toEqual([]);
    const served = servedSince(since);
    const log = await closeAndReadLog(lens);

    expect(unexplained(browserName, proxy.records(), log)).toEqual({ proxied: [], logged: [] });
    expect(byExtension(log)).toEqual([]);
    // The watchers did watch: the page was asked for, and logged.
    expect(served).toContain(pageUrl);
    expect(log.map((r) => r.url)).toContain(pageUrl);
    expect(notThePagesOwn(served, [pageUrl])).toEqual([]);
    expect(
      notThePagesOwn(
        log.map((r) => r.url),
        [pageUrl],
      ),
    ).toEqual([]);
  });
});

/** Polls the page server's log until it has been asked for `url`; returns what it served since `since`. */
async function waitForServed(since: number, url: string, timeoutMs = 10_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const served = servedSince(since);
    if (served.includes(url)) return served;
    if (Date.now() > deadline) throw new Error(`The page server was not asked for ${url}: ${JSON.stringify(served)}`);
    await new Promise((next) => setTimeout(next, 50));
  }
}

// --- The session's steps -------------------------------------------------------

/** Marks on the page; a card opened by hovering one, expanded, closed. */
async function cardStep(page: LensPage): Promise<void> {
  await hover(page, 'Kim Jong Un');
  expect((await page.waitForUi(openCard)).title).toBe('Kim Jong Un');
  await expandCard(page);
  await page.press('Escape');
  await page.waitForUi((root) => !root?.querySelector('.rdl-card'));
}

/** The page panel, opened as the keyboard shortcut opens it (the background's message), then closed. */
async function panelStep(page: LensPage, popup: LensPage): Promise<void> {
  expect(await popup.evaluate(sendToPageTabs, 'openPanel', null)).toContain(true);
  expect((await page.waitForUi(openPanel)).options).toContain('Kim Jong Un');
  await page.waitForUi(panelHasFocus);
  await page.press('Escape');
  await page.waitForUi((root) => !root?.querySelector('.rdl-panel'));
}

/** Text selected with the mouse and saved from the toolbar; the store has it. */
async function highlightStep(page: LensPage, popup: LensPage): Promise<void> {
  await dragSelect(page, QUOTE);
  await clickTool(page, '[data-action="highlight"]');
  await waitDrawn(page, [`yellow: ${QUOTE}`], undefined, true);
  const saved = (await popup.evaluate(sendFromExtensionPage, 'listHighlights', {})) as { quote: { exact: string } }[];
  expect(saved.map((h) => h.quote.exact)).toEqual([QUOTE]);
}

/** A search in the popup, a record opened from it, and back. */
async function searchStep(popup: LensPage): Promise<void> {
  const { results, title } = await openFirstResult(popup, 'Pyongyang');
  expect(title).toBe(results.hits[0]!.title);
  await popup.click('.back');
  await popup.waitForSelector('[role="searchbox"]');
}

/** The highlights tab: export as JSON and Markdown, delete, import the JSON back. */
async function exportImportStep(popup: LensPage): Promise<void> {
  await popup.evaluate(catchDownloads);
  await popup.click('#tab-highlights');
  await popup.waitFor(() => document.querySelectorAll('.highlight').length === 1);

  await popup.click('.highlight-tools button.tool:nth-of-type(1)');
  const json = await popup.waitFor(downloaded);
  expect(json.name).toBe('ru-dprk-lens-highlights.jsonld');
  expect(json.text).toContain(QUOTE);
  await popup.click('.highlight-tools button.tool:nth-of-type(2)');
  const markdown = await popup.waitFor(downloaded, ['ru-dprk-lens-highlights.md']);
  expect(markdown.text).toContain(QUOTE);

  await popup.click('.highlight .danger');
  await popup.waitFor(() => document.querySelectorAll('.highlight').length === 0);
  await popup.evaluate(chooseFile, json.name, json.text);
  const notice = await popup.waitFor(() => document.querySelector('.notice')?.textContent?.match(/Imported .*/)?.[0]);
  expect(notice).toMatch(/^Imported 1 highlight;/);
  await popup.waitFor(() => document.querySelectorAll('.highlight').length === 1);
}

/** The options page: a kind of entity switched off reaches the open page, and back on. */
async function optionsStep(lens: LensBrowser, page: LensPage): Promise<LensPage> {
  const options = await lens.openExtensionPage('options.html');
  await options.waitForSelector('input[name="density"]');
  const clickLabel = (label: string) =>
    options.evaluate((text: string) => {
      const found = [...document.querySelectorAll('label')].find((l) => l.textContent!.trim() === text);
      found?.click();
      return found !== undefined;
    }, label);
  expect(await clickLabel('Places')).toBe(true);
  await page.waitFor(isMarked, ['Pyongyang', false]);
  expect(await clickLabel('Places')).toBe(true);
  await page.waitFor(isMarked, ['Pyongyang', true]);
  return options;
}

/** In the page: whether `text` is (or is not, as `expected` says) among the term marks. */
function isMarked(text: string, expected: boolean): boolean {
  const highlight = CSS.highlights.get('rdl-term');
  const texts = [...((highlight ?? []) as Iterable<AbstractRange>)].map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  });
  return texts.includes(text) === expected;
}

/** A corpus pack imported from the options page, searchable in the popup, then removed. */
async function packImportStep(options: LensPage, page: LensPage, popup: LensPage): Promise<void> {
  await options.evaluate(chooseFile, 'example-pack.json', readFileSync('data/packs/example-pack.json', 'utf8'));
  await options.waitFor(() => document.querySelector('.packs ~ [role="status"]')?.textContent?.startsWith('Installed'));
  await popup.click('#tab-search');
  await searchFor(popup, 'Rason');
  const results = await popup.waitFor(popupResults);
  expect(results.hits[0]).toMatchObject({ kind: 'entity', id: 'e-rason' });
  await options.evaluate(() => document.querySelector<HTMLButtonElement>('button[aria-label^="Remove"]')!.click());
  await options.waitFor(() => document.querySelectorAll('.packs li').length === 1);
  expect(page.errors()).toEqual([]);
}

// --- The built extension: policy, code and permissions --------------------------

interface Manifest {
  content_security_policy?: { extension_pages?: string };
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[]; all_frames?: boolean }[];
  commands?: Record<string, unknown>;
  web_accessible_resources?: { resources: string[] }[];
  background?: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { required?: string[] } } };
}

function builtFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((file) => statSync(file).isFile());
}

/**
 * References to eval or the Function constructor that the build may carry:
 * zod's two, its probe for whether eval is allowed (`allowsEval`) and its JIT
 * compiler (`Doc.compile`). lib/zod.ts configures zod `jitless`, so neither
 * runs; and the content security policy would refuse both if they did.
 */
const ALLOWED_EVAL = [/try\{const [\w$]+=Function;return new [\w$]+\(""\)/, /compile\(\)\{const [\w$]+=Function,/];

/**
 * Every absolute URL written in the built code (a template's variables as
 * `${…}`), and why it is there; none is fetched or loaded. The corpus's own source URLs (links a reader may
 * follow) are allowed too, read from data/corpus/.
 */
const KNOWN_URLS: Record<string, string> = {
  'http://www.w3.org/2000/svg': 'XML namespace (Preact creates SVG and MathML elements by namespace)',
  'http://www.w3.org/1998/Math/MathML': 'XML namespace (Preact)',
  'http://www.w3.org/1999/xhtml': 'XML namespace (Preact)',
  'http://www.w3.org/ns/anno.jsonld': 'the W3C Web Annotation JSON-LD context id, written into exports, never fetched',
  'https://www.w3.org/ns/anno.jsonld': 'the same context id, as https, accepted on import',
  'http://www.w3.org/ns/oa.jsonld': 'Open Annotation context id, accepted on import',
  'http://www.w3.org/ns/oa-context-20130208.json': 'Open Annotation context id, accepted on import',
  'https://hypothes.is/a/${…}': "an imported Hypothesis annotation's id, kept as its identifier",
  'https://json-schema.org/draft/2020-12/schema': "JSON Schema dialect id in zod's toJSONSchema, unused",
  'http://json-schema.org/draft-07/schema#': 'JSON Schema dialect id (zod)',
  'http://json-schema.org/draft-04/schema#': 'JSON Schema dialect id (zod)',
  'http://[${…}]': "zod's URL check of an IPv6 host: a template, not a request",
  'https://${…}':
    'lib/settings.ts siteOf(): a site name the reader typed, parsed as a URL for its host name, never requested',
  'http://bit.ly/2kdckMn': "a link in the text of one of Dexie's error messages",
  'https://tinyurl.com/y2uuvskb': "a link in the text of one of Dexie's error messages",
};

/** The manifest's asks, one line each, in the words the README's permissions table uses. */
function asks(manifest: Manifest): string[] {
  return [
    ...(manifest.permissions ?? []).map((p) => `permissions: ${p}`),
    ...(manifest.host_permissions ?? []).map((p) => `host_permissions: ${p}`),
    ...(manifest.optional_permissions ?? []).map((p) => `optional_permissions: ${p}`),
    ...(manifest.optional_host_permissions ?? []).map((p) => `optional_host_permissions: ${p}`),
    ...(manifest.content_scripts ?? []).map(
      (c) => `content_scripts: ${c.matches.join(', ')}, ${c.all_frames === true ? 'all frames' : 'top frame'}`,
    ),
    ...(manifest.commands ? ['commands'] : []),
    ...(manifest.web_accessible_resources ?? []).map((w) => `web_accessible_resources: ${w.resources.join(', ')}`),
  ].sort();
}

describe.each(BROWSER_NAMES)('the %s build', (browserName) => {
  const dir = extensionDir(browserName);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const code = builtFiles(dir).filter((file) => /\.(m?js|html)$/.test(file));

  test('extension pages have a strict content security policy: own files only, no eval', () => {
    const policy = manifest.content_security_policy?.extension_pages ?? '';
    const directives = new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter(([name]) => name)
        .map(([name, ...sources]) => [name!, sources]),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    // Nothing anywhere but the extension itself or nothing: no host, scheme, 'unsafe-…' or 'wasm-unsafe-eval'.
    for (const [name, sources] of directives) {
      for (const source of sources) expect([`${name} 'self'`, `${name} 'none'`]).toContain(`${name} ${source}`);
    }
  });

  test('no eval or Function constructor in the built code, but zod’s two that never run', () => {
    const found: string[] = [];
    for (const file of code) {
      const text = readFileSync(file, 'utf8');
      // eval or Function as a value or call, not a property (x.eval) nor a longer name (evaluate, AsyncFunction),
      // nor Function's own properties (Function.prototype).
      for (const match of text.matchAll(/(?<![\w$.])(eval|Function)(?![\w$])(?!\s*\.)/g)) {
        const context = text.slice(Math.max(0, match.index - 40), match.index + 40);
        if (!ALLOWED_EVAL.some((allowed) => allowed.test(context))) found.push(`${file}: …${context}…`);
      }
      // A timer given a string is eval too.
      for (const match of text.matchAll(/(?<![\w$.])set(?:Timeout|Interval)\(\s*["'`]/g)) {
        found.push(`${file}: …${text.slice(match.index, match.index + 60)}…`);
      }
    }
    expect(found).toEqual([]);
  });

  test('no remote code: scripts come from the extension’s own files, and no URL in the code is loaded', () => {
    const corpus = readdirSync('data/corpus')
      .map((name) => readFileSync(join('data/corpus', name), 'utf8'))
      .join('\n');
    const problems: string[] = [];
    for (const file of code) {
      const text = readFileSync(file, 'utf8');
      // Script loading: only import() of the extension's own files (runtime.getURL, or a chunk beside this
      // one that the package holds, as the bundler writes a lazily loaded module), no workers, no importScripts.
      for (const match of text.matchAll(/(?<![\w$.])(import|importScripts|Worker|SharedWorker)\s*\(([^)]{0,40})/g)) {
        // (The API as a value, or as read when first used: build/extension-api.ts.)
        const argument = text.slice(
          match.index + match[0].length - match[2]!.length,
          match.index + match[0].length + 40,
        );
        if (match[1] === 'import' && /^[\w$]+(?:\(\))?\.runtime\.getURL\(/.test(argument)) continue;
        const sibling = /^["'](\.\/[\w.-]+\.js)["']$/.exec(match[2]!)?.[1];
        if (match[1] === 'import' && sibling && existsSync(join(dirname(file), sibling))) continue;
        problems.push(`${file}: ${match[0]}`);
      }
      // In HTML: script and stylesheet paths inside the extension.
      for (const match of text.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]*)"/g)) {
        if (!/^\.?\/(?!\/)/.test(match[1]!)) problems.push(`${file}: ${match[0]}`);
      }
      for (const match of text.matchAll(/\b(?:https?|wss?):\/\/[^\s"'`)\\<>]*/g)) {
        // A template's variable has whatever name the minifier gave it.
        const url = match[0].replace(/\$\{[^}]*\}/g, '${…}');
        if (!(url in KNOWN_URLS) && !corpus.includes(url)) problems.push(`${file}: ${url}`);
      }
    }
    expect(problems).toEqual([]);
    // The manifest's scripts are the extension's own files too.
    const scripts = [
      ...(manifest.background?.scripts ?? []),
      ...(manifest.background?.service_worker ? [manifest.background.service_worker] : []),
      ...(manifest.content_scripts ?? []).flatMap((c) => c.js ?? []),
    ];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(statSync(join(dir, script)).isFile()).toBe(true);
  });

  test("the scripting permission styles marks and starts Lens in frames with text: the built code injects only Lens's frame scripts, registers none", () => {
    const uses: string[] = [];
    for (const file of code) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(
        /\.(executeScript|registerContentScripts|updateContentScripts|insertCSS|removeCSS)\b/g,
      ))
        uses.push(`${relative(dir, file)}: ${match[1]}`);
    }
    // The background adds a mark style's rule to the frame that asks, and takes it away (lib/mark-styles.ts); it
    // reads a tab's frames and starts Lens in those with text (lib/service/frames.ts).
    expect(uses).toEqual(['background.js: executeScript', 'background.js: insertCSS', 'background.js: removeCSS']);
    // The files it injects: the frames' script, and the two readings of whether a frame has text (lib/dom/frame-gate.ts),
    // each named in the array or by a constant the minifier named.
    const background = readFileSync(join(dir, 'background.js'), 'utf8');
    const injected = [...background.matchAll(/files:\s*\[([^\]]*)\]/g)]
      .flatMap(([, items]) => items!.split(','))
      .map((item) => {
        const name = item.trim();
        return /^["']/.test(name)
          ? name.slice(1, -1)
          : new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(background)?.[1];
      });
    expect(injected.sort()).toEqual(['/content-scripts/lens-frames.js', '/frame-text-wait.js', '/frame-text.js']);
    for (const file of injected) expect(statSync(join(dir, file!)).isFile()).toBe(true);
  });

  test('the manifest asks for exactly what the README explains, each with a reason', () => {
    const explained = readmePermissions();
    expect(explained.map((row) => row.ask).sort()).toEqual(asks(manifest));
    for (const row of explained) expect(row.why.length, row.ask).toBeGreaterThan(20);
    if (browserName === 'firefox') {
      expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    }
  });
});
