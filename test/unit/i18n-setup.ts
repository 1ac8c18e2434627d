/** Unit tests read the UI in English, as the extension does for a browser in English (lib/i18n). */
import en from '../../locales/en.json';
import { catalogLookup, createTranslator, setTranslator } from '../../lib/i18n/translate';

setTranslator(createTranslator('en', catalogLookup(en)));
