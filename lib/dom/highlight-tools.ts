/**
 * The highlight tools (./highlight-actions.ts says when they load): the
 * toolbar next to a selection and the popover of a saved highlight, one at a
 * time, and what they do. Saving goes through the background (`store`); the
 * tools' UI is loaded when first shown. Shipped in the anchoring script
 * (entrypoints/lens-anchoring.ts), which a save needs anyway: a page where the
 * reader selects nothing and has no highlight does not load them.
 *
 * The toolbar closes with the selection, Esc or a save; the popover with Esc,
 * its close button or a click elsewhere.
 */
import type { PageAnchoring } from '../anchoring/page';
import type { HighlightPatch, NewHighlight } from '../db/highlight-store';
import type { HighlightRow } from '../db/schema';
import { DEFAULT_HIGHLIGHT_COLOUR, isHighlightColour, type HighlightColour } from '../highlight-colours';
import type { ReadingContext } from '../ui/reading-tool';
import type { HighlightUi } from '../ui/highlight-ui';
import type { SavedHighlights } from './saved-highlights';
import { selectedRange } from './selection';
import { report } from '../report';
import type { UiText } from '../i18n/translate';
import { errorMessage } from '../errors';

export interface HighlightStore {
  save(draft: NewHighlight): Promise<HighlightRow>;
  update(id: string, patch: HighlightPatch): Promise<HighlightRow>;
  remove(id: string): Promise<void>;
}

/** `ReadingContext`: what "Add to my corpus" needs; the form itself is in the UI bundle. */
export interface HighlightToolsOptions extends ReadingContext {
  document: Document;
  signal: AbortSignal;
  saved: SavedHighlights;
  store: HighlightStore;
  /** why highlights cannot be saved here (no storage), or null */
  unavailable: string | null;
  /** where the page's text is (the body) */
  root(): Node;
  /** the extension's own UI (its host element) */
  isOwnNode(node: Node): boolean;
  /** the corpus entities marked inside a range */
  entityIdsIn(range: Range): string[];
  loadUi(): Promise<HighlightUi & { containsEvent(event: Event): boolean }>;
  loadAnchoring(): Promise<PageAnchoring>;
}

/** The tools, told of the reader's input by ./highlight-actions.ts. */
export interface HighlightTools {
  /** the reader's selection now (./selection.ts), or null once it is gone */
  selectionChanged(range: Range | null): void;
  /** a click on the page: on a saved highlight it opens its popover; elsewhere it closes one */
  clicked(event: MouseEvent): void;
  keydown(event: KeyboardEvent): void;
  /** opens a saved highlight's popover (clicked at `pointer`) */
  openPopover(id: string, pointer?: { x: number; y: number }): void;
  /** Saves the reader's selection (context menu, shortcut) and opens its popover; null when nothing is selected. */
  saveSelection(colour?: string): Promise<HighlightRow | null>;
  /**
   * Scrolls to a saved highlight and opens its popover, or with `addToCorpus`
   * its "Add to my corpus" form; false for an orphan or an unknown id.
   */
  showHighlight(id: string, addToCorpus?: boolean): boolean;
}

type Tool =
  | { kind: 'toolbar'; range: Range; busy?: boolean; error?: UiText }
  | {
      kind: 'popover';
      id: string;
      pointer?: { x: number; y: number } | undefined;
      busy?: boolean;
      error?: UiText;
      status?: UiText;
      focusNote?: boolean;
      /** open "Add to my corpus" for it at once (asked from the popup) */
      addToCorpus?: boolean;
    };

