import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium, launchPlainChromium } from './chromium';
import { launchFirefox } from './firefox';
import { writeMeasures } from './measures';
import type { BrowserName, LaunchOptions, LensBrowser, NetworkWatch } from './types';

export type { BrowserName, BrowserRequest, LensBrowser, LensPage, NetworkWatch, Viewport } from './types';

/** The size a browser gives the popup (its body's 400×560): the popup tests open it in a window this size. */
export const POPUP_VIEWPORT = { width: 400, height: 560 } as const;
import { startPageServer, type PageServer } from './server';

export { startPageServer, type PageServer };

/** Both, always, in CI; RDL_BROWSERS=chromium (or firefox) narrows a local run. */
export const BROWSER_NAMES: BrowserName[] = (process.env.RDL_BROWSERS?.split(',') ?? ['chromium', 'firefox']).filter(
  (name): name is BrowserName => name === 'chromium' || name === 'firefox',
);

/** The builds made by `npm run build` (and, for updates, by the e2e global setup). */
export type Build = 'current' | 'update' | 'none';

/** Where a build of the extension is; '' for a browser without it. */
export function extensionDir(browser: BrowserName, build: Build = 'current'): string {
  if (build === 'none') return '';
  const out = build === 'current' ? '.output' : '.e2e-output/update';
  return resolve(out, browser === 'chromium' ? 'chrome-mv3' : 'firefox-mv3');
}

/** How the extension is installed, Firefox prefs, and a network watch (see LaunchOptions). */
export type InstallOptions = Pick<LaunchOptions, 'permanent' | 'allowPrivate' | 'prefs' | 'watch' | 'locale'>;

/**
 * Launches a browser with the extension in a fresh profile; `close()` removes
 * the profile. With `watch`, off-machine requests go to a recording proxy
 * rather than being stopped, and the browser logs every request it makes.
 */
export async function launch(
  browser: BrowserName,
  build: Build = 'current',
  install: InstallOptions = {},
): Promise<LensBrowser> {
  const profileDir = mkdtempSync(join(tmpdir(), `rdl-${browser}-`));
  const options = { ...install, extensionDir: extensionDir(browser, build), profileDir };
  const lens = browser === 'chromium' ? await launchChromium(options) : await launchFirefox(options);
  if (build !== 'none') await writeMeasures(lens);
  return {
    ...lens,
    async close() {
      await lens.close();
      rmSync(profileDir, { recursive: true, force: true });
      rmSync(`${profileDir}-extension`, { recursive: true, force: true });
    },
  };
}

/** The same browser without the extension, for comparisons. */
export async function launchPlain(browser: BrowserName): Promise<LensBrowser> {
  if (browser === 'chromium') return launchPlainChromium();
  return launch('firefox', 'none');
}

/**
 * Where a screenshot goes: docs/screenshots/ (the README's pictures) when
 * RDL_UPDATE_SCREENSHOTS=1, otherwise .e2e-output/screenshots/, so that a test
 * run leaves the work tree clean.
 */
export function screenshotPath(name: string): string {
  const dir = process.env.RDL_UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : '.e2e-output/screenshots';
  return resolve(dir, name);
}

/** The test pages served for the test file that calls this (started before its tests, stopped after). */
export function usePageServer(): Pick<PageServer, 'url' | 'requests'> {
  let server: PageServer;
  beforeAll(async () => {
    server = await startPageServer();
  });
  afterAll(() => server.close());
  return { url: (path) => server.url(path), requests: () => server.requests() };
}
