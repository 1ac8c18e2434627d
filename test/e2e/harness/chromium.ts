/**
 * Chromium driver: Debian's /usr/bin/chromium through playwright-core, with the
 * built extension loaded unpacked into a persistent profile.
 */
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { isLocalUrl } from './server';
import type { BrowserRequest, LaunchOptions, LensBrowser, LensPage, NetworkWatch, UiFunction } from './types';

export const CHROMIUM_PATH = process.env.RDL_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep Chromium's own services off the network and quiet in CI. */
const QUIET_FLAGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-domain-reliability',
  // One list: a second --disable-features replaces playwright's own, so the
  // services it turns off for being network calls are named again here.
  '--disable-features=' +
    [
      'Translate',
      'OptimizationHints',
      'OptimizationGuideModelDownloading',
      'MediaRouter',
      'NetworkTimeServiceQuerying',
      'AutofillServerCommunication',
      'PreconnectToSearch',
      'AimEnabled',
    ].join(','),
  '--no-sandbox',
  '--disable-gpu',
];

/**
 * The flags every test browser runs with. Requests to anywhere but loopback
 * go to a proxy port where nothing listens, so the real news pages'
 * third-party resources fail at once instead of waiting on DNS.
 */
export const CHROMIUM_FLAGS = [...QUIET_FLAGS, '--proxy-server=http://127.0.0.1:9'];

/**
 * Watching the network (the privacy test): everything that would leave the
 * machine goes to the recording proxy — Chromium sends loopback direct, never
 * through a proxy — and WebRTC may not send UDP around it. The network
 * service logs every request it makes, from whichever context, to a NetLog
 * file (read by readNetLog).
 */
function watchFlags(watch: NetworkWatch, netLogPath: string): string[] {
  return [
    ...QUIET_FLAGS,
    `--proxy-server=http://127.0.0.1:${watch.proxyPort}`,
    '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
    `--log-net-log=${netLogPath}`,
    '--net-log-capture-mode=Default',
  ];
}

interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: { type: number; params?: { url?: string; initiator?: string } }[];
}

/**
 * The requests in a NetLog file that Chromium finished writing (at exit): one
 * per URL_REQUEST_START_JOB, the event every request the network service
 * starts (and every redirect it follows) logs with its URL and initiator.
 */
export function readNetLog(path: string): BrowserRequest[] {
  const log = JSON.parse(readFileSync(path, 'utf8')) as NetLog;
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  if (startJob === undefined) throw new Error(`${path} names no URL_REQUEST_START_JOB event: is it a NetLog?`);
  return log.events.flatMap((event) =>
    event.type === startJob && event.params?.url
      ? [
          {
            url: event.params.url,
            // Chromium's own requests have no origin: "not an origin".
            initiator:
              !event.params.initiator || event.params.initiator === 'not an origin'
                ? 'browser'
                : event.params.initiator,
          },
        ]
      : [],
  );
}

function call(fn: Function, args: unknown[]): string {
  return `(${fn.toString()})(...${JSON.stringify(args)})`;
}

/**
 * Requests that would leave this machine fail at once (see isLocalUrl). A
 * navigation away gets a 204, on which a browser stays where it is: a real
 * news page that redirects itself to its publisher stays the page under test.
 */
export async function stayLocal(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => !isLocalUrl(url.href),
    (route) =>
      route.request().isNavigationRequest() ? route.fulfill({ status: 204 }) : route.abort('blockedbyclient'),
  );
}

/**
 * Opens `url` and waits until its document is parsed. Not `goto`'s own
 * waiting: that would also wait on a navigation the page starts by itself (a
 * real news page redirecting to its publisher, which stayLocal stops).
 */
async function gotoPage(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'commit' });
  // Polled on a timer, not on animation frames: a page that navigates itself away in its <head> (The
  // Mirror's) stops parsing with no <body>, and Chromium then never renders it, so no frame ever comes.
  await page.waitForFunction(() => document.readyState !== 'loading', undefined, { polling: 50 });
}

