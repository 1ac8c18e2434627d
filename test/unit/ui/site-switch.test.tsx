// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, test } from 'vitest';
import type { Client, TabProtocol } from '../../../lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { SiteSwitch } from '../../../lib/ui/popup/site-switch';
import { heldSettings } from './held-settings';
import { useRenderRoot } from './render-root';

const ui = useRenderRoot();

/** The popup's switches over a tab on `url`, recording every settings change the reader makes. */
async function switches(url: string, inPrivate: boolean) {
  const written: Partial<Settings>[] = [];
  const ask = ((type: string, payload: Partial<Settings>) => {
    if (type === 'getSettings') return Promise.resolve(DEFAULT_SETTINGS);
    if (type === 'setSettings') {
      written.push(payload);
      return Promise.resolve({ ...DEFAULT_SETTINGS, ...payload });
    }
    return Promise.reject(new Error(`unexpected ${type}`));
  }) as unknown as Client;
  const askTab = ((type: string) =>
    type === 'getPageInfo'
      ? Promise.resolve({ url, active: true })
      : Promise.reject(new Error(`unexpected ${type}`))) as unknown as Client<TabProtocol>;
  await act(async () => {
    render(<SiteSwitch ask={ask} askTab={askTab} inPrivate={inPrivate} openOptions={() => undefined} />, ui.root);
  });
  return written;
}

test('a tab in an ordinary window offers Lens on or off for its site', async () => {
  const written = await switches('https://news.example.org/a', false);
  const site = [...ui.root.querySelectorAll('label.switch')].find((l) => l.textContent!.includes('news.example.org'));
  expect(site).toBeDefined();
  await act(async () => site!.querySelector('input')!.click());
  expect(written).toEqual([{ disabledSites: ['news.example.org'] }]);
});

test("a private window's tab offers no site switch, so its host is never stored; pausing stays", async () => {
  await switches('https://news.example.org/a', true);
  expect(ui.root.textContent).not.toContain('On news.example.org');
  expect(ui.root.textContent).toContain('Lens keeps nothing from a private window');
  expect(ui.root.querySelectorAll('input[role="switch"]')).toHaveLength(1);
});

test('two quick clicks on "pause everywhere" are two changes: it ends as it began, shown and stored', async () => {
  // The background answers only when the test lets it (a busy one).
  const background = heldSettings();
  await background.render(
    <SiteSwitch ask={background.ask} askTab={null} inPrivate={false} openOptions={() => undefined} />,
    ui.root,
  );
  const pause = () => ui.root.querySelector<HTMLInputElement>('input[role="switch"]')!;
  await act(() => pause().click());
  expect(pause().checked).toBe(true);
  await act(() => pause().click());
  expect(pause().checked).toBe(false);
  await background.answer();
  await background.answer();
  expect(background.stored().paused).toBe(false);
  expect(pause().checked).toBe(false);
});
