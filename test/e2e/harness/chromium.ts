/**
 * Chromium driver: Debian's /usr/bin/chromium through playwright-core, with the
 * built extension loaded unpacked into a persistent profile.
 */
import { cpSync, rmSync } from 'node:fs';
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

export async function launchChromium(options: LaunchOptions): Promise<LensBrowser> {
  // Chromium keys an unpacked extension's id on its path: updates are copied
  // over this one directory so that the id, and so the IndexedDB, stay the same.
  const extensionDir = `${options.profileDir}-extension`;
  rmSync(extensionDir, { recursive: true, force: true });
  cpSync(options.extensionDir, extensionDir, { recursive: true });

  let context: BrowserContext;
  let extensionId: string;

  async function start() {
    context = await chromium.launchPersistentContext(options.profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
      viewport: { width: 1280, height: 900 },
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    extensionId = new URL(worker.url()).host;
  }
  await start();

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
      await context.close();
      rmSync(extensionDir, { recursive: true, force: true });
      cpSync(dir, extensionDir, { recursive: true });
      const previousId = extensionId;
      await start();
      if (extensionId !== previousId) throw new Error(`The update changed the extension id: ${previousId} → ${extensionId}`);
    },
    close: () => context.close(),
  };
}