/** A new tab on `url`, wrapped (its errors are collected from the start). */
async function openIn(context: BrowserContext, url: string): Promise<LensPage> {
  const page = await context.newPage();
  const wrapped = wrapPlaywrightPage(page);
  await gotoPage(page, url);
  return wrapped;
}

/**
 * Runs `fn` with Lens's closed shadow root: DevTools' DOM domain sees closed
 * roots (describeNode with pierce), resolves one to an object in the page's
 * main world, and calls the function on it. No page script can do this.
 */
/** Which of Lens's hosts: the UI (card, panel, tools) or the saved highlights' layer, by its shadow root's content. */
export type UiLayer = 'rdl-card-layer' | 'rdl-saved-layer';

type DomNode = {
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { backendNodeId: number })[];
};

/** The shadow root of the `<rdl-ui>` among `hosts` whose root holds a `layer` element. */
function pickRoot(hosts: DomNode[], layer: UiLayer) {
  return hosts
    .map((host) => host.shadowRoots?.[0])
    .find((shadow) =>
      shadow?.children?.some((child) => {
        const attributes = child.attributes ?? [];
        const at = attributes.indexOf('class');
        return at !== -1 && attributes[at + 1]?.split(' ').includes(layer);
      }),
    );
}

async function evaluateUi(
  cdp: CDPSession,
  page: Page,
  fn: UiFunction<unknown[], unknown>,
  args: unknown[],
  layer: UiLayer,
  frame?: string,
) {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  let shadow: { backendNodeId: number } | undefined;
  if (frame) {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: frame });
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 5, pierce: true });
    const html = (node as DomNode & { contentDocument?: DomNode }).contentDocument?.children?.find(
      (child) => child.nodeName === 'HTML',
    );
    shadow = pickRoot(html?.children?.filter((child) => child.nodeName === 'RDL-UI') ?? [], layer);
    if (!shadow) return null;
  } else {
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: ':root > rdl-ui' });
    const hosts = await Promise.all(
      nodeIds.map(async (nodeId) => (await cdp.send('DOM.describeNode', { nodeId, depth: 2, pierce: true })).node),
    );
    shadow = pickRoot(hosts as DomNode[], layer);
  }
  if (!shadow) return page.evaluate(call(fn, [null, ...args]));
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
  try {
    const reply = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `function (...args) { return (${fn.toString()})(this, ...args); }`,
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
      awaitPromise: true,
    });
    return valueOf(reply, 'evaluateUi');
  } finally {
    await cdp.send('Runtime.releaseObject', { objectId: object.objectId! }).catch(() => undefined);
  }
}

/** The value of a DevTools evaluation, or its exception as an error. */
function valueOf(
  reply: { result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } },
  what: string,
): unknown {
  const failed = reply.exceptionDetails;
  if (failed) throw new Error(`${what}: ${failed.exception?.description ?? failed.text}`);
  return reply.result.value;
}

/** Polls `read` until it returns a truthy value; a navigation in between counts as "not yet". */
async function poll<R>(read: () => Promise<R>, name: string, timeoutMs: number): Promise<NonNullable<R>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch((error: Error) => {
      if (
        /Execution context was destroyed|navigation|Cannot find context|Could not find node|No node/i.test(
          error.message,
        )
      )
        return null;
      throw error;
    });
    if (value) return value as NonNullable<R>;
    if (Date.now() > deadline) throw new Error(`waitFor(${name || 'function'}) timed out after ${timeoutMs} ms`);
    await new Promise((next) => setTimeout(next, 50));
  }
}

