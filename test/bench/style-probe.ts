/**
 * What Lens's `::highlight()` rules cost a page's style recalculation
 * (issue 17): time the reader pays on the page's main thread outside Lens's
 * own code, so the profile of Lens's frames (`whole`) never shows it.
 *
 * A custom highlight's style is computed for every element that can be the
 * originating element of a highlighted text: a rule `::highlight(name)`
 * matches them all, whether the page has marks or not. So a frame gets a
 * rule only with its first mark of that name (lib/mark-styles.ts), and pays
 * twice: once, the recalculation that adding the rule forces; then more at
 * every full recalculation. Both are measured in a page of a browser
 * without Lens, with the rules Lens added to that page, against a control
 * stylesheet that matches nothing (what the method reads as a difference
 * when there is none).
 */

export const RECALC_ROUNDS = 5;

/**
 * Runs in the page (its main world: the bench's own tab, not a reader's): ms
 * more per full style recalculation with `css` than without, over `rounds`
 * of each. (Sent to the page as source: it uses nothing of this module.)
 */
export function highlightRecalcCost(css: string, rounds: number): number {
  const add = (text: string) => {
    const style = document.createElement('style');
    style.textContent = text;
    document.head.append(style);
    return style;
  };
  const lens = add(css);
  lens.disabled = true;
  // (`initial` on a custom property is its value when unset: every element is restyled, none changes.)
  const probe = add('*{--rdl-probe:initial}');
  const root = document.body ?? document.documentElement;
  void root.offsetHeight;
  const recalc = () => {
    probe.disabled = !probe.disabled;
    const t = performance.now();
    void root.offsetHeight;
    return performance.now() - t;
  };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  const off: number[] = [];
  const on: number[] = [];
  for (let i = 0; i < rounds; i++) {
    lens.disabled = true;
    void root.offsetHeight;
    off.push(recalc());
    lens.disabled = false;
    void root.offsetHeight;
    on.push(recalc());
  }
  lens.remove();
  probe.remove();
  return median(on) - median(off);
}

/**
 * Runs in the page (its main world, the bench's own tab): ms of the style
 * recalculation that adding `css` to the loaded page forces, less the same
 * for `control`, the median of `rounds` of each. (Sent to the page as
 * source: it uses nothing of this module.)
 */
export function addedSheetCost(css: string, control: string, rounds: number): number {
  const root = document.body ?? document.documentElement;
  const added = (text: string) => {
    void root.offsetHeight;
    const style = document.createElement('style');
    style.textContent = text;
    const t = performance.now();
    document.head.append(style);
    void root.offsetHeight;
    const ms = performance.now() - t;
    style.remove();
    return ms;
  };
  const differences: number[] = [];
  for (let i = 0; i < rounds; i++) differences.push(added(css) - added(control));
  return differences.sort((a, b) => a - b)[differences.length >> 1]!;
}

/** A stylesheet that matches no element and no highlight: the method's reading of no cost. */
export const CONTROL_CSS = '.rdl-matches-nothing{color:red}';