export function createHighlightTools(options: HighlightToolsOptions): HighlightTools {
  const { document: doc, signal, saved, store, isOwnNode } = options;
  let ui: Awaited<ReturnType<HighlightToolsOptions['loadUi']>> | null = null;
  let tool: Tool | null = null;
  let colour: HighlightColour = DEFAULT_HIGHLIGHT_COLOUR;
  /** "Add to my corpus" keeps a selected passage as a highlight too, in the colour last chosen. */
  const reading: ReadingContext = {
    ...options,
    async keepHighlight({ quote, position, entityIds }, range) {
      if (options.unavailable) return undefined;
      const row = await store.save({
        url: doc.location.href,
        title: doc.title,
        note: '',
        colour,
        entityIds,
        quote,
        position,
      });
      saved.add(row, range);
      return row;
    },
  };

  /** Shows what `tool` says, loading the UI first if needed. */
  function paint() {
    if (!ui) {
      if (tool)
        options.loadUi().then(
          (loaded) => {
            ui = loaded;
            if (!signal.aborted) paint();
          },
          (error: unknown) => report('could not load the highlight toolbar', error),
        );
      return;
    }
    if (!tool) return ui.closeTool();
    if (tool.kind === 'toolbar') {
      const { range } = tool;
      ui.showToolbar(range, {
        colour,
        unavailable: options.unavailable ?? undefined,
        error: tool.error,
        busy: tool.busy,
        onColour: (chosen) => {
          colour = chosen;
          paint();
        },
        onSave: (note) => void saveRange(range, note).catch(() => undefined),
        context: reading,
        onClose: close,
      });
      return;
    }

    const { id } = tool;
    const row = saved.row(id);
    const range = saved.rangeOf(id);
    if (!row || !range) return close();
    ui.showPopover(
      id,
      range,
      {
        note: row.note,
        colour: isHighlightColour(row.colour) ? row.colour : DEFAULT_HIGHLIGHT_COLOUR,
        status: tool.status,
        error: tool.error,
        busy: tool.busy,
        focusNote: tool.focusNote,
        onColour: (chosen) => void change(id, { colour: chosen }),
        onSaveNote: (note) => void change(id, { note }, { key: 'hlNoteSaved' }),
        onDelete: () => void remove(id),
        context: reading,
        highlight: row,
        openForm: tool.addToCorpus,
        onClose: close,
      },
      tool.pointer,
    );
    // Once: a later change of the highlight repaints its popover, not the form again.
    if (tool.addToCorpus) tool = { ...tool, addToCorpus: false };
  }

  function set(next: Tool | null) {
    tool = next;
    paint();
  }

  function close() {
    set(null);
  }

  /** Updates the tool shown, if it is still the one `match` names. */
  function patchTool(match: (t: Tool) => boolean, patch: Partial<Tool>) {
    if (tool && match(tool)) set({ ...tool, ...patch } as Tool);
  }

  async function saveRange(range: Range, note: string): Promise<HighlightRow> {
    const isThis = (t: Tool) => t.kind === 'toolbar' && t.range === range;
    if (options.unavailable) {
      set({ kind: 'toolbar', range });
      throw new Error(options.unavailable);
    }
    patchTool(isThis, { busy: true, error: undefined });
    try {
      const anchoring = await options.loadAnchoring();
      let described: ReturnType<PageAnchoring['describe']>;
      try {
        described = anchoring.describe(options.root(), range);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        set({ kind: 'toolbar', range, error: { key: 'hlNotPageText' } });
        // not UI text: the reader reads hlNotPageText in the toolbar; this goes to whoever asked for the save.
        throw new Error('the selection is not part of the page’s own text (it is in a frame or a web component)');
      }
      const row = await store.save({
        url: doc.location.href,
        title: doc.title,
        note: note.trim(),
        colour,
        entityIds: options.entityIdsIn(described.range),
        quote: described.quote,
        position: described.position,
      });
      saved.add(row, described.range);
      // The page's selection colour would hide the new highlight.
      doc.getSelection()?.removeAllRanges();
      if (tool && isThis(tool)) close();
      return row;
    } catch (error) {
      if (tool?.kind !== 'popover' && !(tool?.kind === 'toolbar' && tool.error)) {
        set({ kind: 'toolbar', range, error: errorMessage(error) });
      }
      throw error;
    }
  }

  async function change(id: string, patch: HighlightPatch, status: UiText = { key: 'hlSaved' }) {
    const isThis = (t: Tool) => t.kind === 'popover' && t.id === id;
    patchTool(isThis, { busy: true, error: undefined, status: undefined, focusNote: false });
    try {
      const row = await store.update(id, patch);
      saved.update(row);
      if (isHighlightColour(row.colour)) colour = row.colour;
      patchTool(isThis, { busy: false, status });
    } catch (error) {
      patchTool(isThis, { busy: false, error: errorMessage(error) });
    }
  }

  async function remove(id: string) {
    const isThis = (t: Tool) => t.kind === 'popover' && t.id === id;
    patchTool(isThis, { busy: true, error: undefined, status: undefined });
    try {
      await store.remove(id);
      saved.remove(id);
      if (tool && isThis(tool)) close();
    } catch (error) {
      patchTool(isThis, { busy: false, error: errorMessage(error) });
    }
  }

  function openPopover(id: string, pointer?: { x: number; y: number }, focusNote = false, addToCorpus = false) {
    set({ kind: 'popover', id, pointer, focusNote, addToCorpus });
  }

  /** Focus in our UI (the note field): the page's selection is not the reader's to follow then. */
  const focusInUi = () => doc.activeElement !== null && isOwnNode(doc.activeElement);

  signal.addEventListener('abort', () => {
    tool = null;
  });

  return {
    selectionChanged(range) {
      if (focusInUi()) return;
      if (range) {
        if (tool?.kind === 'toolbar' && sameRange(tool.range, range)) return;
        set({ kind: 'toolbar', range });
      } else if (tool?.kind === 'toolbar' && !tool.busy) {
        close();
      }
    },
    clicked(event) {
      if (ui?.containsEvent(event) || !doc.getSelection()?.isCollapsed) return;
      const row = saved.at(event.clientX, event.clientY);
      if (row) openPopover(row.id, { x: event.clientX, y: event.clientY });
      else if (tool?.kind === 'popover') close();
    },
    keydown(event) {
      // Inside our UI, the tools handle Esc themselves.
      if (event.key === 'Escape' && tool && !ui?.containsEvent(event)) close();
    },
    openPopover: (id, pointer) => openPopover(id, pointer),
    async saveSelection(requested) {
      const range = selectedRange(doc, isOwnNode) ?? (tool?.kind === 'toolbar' ? tool.range : null);
      if (!range) return null;
      if (isHighlightColour(requested)) colour = requested;
      const row = await saveRange(range, '');
      // From the keyboard or the context menu: the note field is where the reader goes next.
      openPopover(row.id, undefined, true);
      return row;
    },
    showHighlight(id, addToCorpus = false) {
      const range = saved.rangeOf(id);
      if (!range) return false;
      const reduceMotion = doc.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches;
      range.startContainer.parentElement?.scrollIntoView({
        block: 'center',
        behavior: reduceMotion ? 'auto' : 'smooth',
      });
      openPopover(id, undefined, false, addToCorpus);
      return true;
    },
  };
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  );
}
