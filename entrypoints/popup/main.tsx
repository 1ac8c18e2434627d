import { render } from 'preact';
import { browser } from 'wxt/browser';
import { downloadText } from '../../lib/ui/download';
import { createClient, type TabProtocol } from '../../lib/messages';
import { Popup } from '../../lib/ui/popup';
import { applyPageTheme } from '../../lib/ui/theme';
import '../../lib/ui/base.css';
import '../../lib/ui/card.css';
import '../../lib/ui/popup.css';

const params = new URLSearchParams(location.search);
const ask = createClient((message) => browser.runtime.sendMessage(message));

/**
 * The tab the popup is about: the active tab of the window it opened over, or
 * the one named by ?tab= (when "Search in Lens" opened it as a page).
 */
async function targetTab(): Promise<number | undefined> {
  const named = Number(params.get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  const self = await browser.tabs.getCurrent();
  return active?.id !== undefined && active.id !== self?.id ? active.id : undefined;
}

const tabId = await targetTab();
const askTab =
  tabId === undefined ? null : createClient<TabProtocol>((message) => browser.tabs.sendMessage(tabId, message));
const settings = await ask('getSettings', null).catch(() => null);
const theme = applyPageTheme(document, settings?.theme ?? 'auto');

render(
  <Popup
    ask={ask}
    askTab={askTab}
    theme={theme}
    initialQuery={params.get('q') ?? undefined}
    openOptions={() => void browser.runtime.openOptionsPage()}
    download={downloadText}
    close={() => window.close()}
  />,
  document.getElementById('app')!,
);
