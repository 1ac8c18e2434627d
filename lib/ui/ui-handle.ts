/**
 * How the content script finds the card UI once its script has loaded: the
 * UI script (entrypoints/lens-ui.ts) leaves a factory under this key on the
 * content script's global object. Kept apart from page-ui.ts so that the
 * content script can name it without bundling the UI.
 */
import type { CardUiOptions, PageUi } from './page-ui';

export const CARD_UI_KEY = Symbol.for('rdl-lens.card-ui');
export const CARD_UI_SCRIPT = '/lens-ui.js';

export type CardUiFactory = (options: Omit<CardUiOptions, 'css'>) => PageUi;

export function registerCardUi(global: object, factory: CardUiFactory): void {
  (global as Record<symbol, CardUiFactory>)[CARD_UI_KEY] = factory;
}

export function registeredCardUi(global: object): CardUiFactory | undefined {
  return (global as Record<symbol, CardUiFactory | undefined>)[CARD_UI_KEY];
}
