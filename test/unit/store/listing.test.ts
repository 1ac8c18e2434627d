/**
 * The store listing (store/) says what the README says: the same permissions,
 * each justified, and the same privacy facts — no request of Lens's own, no
 * data collected, no remote code. Checked as facts, not wording, so either
 * text can be rewritten as long as it keeps saying them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readmePermissions, readmePrivacySection } from '../../readme';
import { listingDescription, readListing, readPrivacyAnswers, CHROME_SUMMARY_MAX } from '../../../store/listing';

const listing = readListing('en');
const privacy = readPrivacyAnswers();
const readme = readmePrivacySection();

test("the privacy answers justify exactly the README's permissions table", () => {
  expect(Object.keys(privacy.permissions).sort()).toEqual(
    readmePermissions()
      .map((row) => row.ask)
      .sort(),
  );
  for (const [ask, why] of Object.entries(privacy.permissions)) expect(why.length, ask).toBeGreaterThan(30);
});

describe('the privacy facts are stated alike in the README, the answers and the description', () => {
  test('no network request of its own, nothing collected or sent', () => {
    expect(readme).toMatch(/makes no network request of its own/);
    expect(readme).toMatch(/nothing a reader reads, types\s+or saves leaves the browser/);
    expect(privacy.dataCollected).toEqual([]);
    expect(privacy.dataCollectedExplanation).toMatch(/makes no network request of its own/);
    expect(listingDescription(listing)).toMatch(
      /makes no network request of its own, collects no data, and sends nothing anywhere/,
    );
  });

  test('Firefox declares no data collection', () => {
    expect(readme).toMatch(/`data_collection_permissions` declares that no data\s+is collected/);
    expect(privacy.dataCollectedExplanation).toMatch(/data_collection_permissions declares "none"/);
  });

  test('no remote code, no eval', () => {
    expect(readme).toMatch(/No remote code, no eval/);
    expect(privacy.remoteCode).toBe(false);
    expect(privacy.remoteCodeExplanation).toMatch(/only the extension's own files and no eval/);
  });

  test("what the description says the extension does is what it asks for: the shortcuts are the manifest's", () => {
    const config = readFileSync('wxt.config.ts', 'utf8');
    for (const key of ['Alt+Shift+L', 'Alt+Shift+H']) {
      expect(config).toContain(`default: '${key}'`);
      expect(listingDescription(listing) + Object.values(privacy.permissions).join(' ')).toContain(key);
    }
  });
});

test('the listing fits the stores: a summary Chrome accepts, a description under 16,000 characters', () => {
  expect(listing.summary.length).toBeLessThanOrEqual(CHROME_SUMMARY_MAX);
  expect(listingDescription(listing).length).toBeLessThan(16_000);
  expect(listing.name).toBe('RU–DPRK Lens');
});
