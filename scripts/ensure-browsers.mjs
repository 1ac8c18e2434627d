#!/usr/bin/env node
/**
 * Makes sure the browsers the end-to-end suite drives are installed: Debian's
 * chromium and firefox-esr. Installs them with apt-get where it can (root on
 * Debian), otherwise stops at once naming the package to install. No test tool
 * ever downloads a browser of its own.
 *
 *   node scripts/ensure-browsers.mjs [chromium] [firefox]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BROWSERS = {
  chromium: { path: process.env.RDL_CHROMIUM ?? '/usr/bin/chromium', pkg: 'chromium' },
  firefox: { path: process.env.RDL_FIREFOX ?? '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
};

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BROWSERS);
const missing = wanted.map((name) => BROWSERS[name]).filter((b) => b && !existsSync(b.path));
if (missing.length === 0) process.exit(0);

const packages = missing.map((b) => b.pkg);
const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (!canApt) {
  console.error(`Missing browser(s) for the end-to-end tests: ${missing.map((b) => b.path).join(', ')}.`);
  console.error(`Install the Debian package(s): sudo apt-get install ${packages.join(' ')}`);
  process.exit(1);
}
console.log(`Installing ${packages.join(' ')} with apt-get …`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
} catch {
  console.error(`apt-get could not install ${packages.join(' ')}; install it by hand and run the tests again.`);
  process.exit(1);
}
const still = missing.filter((b) => !existsSync(b.path));
if (still.length) {
  console.error(`Still missing after apt-get: ${still.map((b) => b.path).join(', ')}`);
  process.exit(1);
}
