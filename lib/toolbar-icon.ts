/**
 * The toolbar icon: which of Lens's states a tab is in, and the icon files
 * that show it. The build (build/icons.ts) renders exactly these files from
 * assets/icon.svg, so the names and sizes live here once.
 */
import type { MessageKey } from './i18n/translate';
import { isActiveOn, type Settings } from './settings';

/** What the toolbar icon tells the reader about a tab. */
export type ToolbarState = 'active' | 'paused' | 'site-off';

export const TOOLBAR_STATES: readonly ToolbarState[] = ['active', 'paused', 'site-off'];

/** The extension's icon (manifest `icons`): the sizes Chrome, Firefox and the two stores ask for. */
export const ICON_SIZES = [16, 24, 32, 48, 96, 128] as const;

/** The toolbar icon, per state: 16 px and its 1.5× and 2× screens. */
export const ACTION_ICON_SIZES = [16, 24, 32] as const;

/** The file of an icon in the built extension; the active state's is the extension's own icon. */
export function iconPath(state: ToolbarState, size: number): string {
  return state === 'active' ? `icon/${size}.png` : `icon/${state}-${size}.png`;
}

/** The toolbar icon's files for a state, as `action.setIcon({ path })` and `action.default_icon` take them. */
export function toolbarIcon(state: ToolbarState): Record<string, string> {
  return Object.fromEntries(ACTION_ICON_SIZES.map((size) => [String(size), iconPath(state, size)]));
}

/**
 * The state of a tab showing `url`: paused wins over the site's switch, since
 * pausing turns Lens off everywhere; a page Lens cannot read (no host) is active
 * unless paused, as the content script would be.
 */
export function toolbarState(settings: Settings, url: string): ToolbarState {
  if (settings.paused) return 'paused';
  return isActiveOn(settings, url) ? 'active' : 'site-off';
}

/** The message of the toolbar button's tooltip (and accessible name) for a state: the icon's meaning in words. */
export function toolbarTitleKey(state: ToolbarState): MessageKey {
  return TITLES[state];
}

const TITLES: Record<ToolbarState, MessageKey> = {
  active: 'toolbarActive',
  paused: 'toolbarPaused',
  'site-off': 'toolbarSiteOff',
};
