/**
 * What a reader does with highlights on a page: select text and save it from
 * the toolbar next to the selection (or the context menu, or the shortcut),
 * click a saved highlight to read, edit or delete its note, or change its
 * colour.
 *
 * Here is only what must run from the start: watching the reader's selection,
 * clicks and Esc. The tools themselves (./highlight-tools.ts) load with the
 * anchoring script the first time the reader selects text, clicks a saved
 * highlight, or asks from the menu, the shortcut or the popup (issue 17: a
 * page the reader only reads does not hold their code).
 */
import type { HighlightRow } from '../db/schema';
import { loadOnce } from '../lazy-script';
import { report } from '../report';
import type { createHighlightTools, HighlightTools, HighlightToolsOptions } from './highlight-tools';
import { readerInput } from './reader-input';
import { watchSelection } from './selection';

export type { HighlightStore } from './highlight-tools';

export interface HighlightActionsOptions extends HighlightToolsOptions {
  /** the tools' code (./highlight-tools.ts), loaded when first needed */
  loadTools(): Promise<typeof createHighlightTools>;
}

export interface HighlightActions {
  /** Saves the reader's selection (context menu, shortcut) and opens its popover; null when nothing is selected. */
  saveSelection(colour?: string): Promise<HighlightRow | null>;
  /**
   * Scrolls to a saved highlight and opens its popover, or with `addToCorpus`
   * its "Add to my corpus" form; false for an orphan or an unknown id.
   */
  showHighlight(id: string, addToCorpus?: boolean): boolean;
}

export function createHighlightActions(options: HighlightActionsOptions): HighlightActions {
  const { document: doc, signal, saved, isOwnNode } = options;
  let tools: HighlightTools | null = null;
  const load = loadOnce(async () => (tools = (await options.loadTools())(options)));
  /** `use` the tools now, or once they have loaded (unless the session has ended meanwhile). */
  const withTools = (use: (loaded: HighlightTools) => void) => {
    if (tools) return use(tools);
    load().then(
      (loaded) => {
        if (!signal.aborted) use(loaded);
      },
      (error: unknown) => report('could not load the highlight tools', error),
    );
  };

  // Until the tools have loaded, nothing of theirs is open: only a selection or a click on a saved highlight opens one.
  watchSelection({
    document: doc,
    signal,
    isOwnNode,
    onChange(range) {
      if (tools || range) withTools((loaded) => loaded.selectionChanged(range));
    },
  });
  const listen = readerInput(doc, signal);
  listen('click', (event) => {
    if (tools) return tools.clicked(event);
    if (!doc.getSelection()?.isCollapsed) return;
    const row = saved.at(event.clientX, event.clientY);
    const pointer = { x: event.clientX, y: event.clientY };
    if (row) withTools((loaded) => loaded.openPopover(row.id, pointer));
  });
  listen('keydown', (event) => tools?.keydown(event));

  return {
    saveSelection: async (colour) => (await load()).saveSelection(colour),
    showHighlight(id, addToCorpus = false) {
      if (!saved.rangeOf(id)) return false;
      withTools((loaded) => loaded.showHighlight(id, addToCorpus));
      return true;
    },
  };
}
