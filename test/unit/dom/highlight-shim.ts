/**
 * happy-dom has no CSS Custom Highlight API: a minimal stand-in with the same
 * shape (a Highlight is a set of ranges, the registry a map of names), enough
 * to test what lib/dom registers. The real API is exercised end to end.
 */
export class FakeStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  constructor(init: StaticRangeInit) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }
}

export class FakeHighlight extends Set<AbstractRange> {}

export function installHighlightShim(): Map<string, FakeHighlight> {
  const registry = new Map<string, FakeHighlight>();
  Object.assign(globalThis, { Highlight: FakeHighlight, StaticRange: FakeStaticRange });
  return registry;
}

/** The shim, installed as the window's own `CSS.highlights` too (happy-dom's CSS has no highlight registry). */
export function installPageHighlights(): Map<string, FakeHighlight> {
  const registry = installHighlightShim();
  Object.defineProperty(window, 'CSS', {
    value: Object.assign(Object.create(window.CSS) as object, { highlights: registry }),
    configurable: true,
  });
  return registry;
}

/** The text under each range of a highlight, in the order they were added. */
export function textsOf(highlight: Set<AbstractRange> | undefined): string[] {
  return [...(highlight ?? [])].map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  });
}
