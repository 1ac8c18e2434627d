/**
 * Release: `npm run zip` (which `npm test` runs instead of a bare build)
 * produces one store package per browser, named with the package's version,
 * holding exactly the built extension; and `web-ext lint` finds no error and
 * no warning but the three the README explains.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
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
        // The content script's import() of its own scripts by runtime.getURL.
        'UNSAFE_VAR_ASSIGNMENT content-scripts/lens.js: Unsafe call to import for argument 0',
      ].sort(),
    );
  });
});
