/**
 * Tables of numbers as strings, so that the background can build the
 * matcher's tables once and send them to every page in a form the page reads
 * as is (./matcher-tables.ts): a string crosses every browser's extension
 * messaging unchanged and cheaply — Chrome's (by default, a conversion to
 * UTF-8 values, which turns typed arrays into objects of keys) and Firefox's
 * (structured clone) alike — and `charCodeAt` reads it without a copy.
 *
 * No unit of a packed string is a surrogate (D800–DFFF): a lone one would not
 * survive the conversion to UTF-8.
 */

/** Integers 0 … 2^30 - 1 are packed as two units of 15 bits. */
export const MAX_PACKED_INT = 2 ** 30 - 1;

/** Packs non-negative integers below 2^30, two units each. */
export function packInts(values: ArrayLike<number>): string {
  const units = new Uint16Array(values.length * 2);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= 0 && v <= MAX_PACKED_INT)) throw new RangeError(`cannot pack ${v}: the matcher's tables are too large`);
    units[2 * i] = v >>> 15;
    units[2 * i + 1] = v & 0x7fff;
  }
  return unitsToString(units);
}

/** Integer `i` of a string made by `packInts`. */
export function intAt(packed: string, i: number): number {
  return (packed.charCodeAt(2 * i) << 15) | packed.charCodeAt(2 * i + 1);
}

/** Packs bytes, one unit each (the engine keeps such a string at one byte a unit). */
export function packBytes(bytes: Uint8Array): string {
  return unitsToString(bytes);
}

function unitsToString(units: ArrayLike<number>): string {
  let out = '';
  // In chunks: fromCharCode's arguments are limited.
  for (let i = 0; i < units.length; i += 8192) {
    out += String.fromCharCode(...Array.prototype.slice.call(units, i, i + 8192));
  }
  return out;
}
