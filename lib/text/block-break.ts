/**
 * The boundary between two blocks of a page's text, in a module of its own:
 * the page's walk (../dom/text-blocks.ts) and the messages of its text
 * (./term-matches.ts) name it without bundling ./chars.ts, whose character
 * tables belong to the matcher, in the background.
 */

/**
 * Ends a block in a text given to the matcher's `scan`: DEL, a control
 * character that pages do not show, is punctuation to the matcher, and no
 * alias has it in a separator. ASCII, so that a page's text stays a one-byte
 * string. (Not a noncharacter such as U+FFFF: the minifier writes it into the
 * bundle as is, and Chrome refuses to load a script holding one as "not UTF-8
 * encoded".)
 */
export const BLOCK_BREAK = '\x7f';
