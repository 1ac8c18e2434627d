/**
 * Chromium driver: Debian's /usr/bin/chromium through playwright-core, with the
 * built extension loaded unpacked into a persistent profile.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { LaunchOptions, LensBrowser, LensPage } from './types';

export const CHROMIUM_PATH = process.env.RDL_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the (closed) network and quiet in CI. */
export const CHROMIUM_FLAGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-domain-reliability',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
  '--no-sandbox',
  '--disable-gpu',
];

function call(fn: Function, args: unknown[]): string {
  return `(${fn.toString()})(...${JSON.stringify(args)})`;
}

export function wrapPlaywrightPage(page: Page): LensPage {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return {
    // Functions travel as source text (DevTools evaluation is not subject to the page's CSP).
    evaluate: (fn, ...args) => page.evaluate(call(fn, args)),
    async waitFor(fn, args, timeoutMs = 10_000) {
      const handle = await page.waitForFunction(call(fn, args ?? []), undefined, { timeout: timeoutMs });
      const value = (await handle.jsonValue()) as never;
      await handle.dispose();
      return value;
    },
    waitForSelector: (selector, timeoutMs = 10_000) =>
      page.waitForSelector(selector, { timeout: timeoutMs, state: 'attached' }).then(() => undefined),
    click: (selector) => page.click(selector),
    type: (selector, text) => page.locator(selector).pressSequentially(text),
    press: (key) => page.keyboard.press(key),
    mouseMove: (x, y) => page.mouse.move(x, y),
    mouseClick: (x, y) => page.mouse.click(x, y),
    textContent: async (selector) => (await page.textContent(selector)) ?? '',
    screenshot: (path) => page.screenshot({ path }).then(() => undefined),
    reload: () => page.reload({ waitUntil: 'load' }).then(() => undefined),
    goto: (url) => page.goto(url, { waitUntil: 'load' }).then(() => undefined),
    errors: () => [...errors],
    close: () => page.close(),
  };
}

/** Chromium with no extension at all (for comparisons); extension pages cannot be opened in it. */
export async function launchPlainChromium(): Promise<LensBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return {
    name: 'chromium',
    async openPage(url) {
      const page = await context.newPage();
      const wrapped = wrapPlaywrightPage(page);
      await page.goto(url, { waitUntil: 'load' });
      return wrapped;
    },
    openExtensionPage: () => Promise.reject(new Error('This browser has no extension')),
    installUpdate: () => Promise.reject(new Error('This browser has no extension')),
    close: () => browser.close(),
  };
}

export async function launchChromium(options: LaunchOptions): Promise<LensBrowser> {
  // Chromium keys an unpacked extension's id on its path: an update is copied
  // over this one directory so that the id, and so the IndexedDB, stay the same.
  const extensionDir = `${options.profileDir}-extension`;
  rmSync(extensionDir, { recursive: true, force: true });
  cpSync(options.extensionDir, extensionDir, { recursive: true });

  const start = () =>
    chromium.launchPersistentContext(options.profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
      viewport: { width: 1280, height: 900 },
    });
  let context: BrowserContext = await start();
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;

  return {
    name: 'chromium',
    async openPage(url) {
      const page = await context.newPage();
      const wrapped = wrapPlaywrightPage(page);
      await page.goto(url, { waitUntil: 'load' });
      return wrapped;
    },
    async openExtensionPage(path) {
      const page = await context.newPage();
      const wrapped = wrapPlaywrightPage(page);
      await page.goto(`chrome-extension://${extensionId}/${path}`, { waitUntil: 'load' });
      return wrapped;
    },
    async installUpdate(dir) {
      // New files at the same place and a browser restart, as an update
      // applied at the next start is. Chromium would keep running the old
      // service worker from the profile's script cache (an unpacked extension
      // is never "updated"), so that cache goes; IndexedDB stays.
      await context.close();
      rmSync(join(options.profileDir, 'Default', 'Service Worker'), { recursive: true, force: true });
      rmSync(extensionDir, { recursive: true, force: true });
      cpSync(dir, extensionDir, { recursive: true });
      context = await start();
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
      if (new URL(worker.url()).host !== extensionId) throw new Error('The update changed the extension id');
    },
    close: () => context.close(),
  };
}
