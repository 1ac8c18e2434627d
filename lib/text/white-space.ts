/**
 * White space, for text walks that ask whether text has anything to read (a
 * block of only `&nbsp;` has not): the frames' gate (../dom/frame-gate.ts),
 * which counts such characters; the page's blocks (../dom/text-blocks.ts) ask
 * the same set natively, as `\S`. A module of its own, not in
 * ./chars.ts: the gate is bundled into every frame's small script, and
 * chars.ts would bring its lookup table's setup along.
 */

/**
 * Whether a UTF-16 unit is white space, as `\s` has it: tab to carriage
 * return, space, no-break space, the ideographic space and the other Unicode
 * spaces, the line and paragraph separators, BOM. Without a regular
 * expression per character: walks read every character of a page's text.
 */
export function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
