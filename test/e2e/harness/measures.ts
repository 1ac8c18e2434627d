import { sendFromExtensionPage } from '../page-helpers';
import type { LensBrowser } from './types';

/**
 * Turns on the reader's "Developer: write performance measures" setting
 * (off by default: a page can read them) from the extension's options page,
 * so that tests and benchmarks can wait on and read the `rdl:scan` measures.
 * Every launch with the extension does this (harness/index.ts); the
 * benchmark, which launches Chromium itself, calls it too.
 */
export async function writeMeasures(lens: LensBrowser): Promise<void> {
  const options = await lens.openExtensionPage('options.html');
  try {
    await options.waitFor(() => document.querySelector('[data-setting="measures"]') !== null);
    await options.evaluate(sendFromExtensionPage, 'setSettings', { measures: true });
  } finally {
    await options.close();
  }
}
