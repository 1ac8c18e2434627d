// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, test } from 'vitest';
import type { Client } from '../../../lib/messages';
import type { SearchResults } from '../../../lib/search';
import { SearchView, type SearchState } from '../../../lib/ui/popup/search-view';
import { useRenderRoot } from './render-root';

const ui = useRenderRoot();

/** Search replies the test gives, one query at a time, in the order it chooses. */
function searches() {
  const pending = new Map<string, { resolve(r: SearchResults): void; reject(e: Error): void }>();
  const ask = ((type: string, payload: { query: string }) => {
    if (type !== 'search') return Promise.reject(new Error(`unexpected ${type}`));
    return new Promise((resolve, reject) => pending.set(payload.query, { resolve, reject }));
  }) as unknown as Client;
  const reply = (query: string, titles: string[]) =>
    act(async () => {
      pending.get(query)!.resolve({
        query: { terms: [query], phrases: [], short: false },
        groups: titles.length
          ? [
              {
                kind: 'entity',
                total: titles.length,
                approximate: false,
                hits: titles.map((title) => ({
                  kind: 'entity' as const,
                  id: `e-${title.toLowerCase()}`,
                  score: 0,
                  title,
                  subtitle: 'Place',
                  highlights: [],
                })),
              },
            ]
          : [],
      } as SearchResults);
    });
  const fail = (query: string, message: string) => act(async () => pending.get(query)!.reject(new Error(message)));
  return { ask, reply, fail };
}

function Search({ ask }: { ask: Client }) {
  const [state, setState] = useState<SearchState>({ query: '', filters: {}, active: null });
  return <SearchView ask={ask} state={state} onChange={setState} onOpen={() => undefined} />;
}

const busy = () => ui.$('#results')!.getAttribute('aria-busy');
const titles = () => [...ui.root.querySelectorAll('#results .hit-title')].map((t) => t.textContent);

describe('SearchView', () => {
  test('the results are busy until they answer what is typed; a reply to an older query is dropped', async () => {
    const { ask, reply } = searches();
    act(() => {
      render(<Search ask={ask} />, ui.root);
    });
    expect(busy()).toBe('true');
    await reply('', []);
    expect(busy()).toBe('false');

    ui.typeInto('[role="searchbox"]', 'Wons');
    expect(busy()).toBe('true');
    ui.typeInto('[role="searchbox"]', 'Wonsan');
    await reply('Wons', ['Wonsong']);
    expect(titles()).toEqual([]);
    expect(busy()).toBe('true');
    await reply('Wonsan', ['Wonsan']);
    expect(titles()).toEqual(['Wonsan']);
    expect(busy()).toBe('false');
  });

  test('a failed search says so and is no longer busy', async () => {
    const { ask, reply, fail } = searches();
    act(() => {
      render(<Search ask={ask} />, ui.root);
    });
    await reply('', []);
    ui.typeInto('[role="searchbox"]', 'Wonsan');
    await fail('Wonsan', 'The search index is not loaded');
    expect(ui.$('[role="alert"]')?.textContent).toBe('Search failed: The search index is not loaded');
    expect(busy()).toBe('false');
  });
});
