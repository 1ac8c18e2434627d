/**
 * The card, page panel and highlight tools (Preact, Floating UI, their CSS):
 * loaded by the content script with import() the first time a reader opens a
 * card or selects text, so the script that runs on every page stays small.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import en from '../locales/en.json';
import ko from '../locales/ko.json';
import ru from '../locales/ru.json';
import { translatorFor } from '../lib/i18n/load';
import { setTranslator } from '../lib/i18n/translate';
import cardCss from '../lib/ui/card.css?inline';
import highlightCss from '../lib/ui/highlight.css?inline';
import { createCardUi } from '../lib/ui/page-ui';
import { registerCardUi } from '../lib/ui/ui-handle';

export default defineUnlistedScript({
  globalName: false,
  main() {
    registerCardUi(globalThis, (options) => {
      // The reader's language, from the setting the content script read: the catalogs are here, since a
      // content script cannot switch browser.i18n's language and this script is the one that shows words.
      setTranslator(translatorFor(options.language, browser.i18n, { en, ru, ko }));
      return createCardUi({ ...options, css: cardCss + highlightCss });
    });
  },
});
