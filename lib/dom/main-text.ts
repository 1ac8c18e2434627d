/**
 * Which text of a page is its main text (the article a reader came for) and
 * which is the page's furniture: navigation, headers, footers, asides, menus
 * and link lists ("most read", related stories, teasers). Lens leaves the
 * furniture unmarked by default, and decides whether a page is about the
 * relationship from its main text alone.
 *
 * Decided while the block walk reads the page (./text-blocks.ts), at no extra
 * DOM call per element: furniture by element name is told from the name the
 * walk reads anyway, furniture by ARIA role is found once per walk by one
 * native query, and the walk counts how much of each block's text lies inside
 * them or inside links.
 */

/** Elements that hold a page's furniture rather than its main text */
const FURNITURE_ELEMENTS = ['nav', 'header', 'footer', 'aside', 'menu'];
/** …and ARIA roles */
const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'search']);
/** Both, as a selector. */
const FURNITURE = [...FURNITURE_ELEMENTS, ...[...FURNITURE_ROLES].map((role) => `[role=${role}]`)].join(',');

/** A header or footer inside these belongs to the article (its headline, its byline), not to the page. */
const CONTENT = 'article,main,[role=main],[role=article]';

/** An article shorter than this is a teaser, not the page's main text. */
const ARTICLE_MIN_CHARS = 500;

/**
 * The page's article, when it has exactly one: then text outside it is
 * furniture (teasers, streams, sidebars).
 */
export function articleOf(root: Node): Element | null {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  return doc ? pageArticle(doc) : null;
}

/**
 * FURNITURE's elements, by nodeName: an HTML element's, and (lower case) one
 * of an XHTML page, as the selector matches both.
 */
export const FURNITURE_NAMES: ReadonlySet<string> = new Set(
  FURNITURE_ELEMENTS.flatMap((name) => [name.toUpperCase(), name]),
);

/**
 * The elements of `root` that are furniture by their ARIA role, if any: one
 * native query for the elements with a role. FURNITURE itself is not asked of
 * the page: matched against every element of a page of 100,000 elements, its
 * twelve selectors take 45 ms in one stretch (`[role]` alone 5 ms), where the
 * name the walk reads anyway tells the rest (FURNITURE_NAMES; issue 17). With
 * those, an element is furniture unless it is an article's part (isArticlePart).
 */
export function furnitureByRole(root: Node): Set<Element> | null {
  let found: Set<Element> | null = null;
  if ('querySelectorAll' in root)
    for (const element of (root as ParentNode).querySelectorAll('[role]'))
      if (FURNITURE_ROLES.has(element.getAttribute('role')!)) (found ??= new Set()).add(element);
  return found;
}

/**
 * The article found for each document, so that a rescan of part of a page
 * does not search the page and read its article's length again: a found
 * article is kept while it is on the page; that there is none, until the
 * task ends (a batch of rescans searches once; one may arrive later).
 */
const articles = new WeakMap<Document, Element | null>();

function pageArticle(doc: Document): Element | null {
  const known = articles.get(doc);
  if (known === null || known?.isConnected) return known;
  const found = findArticle(doc);
  articles.set(doc, found);
  if (!found) queueMicrotask(() => articles.get(doc) === null && articles.delete(doc));
  return found;
}

/**
 * The page's one article (or, without one, its one main element), if it
 * has one long enough to be the page's main text.
 */
function findArticle(doc: Document): Element | null {
  for (const selector of ['article, [itemprop=articleBody]', 'main, [role=main]']) {
    const found = doc.querySelectorAll(selector);
    // (An articleBody inside the one article is the same article.)
    const outer = [...found].filter((e) => !found[0] || e === found[0] || !found[0].contains(e));
    if (outer.length === 1) return hasText(outer[0]!, ARTICLE_MIN_CHARS) ? outer[0]! : null;
    if (outer.length > 1) return null;
  }
  return null;
}

/**
 * Whether `element` has at least `chars` characters of text, read only until
 * it has (not its whole `textContent`: an article of megabytes would be
 * copied into one string in one stretch).
 */
function hasText(element: Element, chars: number): boolean {
  const walker = element.ownerDocument.createTreeWalker(element, 0x4); // NodeFilter.SHOW_TEXT
  let found = 0;
  for (let n = walker.nextNode(); n && found < chars; n = walker.nextNode()) found += n.nodeValue!.length;
  return found >= chars;
}

/** Whether `root` itself lies inside furniture, or inside a link (a rescan of part of a page starts there). */
export function contextOf(root: Node, article: Element | null): { furniture: boolean; link: boolean } {
  const element = root.nodeType === 1 ? (root as Element) : root.parentElement;
  if (!element) return { furniture: false, link: false };
  let furniture = article !== null && !article.contains(element) && !element.contains(article);
  for (let at = element.closest(FURNITURE); at && !furniture; at = at.parentElement?.closest(FURNITURE) ?? null) {
    if (!isArticlePart(at)) furniture = true;
  }
  return { furniture, link: element.closest('a[href]') !== null };
}

/** Whether a header or footer belongs to an article (its headline, its byline), not to the page. */
export function isArticlePart(element: Element): boolean {
  const name = element.nodeName;
  return (name === 'HEADER' || name === 'FOOTER') && element.parentElement?.closest(CONTENT) != null;
}

/**
 * Whether a block is main text, from how much of its text lies in furniture
 * and in links: a block that is mostly a link is an item of a link list or a
 * teaser, not a sentence of the article (a sentence may hold a link or two).
 */
export function isMainBlock(chars: number, furnitureChars: number, linkChars: number): boolean {
  return furnitureChars * 2 <= chars && linkChars * 2 <= chars;
}

/** Blocks this short, without links, may be the title of the block after them. */
const TITLE_MAX_CHARS = 40;

/**
 * Whether a main-text block could be the title of a link list that follows it
 * ("Latest News  North Korea" above a list of headlines): then it goes with the list.
 */
export function isTitleLike(chars: number, linkChars: number): boolean {
  return chars <= TITLE_MAX_CHARS && linkChars === 0;
}
