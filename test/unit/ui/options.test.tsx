// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, test } from 'vitest';
import type { Client } from '../../../lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { Options } from '../../../lib/ui/options';
import { useRenderRoot } from './render-root';

const ui = useRenderRoot();

/**
 * The options page over a store whose answers to setSettings wait until the
 * test lets them go (`answer`), as a busy background's do; `fail` makes the
 * next write fail.
 */
async function optionsPage() {
  let stored: Settings = { ...DEFAULT_SETTINGS };
  const waiting: (() => void)[] = [];
  let failNext = false;
  const ask = ((type: string, payload: Partial<Settings>) => {
    if (type === 'getSettings') return Promise.resolve(stored);
    if (type === 'setSettings') {
      const fails = failNext;
      failNext = false;
      return new Promise<Settings>((resolve, reject) =>
        waiting.push(() => {
          if (fails) return reject(new Error('The disk is full'));
          stored = { ...stored, ...payload };
          resolve(stored);
        }),
      );
    }
    return Promise.reject(new Error(`not in this test: ${type}`));
  }) as unknown as Client;
  // (The fake store's answers are settled promises: a task after they are asked for, the page has done
  // with them. The settings are asked for by an effect, which runs once the render's act is done.)
  const settle = () => act(() => new Promise((resolve) => setTimeout(resolve)));
  await act(() => {
    render(<Options ask={ask} />, ui.root);
  });
  await settle();
  const kind = (label: string) =>
    [...ui.root.querySelectorAll('label')].find((l) => l.textContent!.trim() === label)!.querySelector('input')!;
  return {
    kind,
    stored: () => stored,
    click: (input: HTMLInputElement) => act(() => input.click()),
    answer: () => {
      waiting.shift()!();
      return settle();
    },
    fail: () => (failNext = true),
  };
}

test('two quick clicks on a kind are two changes: it ends as it began, shown and stored', async () => {
  const page = await optionsPage();
  expect(page.kind('Places').checked).toBe(true);
  await page.click(page.kind('Places'));
  // Shown at once, before the background answers.
  expect(page.kind('Places').checked).toBe(false);
  await page.click(page.kind('Places'));
  expect(page.kind('Places').checked).toBe(true);
  await page.answer();
  // The first answer (places off) is not shown over the second change.
  expect(page.kind('Places').checked).toBe(true);
  await page.answer();
  expect(page.stored().kinds).toContain('place');
  expect(page.kind('Places').checked).toBe(true);
});

test('a change the store refuses is said, and the page shows what is stored', async () => {
  const page = await optionsPage();
  page.fail();
  await page.click(page.kind('People'));
  expect(page.kind('People').checked).toBe(false);
  await page.answer();
  expect(ui.root.textContent).toContain('The disk is full');
  expect(page.kind('People').checked).toBe(true);
  expect(page.stored().kinds).toContain('person');
});
