/**
 * A fresh element to render a component into for each test (in happy-dom),
 * unmounted afterwards, and the interactions the UI tests share.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';

export interface RenderRoot {
  readonly root: HTMLElement;
  $<T extends Element = HTMLElement>(selector: string): T | null;
  click(selector: string): void;
  typeInto(selector: string, text: string): void;
  key(target: Element, key: string, init?: KeyboardEventInit): void;
}

export function useRenderRoot(): RenderRoot {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  const ui: RenderRoot = {
    get root() {
      return root;
    },
    $: <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector),
    click: (selector) => act(() => ui.$(selector)!.click()),
    typeInto(selector, text) {
      const field = ui.$<HTMLTextAreaElement>(selector)!;
      act(() => {
        field.value = text;
        field.dispatchEvent(new Event('input', { bubbles: true }));
      });
    },
    key(target, key, init = {}) {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
      act(() => {
        target.dispatchEvent(event);
      });
    },
  };
  return ui;
}
