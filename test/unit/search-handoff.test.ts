import { describe, expect, test } from 'vitest';
import { createSearchHandoff } from '../../lib/search-handoff';

describe('search handoff', () => {
  const clock = () => {
    let t = 10_000;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  test('a query offered is taken once, with its tab', () => {
    const { now } = clock();
    const handoff = createSearchHandoff(now);
    expect(handoff.offer('Wonsan', 7)).toBe(true);
    expect(handoff.take()).toEqual({ query: 'Wonsan', tabId: 7 });
    expect(handoff.take()).toBeNull();
  });

  test('offers closer together than the interval are refused and keep nothing', () => {
    const { now, advance } = clock();
    const handoff = createSearchHandoff(now, { minIntervalMs: 1000 });
    expect(handoff.offer('first', undefined)).toBe(true);
    advance(999);
    expect(handoff.offer('second', undefined)).toBe(false);
    expect(handoff.take()).toEqual({ query: 'first' });
    advance(1);
    expect(handoff.offer('third', undefined)).toBe(true);
    expect(handoff.take()).toEqual({ query: 'third' });
  });

  test('a query not taken in time is forgotten', () => {
    const { now, advance } = clock();
    const handoff = createSearchHandoff(now, { keepMs: 30_000 });
    handoff.offer('Pyongyang', 3);
    advance(30_001);
    expect(handoff.take()).toBeNull();
  });

  test('a pasted page is cut to a search box’s worth', () => {
    const handoff = createSearchHandoff();
    handoff.offer('x'.repeat(5000), undefined);
    expect(handoff.take()!.query).toHaveLength(200);
  });
});
