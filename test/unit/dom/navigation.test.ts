import { describe, expect, test } from 'vitest';
import { loadedAs } from '../../../lib/dom/navigation';

const LOADED = 'https://news.example/2024/06/19/treaty';
const PUSHED = 'https://news.example/2024/06/20/other-story';

/** A window whose page has pushed another URL since its load: what `loadedAs` may read of it. */
function windowWith(parts: { activation?: unknown; entry?: { name: string; type: string } }): Window {
  let timelineRead = false;
  const win = {
    location: { href: PUSHED },
    performance: {
      getEntriesByType: (type: string) => {
        timelineRead = true;
        return type === 'navigation' && parts.entry ? [parts.entry] : [];
      },
    },
    ...('activation' in parts && { navigation: { activation: parts.activation } }),
    timelineRead: () => timelineRead,
  };
  return win as unknown as Window;
}
const timelineRead = (win: Window) => (win as unknown as { timelineRead(): boolean }).timelineRead();

describe('loadedAs: where and how a document was loaded', () => {
  test.each([
    ['push', 'navigate'],
    ['replace', 'navigate'],
    ['reload', 'reload'],
    ['traverse', 'back_forward'],
  ])('from the Navigation API’s activation (%s → %s), without reading the performance timeline', (kind, type) => {
    const win = windowWith({
      activation: { entry: { url: LOADED }, navigationType: kind },
      entry: { name: 'https://elsewhere.example/', type: 'navigate' },
    });
    expect(loadedAs(win)).toEqual({ url: LOADED, type });
    expect(timelineRead(win)).toBe(false);
  });

  test.each(['prerender', 'constructor', undefined])(
    'an activation of a kind this code does not know (%s) keeps the URL and says the kind is unknown',
    (kind) => {
      const win = windowWith({ activation: { entry: { url: LOADED }, navigationType: kind } });
      expect(loadedAs(win)).toEqual({ url: LOADED, type: undefined });
    },
  );

  test.each([
    ['no Navigation API', {}],
    ['no activation (an initial about:blank)', { activation: null }],
    ['an activation without an entry', { activation: { entry: null, navigationType: 'push' } }],
    ['an entry without a URL', { activation: { entry: { url: null }, navigationType: 'push' } }],
  ])('with %s: from the navigation timing entry', (_case, parts) => {
    const win = windowWith({ ...parts, entry: { name: LOADED, type: 'back_forward' } });
    expect(loadedAs(win)).toEqual({ url: LOADED, type: 'back_forward' });
  });

  test('with neither: the address the frame shows now, the kind unknown', () => {
    expect(loadedAs(windowWith({}))).toEqual({ url: PUSHED, type: undefined });
  });
});
