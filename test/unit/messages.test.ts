import { describe, expect, test } from 'vitest';
import { answer, createClient, isEnvelope, MessageError, Refusal, type Handlers } from '../../lib/messages';

/** A protocol of its own: these tests are about the mechanics, not the product's messages. */
interface TestProtocol {
  echo: { request: { text: string }; response: string };
  thrown: { request: null; response: never };
  rejected: { request: null; response: never };
  refused: { request: null; response: never };
}

const handlers: Handlers<TestProtocol> = {
  echo: async ({ text }) => text.toUpperCase(),
  thrown: () => {
    throw new Error('store closed');
  },
  rejected: () => Promise.reject(new Error('QuotaExceededError')),
  refused: () => {
    throw new Refusal('stale-term-index', 'The corpus changed');
  },
};

const ask = createClient<TestProtocol>((message) => answer(handlers, message, null) ?? Promise.resolve(undefined));

describe('messages', () => {
  test('a client gets the handler’s value', async () => {
    expect(await ask('echo', { text: 'pyongyang' })).toBe('PYONGYANG');
  });

  test.each([
    ['a thrown error', 'thrown', 'store closed'],
    ['a rejected promise', 'rejected', 'QuotaExceededError'],
  ] as const)('%s reaches the caller as an error', async (_, type, message) => {
    await expect(ask(type, null)).rejects.toThrow(message);
  });

  test('a refusal reaches the caller with its reason, which it can act on', async () => {
    const error: unknown = await ask('refused', null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessageError);
    expect(error).toMatchObject({ message: 'The corpus changed', code: 'stale-term-index' });
    // Any other failure has no reason to act on: it is shown.
    expect(await ask('thrown', null).catch((e: unknown) => (e as MessageError).code)).toBeUndefined();
  });

  test('messages that are not ours are left to other listeners', () => {
    expect(answer(handlers, { type: 'echo' }, null)).toBeUndefined();
    expect(answer(handlers, 'hello', null)).toBeUndefined();
    expect(isEnvelope({ rdl: 1, type: 'echo', payload: null })).toBe(true);
  });

  test('an unknown type is answered with an error, not silence', async () => {
    expect(await answer(handlers, { rdl: 1, type: 'nope', payload: null }, null)).toEqual({
      ok: false,
      error: 'Unknown message type "nope"',
    });
  });

  test('inherited properties are not message types', async () => {
    expect(await answer(handlers, { rdl: 1, type: 'toString', payload: null }, null)).toEqual({
      ok: false,
      error: 'Unknown message type "toString"',
    });
  });
});
