/**
 * happy-dom has no layout: a document whose caret lands where `caret` says and
 * whose ranges have one client rect each, 100 px wide per character offset of
 * their start (so "Wonsan" in "Lavrov flew to Pyongyang, then to Wonsan." is
 * at x 3,400–3,500).
 */
export function laidOut(caret: (x: number, y: number) => { offsetNode: Node; offset: number } | null): Document {
  return new Proxy(document, {
    get(target, key) {
      if (key === 'caretPositionFromPoint') return caret;
      if (key === 'createRange')
        return () => {
          const range = target.createRange();
          range.getClientRects = () => {
            const left = range.startOffset * 100;
            return [new DOMRect(left, 0, 100, 20)] as unknown as DOMRectList;
          };
          return range;
        };
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as Function).bind(target) : value;
    },
  });
}
