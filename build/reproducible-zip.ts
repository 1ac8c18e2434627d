/**
 * Makes a zip that WXT wrote reproducible: WXT (through JSZip) stamps every
 * entry with the time it was zipped and lists files in the file system's
 * order. Rewritten here with the entries in name order and one timestamp,
 * SOURCE_DATE_EPOCH's when set (https://reproducible-builds.org/specs/source-date-epoch/),
 * otherwise 1980-01-01, the earliest a zip can hold; so the same files give
 * the same zip, byte for byte — which the Firefox sources archive's rebuild
 * relies on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';

export function zipDate(epoch = process.env.SOURCE_DATE_EPOCH): Date {
  if (epoch === undefined || epoch === '') return new Date(Date.UTC(1980, 0, 1));
  if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${epoch}"`);
  return new Date(Number(epoch) * 1000);
}

export async function makeZipReproducible(path: string, date = zipDate()): Promise<void> {
  const original = await JSZip.loadAsync(readFileSync(path));
  const names = Object.keys(original.files)
    .filter((name) => !original.files[name]!.dir)
    .sort();
  const zip = new JSZip();
  for (const name of names) {
    zip.file(name, await original.files[name]!.async('uint8array'), { date, createFolders: false });
  }
  const bytes = await zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    platform: 'DOS',
  });
  writeFileSync(path, bytes);
}
