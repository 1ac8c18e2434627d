/**
 * What the reader has selected on the page, reported once the selection has
 * settled: after the mouse button is released (not on every character of a
 * drag), or a moment after the last keyboard change (Shift+arrows).
 *
 * Only page text counts: a selection in a form field, in editable content or
 * in the extension's own UI is nobody's highlight. And only the reader's: a
 * selection a page script makes (which the browser reports with a trusted
 * `selectionchange` too) counts only within a second of the reader's own
 * mouse or key input, so a page cannot put Lens's toolbar up by itself.
 */
import { readerInput } from './reader-input';

export interface SelectionWatchOptions {
  document: Document;
  signal: AbortSignal;
  /** the extension's own UI (its host element) */
  isOwnNode(node: Node): boolean;
  /** with the selected range, or null when there is no longer a selection of page text */
  onChange(range: Range | null): void;
  /** how long the selection must stay unchanged (keyboard selection), in ms */
  delayMs?: number;
}

/** How long after the reader's last key or mouse button a selection is still theirs, in ms. */
const READER_INPUT_MS = 1000;

const EDITABLE = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

/** The reader's selection of page text, as one range (a multi-range selection is joined); null if there is none. */
export function selectedRange(doc: Document, isOwnNode: (node: Node) => boolean): Range | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0).cloneRange();
  if (selection.rangeCount > 1) {
    const last = selection.getRangeAt(selection.rangeCount - 1);
    range.setEnd(last.endContainer, last.endOffset);
  }
  if (range.collapsed || range.toString().trim() === '') return null;
  const common = range.commonAncestorContainer;
  const element = common.nodeType === 1 ? (common as Element) : common.parentElement;
  if (element?.closest(EDITABLE)) return null;
  for (let node: Node | null = common; node; node = node.parentNode) if (isOwnNode(node)) return null;
  return range;
}

export function watchSelection(options: SelectionWatchOptions): void {
  const { document: doc, signal, isOwnNode, delayMs = 150 } = options;
  const win = doc.defaultView!;
  let pointerDown = false;
  let timer: number | undefined;
  let lastInput = Number.NEGATIVE_INFINITY;
  const now = () => win.performance.now();

  const report = () => {
    timer = undefined;
    options.onChange(now() - lastInput < READER_INPUT_MS ? selectedRange(doc, isOwnNode) : null);
  };
  const schedule = (ms: number) => {
    win.clearTimeout(timer);
    timer = win.setTimeout(report, ms);
  };

  const listen = readerInput(doc, signal);
  listen('pointerdown', (event) => {
    // Only the mouse's primary button drags a selection; a tap, a right-click or a press on our UI does not.
    pointerDown =
      event.pointerType === 'mouse' &&
      event.button === 0 &&
      !event.composedPath().some((target) => isOwnNode(target as Node));
  });
  listen('keydown', () => (lastInput = now()));
  listen('pointerup', () => {
    lastInput = now();
    if (!pointerDown) return;
    pointerDown = false;
    // The selection is final only after the browser's own mouseup handling.
    schedule(0);
  });
  listen('selectionchange', () => {
    if (!pointerDown) schedule(delayMs);
  });
  signal.addEventListener('abort', () => win.clearTimeout(timer));
}
