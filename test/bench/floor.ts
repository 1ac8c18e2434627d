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
