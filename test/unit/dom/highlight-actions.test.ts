// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { pageAnchoring } from '../../../lib/anchoring/page';
import { quotaMessage } from '../../../lib/db/highlight-store';
import type { HighlightRow } from '../../../lib/db/schema';
import { createHighlightActions, type HighlightStore } from '../../../lib/dom/highlight-actions';
import { createHighlightTools } from '../../../lib/dom/highlight-tools';
import { createSavedHighlights } from '../../../lib/dom/saved-highlights';
import type { NewHighlight } from '../../../lib/db/highlight-store';
import type { HighlightPopoverProps } from '../../../lib/ui/highlight-popover';
import type { SelectionToolbarProps } from '../../../lib/ui/selection-toolbar';
import { installHighlightShim, textsOf, type FakeHighlight } from './highlight-shim';
import { rangeOver } from '../range-over';
import { asReader } from './trusted';
import { textOf } from '../../../lib/i18n/translate';

let registry: Map<string, FakeHighlight>;
let controller: AbortController;
beforeEach(() => {
  registry = installHighlightShim();
  controller = new AbortController();
  document.body.innerHTML =
    '<p>Vladimir Putin arrived in Pyongyang on 19 June 2024.</p><p>Trade remains small, at about $29 million.</p>';
});
afterEach(() => {
  controller.abort();
  document.getSelection()?.removeAllRanges();
});

/** What the UI was last asked to show. */
function fakeUi() {
  const shown = {
    toolbar: null as SelectionToolbarProps | null,
    popover: null as { id: string; props: HighlightPopoverProps } | null,
  };
  const ui = {
    showToolbar: (_: unknown, props: SelectionToolbarProps) => Object.assign(shown, { toolbar: props, popover: null }),
    readPage: () => ({ title: 'Envoy visits Pyongyang', outlet: 'Example Daily' }),
    showPopover: (id: string, _: unknown, props: HighlightPopoverProps) =>
      Object.assign(shown, { toolbar: null, popover: { id, props } }),
    closeTool: () => Object.assign(shown, { toolbar: null, popover: null }),
    openTool: () => (shown.toolbar ? 'toolbar' : shown.popover ? 'popover' : null),
    containsEvent: () => false,
  } as const;
  return { ui, shown };
}

/** the background, for "Add to my corpus" (only handed on to the UI here) */
const ask = vi.fn();

function fakeStore(): HighlightStore & { rows: HighlightRow[] } {
  const rows: HighlightRow[] = [];
  return {
    rows,
    save: vi.fn(async (draft: NewHighlight) => {
      const row = { ...draft, id: `h-${rows.length + 1}`, createdAt: 1, updatedAt: 1 };
      rows.push(row);
      return row;
    }),
    update: vi.fn(async (id, patch) => {
      const i = rows.findIndex((r) => r.id === id);
      rows[i] = { ...rows[i]!, ...patch, updatedAt: 2 };
      return rows[i]!;
    }),
    remove: vi.fn(async (id) => {
      rows.splice(
        rows.findIndex((r) => r.id === id),
        1,
      );
    }),
  };
}

function start(
  options: {
    unavailable?: string;
    store?: HighlightStore;
    loadTools?: () => Promise<typeof createHighlightTools>;
  } = {},
) {
  const { ui, shown } = fakeUi();
  const store = options.store ?? fakeStore();
  const saved = createSavedHighlights({
    document,
    registry: registry as unknown as HighlightRegistry,
    signal: controller.signal,
    root: () => document.body,
    loadAnchoring: () => Promise.resolve(pageAnchoring),
  });
  const actions = createHighlightActions({
    document,
    signal: controller.signal,
    saved,
    store,
    unavailable: options.unavailable ?? null,
    root: () => document.body,
    isOwnNode: (node) => node.nodeName === 'RDL-UI',
    entityIdsIn: (range) => (range.toString().includes('Putin') ? ['e-vladimir-putin'] : []),
    ask,
    loadUi: () => Promise.resolve(ui),
    loadAnchoring: () => Promise.resolve(pageAnchoring),
    loadTools: options.loadTools ?? (() => Promise.resolve(createHighlightTools)),
  });
  return { actions, saved, store, shown };
}

