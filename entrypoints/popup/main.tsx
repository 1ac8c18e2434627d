import { render } from 'preact';
import { browser } from 'wxt/browser';
import { downloadText } from '../../lib/ui/download';
import { createClient, type TabProtocol } from '../../lib/messages';
import { Popup } from '../../lib/ui/popup';
import { applyPageTheme } from '../../lib/ui/theme';
import { loadTranslator } from '../../lib/i18n/load';
import { setTranslator, t } from '../../lib/i18n/translate';
import '../../lib/ui/base.css';
import '../../lib/ui/card.css';
import '../../lib/ui/popup.css';

const params = new URLSearchParams(location.search);
const ask = createClient((message) => browser.runtime.sendMessage(message));

// "Search in Lens" on a card left its query (and its tab) with the background, once.
const handed = await ask('takeSearch', null).catch(() => null);
// Opened as a page in a tab, not as the popup: laid out for a tab (popup.css).
if (params.get('view') === 'tab') document.documentElement.dataset.view = 'tab';

/**
 * The tab the popup is about: the card's tab for a search from a card, the
 * one named by ?tab=, or the active tab of the window it opened over.
 */
async function targetTab(): Promise<number | undefined> {
  if (handed?.tabId !== undefined) return handed.tabId;
  const named = Number(params.get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  const self = await browser.tabs.getCurrent();
  return active?.id !== undefined && active.id !== self?.id ? active.id : undefined;
}

const tabId = await targetTab();
const askTab =
  tabId === undefined ? null : createClient<TabProtocol>((message) => browser.tabs.sendMessage(tabId, message));
// (Asked of the browser here, not of the tab's content script: a page's script need not touch the extension API for it.)
const inPrivate =
  tabId === undefined
    ? false
    : await browser.tabs.get(tabId).then(
        (tab) => tab.incognito,
        () => false,
      );
const settings = await ask('getSettings', null).catch(() => null);
const theme = applyPageTheme(document, settings?.theme ?? 'auto');
const translator = await loadTranslator(settings?.language ?? 'browser', browser.i18n);
setTranslator(translator);
document.documentElement.lang = translator.locale;
document.title = t('extName');

render(
  <Popup
    ask={ask}
    askTab={askTab}
    inPrivate={inPrivate}
    theme={theme}
    initialQuery={handed?.query}
    openOptions={() => void browser.runtime.openOptionsPage()}
    download={downloadText}
    close={() => window.close()}
  />,
  document.getElementById('app')!,
);
