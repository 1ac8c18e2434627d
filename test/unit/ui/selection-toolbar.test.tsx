// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { SelectionToolbar, type SelectionToolbarProps } from '../../../lib/ui/selection-toolbar';
import { useRenderRoot } from './render-root';

const ui = useRenderRoot();

const { $, click, typeInto, key } = ui;

describe('SelectionToolbar', () => {
  function show(props: Partial<SelectionToolbarProps> = {}) {
    const handlers = { onColour: vi.fn(), onSave: vi.fn(), onClose: vi.fn() };
    act(() => render(<SelectionToolbar colour="yellow" {...handlers} {...props} />, ui.root));
    return handlers;
  }

  test('Highlight saves without a note; a colour is chosen, one pressed at a time', () => {
    const { onSave, onColour } = show({ colour: 'green' });
    expect(
      [...ui.root.querySelectorAll('.rdl-colour')].map((b) => [
        b.getAttribute('aria-label'),
        b.getAttribute('aria-pressed'),
      ]),
    ).toEqual([
      ['Yellow', 'false'],
      ['Green', 'true'],
      ['Blue', 'false'],
      ['Pink', 'false'],
    ]);
    click('[data-colour="pink"]');
    expect(onColour).toHaveBeenCalledWith('pink');
    click('[data-action="highlight"]');
    expect(onSave).toHaveBeenCalledWith('');
  });

  test('Add note opens a focused note field; Save (or Ctrl+Enter) saves with it; Cancel drops it', () => {
    const { onSave } = show();
    click('[data-action="add-note"]');
    const field = $<HTMLTextAreaElement>('textarea')!;
    expect(document.activeElement).toBe(field);
    expect($('[data-action="add-note"]')).toBeNull();
    typeInto('textarea', 'Compare 2023');
    click('[data-action="save-note"]');
    expect(onSave).toHaveBeenLastCalledWith('Compare 2023');
    key(field, 'Enter', { ctrlKey: true });
    expect(onSave).toHaveBeenCalledTimes(2);
    click('[data-action="cancel-note"]');
    expect($('textarea')).toBeNull();
  });

  test('a press on its buttons keeps the page selection (no default), a press in the note field does not', () => {
    show();
    const press = (target: Element) => {
      const event = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(press($('[data-action="highlight"]')!)).toBe(true);
    click('[data-action="add-note"]');
    expect(press($('textarea')!)).toBe(false);
  });

  test('where saving is off, it says why instead of offering buttons', () => {
    show({ unavailable: 'Saving highlights is off: no storage here.' });
    expect($('[data-role="unavailable"]')?.textContent).toBe('Saving highlights is off: no storage here.');
    expect($('[data-action="highlight"]')).toBeNull();
  });

  test('a failed save is announced; while saving the buttons are disabled; Esc closes', () => {
    const { onClose } = show({ error: 'No room left.', busy: true });
    expect($('[role="alert"]')?.textContent).toBe('No room left.');
    expect($<HTMLButtonElement>('[data-action="highlight"]')!.disabled).toBe(true);
    key($('.rdl-toolbar')!, 'Escape');
    expect(onClose).toHaveBeenCalled();
  });
});
