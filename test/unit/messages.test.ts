import { describe, expect, test } from 'vitest';
import { answer, createClient, isEnvelope, type Handlers } from '../../lib/messages';

const handlers = {
  getStatus: () => ({
    status: { corpora: [], counts: { sources: 0, people: 0, entities: 0, claims: 0, topics: 0, events: 0 } },
    loadError: null,
  }),
  listEntities: async () => [{ id: 'pyongyang', label: 'Pyongyang', kind: 'place' as const }],
  getTermIndex: () => {
    throw new Error('store closed');
  },
  saveHighlight: () => Promise.reject(new Error('QuotaExceededError')),
  listHighlights: () => [],
  getPageConfig: () => Promise.reject(new Error('not in this test')),
  getSettings: () => Promise.reject(new Error('not in this test')),
  setSettings: () => Promise.reject(new Error('not in this test')),
  getCard: () => null,
  openSearch: () => null,
} satisfies Handlers;

const ask = createClient((message) => answer(handlers, message, null) ?? Promise.resolve(undefined));

describe('messages', () => {
  test('a client gets the handler’s value', async () => {
    expect(await ask('listEntities', null)).toEqual([{ id: 'pyongyang', label: 'Pyongyang', kind: 'place' }]);
  });

  test.each([
    ['a thrown error', 'getTermIndex', 'store closed'],
    ['a rejected promise', 'saveHighlight', 'QuotaExceededError'],
  ] as const)('%s reaches the caller as an error', async (_, type, message) => {
    await expect(ask(type, null as never)).rejects.toThrow(message);
  });

  test('messages that are not ours are left to other listeners', () => {
    expect(answer(handlers, { type: 'getStatus' }, null)).toBeUndefined();
    expect(answer(handlers, 'hello', null)).toBeUndefined();
    expect(isEnvelope({ rdl: 1, type: 'getStatus', payload: null })).toBe(true);
  });

  test('an unknown type is answered with an error, not silence', async () => {
    expect(await answer(handlers, { rdl: 1, type: 'nope', payload: null }, null)).toEqual({
      ok: false,
      error: 'Unknown message type "nope"',
    });
  });
});