/** A page of `context` that was not open when this was called, once its URL matches. */
function nextPage(context: BrowserContext, url: RegExp, timeoutMs = 10_000): Promise<LensPage> {
  const before = new Set(context.pages());
  const deadline = Date.now() + timeoutMs;
  return new Promise((done, fail) => {
    const poll = () => {
      const page = context.pages().find((p) => !before.has(p) && url.test(p.url()));
      if (page) return done(wrapPlaywrightPage(page));
      if (Date.now() > deadline) return fail(new Error(`No new page at ${url} within ${timeoutMs} ms`));
      setTimeout(poll, 50);
    };
    poll();
  });
}

export function wrapPlaywrightPage(page: Page): LensPage {
  const errors: string[] = [];
  let cdp: Promise<CDPSession> | null = null;
  const ui = (fn: UiFunction<unknown[], unknown>, args: unknown[], frame?: string, layer: UiLayer = 'rdl-card-layer') =>
    (cdp ??= page.context().newCDPSession(page)).then((session) => evaluateUi(session, page, fn, args, layer, frame));
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return {
    // Functions travel as source text (DevTools evaluation is not subject to the page's CSP).
    evaluate: (fn, ...args) => page.evaluate(call(fn, args)),
    async evaluateIsolated(fn, ...args) {
      const cdp = await page.context().newCDPSession(page);
      try {
        const { frameTree } = await cdp.send('Page.getFrameTree');
        const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
          frameId: frameTree.frame.id,
          worldName: 'rdl-isolated',
        });
        const reply = await cdp.send('Runtime.evaluate', {
          expression: call(fn, args),
          contextId: executionContextId,
          returnByValue: true,
          awaitPromise: true,
        });
        return valueOf(reply, 'evaluateIsolated') as never;
      } finally {
        await cdp.detach();
      }
    },
    // Polled from here: waitForFunction would compile the source in the page,
    // which an extension page's CSP (no eval) refuses.
    waitFor: (fn, args, timeoutMs = 10_000) =>
      poll(() => page.evaluate(call(fn, args ?? [])), fn.name, timeoutMs) as never,
    evaluateUi: (fn, ...args) => ui(fn as UiFunction<unknown[], unknown>, args) as never,
    evaluateLayer: (fn, ...args) =>
      ui(fn as UiFunction<unknown[], unknown>, args, undefined, 'rdl-saved-layer') as never,
    waitForUi: (fn, args, timeoutMs = 10_000, frame) =>
      poll(() => ui(fn as UiFunction<unknown[], unknown>, args ?? [], frame), fn.name, timeoutMs) as never,
    waitForSelector: (selector, timeoutMs = 10_000) =>
      page.waitForSelector(selector, { timeout: timeoutMs, state: 'attached' }).then(() => undefined),
    click: (selector) => page.click(selector),
    type: (selector, text) => page.locator(selector).pressSequentially(text),
    press: (key) => page.keyboard.press(key),
    keyboardType: (text) => page.keyboard.type(text),
    mouseMove: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    mouseClick: (x, y) => page.mouse.click(x, y),
    wheel: (dx, dy) => page.mouse.wheel(dx, dy),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    textContent: async (selector) => (await page.textContent(selector)) ?? '',
    screenshot: (path, size) =>
      page.screenshot({ path, ...(size ? { clip: { x: 0, y: 0, ...size } } : {}) }).then(() => undefined),
    reload: () => page.reload({ waitUntil: 'domcontentloaded' }).then(() => undefined),
    goto: (url) => gotoPage(page, url),
    errors: () => [...errors],
    close: () => page.close(),
  };
}

/** Chromium with no extension at all (for comparisons); extension pages cannot be opened in it. */
export async function launchPlainChromium(): Promise<LensBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await stayLocal(context);
  return {
    name: 'chromium',
    openPage: (url) => openIn(context, url),
    openExtensionPage: () => Promise.reject(new Error('This browser has no extension')),
    installUpdate: () => Promise.reject(new Error('This browser has no extension')),
    nextPage: (url) => nextPage(context, url),
    restart: () => Promise.reject(new Error('This browser has no profile to keep')),
    openPrivatePage: () => Promise.reject(new Error(NO_INCOGNITO)),
    close: () => browser.close(),
    requestLog: () => {
      throw new Error('This browser was launched without a network watch');
    },
  };
}

