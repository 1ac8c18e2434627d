/**
 * Which elements' text Lens reads: one policy for its two text walkers, the
 * marks' block walk (../dom/text-blocks.ts) and the saved highlights'
 * document text (./text-range.ts). Here, in the layer both import from (the
 * page's layer, dom, is above anchoring). Names are lower-case local names;
 * the walkers compare them as the DOM gives them.
 */

/** The one element Lens adds to a page, for its own UI (created when first needed). */
export const HOST_TAG = 'rdl-ui';

/**
 * Elements whose text is not the page's text, to either walker: code and
 * styles that are not shown, templates, and Lens's own UI. (Pages also rewrite
 * inline scripts between visits, which would move every highlight after them.)
 */
export const NOT_PAGE_TEXT: readonly string[] = ['script', 'style', 'noscript', 'template', HOST_TAG];

/**
 * Elements whose text is the page's but never marked: what the reader types
 * (form fields), code, other documents and drawings, the document's head.
 * A reader may still select and save a highlight in code.
 */
export const NEVER_MARKED: readonly string[] = [
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'iframe',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
  'head',
  'title',
];
