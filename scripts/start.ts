/**
 * `npm start`: builds the Chrome extension, serves the demo article on
 * 127.0.0.1 and opens Chromium with the extension loaded on it. On a machine
 * with no display it says so, and writes a screenshot of the demo instead.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, CHROMIUM_FLAGS } from '../test/e2e/harness/chromium';
import { startPageServer } from '../test/e2e/harness/server';

execFileSync('node', ['scripts/ensure-browsers.mjs', 'chromium'], { stdio: 'inherit' });
execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });

const extension = resolve('.output/chrome-mv3');
const server = await startPageServer();
const demo = server.url('/demo/index.html');
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'rdl-demo-')), {
  executablePath: CHROMIUM_PATH,
  headless: !headed,
  args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  viewport: headed ? null : { width: 1100, height: 800 },
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(demo);

if (headed) {
  console.log(`RU–DPRK Lens is running in Chromium on ${demo}. Close the browser window to stop.`);
  await new Promise((done) => context.on('close', done));
} else {
  await page.waitForFunction(() => (CSS.highlights.get('rdl-term')?.size ?? 0) > 0, undefined, { timeout: 20_000 });
  const shot = resolve('.output/demo.png');
  await page.screenshot({ path: shot });
  console.log(`No display here (DISPLAY is not set), so no browser window can open.`);
  console.log(`Built .output/chrome-mv3 and .output/firefox-mv3 can be loaded by hand (see README).`);
  console.log(`A screenshot of the demo page with the extension running: ${shot}`);
  await context.close();
}
await server.close();
