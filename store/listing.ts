/**
 * The store listing: its text (store/<lang>/listing.json, one file per
 * language so that it can be translated as a whole), the answers to the
 * stores' privacy questions (store/privacy.json), and the screenshots the
 * end-to-end suite takes (docs/store/). `npm run zip` writes them, checked,
 * to .output/store/ beside the packages (writeStoreListing).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Chrome Web Store's limit on the manifest description and summary. */
export const CHROME_SUMMARY_MAX = 132;
/** What both stores take as a screenshot (Chrome: 1280×800 or 640×400). */
export const SCREENSHOT_SIZE = { width: 1280, height: 800 } as const;
/** Where the end-to-end suite writes the listing's screenshots (RDL_UPDATE_SCREENSHOTS=1). */
export const SCREENSHOTS_DIR = 'docs/store';

export interface Listing {
  name: string;
  /** Chrome's summary, Firefox's summary */
  summary: string;
  /** paragraphs; a paragraph may hold lines ("• …") */
  description: string[];
}

export interface PrivacyAnswers {
  singlePurpose: string;
  /** each manifest ask, in the README permissions table's words, with its justification */
  permissions: Record<string, string>;
  remoteCode: boolean;
  remoteCodeExplanation: string;
  dataCollected: string[];
  dataCollectedExplanation: string;
  certifications: Record<string, boolean>;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

function fail(path: string, problem: string): never {
  throw new Error(`${path}: ${problem}`);
}

export function readListing(lang: string, root = '.'): Listing {
  const path = join(root, 'store', lang, 'listing.json');
  const data = readJson(path) as Partial<Listing>;
  if (typeof data.name !== 'string' || !data.name) fail(path, 'no "name"');
  if (typeof data.summary !== 'string' || !data.summary) fail(path, 'no "summary"');
  if (data.summary.length > CHROME_SUMMARY_MAX) {
    fail(path, `"summary" is ${data.summary.length} characters; the Chrome Web Store takes ${CHROME_SUMMARY_MAX}`);
  }
  if (!Array.isArray(data.description) || !data.description.every((p) => typeof p === 'string' && p !== '')) {
    fail(path, '"description" must be a list of paragraphs');
  }
  return data as Listing;
}

export function readPrivacyAnswers(root = '.'): PrivacyAnswers {
  const path = join(root, 'store', 'privacy.json');
  const data = readJson(path) as Partial<PrivacyAnswers>;
  for (const key of ['singlePurpose', 'remoteCodeExplanation', 'dataCollectedExplanation'] as const) {
    if (typeof data[key] !== 'string' || !data[key]) fail(path, `no "${key}"`);
  }
  if (typeof data.remoteCode !== 'boolean') fail(path, '"remoteCode" must be true or false');
  if (!Array.isArray(data.dataCollected)) fail(path, '"dataCollected" must be a list');
  if (typeof data.permissions !== 'object' || data.permissions === null) fail(path, 'no "permissions"');
  return data as PrivacyAnswers;
}

/** The long description as the stores' plain-text field takes it. */
export function listingDescription(listing: Listing): string {
  return listing.description.join('\n\n');
}

/** A PNG's width and height, from its IHDR chunk (PNG spec 11.2.2). */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.toString('latin1', 1, 4) !== 'PNG' || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The privacy answers as a page to copy into the stores' forms. */
function privacyPage(answers: PrivacyAnswers): string {
  return [
    '# Privacy answers',
    '',
    `**Single purpose.** ${answers.singlePurpose}`,
    '',
    '**Permission justifications.**',
    '',
    ...Object.entries(answers.permissions).map(([ask, why]) => `- \`${ask}\`: ${why}`),
    '',
    `**Remote code.** ${answers.remoteCodeExplanation}`,
    '',
    `**Data collected.** ${answers.dataCollected.length ? answers.dataCollected.join(', ') : 'None.'} ${answers.dataCollectedExplanation}`,
    '',
    '**Certifications.**',
    '',
    ...Object.entries(answers.certifications).map(([what, yes]) => `- ${what}: ${yes ? 'yes' : 'no'}`),
    '',
  ].join('\n');
}

/**
 * Writes what a store listing needs into `outDir`: per language the summary
 * and description, the privacy answers, and the screenshots. Throws, writing
 * nothing, when a text breaks a store's limit or a screenshot is missing or
 * not 1280×800.
 */
export function writeStoreListing(outDir: string, root = '.', langs = ['en']): string[] {
  const listings = langs.map((lang) => [lang, readListing(lang, root)] as const);
  const answers = readPrivacyAnswers(root);
  const shotsDir = join(root, SCREENSHOTS_DIR);
  const shots = readdirSync(shotsDir)
    .filter((name) => name.endsWith('.png'))
    .sort();
  if (shots.length === 0)
    throw new Error(`${shotsDir} has no screenshots: run the end-to-end suite with RDL_UPDATE_SCREENSHOTS=1`);
  for (const name of shots) {
    const { width, height } = pngSize(readFileSync(join(shotsDir, name)));
    if (width !== SCREENSHOT_SIZE.width || height !== SCREENSHOT_SIZE.height) {
      throw new Error(`${join(shotsDir, name)} is ${width}×${height}, not 1280×800`);
    }
  }
  const written: string[] = [];
  const write = (path: string, text: string) => {
    mkdirSync(join(outDir, path, '..'), { recursive: true });
    writeFileSync(join(outDir, path), text);
    written.push(path);
  };
  for (const [lang, listing] of listings) {
    write(join(lang, 'name.txt'), `${listing.name}\n`);
    write(join(lang, 'summary.txt'), `${listing.summary}\n`);
    write(join(lang, 'description.txt'), `${listingDescription(listing)}\n`);
  }
  write('privacy.md', privacyPage(answers));
  mkdirSync(join(outDir, 'screenshots'), { recursive: true });
  for (const name of shots) {
    copyFileSync(join(shotsDir, name), join(outDir, 'screenshots', name));
    written.push(join('screenshots', name));
  }
  return written;
}
