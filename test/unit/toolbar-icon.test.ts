import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { iconPath, toolbarIcon, toolbarState } from '../../lib/toolbar-icon';

describe('toolbarState', () => {
  const off = { ...DEFAULT_SETTINGS, disabledSites: ['bbc.com'] };
  test.each([
    ['a news page', DEFAULT_SETTINGS, 'https://www.nknews.org/2024/06/x', 'active'],
    ['a subdomain of a site Lens is off for', off, 'https://www.bbc.com/news', 'site-off'],
    ['another site', off, 'https://www.nknews.org/', 'active'],
    ['paused, on a site Lens is off for', { ...off, paused: true }, 'https://www.bbc.com/news', 'paused'],
    ['paused, anywhere', { ...DEFAULT_SETTINGS, paused: true }, 'https://www.nknews.org/', 'paused'],
    ['a page without a host', off, 'about:blank', 'active'],
  ] as const)('%s', (_, settings, url, state) => {
    expect(toolbarState(settings, url)).toBe(state);
  });
});

test('each state has its own toolbar files at 16, 24 and 32 px; the active ones are the extension icon', () => {
  expect(toolbarIcon('active')).toEqual({ 16: 'icon/16.png', 24: 'icon/24.png', 32: 'icon/32.png' });
  expect(toolbarIcon('paused')).toEqual({
    16: 'icon/paused-16.png',
    24: 'icon/paused-24.png',
    32: 'icon/paused-32.png',
  });
  expect(iconPath('site-off', 16)).toBe('icon/site-off-16.png');
});
