// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { HighlightPopover, type HighlightPopoverProps } from '../../../lib/ui/highlight-popover';
import { useRenderRoot } from './render-root';

const ui = useRenderRoot();

const { $, click, typeInto, key } = ui;

describe('HighlightPopover', () => {
  function show(props: Partial<HighlightPopoverProps> = {}) {
    const handlers = { onColour: vi.fn(), onSaveNote: vi.fn(), onDelete: vi.fn(), onClose: vi.fn() };
    act(() => render(<HighlightPopover note="First thoughts" colour="blue" {...handlers} {...props} />, ui.root));
    return handlers;
  }

  test('shows the note to edit; Save note is offered once it changed', () => {
    const { onSaveNote } = show();
    expect($<HTMLTextAreaElement>('textarea')!.value).toBe('First thoughts');
    expect($<HTMLButtonElement>('[data-action="save-note"]')!.disabled).toBe(true);
    typeInto('textarea', 'Second thoughts');
    click('[data-action="save-note"]');
    expect(onSaveNote).toHaveBeenCalledWith('Second thoughts');
  });

  test('colour, delete, close and Esc', () => {
    const { onColour, onDelete, onClose } = show();
    expect($('.rdl-colour[aria-pressed="true"]')?.getAttribute('data-colour')).toBe('blue');
    click('[data-colour="yellow"]');
    expect(onColour).toHaveBeenCalledWith('yellow');
    click('[data-action="delete"]');
    expect(onDelete).toHaveBeenCalled();
    click('[aria-label="Close"]');
    key($('.rdl-popover')!, 'Escape');
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  test('its status region is there before it is filled; an error replaces the status', () => {
    show();
    expect($('[role="status"]')?.textContent).toBe('');
    show({ status: 'Note saved.' });
    expect($('[role="status"]')?.textContent).toBe('Note saved.');
    show({ status: 'Note saved.', error: 'No room left.' });
    expect($('[role="status"]')?.textContent).toBe('');
    expect($('[role="alert"]')?.textContent).toBe('No room left.');
  });

  test('opened from the keyboard or the context menu, the note field has the focus', () => {
    show({ focusNote: true });
    expect(document.activeElement).toBe($('textarea'));
  });
});
