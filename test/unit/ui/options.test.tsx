// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { expect, test } from 'vitest';
import { Options } from '../../../lib/ui/options';
import { heldSettings } from './held-settings';
import { useRenderRoot } from './render-root';

const ui = useRenderRoot();

/** The options page over a background that answers when the test lets it (./held-settings.tsx). */
async function optionsPage() {
  const background = heldSettings();
  await background.render(<Options ask={background.ask} />, ui.root);
  const kind = (label: string) =>
    [...ui.root.querySelectorAll('label')].find((l) => l.textContent!.trim() === label)!.querySelector('input')!;
  return {
    kind,
    stored: background.stored,
    click: (input: HTMLInputElement) => act(() => input.click()),
    answer: background.answer,
    fail: background.failNext,
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
