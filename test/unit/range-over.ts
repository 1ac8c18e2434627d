/** A Range over the first occurrence of `text` inside one text node of the (happy-dom) page; throws if there is none. */
export function rangeOver(text: string): Range {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const at = node.data.indexOf(text);
    if (at === -1) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    return range;
  }
  throw new Error(`"${text}" is not on the page`);
}
