/**
 * The set of alias words (and stems, nouns, separators) the matcher knows,
 * looked up by a hash the scanner computes from the units it has read, so
 * that a word of page text is looked up without ever being made into a
 * string.
 *
 * Built in two steps because the two uses differ: while the matcher's tables
 * are built (once, in the background), entries are interned through a Map;
 * `pack()` then lays them out as an open-addressing table in strings
 * (./packed.ts), at most half full, which a page reads as sent (`findToken`).
 */
import { intAt, packInts, packSmall, smallAt } from './packed';

/** The polynomial every caller uses: h = h·31 + unit, in 32 bits. */
export function hashOf(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** Spreads a polynomial hash (whose low bits are poor) and salts it with the kind. */
function mix(h: number, kind: number): number {
  let x = (h ^ Math.imul(kind + 1, 0x9e3779b9)) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) | 0;
}

/** A token table as the matcher reads it: strings made by ./packed.ts, built once in the background. */
export interface PackedTokens {
  /** per id: its kind (packSmall) */
  kinds: string;
  /** per id: where its text begins in `texts` (packed ints, one more than there are ids) */
  offsets: string;
  /** every entry's text, one after the other */
  texts: string;
  /** the open-addressing table (packed ints): entry id + 1, or 0 for an empty slot; a power of two long */
  slots: string;
}

export class TokenTable {
  private readonly ids = new Map<string, number>();
  private readonly kinds: number[] = [];
  private readonly texts: string[] = [];

  get size(): number {
    return this.kinds.length;
  }

  /** The id of (`kind`, `s`), adding it if new. */
  intern(kind: number, s: string): number {
    const key = `${kind}:${s}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.kinds.length;
      this.kinds.push(kind);
      this.texts.push(s);
      this.ids.set(key, id);
    }
    return id;
  }

  /** The id of (`kind`, `s`), or -1. */
  idOf(kind: number, s: string): number {
    return this.ids.get(`${kind}:${s}`) ?? -1;
  }

  /** Lays the entries out for `findToken`, at most half full. */
  pack(): PackedTokens {
    const n = this.kinds.length;
    let capacity = 16;
    while (capacity < n * 2) capacity *= 2;
    const mask = capacity - 1;
    const slots = new Int32Array(capacity);
    const offsets = new Int32Array(n + 1);
    let at = 0;
    for (let id = 0; id < n; id++) {
      const s = this.texts[id]!;
      at += s.length;
      offsets[id + 1] = at;
      let slot = mix(hashOf(s), this.kinds[id]!) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    return {
      kinds: packSmall(this.kinds),
      offsets: packInts(offsets),
      texts: this.texts.join(''),
      slots: packInts(slots),
    };
  }
}

/**
 * The id of (`kind`, `buf[0..len)`) in a packed table, or -1. `h` must be
 * `hashOf` those units.
 */
export function findToken(table: PackedTokens, kind: number, h: number, buf: Uint16Array, len: number): number {
  const { slots, kinds, offsets, texts } = table;
  const mask = (slots.length >>> 1) - 1;
  for (let s = mix(h, kind) & mask; ; s = (s + 1) & mask) {
    const v = intAt(slots, s);
    if (v === 0) return -1;
    const id = v - 1;
    if (smallAt(kinds, id) !== kind) continue;
    const from = intAt(offsets, id);
    if (intAt(offsets, id + 1) - from !== len) continue;
    let i = 0;
    while (i < len && texts.charCodeAt(from + i) === buf[i]) i++;
    if (i === len) return id;
  }
}
