/**
 * Before the end-to-end suite: the current builds must exist (`npm test` runs
 * `npm run build` first), and a second, "updated" build is made whose corpus
 * differs (the example pack merged in), for the update tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { extensionDir } from './harness';

export default function setup() {
  for (const browser of ['chromium', 'firefox'] as const) {
    if (!existsSync(extensionDir(browser))) {
      throw new Error(`${extensionDir(browser)} is missing: run \`npm run build\` before the end-to-end tests.`);
    }
  }
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const [major, minor, patch] = version.split('.').map(Number);
  const env = {
    ...process.env,
    RDL_OUT_DIR: '.e2e-output/update',
    RDL_CORPUS_EXTRA: 'data/packs/example-pack.json',
    RDL_VERSION: `${major}.${minor}.${(patch ?? 0) + 1}`,
  };
  for (const args of [['build'], ['build', '-b', 'firefox']]) {
    execFileSync('npx', ['wxt', ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}