const NO_INCOGNITO =
  'Chromium cannot open an incognito window here: an unpacked extension needs a persistent profile, and a persistent context has no incognito windows.';

/** The POSIX locale of a language, for LANG. */
const LOCALE_REGIONS: Record<NonNullable<LaunchOptions['locale']>, string> = { ru: 'ru_RU', ko: 'ko_KR' };

export async function launchChromium(options: LaunchOptions): Promise<LensBrowser> {
  // Chromium keys an unpacked extension's id on its path: an update is copied
  // over this one directory so that the id, and so the IndexedDB, stay the same.
  const extensionDir = `${options.profileDir}-extension`;
  rmSync(extensionDir, { recursive: true, force: true });
  cpSync(options.extensionDir, extensionDir, { recursive: true });
  const { watch } = options;
  const netLogPath = `${options.profileDir}-net-log.json`;
  let requests: BrowserRequest[] | null = null;

  const start = () =>
    chromium.launchPersistentContext(options.profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        ...(watch ? watchFlags(watch, netLogPath) : CHROMIUM_FLAGS),
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        ...(options.locale ? [`--lang=${options.locale}`] : []),
      ],
      viewport: { width: 1280, height: 900 },
      // On Linux, Chromium takes its UI language (chrome.i18n's) from the environment; --lang alone is not enough.
      ...(options.locale && {
        locale: options.locale,
        env: { ...process.env, LANGUAGE: options.locale, LANG: `${LOCALE_REGIONS[options.locale]}.UTF-8` },
      }),
    });
  // Watched, requests go to the recording proxy as they are, not stopped here first.
  const keepLocal = (context: BrowserContext) => (watch ? Promise.resolve() : stayLocal(context));
  let context: BrowserContext = await start();
  await keepLocal(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;

  return {
    name: 'chromium',
    openPage: (url) => openIn(context, url),
    async openExtensionPage(path, viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      const wrapped = wrapPlaywrightPage(page);
      await page.goto(`chrome-extension://${extensionId}/${path}`, { waitUntil: 'domcontentloaded' });
      return wrapped;
    },
    nextPage: (url) => nextPage(context, url),
    async installUpdate(dir) {
      // New files at the same place and a browser restart, as an update
      // applied at the next start is. Chromium would keep running the old
      // service worker from the profile's script cache (an unpacked extension
      // is never "updated"), so that cache goes; IndexedDB stays.
      if (watch) throw new Error('An update restarts Chromium, which would start a new NetLog: not watched');
      await context.close();
      rmSync(join(options.profileDir, 'Default', 'Service Worker'), { recursive: true, force: true });
      rmSync(extensionDir, { recursive: true, force: true });
      cpSync(dir, extensionDir, { recursive: true });
      context = await start();
      await keepLocal(context);
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
      if (new URL(worker.url()).host !== extensionId) throw new Error('The update changed the extension id');
    },
    async restart() {
      // The service worker is not waited for: after a restart Chromium starts
      // it on the first event (a content script's message), as for a reader.
      if (watch) throw new Error('A restart starts a new NetLog: not watched');
      await context.close();
      context = await start();
      await keepLocal(context);
    },
    openPrivatePage: () => Promise.reject(new Error(NO_INCOGNITO)),
    async close() {
      await context.close();
      if (watch && existsSync(netLogPath)) {
        requests = readNetLog(netLogPath);
        rmSync(netLogPath, { force: true });
      }
    },
    requestLog() {
      if (!watch) throw new Error('This browser was launched without a network watch');
      if (!requests) throw new Error('The request log is read when the browser has closed (and wrote its NetLog)');
      return requests;
    },
  };
}
