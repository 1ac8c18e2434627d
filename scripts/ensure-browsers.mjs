#!/usr/bin/env node
/**
 * Makes sure the browsers the end-to-end suite drives are installed: Debian's
 * chromium and firefox-esr, with their Russian and Korean language packs (the
 * suite reads Lens in a browser set to each: test/e2e/locale.e2e.ts). Installs them with apt-get where it can (root on
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

/** A browser's language packs: without them it cannot be set to Russian or Korean (only for Debian's own browsers). */
const LANGUAGE_PACKS = {
  chromium: process.env.RDL_CHROMIUM
    ? []
    : ['ru', 'ko'].map((lang) => ({ path: `/usr/lib/chromium/locales/${lang}.pak`, pkg: 'chromium-l10n' })),
  firefox: process.env.RDL_FIREFOX
    ? []
    : ['ru', 'ko'].map((lang) => ({
        path: `/usr/lib/firefox-esr/browser/extensions/langpack-${lang}@firefox-esr.mozilla.org.xpi`,
        pkg: `firefox-esr-l10n-${lang}`,
      })),
};

/** A font with Hangul: without one, Korean (pages, and Lens's UI in Korean) is drawn as empty boxes in screenshots. */
const KOREAN_FONT = { path: '/usr/share/fonts/truetype/nanum/NanumGothic.ttf', pkg: 'fonts-nanum' };

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BROWSERS);
const needed = [
  ...wanted.flatMap((name) => (BROWSERS[name] ? [BROWSERS[name], ...LANGUAGE_PACKS[name]] : [])),
  KOREAN_FONT,
];
const missing = needed.filter((b) => !existsSync(b.path));
if (missing.length === 0) process.exit(0);

const packages = [...new Set(missing.map((b) => b.pkg))];
const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (!canApt) {
  console.error(
    `Missing browser(s) or language packs for the end-to-end tests: ${missing.map((b) => b.path).join(', ')}.`,
  );
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
