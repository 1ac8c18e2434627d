import { describe, expect, test } from 'vitest';
import { followLanguage } from '../../../lib/i18n/follow';
import type { LanguageSetting } from '../../../lib/i18n/locales';

/** A follower over a setting the test changes, recording what it applied, in order. */
function follower(reads: (() => Promise<LanguageSetting>)[]) {
  const applied: LanguageSetting[] = [];
  let next = 0;
  const language = followLanguage({
    read: () => reads[Math.min(next++, reads.length - 1)]!(),
    fallback: 'browser',
    apply: async (setting) => {
      applied.push(setting);
    },
  });
  return { language, applied };
}

/** A read the test settles when it chooses. */
function slowRead() {
  let settle: (setting: LanguageSetting) => void = () => undefined;
  const promise = new Promise<LanguageSetting>((resolve) => (settle = resolve));
  return { read: () => promise, settle };
}

describe('followLanguage', () => {
  test('applies the setting at first, and again only when it changed', async () => {
    const { language, applied } = follower([
      () => Promise.resolve('ru'),
      () => Promise.resolve('ru'),
      () => Promise.resolve('ko'),
    ]);
    await language.follow();
    await language.follow();
    await language.follow();
    expect(applied).toEqual(['ru', 'ko']);
  });

  test("a store that cannot be read gives the browser's language", async () => {
    const { language, applied } = follower([() => Promise.reject(new Error('store closed'))]);
    await language.follow();
    expect(applied).toEqual(['browser']);
  });

  test('reads follow one another: a slow first read is never applied after a quicker second one', async () => {
    const first = slowRead();
    const { language, applied } = follower([first.read, () => Promise.resolve('ko')]);
    void language.follow();
    const second = language.follow();
    first.settle('ru');
    await second;
    expect(applied).toEqual(['ru', 'ko']);
  });

  test('ready settles once every read so far is applied', async () => {
    const first = slowRead();
    const { language, applied } = follower([first.read]);
    void language.follow();
    const ready = language.ready().then(() => [...applied]);
    first.settle('ru');
    expect(await ready).toEqual(['ru']);
  });
});
