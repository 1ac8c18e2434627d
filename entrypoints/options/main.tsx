import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient } from '../../lib/messages';
import { downloadText } from '../../lib/ui/download';
import { Options } from '../../lib/ui/options';
import { applyPageTheme } from '../../lib/ui/theme';
import { loadTranslator } from '../../lib/i18n/load';
import type { LanguageSetting } from '../../lib/i18n/locales';
import { setTranslator, t } from '../../lib/i18n/translate';
import '../../lib/ui/base.css';
import '../../lib/ui/options.css';

const ask = createClient((message) => browser.runtime.sendMessage(message));

/** Speaks `language` (the browser's when the settings cannot be read), then renders the page in it. */
async function show(language: LanguageSetting) {
  const translator = await loadTranslator(language, browser.i18n);
  setTranslator(translator);
  document.documentElement.lang = translator.locale;
  document.title = t('optionsTitle');
  const root = document.getElementById('app')!;
  // Rendered afresh: every component reads the new translator (the settings are read again too).
  render(null, root);
  render(
    <Options
      ask={ask}
      onTheme={(theme) => applyPageTheme(document, theme)}
      onLanguage={(next) => void show(next)}
      download={downloadText}
    />,
    root,
  );
}

const settings = await ask('getSettings', null).catch(() => null);
await show(settings?.language ?? 'browser');
