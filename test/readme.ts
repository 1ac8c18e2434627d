/**
 * The README's "Privacy and permissions" section, read by the tests that hold
 * the manifest (privacy.e2e.ts) and the store listing (store/listing.test.ts)
 * to what it says.
 */
import { readFileSync } from 'node:fs';

/** The section's text, from its heading to the next `## ` heading. */
export function readmePrivacySection(readme = readFileSync('README.md', 'utf8')): string {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Privacy and permissions'));
  if (!section) throw new Error('README.md has no "## Privacy and permissions" section');
  return section;
}

/** The section's permissions table: the code in each row's first cell, and its explanation. */
export function readmePermissions(readme?: string): { ask: string; why: string }[] {
  return readmePrivacySection(readme)
    .split('\n')
    .filter((line) => /^\| *`/.test(line))
    .map((line) => {
      const [first = '', why = ''] = line.split('|').slice(1);
      return { ask: /`([^`]+)`/.exec(first)![1]!, why: why.trim() };
    });
}
