/**
 * The card, page panel and highlight tools (Preact, Floating UI, their CSS):
 * loaded by the content script with import() the first time a reader opens a
 * card or selects text, so the script that runs on every page stays small.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import cardCss from '../lib/ui/card.css?inline';
import highlightCss from '../lib/ui/highlight.css?inline';
import { createCardUi } from '../lib/ui/page-ui';
import { registerCardUi } from '../lib/ui/ui-handle';

export default defineUnlistedScript({
  globalName: false,
  main() {
    registerCardUi(globalThis, (options) => createCardUi({ ...options, css: cardCss + highlightCss }));
  },
});
