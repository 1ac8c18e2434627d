/**
 * Which text of a page is its main text (the article a reader came for) and
 * which is the page's furniture: navigation, headers, footers, asides, menus
 * and link lists ("most read", related stories, teasers). Lens leaves the
 * furniture unmarked by default, and decides whether a page is about the
 * relationship from its main text alone.
 *
 * Decided while the block walk reads the page (./text-blocks.ts), at no extra
 * DOM call per element: the furniture elements are found once per walk by one
 * native query (by element and ARIA role), and the walk counts how much of
 * each block's text lies inside them or inside links.
 */

/** Elements and ARIA roles that hold a page's furniture rather than its main text. */
const FURNITURE =
  'nav,header,footer,aside,menu,[role=navigation],[role=banner],[role=contentinfo],[role=complementary],[role=menu],[role=menubar],[role=search]';

/** A header or footer inside these belongs to the article (its headline, its byline), not to the page. */
const CONTENT = 'article,main,[role=main],[role=article]';

/**
 * The furniture elements in `root`'s subtree, or null if there are none.
 * Headers and footers of an article are not furniture.
 */
export function furnitureIn(root: Node): Set<Element> | null {
  if (!('querySelectorAll' in root)) return null;
  const found = (root as ParentNode).querySelectorAll(FURNITURE);
  if (found.length === 0) return null;
  const set = new Set<Element>();
  for (const element of found) if (!isArticlePart(element)) set.add(element);
  return set.size === 0 ? null : set;
}

/** Whether `root` itself lies inside furniture, or inside a link (a rescan of part of a page starts there). */
export function contextOf(root: Node): { furniture: boolean; link: boolean } {
  const element = root.nodeType === 1 ? (root as Element) : root.parentElement;
  if (!element) return { furniture: false, link: false };
  let furniture = false;
  for (let at = element.closest(FURNITURE); at; at = at.parentElement?.closest(FURNITURE) ?? null) {
    if (!isArticlePart(at)) {
      furniture = true;
      break;
    }
  }
  return { furniture, link: element.closest('a[href]') !== null };
}

function isArticlePart(element: Element): boolean {
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
