/**
 * Tables of numbers as strings, so that the background can build the
 * matcher's tables once and send them to every page in a form the page reads
 * as is (./matcher-tables.ts): a string crosses every browser's extension
 * messaging unchanged and cheaply — Chrome's (by default, a conversion to
 * UTF-8 values, which turns typed arrays into objects of keys) and Firefox's
 * (structured clone) alike — and `charCodeAt` reads it without a copy.
 *
 * No unit of a packed string is a surrogate (D800–DFFF): a lone one would not
 * survive the conversion to UTF-8. Nor is any a control character: JSON, which
 * Chrome's messaging goes through, writes each as six characters.
 */

/** Integers 0 … 2^30 - 1 are packed as two units of 15 bits. */
export const MAX_PACKED_INT = 2 ** 30 - 1;

/** Added to every unit of packed integers: past the control characters, below the surrogates. */
const INT_BASE = 0x20;
/** Added to small values and nibbles: ASCII letters, so the string is one byte a unit and JSON writes it as is. */
const SMALL_BASE = 0x40;

/** Packs non-negative integers below 2^30, two units of 15 bits each. */
export function packInts(values: ArrayLike<number>): string {
  const units = new Uint16Array(values.length * 2);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= 0 && v <= MAX_PACKED_INT)) throw new RangeError(`cannot pack ${v}: the matcher's tables are too large`);
    units[2 * i] = (v >>> 15) + INT_BASE;
    units[2 * i + 1] = (v & 0x7fff) + INT_BASE;
  }
  return unitsToString(units);
}

/** Integer `i` of a string made by `packInts`. */
export function intAt(packed: string, i: number): number {
  return ((packed.charCodeAt(2 * i) - INT_BASE) << 15) | (packed.charCodeAt(2 * i + 1) - INT_BASE);
}

/** Packs values below 64, one unit each; read with `smallAt`. */
export function packSmall(values: ArrayLike<number>): string {
  const units = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= 0 && v < 64)) throw new RangeError(`cannot pack ${v} as a small value`);
    units[i] = v + SMALL_BASE;
  }
  return unitsToString(units);
}

/** Value `i` of a string made by `packSmall`. */
export function smallAt(packed: string, i: number): number {
  return packed.charCodeAt(i) - SMALL_BASE;
}

/**
 * Packs 2-bit values, two a unit (a nibble above SMALL_BASE); value `k` is
 * `(packed.charCodeAt(k >>> 1) >>> ((k & 1) << 1)) & 3`, the base's bit being
 * above both.
 */
export function packPairs(values: Uint8Array): string {
  const units = new Uint8Array(Math.ceil(values.length / 2));
  for (let k = 0; k < values.length; k++) units[k >>> 1]! |= (values[k]! & 3) << ((k & 1) << 1);
  for (let i = 0; i < units.length; i++) units[i]! |= SMALL_BASE;
  return unitsToString(units);
}

function unitsToString(units: ArrayLike<number>): string {
  let out = '';
  // In chunks: fromCharCode's arguments are limited.
  for (let i = 0; i < units.length; i += 8192) {
    out += String.fromCharCode(...Array.prototype.slice.call(units, i, i + 8192));
  }
  return out;
}
