/**
 * Esc on one of Lens's dialogs (card, panel, toolbar, popover) closes it, and
 * goes no further: not to the page, nor to a dialog it was opened from.
 */
export function closeOnEscape(onClose: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
}
