/**
 * A closed set of word endings (Russian case endings, Korean particles) as a
 * trie read backwards from the end of a word, so that all the ways a word can
 * split into stem + ending are found in one walk over its last few units,
 * without building any string.
 */
export class SuffixSet {
  private readonly children: Map<number, number>[] = [new Map()];
  private readonly accepts: boolean[] = [false];
  /** length of the longest ending, in UTF-16 units */
  readonly maxLength: number;

  constructor(endings: readonly string[]) {
    let max = 0;
    for (const e of endings) {
      let node = 0;
      for (let i = e.length - 1; i >= 0; i--) {
        const c = e.charCodeAt(i);
        let next = this.children[node]!.get(c);
        if (next === undefined) {
          next = this.children.length;
          this.children.push(new Map());
          this.accepts.push(false);
          this.children[node]!.set(c, next);
        }
        node = next;
      }
      this.accepts[node] = true;
      max = Math.max(max, e.length);
    }
    this.maxLength = max;
  }

  /**
   * Writes to `out` the length of every ending in the set that `word[0..len)`
   * ends with, shortest first (0 if the empty ending is in the set), leaving a
   * stem of at least one unit; returns how many it wrote.
   */
  endingsOf(word: Uint16Array, len: number, out: Int32Array): number {
    let n = 0;
    let node = 0;
    if (this.accepts[0]) out[n++] = 0;
    for (let k = 1; k < len && k <= this.maxLength; k++) {
      const next = this.children[node]!.get(word[len - k]!);
      if (next === undefined) break;
      node = next;
      if (this.accepts[node]) out[n++] = k;
    }
    return n;
  }
}
