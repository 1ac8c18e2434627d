/** The floor the benches compare Lens with: the least work a scan of a page can do. */

/** Runs in the page: a bare walk over every text node, reading its data. */
export function floorScan(): number {
  const t = performance.now();
  // (A live page may have wiped itself by now: then there is nothing to walk.)
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n as Text).data.length;
  const ms = performance.now() - t;
  return chars >= 0 ? ms : -1;
}

/**
 * Runs in the page: a bare walk over every element and text node, reading each one's name or data: the
 * least a content script that finds where a page's blocks begin and end must touch (./cost.bench.ts: b″,
 * and the heap's floor: each node it is handed gets a wrapper in its world, and each kind of element it
 * meets its interface's prototype and methods there). How long it took, in ms.
 */
export function floorBlockWalk(): number {
  const t = performance.now();
  const walker = document.createTreeWalker(document.body ?? document.documentElement, 0x1 | 0x4);
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n.nodeValue ?? n.nodeName).length;
  const ms = performance.now() - t;
  return chars >= 0 ? ms : -1;
}
