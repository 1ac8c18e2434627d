/**
 * The reader's saved highlights on one page: anchored to the page's text,
 * drawn as one Highlight per colour (`rdl-saved-<colour>`) into a registry —
 * Lens's own closed layer (./saved-layer.ts), never the page's
 * `CSS.highlights`, which page scripts can read — and anchored again when the
 * page changes.
 *
 * A highlight is drawn over a live Range: there are few of them, and a live
 * Range follows the page's edits until the next anchoring pass checks it. A
 * pass re-anchors only what needs it — highlights whose text changed or went
 * away, and orphans, which dynamic content may have brought in — so a drawn
 * highlight does not move while its text stays as it was.
 *
 * A highlight that cannot be found is an orphan: not drawn, and listed by
 * `status()`, never dropped.
 */
import type { HighlightStatus, PageAnchoring } from '../anchoring/page';
import type { HighlightRow } from '../db/schema';
import { savedHighlightName } from '../highlight-colours';
import { report } from '../report';

export interface SavedHighlightsOptions {
  document: Document;
  /** where the ranges of each colour are drawn (./saved-layer.ts; a HighlightRegistry in unit tests) */
  registry: {
    get(name: string): RangeSet | undefined;
    set(name: string, ranges: RangeSet): unknown;
    delete(name: string): boolean;
  };
  /** a new set of ranges for the registry (default: a CSS Highlight) */
  newRangeSet?(): RangeSet;
  /** told after every change of what is drawn (the layer paints again) */
  onChange?(): void;
  signal: AbortSignal;
  /** where the page's text is (the body) */
  root(): Node;
  loadAnchoring(): Promise<PageAnchoring>;
  /** Passes that only look for orphans again run at most this often, in ms (a page may change all the time). */
  orphanInterval?: number;
}

/** What a colour's ranges are kept in: a CSS `Highlight`, or (for Lens's own layer) a plain `Set`. */
export interface RangeSet {
  add(range: Range): unknown;
  delete(range: Range): boolean;
  clear(): void;
}

export interface SavedHighlights {
  /** Replaces the page's highlights (a visit, a single-page-app navigation) and anchors them. */
  show(rows: readonly HighlightRow[]): void;
  /** The page changed: anchor again what moved or went away, and look for orphans. */
  pageChanged(): void;
  /** A highlight just saved, drawn over the range it was made from. */
  add(row: HighlightRow, range: Range): void;
  /** A highlight's note or colour changed. */
  update(row: HighlightRow): void;
  remove(id: string): void;
  row(id: string): HighlightRow | undefined;
  /** The drawn range of a highlight; null for an orphan. */
  rangeOf(id: string): Range | null;
  /** The highlight under a viewport point (the shortest, when they overlap). */
  at(x: number, y: number): HighlightRow | null;
  status(): HighlightStatus;
  /** Settles when no anchoring pass is running or due. */
  settled(): Promise<void>;
}

interface Drawn {
  range: Range;
  /** the text it covered when drawn: a different text now means the page changed under it */
  text: string;
  name: string;
}

export function createSavedHighlights(options: SavedHighlightsOptions): SavedHighlights {
  const { registry, signal, orphanInterval = 1000 } = options;
  const win = options.document.defaultView!;
  const rows = new Map<string, HighlightRow>();
  const drawn = new Map<string, Drawn>();
  const orphans = new Set<string>();
  const highlights = new Map<string, RangeSet>();
  const newRangeSet = options.newRangeSet ?? (() => new Highlight());
  let running: Promise<void> | null = null;
  let dirty = false;
  let lastPass = Number.NEGATIVE_INFINITY;
  let timer: number | undefined;

  function draw(row: HighlightRow, range: Range) {
    undraw(row.id);
    const name = savedHighlightName(row.colour, row.note);
    let highlight = highlights.get(name);
    if (!highlight) {
      highlight = newRangeSet();
      highlights.set(name, highlight);
      registry.set(name, highlight);
    }
    highlight.add(range);
    drawn.set(row.id, { range, text: range.toString(), name });
    orphans.delete(row.id);
    options.onChange?.();
  }

  function undraw(id: string) {
    const old = drawn.get(id);
    if (!old) return;
    drawn.delete(id);
    highlights.get(old.name)?.delete(old.range);
    options.onChange?.();
  }

  const intact = (id: string) => {
    const d = drawn.get(id);
    return d !== undefined && d.range.startContainer.isConnected && d.range.toString() === d.text;
  };

  async function pass() {
    lastPass = win.performance.now();
    const todo = [...rows.values()].filter((row) => !intact(row.id));
    if (todo.length === 0) return;
    const anchoring = await options.loadAnchoring();
    if (signal.aborted) return;
    // The page may have changed while the anchoring code loaded.
    const still = todo.filter((row) => rows.get(row.id) === row && !intact(row.id));
    const ranges = anchoring.anchor(options.root(), still);
    still.forEach((row, i) => {
      const range = ranges[i];
      if (range) draw(row, range);
      else {
        undraw(row.id);
        orphans.add(row.id);
      }
    });
  }

  function request() {
    dirty = true;
    running ??= (async () => {
      while (dirty && !signal.aborted) {
        dirty = false;
        await pass();
      }
    })()
      // A failed pass (the anchoring script did not load) leaves its highlights pending; the next change tries again.
      .catch((error: unknown) => report('could not anchor the saved highlights', error))
      .finally(() => {
        running = null;
      });
  }

  function clear() {
    for (const highlight of highlights.values()) highlight.clear();
    rows.clear();
    drawn.clear();
    orphans.clear();
    options.onChange?.();
  }

  signal.addEventListener('abort', () => {
    win.clearTimeout(timer);
    clear();
    for (const [name, highlight] of highlights) if (registry.get(name) === highlight) registry.delete(name);
  });

  return {
    show(list) {
      clear();
      for (const row of list) rows.set(row.id, row);
      if (rows.size > 0) request();
    },
    pageChanged() {
      if (rows.size === 0) return;
      const pending = rows.size > drawn.size + orphans.size;
      if (pending || [...drawn.keys()].some((id) => !intact(id))) return request();
      if (orphans.size === 0 || timer !== undefined) return;
      const wait = lastPass + orphanInterval - win.performance.now();
      if (wait <= 0) return request();
      timer = win.setTimeout(() => {
        timer = undefined;
        request();
      }, wait);
    },
    add(row, range) {
      rows.set(row.id, row);
      draw(row, range);
    },
    update(row) {
      const old = drawn.get(row.id);
      rows.set(row.id, row);
      if (old && old.name !== savedHighlightName(row.colour, row.note)) draw(row, old.range);
    },
    remove(id) {
      undraw(id);
      rows.delete(id);
      orphans.delete(id);
    },
    row: (id) => rows.get(id),
    rangeOf: (id) => drawn.get(id)?.range ?? null,
    at(x, y) {
      let best: { row: HighlightRow; length: number } | null = null;
      for (const [id, { range, text }] of drawn) {
        const hit = [...range.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
        if (hit && (!best || text.length < best.length)) best = { row: rows.get(id)!, length: text.length };
      }
      return best?.row ?? null;
    },
    status: () => ({
      anchored: [...rows.keys()].filter((id) => drawn.has(id)),
      orphans: [...rows.keys()].filter((id) => orphans.has(id)),
    }),
    async settled() {
      while (running || timer !== undefined) {
        if (running) await running;
        else await new Promise((done) => win.setTimeout(done, 20));
      }
    },
  };
}
