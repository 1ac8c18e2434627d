/**
 * The `::highlight()` rules of the highlights Lens registers in a page, one
 * per highlight name. A frame gets a name's rule from the background
 * (`styleMarks`: `scripting.insertCSS`, no DOM change) when it registers
 * that highlight, not with every page (issue 17). Any `::highlight()` rule
 * has the browser compute a highlight style for every element of the page
 * at every full style recalculation, marks or not: 0.3–8.6 ms more each
 * time on the shared real pages, about 200 ms on a page of 200,000 text
 * nodes (`npm run bench:cost`, the css column). So a page without marks
 * pays nothing, and a page with marks only for the rules it uses; when Lens
 * is paused or off for the site, the rules go with the marks, and when the
 * reader's settings no longer draw a highlight, its rule goes (`unstyleMarks`).
 */
export const MARK_STYLES = {
  // Term marks: subtle enough for a long article, visible on light and dark pages.
  'rdl-term':
    '::highlight(rdl-term){text-decoration:underline dotted #3b82c4;text-decoration-thickness:1.5px;text-underline-offset:0.2em}',
  // The "tint" mark style (options): a light wash instead of the underline.
  'rdl-term-tint': '::highlight(rdl-term-tint){background-color:rgba(59,130,196,0.16)}',
  // A sentence that states a corpus claim or takes a topic position: a faint wavy line under the
  // whole sentence, quieter than and distinct from the dotted underline of an entity.
  'rdl-claim':
    '::highlight(rdl-claim){text-decoration:underline wavy rgba(176,112,20,0.55);text-decoration-thickness:1px;text-underline-offset:0.32em}',
} as const;
// (The reader's saved highlights have no rule: CSS.highlights is the page's to read, so they are tinted boxes
// in Lens's closed layer, lib/dom/saved-layer.ts, as is the passage a note is being written for.)

export type MarkStyleName = keyof typeof MARK_STYLES;

export function isMarkStyleName(name: unknown): name is MarkStyleName {
  return typeof name === 'string' && Object.hasOwn(MARK_STYLES, name);
}

export interface MarkStyler {
  /**
   * Has a highlight styled: asks once per name, the first time the frame
   * registers it (a page's later sessions, after a change of settings, find
   * it styled already). A failure is said, and the next registration of
   * that name asks again.
   */
  style(name: MarkStyleName): void;
  /**
   * Has the rules the frame was given taken away, but those in `keep`: all
   * of them when Lens is paused or off for the site (its marks are gone); the
   * ones a new session's settings draw nothing with (the underline after a
   * switch to the tint, the claims' after they are turned off), which every
   * full style recalculation would pay for all the same.
   */
  unstyle(keep?: ReadonlySet<MarkStyleName>): void;
}

/**
 * A frame's mark styles, asked of the background (`style`, `unstyle`) one
 * request at a time, in order (a rule taken away while it was being added
 * would stay); failures are said with `failed`.
 */
export function markStyler(
  ask: {
    style: (name: MarkStyleName) => Promise<unknown>;
    unstyle: (names: MarkStyleName[]) => Promise<unknown>;
  },
  failed: (error: unknown) => void,
): MarkStyler {
  const asked = new Set<MarkStyleName>();
  let queue: Promise<void> = Promise.resolve();
  const inTurn = (request: () => Promise<unknown>, onError: (error: unknown) => void) => {
    queue = queue.then(request).then(() => undefined, onError);
  };
  return {
    style(name) {
      if (asked.has(name)) return;
      asked.add(name);
      inTurn(
        () => ask.style(name),
        (error) => {
          asked.delete(name);
          failed(error);
        },
      );
    },
    unstyle(keep) {
      const names = [...asked].filter((name) => !keep?.has(name));
      if (names.length === 0) return;
      for (const name of names) asked.delete(name);
      inTurn(() => ask.unstyle(names), failed);
    },
  };
}
