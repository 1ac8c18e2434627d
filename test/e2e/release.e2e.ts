/**
 * Release: `npm run zip` (which `npm test` runs instead of a bare build)
 * produces one store package per browser, named with the package's version,
 * holding exactly the built extension with its icons; the store listing; and
 * the Firefox sources archive, whose instructions rebuild the Firefox package
 * byte for byte. `web-ext lint` finds no error and no warning but the three
 * the README explains.
 */
import { execFileSync, execSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { renderIcons } from '../../build/icons';
import { listingDescription, pngSize as pngSizeOf, readListing, SCREENSHOT_SIZE } from '../../store/listing';
import { TOOLBAR_STATES, toolbarIcon } from '../../lib/toolbar-icon';
import { BROWSER_NAMES, extensionDir } from './harness';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/** The file names in a zip, from its central directory (APPNOTE.TXT 4.3.12, 4.3.16). */
function zipEntries(path: string): string[] {
  if (!existsSync(path)) throw new Error(`${path} is missing: \`npm run zip\` makes it (\`npm test\` runs it first)`);
  const zip = readFileSync(path);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end === -1) throw new Error(`${path} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: broken central directory`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names.filter((name) => !name.endsWith('/')).sort();
}

function filesUnder(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(dir, path));
    }
  };
  walk(dir);
  return files.sort();
}

describe.each(BROWSER_NAMES)('%s package', (browserName) => {
  test('the store zip holds exactly the built extension, with the package version in its manifest', () => {
    const zip = `.output/ru-dprk-lens-${version}-${browserName === 'chromium' ? 'chrome' : 'firefox'}.zip`;
    const built = filesUnder(extensionDir(browserName));
    expect(built).toContain('manifest.json');
    expect(zipEntries(zip)).toEqual(built);
    const manifest = JSON.parse(readFileSync(join(extensionDir(browserName), 'manifest.json'), 'utf8')) as {
      version: string;
    };
    expect(manifest.version).toBe(version);
  });
});

/** A PNG file's width and height. */
function pngSize(path: string): [number, number] {
  const { width, height } = pngSizeOf(readFileSync(path));
  return [width, height];
}

describe.each(BROWSER_NAMES)('%s icons', (browserName) => {
  const dir = extensionDir(browserName);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    icons: Record<string, string>;
    action: { default_icon: Record<string, string> };
  };

  test('the manifest names an icon at every size the stores and browsers ask for, each that size', () => {
    expect(Object.keys(manifest.icons).map(Number)).toEqual([16, 24, 32, 48, 96, 128]);
    expect(Object.keys(manifest.action.default_icon).map(Number)).toEqual([16, 24, 32]);
    for (const [size, path] of [...Object.entries(manifest.icons), ...Object.entries(manifest.action.default_icon)]) {
      expect(pngSize(join(dir, path)), path).toEqual([Number(size), Number(size)]);
    }
  });

  test('every toolbar state the background can set has its files, each its size', () => {
    for (const state of TOOLBAR_STATES) {
      for (const [size, path] of Object.entries(toolbarIcon(state))) {
        expect(pngSize(join(dir, path)), path).toEqual([Number(size), Number(size)]);
      }
    }
  });

  test('every icon in the build is assets/icon.svg rendered again, byte for byte', async () => {
    const rendered = await renderIcons();
    expect(filesUnder(join(dir, 'icon')).map((name) => `icon/${name}`)).toEqual(rendered.map((i) => i.path).sort());
    for (const icon of rendered) {
      expect(readFileSync(join(dir, icon.path)).equals(Buffer.from(icon.png)), icon.path).toBe(true);
    }
  });
});

test('npm run zip writes the store listing: summary, description, privacy answers and 1280×800 screenshots of both browsers', () => {
  const listing = readListing('en');
  expect(readFileSync('.output/store/en/summary.txt', 'utf8')).toBe(`${listing.summary}\n`);
  expect(readFileSync('.output/store/en/description.txt', 'utf8')).toBe(`${listingDescription(listing)}\n`);
  expect(readFileSync('.output/store/privacy.md', 'utf8')).toMatch(/Permission justifications/);
  const shots = filesUnder('.output/store/screenshots');
  for (const browserName of ['chromium', 'firefox']) {
    expect(shots.filter((name) => name.startsWith(`${browserName}-`)).length, browserName).toBeGreaterThanOrEqual(3);
  }
  for (const name of shots) {
    expect(pngSizeOf(readFileSync(join('.output/store/screenshots', name))), name).toEqual(SCREENSHOT_SIZE);
  }
});

