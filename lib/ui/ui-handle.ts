/**
 * How the content script finds the card UI once its script has loaded: the
 * UI script (entrypoints/lens-ui.ts) leaves a factory under this key on the
 * content script's global object. Kept apart from page-ui.ts so that the
 * content script can name it without bundling the UI.
 */
import { scriptHandle } from '../lazy-script';
import type { CardUiOptions, PageUi } from './page-ui';

export type CardUiFactory = (options: Omit<CardUiOptions, 'css'>) => PageUi;

export const {
  key: CARD_UI_KEY,
  script: CARD_UI_SCRIPT,
  register: registerCardUi,
  registered: registeredCardUi,
} = scriptHandle<CardUiFactory, '/lens-ui.js'>('rdl-lens.card-ui', '/lens-ui.js');