/** Selects `text` as the reader does from the keyboard (happy-dom's own selectionchange is not trusted). */
function select(text: string) {
  document.dispatchEvent(asReader(new KeyboardEvent('keydown', { key: 'ArrowRight', shiftKey: true })));
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(rangeOver(text));
  document.dispatchEvent(asReader(new Event('selectionchange')));
}

const settle = (ms = 200) => new Promise((done) => setTimeout(done, ms));

describe('highlight actions', () => {
  test('the toolbar and a popover carry what "Add to my corpus" needs: the page, the store, the highlight', async () => {
    const { shown, store, actions } = start();
    select('Putin arrived in Pyongyang ');
    await settle();
    expect(shown.toolbar?.context).toMatchObject({ document, ask });
    shown.toolbar!.onSave('');
    await settle(0);
    const row = (store as ReturnType<typeof fakeStore>).rows[0]!;
    expect(actions.showHighlight(row.id)).toBe(true);
    await settle(0);
    expect(shown.popover?.props).toMatchObject({ context: { ask }, highlight: row });
  });

  test('the tools load with the reader’s first selection, once; clicks and Esc on a page only read load nothing', async () => {
    const loadTools = vi.fn(() => Promise.resolve(createHighlightTools));
    const { shown } = start({ loadTools });
    document.body.dispatchEvent(asReader(new MouseEvent('click', { bubbles: true, clientX: 5, clientY: 5 })));
    document.dispatchEvent(asReader(new KeyboardEvent('keydown', { key: 'Escape' })));
    await settle();
    expect(loadTools).not.toHaveBeenCalled();
    expect(shown.toolbar).toBeNull();

    select('Putin arrived in Pyongyang ');
    await settle();
    expect(shown.toolbar).toMatchObject({ colour: 'yellow' });
    select('Trade remains small');
    await settle();
    expect(shown.toolbar?.context).toMatchObject({ document });
    expect(loadTools).toHaveBeenCalledTimes(1);
  });

  test('tools that could not load are reported, and the next selection tries again', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const loadTools = vi
      .fn<() => Promise<typeof createHighlightTools>>()
      .mockRejectedValueOnce(new Error('the extension was updated'))
      .mockResolvedValue(createHighlightTools);
    const { shown } = start({ loadTools });
    select('Putin arrived in Pyongyang ');
    await settle();
    expect(shown.toolbar).toBeNull();
    expect(error).toHaveBeenCalledWith('[RU–DPRK Lens] could not load the highlight tools:', expect.any(Error));
    select('Trade remains small');
    await settle();
    expect(shown.toolbar).toMatchObject({ colour: 'yellow' });
    error.mockRestore();
  });

  test('a selection shows the toolbar; Highlight saves it with its selectors, entities and colour, and draws it', async () => {
    const { shown, store } = start();
    select('Putin arrived in Pyongyang ');
    await settle();
    expect(shown.toolbar).toMatchObject({ colour: 'yellow', unavailable: undefined });
    shown.toolbar!.onColour('green');
    await settle(0);
    expect(shown.toolbar?.colour).toBe('green');
    shown.toolbar!.onSave('  Check the date  ');
    await settle(0);

    expect(store.save).toHaveBeenCalledWith({
      url: location.href,
      title: document.title,
      note: 'Check the date',
      colour: 'green',
      entityIds: ['e-vladimir-putin'],
      quote: {
        type: 'TextQuoteSelector',
        exact: 'Putin arrived in Pyongyang',
        prefix: 'Vladimir ',
        suffix: ' on 19 June 2024.Trade remains s',
      },
      position: { type: 'TextPositionSelector', start: 9, end: 35 },
    });
    // saved with a note: drawn as a highlight that has one
    expect(textsOf(registry.get('rdl-saved-green-noted'))).toEqual(['Putin arrived in Pyongyang']);
    expect(registry.get('rdl-saved-green')?.size ?? 0).toBe(0);
    expect(document.getSelection()?.isCollapsed ?? true).toBe(true);
    expect(shown.toolbar).toBeNull();
  });

  test('a full disk: the toolbar says so, and nothing is drawn', async () => {
    const store = fakeStore();
    vi.mocked(store.save).mockRejectedValueOnce(new Error(quotaMessage()));
    const { actions, shown } = start({ store });
    select('Trade remains small');
    await expect(actions.saveSelection()).rejects.toThrow(quotaMessage());
    await settle(0);
    expect(shown.toolbar).toMatchObject({ error: quotaMessage(), busy: undefined });
    expect(registry.get('rdl-saved-yellow')?.size ?? 0).toBe(0);
  });

  test('no storage here: the toolbar explains, and nothing is sent to the store', async () => {
    const reason = 'Saving highlights is off: no storage.';
    const { actions, shown, store } = start({ unavailable: reason });
    select('Trade remains small');
    await settle();
    expect(shown.toolbar?.unavailable).toBe(reason);
    await expect(actions.saveSelection()).rejects.toThrow(reason);
    expect(store.save).not.toHaveBeenCalled();
  });

  test('the menu or shortcut saves the selection in the colour asked for, and opens its note', async () => {
    const { actions, shown } = start();
    expect(await actions.saveSelection()).toBeNull(); // nothing selected
    select('Trade remains small');
    const row = await actions.saveSelection('blue');
    expect(row).toMatchObject({ colour: 'blue', quote: { exact: 'Trade remains small' } });
    await settle(0);
    expect(shown.popover).toMatchObject({ id: row!.id, props: { note: '', colour: 'blue', focusNote: true } });
  });

  test('the popover saves a note, changes the colour, says when a change failed, and deletes', async () => {
    const store = fakeStore();
    const { actions, shown, saved } = start({ store });
    select('Trade remains small');
    const row = (await actions.saveSelection())!;
    await settle(0);

    shown.popover!.props.onSaveNote('A figure for 2023');
    await settle(0);
    expect(store.update).toHaveBeenLastCalledWith(row.id, { note: 'A figure for 2023' });
    expect(shown.popover?.props).toMatchObject({ note: 'A figure for 2023', busy: false });
    // What the popover says, in the reader's words (English here: test/unit/i18n-setup.ts).
    expect(textOf(shown.popover!.props.status!)).toBe('Note saved.');

    shown.popover!.props.onColour('pink');
    await settle(0);
    expect(textsOf(registry.get('rdl-saved-pink-noted'))).toEqual(['Trade remains small']);

    vi.mocked(store.update).mockRejectedValueOnce(new Error(quotaMessage()));
    shown.popover!.props.onSaveNote('Longer');
    await settle(0);
    expect(shown.popover?.props).toMatchObject({ error: quotaMessage(), note: 'A figure for 2023' });

    shown.popover!.props.onDelete();
    await settle(0);
    expect(store.remove).toHaveBeenCalledWith(row.id);
    expect(shown.popover).toBeNull();
    expect(saved.status()).toEqual({ anchored: [], orphans: [] });
  });

  test('showHighlight opens the popover of a drawn highlight; an orphan or unknown id gives false', async () => {
    const { actions, shown } = start();
    select('Trade remains small');
    const row = (await actions.saveSelection())!;
    Object.assign(shown, { popover: null });
    expect(actions.showHighlight('nope')).toBe(false);
    expect(actions.showHighlight(row.id)).toBe(true);
    await settle(0);
    expect(shown.popover?.id).toBe(row.id);
  });
});