describe('web-ext lint', () => {
  test('no errors, and no warnings but the three the README explains', () => {
    const report = JSON.parse(
      execFileSync(
        'npx',
        ['web-ext', 'lint', '--source-dir', extensionDir('firefox'), '--self-hosted', '--output', 'json'],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
      ),
    ) as { errors: unknown[]; notices: unknown[]; warnings: { code: string; file: string; message: string }[] };
    expect(report.errors).toEqual([]);
    expect(report.notices).toEqual([]);
    const warnings = report.warnings.map((w) => `${w.code} ${w.file.replace(/-[\w-]{8}\.js$/, '.js')}: ${w.message}`);
    expect(warnings.sort()).toEqual(
      [
        // Preact's support for dangerouslySetInnerHTML, which Lens never uses (see README).
        'UNSAFE_VAR_ASSIGNMENT chunks/base.js: Unsafe assignment to innerHTML',
        'UNSAFE_VAR_ASSIGNMENT lens-ui.js: Unsafe assignment to innerHTML',
        // The content scripts' and the frames' session's import() of their own scripts by runtime.getURL.
        'UNSAFE_VAR_ASSIGNMENT content-scripts/lens.js: Unsafe call to import for argument 0',
        'UNSAFE_VAR_ASSIGNMENT content-scripts/lens-frames.js: Unsafe call to import for argument 0',
        'UNSAFE_VAR_ASSIGNMENT lens-session.js: Unsafe call to import for argument 0',
      ].sort(),
    );
  });
});

describe('the Firefox sources archive', () => {
  const sourcesZip = `.output/ru-dprk-lens-${version}-sources.zip`;
  const firefoxZip = `.output/ru-dprk-lens-${version}-firefox.zip`;

  test('holds the build instructions and the sources, not the tests', () => {
    const names = zipEntries(sourcesZip);
    for (const name of [
      'SOURCE_CODE_REVIEW.md',
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'assets/icon.svg',
    ]) {
      expect(names).toContain(name);
    }
    expect(names.filter((name) => /^(test|node_modules|\.output|docs)\//.test(name))).toEqual([]);
  });

  /**
   * Unpacks the archive into an empty folder and runs SOURCE_CODE_REVIEW.md's
   * commands there, as a reviewer would. One difference, for time on a shared
   * machine: `npm ci` is replaced by a hard-linked copy of this checkout's
   * node_modules (installed by `npm ci` from the same package-lock.json) and
   * its postinstall step; RDL_REPRO_NPM_CI=1 runs the real `npm ci`.
   */
  test('rebuilds the Firefox package byte for byte by its SOURCE_CODE_REVIEW.md', async () => {
    mkdirSync('.e2e-output', { recursive: true });
    const dir = mkdtempSync(resolve('.e2e-output/sources-'));
    try {
      const archive = await JSZip.loadAsync(readFileSync(sourcesZip));
      for (const entry of Object.values(archive.files)) {
        if (entry.dir) continue;
        mkdirSync(dirname(join(dir, entry.name)), { recursive: true });
        writeFileSync(join(dir, entry.name), await entry.async('nodebuffer'));
      }
      const instructions = readFileSync(join(dir, 'SOURCE_CODE_REVIEW.md'), 'utf8');
      const block = /```sh\n([\s\S]*?)```/.exec(instructions)?.[1];
      if (!block) throw new Error('SOURCE_CODE_REVIEW.md has no sh block of commands');
      const commands = block.split('\n').filter((line) => line.trim() !== '');
      expect(commands[0]).toBe('npm ci');
      // A reviewer's shell: not this test run's (vitest sets NODE_ENV=test, which changes Vite's build; RDL_* the output).
      const env = Object.fromEntries(
        Object.entries(process.env).filter(([key]) =>
          ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SOURCE_DATE_EPOCH'].includes(key),
        ),
      );
      for (const command of commands) {
        if (command === 'npm ci' && process.env.RDL_REPRO_NPM_CI !== '1') {
          execFileSync('cp', ['-al', resolve('node_modules'), join(dir, 'node_modules')]);
          execSync('npm run postinstall', { cwd: dir, env, stdio: 'ignore' });
          continue;
        }
        execSync(command, { cwd: dir, env, stdio: 'ignore' });
      }
      const rebuilt = readFileSync(join(dir, firefoxZip));
      expect(rebuilt.length).toBe(readFileSync(firefoxZip).length);
      expect(rebuilt.equals(readFileSync(firefoxZip))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
