/**
 * The selection toolbar and a saved highlight's popover, in the overlay's
 * tool layer (one at a time). The content script (lib/dom/highlight-actions.ts)
 * decides what to show and does the saving; this renders it next to the text.
 */
import { readPageMetadata, type PageMetadata } from '../dom/page-metadata';
import type { Anchor } from './floating';
import { ReadingForm, type ReadingFormProps } from './reading-form';
import { HighlightPopover, type HighlightPopoverProps } from './highlight-popover';
import type { Overlay } from './overlay';
import { SelectionToolbar, type SelectionToolbarProps } from './selection-toolbar';

export type ToolKind = 'toolbar' | 'popover' | 'reading';

export interface HighlightUi {
  /** Shows (or updates) the toolbar next to the selection. */
  showToolbar(anchor: Anchor, props: SelectionToolbarProps): void;
  /** Shows (or updates) the popover of highlight `id` next to it. */
  showPopover(id: string, anchor: Anchor, props: HighlightPopoverProps, pointer?: { x: number; y: number }): void;
  /** Shows the "Add to my corpus" form next to the passage. */
  showReadingForm(anchor: Anchor, props: ReadingFormProps): void;
  /** What the page publishes about itself (loaded with the UI, not on every page). */
  readPage(doc: Document): PageMetadata;
  closeTool(): void;
  /** what is shown now */
  openTool(): ToolKind | null;
}

export function createHighlightUi(overlay: Overlay): HighlightUi {
  let open: ToolKind | null = null;
  return {
    showToolbar(anchor, props) {
      open = 'toolbar';
      // Above the selection, where it hides what was already read rather than what comes next.
      overlay.showTool(<SelectionToolbar {...props} />, anchor, undefined, 'top-start');
    },
    showPopover(id, anchor, props, pointer) {
      open = 'popover';
      // Keyed by highlight: another highlight's popover starts with its own note.
      overlay.showTool(<HighlightPopover key={id} {...props} />, anchor, pointer, 'bottom-start');
    },
    showReadingForm(anchor, props) {
      open = 'reading';
      overlay.showTool(<ReadingForm {...props} />, anchor, undefined, 'bottom-start');
    },
    readPage: readPageMetadata,
    closeTool() {
      open = null;
      overlay.hideTool();
    },
    openTool: () => (overlay.isToolOpen() ? open : null),
  };
}
