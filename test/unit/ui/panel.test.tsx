// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Panel, type PanelEntity, type PanelProps } from '../../../lib/ui/panel';
import { useRenderRoot } from './render-root';

const entities: PanelEntity[] = [
  { id: 'e-russia', label: 'Russia', kind: 'country', count: 12 },
  { id: 'e-north-korea', label: 'North Korea', kind: 'country', count: 9 },
  { id: 'e-kim-jong-un', label: 'Kim Jong Un', kind: 'person', count: 3 },
  { id: 'e-pyongyang', label: 'Pyongyang', kind: 'place', count: 1 },
  { id: 'e-putin', label: 'Vladimir Putin', kind: 'person', count: 2 },
];

const ui = useRenderRoot();

function show(props: Partial<PanelProps> = {}, into: Element | ShadowRoot = ui.root) {
  const handlers = { onChoose: vi.fn(), onClose: vi.fn() };
  act(() => {
    render(<Panel entities={entities} {...handlers} {...props} />, into);
  });
  return handlers;
}

const listbox = () => ui.root.querySelector<HTMLElement>('[role="listbox"]')!;
const active = () => {
  const id = listbox().getAttribute('aria-activedescendant');
  return ui.root.querySelector<HTMLElement>(`[id="${id}"]`)?.dataset.entityId;
};
function press(key: string, target: Element = listbox(), init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  act(() => {
    target.dispatchEvent(event);
  });
  return event;
}

describe('Panel', () => {
  test('a labelled dialog holding a listbox of every entity with its count', () => {
    show();
    const dialog = ui.root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    const title = ui.root.querySelector(`[id="${dialog.getAttribute('aria-labelledby')}"]`);
    expect(title?.textContent).toBe('On this page');
    expect(listbox().getAttribute('aria-labelledby')).toBe(dialog.getAttribute('aria-labelledby'));
    const options = [...ui.root.querySelectorAll('[role="option"]')];
    expect(options.map((o) => o.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Russia Country 12 mentions',
      'North Korea Country 9 mentions',
      'Kim Jong Un Person 3 mentions',
      'Pyongyang Place 1 mention',
      'Vladimir Putin Person 2 mentions',
    ]);
  });

  test('focuses its list on mount, the first entity active', () => {
    show();
    expect(document.activeElement).toBe(listbox());
    expect(active()).toBe('e-russia');
    expect(ui.root.querySelector('[aria-selected="true"]')?.getAttribute('data-entity-id')).toBe('e-russia');
    expect(ui.root.querySelectorAll('[aria-selected="true"]')).toHaveLength(1);
  });

  test.each([
    [['ArrowDown'], 'e-north-korea'],
    [['ArrowDown', 'ArrowDown', 'ArrowUp'], 'e-north-korea'],
    [['ArrowUp'], 'e-russia'], // stays at the top
    [['End'], 'e-putin'],
    [['End', 'ArrowDown'], 'e-putin'], // stays at the bottom
    [['End', 'Home'], 'e-russia'],
    [['p'], 'e-pyongyang'], // type-ahead
    [['p', 'P'], 'e-pyongyang'], // any case; the only one starting with p stays active
    [['v'], 'e-putin'],
  ])('%j → %s', (keys, expected) => {
    show();
    for (const key of keys) press(key);
    expect(active()).toBe(expected);
  });

  test('arrow keys do not reach the page', () => {
    show();
    const event = press('ArrowDown');
    expect(event.defaultPrevented).toBe(true);
  });

  test('Enter chooses the active entity, again on each Enter', () => {
    const { onChoose } = show();
    press('ArrowDown');
    press('Enter');
    press('Enter');
    expect(onChoose.mock.calls).toEqual([['e-north-korea'], ['e-north-korea']]);
  });

  test('a click chooses an entity and makes it active', () => {
    const { onChoose } = show();
    act(() => {
      ui.root
        .querySelector('[data-entity-id="e-kim-jong-un"]')!
        .dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    expect(onChoose).toHaveBeenCalledWith('e-kim-jong-un');
    expect(active()).toBe('e-kim-jong-un');
  });

  test('Esc and the close button close it', () => {
    const { onClose, onChoose } = show();
    const event = press('Escape');
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
    act(() => {
      ui.root.querySelector('.rdl-close')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(onChoose).not.toHaveBeenCalled();
  });

  test('keys with a modifier are left to the browser', () => {
    show();
    const event = press('ArrowDown', listbox(), { ctrlKey: true });
    expect(event.defaultPrevented).toBe(false);
    expect(active()).toBe('e-russia');
  });

  test('a rescan keeps the active entity, or its place when it went away', () => {
    const handlers = show();
    press('ArrowDown');
    press('ArrowDown'); // Kim Jong Un
    const reordered = [entities[2]!, entities[0]!, entities[1]!, entities[3]!];
    act(() => {
      render(<Panel entities={reordered} {...handlers} />, ui.root);
    });
    expect(active()).toBe('e-kim-jong-un');
    const without = reordered.filter((e) => e.id !== 'e-kim-jong-un');
    act(() => {
      render(<Panel entities={without} {...handlers} />, ui.root);
    });
    expect(active()).toBe('e-pyongyang'); // index 2 of what is left
    expect(document.activeElement).toBe(listbox());
  });

  test('nothing found: says so, still focused, Esc still closes', () => {
    const { onClose } = show({ entities: [] });
    expect(ui.root.querySelector('[role="listbox"]')).toBeNull();
    expect(ui.root.querySelector('.rdl-empty')?.textContent).toMatch(/nothing/);
    const dialog = ui.root.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(document.activeElement).toBe(dialog);
    press('Escape', dialog);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  test('in a shadow ui.root, as the content script renders it', () => {
    const host = document.createElement('rdl-ui');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const mount = document.createElement('div');
    shadow.append(mount);
    const { onChoose } = show({ theme: 'dark' }, mount);
    const list = shadow.querySelector<HTMLElement>('[role="listbox"]')!;
    expect(shadow.activeElement).toBe(list);
    expect(shadow.querySelector<HTMLElement>('.rdl-panel')?.dataset.theme).toBe('dark');
    press('End', list);
    press('Enter', list);
    expect(onChoose).toHaveBeenCalledWith('e-putin');
    act(() => render(null, mount));
    host.remove();
  });
});
