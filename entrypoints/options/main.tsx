import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient } from '../../lib/messages';
import { downloadText } from '../../lib/ui/download';
import { Options } from '../../lib/ui/options';
import { applyPageTheme } from '../../lib/ui/theme';
import '../../lib/ui/base.css';
import '../../lib/ui/options.css';

const ask = createClient((message) => browser.runtime.sendMessage(message));

render(
  <Options ask={ask} onTheme={(theme) => applyPageTheme(document, theme)} download={downloadText} />,
  document.getElementById('app')!,
);
