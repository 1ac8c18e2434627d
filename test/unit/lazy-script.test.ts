import { expect, test } from 'vitest';
import { importRegistered, loadOnce, scriptHandle } from '../../lib/lazy-script';

test('one load shared by every call; a failed load is tried again on the next call', async () => {
  const outcomes = [Promise.reject(new Error('offline')), Promise.resolve('ui')];
  let loads = 0;
  const load = loadOnce(() => outcomes[loads++]!);
  await expect(load()).rejects.toThrow('offline');
  const [a, b] = await Promise.all([load(), load()]);
  expect([a, b, await load()]).toEqual(['ui', 'ui', 'ui']);
  expect(loads).toBe(2);
});

test('a script that registered nothing is an error that names it', async () => {
  await expect(
    importRegistered(
      async () => undefined,
      () => undefined,
      'The card UI',
    ),
  ).rejects.toThrow('The card UI did not load');
  expect(
    await importRegistered(
      async () => undefined,
      () => 42,
      'x',
    ),
  ).toBe(42);
});

test('a script and the content script, each bundling its own handle, meet under the one key on a global', () => {
  // The loaded script and the content script each run scriptHandle: the key is the same symbol in both.
  const inScript = scriptHandle<() => string, '/lens-test.js'>('rdl-lens.test', '/lens-test.js');
  const inContentScript = scriptHandle<() => string, '/lens-test.js'>('rdl-lens.test', '/lens-test.js');
  const other = scriptHandle<() => string, '/lens-other.js'>('rdl-lens.other', '/lens-other.js');
  const global = {};
  expect(inContentScript.registered(global)).toBeUndefined();
  const offered = () => 'ui';
  inScript.register(global, offered);
  expect(inContentScript.registered(global)).toBe(offered);
  expect(inContentScript.script).toBe('/lens-test.js');
  expect(other.registered(global)).toBeUndefined();
  expect(inScript.registered({})).toBeUndefined();
});
