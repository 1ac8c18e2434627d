/**
 * The set of alias words (and stems, nouns, separators) the matcher knows,
 * looked up by a hash the scanner computes from the units it has read, so
 * that a word of page text is looked up without ever being made into a
 * string.
 *
 * Built in two steps because the two uses differ: while a matcher is being
 * compiled, entries are interned through a Map (native code, fast even before
 * the JIT has warmed up, which is what a page's one compile sees); `seal()`
 * then lays them out once, in one loop, as an open-addressing table in typed
 * arrays, at most ¼ full, for `find`.
 */

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

export class TokenTable {
  private readonly ids = new Map<string, number>();
  private readonly kinds: number[] = [];
  private readonly texts: string[] = [];
  // Filled by seal():
  private keys = new Int32Array(1);
  /** entry id + 1; 0 marks an empty slot */
  private slots = new Int32Array(1);
  private mask = 0;
  private units = new Uint16Array(0);
  private offsets = new Int32Array(1);

  get size(): number {
    return this.kinds.length;
  }

  /** The id of (`kind`, `s`), adding it if new. Only before `seal()`. */
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

  /** Lays the entries out for `find`; call once, after the last `intern`. */
  seal(): void {
    const n = this.kinds.length;
    let capacity = 16;
    while (capacity < n * 4) capacity *= 2;
    this.keys = new Int32Array(capacity);
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    let total = 0;
    for (const t of this.texts) total += t.length;
    this.units = new Uint16Array(total);
    this.offsets = new Int32Array(n + 1);
    let at = 0;
    for (let id = 0; id < n; id++) {
      const s = this.texts[id]!;
      for (let i = 0; i < s.length; i++) this.units[at + i] = s.charCodeAt(i);
      at += s.length;
      this.offsets[id + 1] = at;
      const key = mix(hashOf(s), this.kinds[id]!);
      let slot = key & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = id + 1;
      this.keys[slot] = key;
    }
  }

  /**
   * The id of (`kind`, `buf[0..len)`), or -1. `h` must be `hashOf` those
   * units. Only after `seal()`.
   */
  find(kind: number, h: number, buf: Uint16Array, len: number): number {
    const key = mix(h, kind);
    const { keys, slots, mask } = this;
    for (let s = key & mask; ; s = (s + 1) & mask) {
      const v = slots[s]!;
      if (v === 0) return -1;
      if (keys[s] === key && this.equals(v - 1, kind, buf, len)) return v - 1;
    }
  }

  private equals(id: number, kind: number, buf: Uint16Array, len: number): boolean {
    if (this.kinds[id] !== kind) return false;
    const from = this.offsets[id]!;
    if (this.offsets[id + 1]! - from !== len) return false;
    const units = this.units;
    for (let i = 0; i < len; i++) if (units[from + i] !== buf[i]) return false;
    return true;
  }
}
