// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { TERM_HIGHLIGHT } from '../../../lib/dom/annotator';
import { startPageLens } from '../../../lib/dom/page-lens';
import { compileMatcher } from '../../../lib/text/matcher';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { installPageHighlights, textsOf, type FakeHighlight } from './highlight-shim';
import { matchWith } from './local-match';

// North Korea and Pyongyang belong to the relationship (core); Putin is a context entity.
const matcher = compileMatcher([
  { id: 'nk', text: 'North Korea', lang: 'en' },
  { id: 'pyongyang', text: 'Pyongyang', lang: 'en' },
  { id: 'putin', text: 'Putin', lang: 'en' },
]);
const tierOf = (id: string) => (id === 'putin' ? 'context' : 'core');
const NAMES = 'North Korea, Pyongyang and North Korea.';
const NO_NAMES = 'No names.';

let registry: Map<string, FakeHighlight>;
let life: AbortController;
beforeEach(() => {
  registry = installPageHighlights();
  life = new AbortController();
});
afterEach(() => life.abort());

const marked = () => textsOf(registry.get(TERM_HIGHLIGHT));

describe('a live page that becomes about the relationship (issue 13, issue 17)', () => {
  test('stays so for the rescan that it starts, though the ticker that made it so has turned meanwhile; its turns rescan only the ticker', async () => {
    document.body.innerHTML = `<p>Putin spoke in Moscow.</p><p id="ticker">${NO_NAMES}</p>`;
    const ticker = document.getElementById('ticker')!;
    /** the texts Lens asked the mentions of, in order */
    const asked: string[] = [];
    const local = matchWith(matcher);
    let turnWhileAsked = true;
    const lens = startPageLens({
      document,
      match: (text) => {
        asked.push(text);
        // The ticker turns while the full rescan that the page's becoming relevant starts waits for its mentions.
        if (turnWhileAsked && text.startsWith('Putin spoke') && text.includes(NAMES)) {
          turnWhileAsked = false;
          ticker.textContent = NO_NAMES;
        }
        return local(text);
      },
      settings: DEFAULT_SETTINGS,
      tierOf,
      signal: life.signal,
      isOwnNode: () => false,
      batchDelay: 0,
    });
    const fullScans = () => asked.filter((text) => text.startsWith('Putin spoke')).length;
    await vi.waitFor(() => expect(fullScans()).toBe(1));
    expect(marked()).toEqual([]);

    ticker.textContent = NAMES;
    // The page became relevant: its context entity is marked, though the ticker's names were gone by the time
    // the full rescan had their mentions.
    await vi.waitFor(() => expect(marked()).toEqual(['Putin']));
    expect(lens.annotator.relevant()).toBe(true);
    expect(fullScans()).toBe(2);
    await vi.waitFor(() => expect(asked.at(-1)?.startsWith(NO_NAMES)).toBe(true));

    for (let turn = 0; turn < 3; turn++) {
      ticker.textContent = NAMES;
      await vi.waitFor(() => expect(marked()).toEqual(['Putin', 'North Korea', 'Pyongyang', 'North Korea']));
      ticker.textContent = NO_NAMES;
      await vi.waitFor(() => expect(marked()).toEqual(['Putin']));
    }
    expect(fullScans()).toBe(2);
  });
});
