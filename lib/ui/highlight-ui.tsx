/**
 * The selection toolbar and a saved highlight's popover, in the overlay's
 * tool layer (one at a time). The content script (lib/dom/highlight-actions.ts)
 * decides what to show and does the saving; this renders it next to the text.
 */
import type { HighlightRow } from '../db/schema';
import type { Anchor } from './floating';
import { ReadingTool, type ReadingContext } from './reading-tool';
import { HighlightPopover, type HighlightPopoverProps } from './highlight-popover';
import type { Overlay } from './overlay';
import { SelectionToolbar, type SelectionToolbarProps } from './selection-toolbar';

export type ToolKind = 'toolbar' | 'popover' | 'reading';

export interface HighlightUi {
  /** Shows (or updates) the toolbar next to the selection. */
  showToolbar(anchor: Anchor, props: SelectionToolbarProps): void;
  /** Shows (or updates) the popover of highlight `id` next to it. */
  showPopover(id: string, anchor: Anchor, props: HighlightPopoverProps, pointer?: { x: number; y: number }): void;
  closeTool(): void;
  /** what is shown now */
  openTool(): ToolKind | null;
}

/**
 * `markDraft`: while a note is written, its passage stays marked (null: no
 * longer): moving the focus into the note field clears the page's selection
 * in Firefox, and the reader would no longer see what they annotate. The
 * content script draws it in Lens's closed layer (lib/dom/saved-layer.ts),
 * never in the page's `CSS.highlights`.
 */
export function createHighlightUi(overlay: Overlay, markDraft: (range: Range | null) => void = () => {}): HighlightUi {
  let open: ToolKind | null = null;
  /**
   * "Add to my corpus" replaces the toolbar or popover with the form, next to
   * the same passage; the content script's tool stays what it was, so its
   * close (Esc, Cancel, a save) closes the form too.
   */
  const addToCorpus = (
    anchor: Anchor,
    context: ReadingContext | undefined,
    from: Range | HighlightRow | undefined,
    onClose: () => void,
  ) =>
    context && from
      ? () => {
          open = 'reading';
          overlay.showTool(
            <ReadingTool context={context} from={from} onClose={onClose} />,
            anchor,
            undefined,
            'bottom-start',
          );
        }
      : undefined;
  return {
    showToolbar(anchor, props) {
      open = 'toolbar';
      // Above the selection, where it hides what was already read rather than what comes next.
      const onAddToCorpus = props.unavailable
        ? undefined
        : addToCorpus(anchor, props.context, anchor instanceof Range ? anchor : undefined, props.onClose);
      overlay.showTool(
        <SelectionToolbar
          {...props}
          onAddToCorpus={onAddToCorpus}
          onNoting={(noting) => markDraft(noting && anchor instanceof Range ? anchor : null)}
        />,
        anchor,
        undefined,
        'top-start',
      );
    },
    showPopover(id, anchor, props, pointer) {
      open = 'popover';
      // One click, one thing: a click on a highlight opens its note box, and
      // the card that resting on a mark inside it had opened closes.
      overlay.hideCard();
      const onAddToCorpus = addToCorpus(anchor, props.context, props.highlight, props.onClose);
      if (props.openForm && onAddToCorpus) return onAddToCorpus();
      // Keyed by highlight: another highlight's popover starts with its own note.
      overlay.showTool(
        <HighlightPopover key={id} {...props} onAddToCorpus={onAddToCorpus} />,
        anchor,
        pointer,
        'bottom-start',
      );
    },
    closeTool() {
      open = null;
      overlay.hideTool();
    },
    openTool: () => (overlay.isToolOpen() ? open : null),
  };
}
