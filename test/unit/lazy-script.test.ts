import { expect, test } from 'vitest';
import { importRegistered, loadOnce } from '../../lib/lazy-script';

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
