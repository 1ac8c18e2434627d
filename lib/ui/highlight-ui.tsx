/**
 * The selection toolbar and a saved highlight's popover, in the overlay's
 * tool layer (one at a time). The content script (lib/dom/highlight-actions.ts)
 * decides what to show and does the saving; this renders it next to the text.
 */
import type { Anchor } from './floating';
import { HighlightPopover, type HighlightPopoverProps } from './highlight-popover';
import type { Overlay } from './overlay';
import { SelectionToolbar, type SelectionToolbarProps } from './selection-toolbar';

export type ToolKind = 'toolbar' | 'popover';

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
  return {
    showToolbar(anchor, props) {
      open = 'toolbar';
      // Above the selection, where it hides what was already read rather than what comes next.
      overlay.showTool(
        <SelectionToolbar
          {...props}
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
      // Keyed by highlight: another highlight's popover starts with its own note.
      overlay.showTool(<HighlightPopover key={id} {...props} />, anchor, pointer, 'bottom-start');
    },
    closeTool() {
      open = null;
      overlay.hideTool();
    },
    openTool: () => (overlay.isToolOpen() ? open : null),
  };
}
