/**
 * Lists of non-negative integers as compact base64 text (LEB128 varints), so
 * that a serialised search index stays JSON and loads fast: one long string
 * parses far faster than hundreds of thousands of JSON numbers, and sorted
 * lists are stored as gaps, which are mostly one byte.
 */

/** Encodes non-negative integers below 2^31, prefixed by how many there are. */
export function encodeUints(values: ArrayLike<number>): string {
  const bytes = new Uint8Array(values.length * 5 + 5);
  let n = 0;
  const put = (v: number) => {
    if (!(v >= 0 && v <= 0x7fffffff && Number.isInteger(v))) throw new RangeError(`cannot encode ${v}`);
    while (v >= 0x80) {
      bytes[n++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    bytes[n++] = v;
  };
  put(values.length);
  for (let i = 0; i < values.length; i++) put(values[i]!);
  let binary = '';
  for (let p = 0; p < n; p += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(p, Math.min(n, p + 0x8000)) as unknown as number[]);
  }
  return btoa(binary);
}

export function decodeUints(encoded: string): Int32Array {
  const binary = atob(encoded);
  let out: Int32Array | null = null;
  let v = 0;
  let shift = 0;
  let k = -1;
  for (let i = 0; i < binary.length; i++) {
    const b = binary.charCodeAt(i);
    v |= (b & 0x7f) << shift;
    if (b < 0x80) {
      if (out) out[k] = v;
      else out = new Int32Array(v);
      k++;
      v = 0;
      shift = 0;
    } else {
      shift += 7;
    }
  }
  if (!out || k !== out.length) throw new Error('search index: truncated integer list');
  return out;
}

/**
 * Sorted runs stored as gaps: `starts` has one entry per run plus one
 * (CSR layout), each run ascending.
 */
export function encodeRuns(starts: Int32Array, values: Int32Array): { lengths: string; gaps: string } {
  const lengths = new Int32Array(starts.length - 1);
  const gaps = new Int32Array(values.length);
  for (let r = 0; r < lengths.length; r++) {
    const a = starts[r]!;
    const b = starts[r + 1]!;
    lengths[r] = b - a;
    let prev = 0;
    for (let i = a; i < b; i++) {
      gaps[i] = values[i]! - prev;
      prev = values[i]!;
    }
  }
  return { lengths: encodeUints(lengths), gaps: encodeUints(gaps) };
}

export function decodeRuns(encoded: { lengths: string; gaps: string }): { starts: Int32Array; values: Int32Array } {
  const lengths = decodeUints(encoded.lengths);
  const values = decodeUints(encoded.gaps);
  const starts = new Int32Array(lengths.length + 1);
  for (let r = 0; r < lengths.length; r++) {
    const a = starts[r]!;
    const b = a + lengths[r]!;
    starts[r + 1] = b;
    let prev = 0;
    for (let i = a; i < b; i++) {
      prev += values[i]!;
      values[i] = prev;
    }
  }
  if (starts[lengths.length] !== values.length) throw new Error('search index: run lengths do not match the values');
  return { starts, values };
}
