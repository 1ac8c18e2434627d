// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { observeMutations, type MutationBatch } from '../../../lib/dom/observe';

let controller: AbortController;
let batches: MutationBatch[];
let timers: (() => void)[];
let observer: ReturnType<typeof observeMutations>;

beforeEach(() => {
  document.body.innerHTML =
    '<main id="feed"><p id="a">one</p><p id="b">two <b id="bold">bold</b></p></main><rdl-ui id="ui"></rdl-ui>';
  controller = new AbortController();
  batches = [];
  timers = [];
  observer = observeMutations(document.body, (batch) => batches.push(batch), {
    signal: controller.signal,
    ignore: (node) => node.nodeName === 'RDL-UI' || Boolean(node.parentElement?.closest('rdl-ui')),
    // The batch timer is under the test's control: it fires when the test says.
    setTimeout: (fn) => timers.push(fn),
    clearTimeout: () => undefined,
  });
});
afterEach(() => controller.abort());

/** MutationObserver callbacks run as microtasks. */
const settle = () => new Promise<void>((done) => queueMicrotask(done));
const ids = (nodes: Set<Node>) => [...nodes].map((n) => (n as Element).id).sort();

describe('observeMutations', () => {
  test('nothing is handed over inside the observer callback: changes wait for the batch timer', async () => {
    document.getElementById('a')!.firstChild!.textContent = 'changed';
    await settle();
    expect(batches).toEqual([]);
    expect(timers).toHaveLength(1);
    timers[0]!();
    expect(batches).toHaveLength(1);
  });

  test('many changes make one batch, of the block containers that changed', async () => {
    document.getElementById('a')!.firstChild!.textContent = 'x';
    document.getElementById('a')!.firstChild!.textContent = 'y';
    document.getElementById('bold')!.firstChild!.textContent = 'z';
    const p = document.createElement('p');
    p.id = 'c';
    p.textContent = 'new';
    document.getElementById('feed')!.append(p);
    await settle();
    expect(timers).toHaveLength(1);
    timers[0]!();
    expect(batches).toHaveLength(1);
    expect(ids(batches[0]!.changed)).toEqual(['a', 'b', 'c']);
  });

  test('removed elements are handed over to be forgotten, and their container to be rescanned', async () => {
    const b = document.getElementById('b')!;
    b.remove();
    await settle();
    timers[0]!();
    expect([...batches[0]!.removed]).toEqual([b]);
    expect(ids(batches[0]!.changed)).toEqual(['feed']);
  });

  test('changes inside the extension’s own UI are ignored', async () => {
    document.getElementById('ui')!.append(document.createElement('div'));
    document.body.append(document.createElement('rdl-ui'));
    await settle();
    expect(timers).toEqual([]);
  });

  test('changes in skipped places (form fields, scripts) are ignored', async () => {
    const script = document.createElement('script');
    script.textContent = 'var x = 1';
    document.body.append(script);
    await settle();
    expect(timers).toEqual([]);
  });

  test('flush hands over at once; abort stops watching', async () => {
    document.getElementById('a')!.firstChild!.textContent = 'x';
    await settle();
    observer.flush();
    expect(batches).toHaveLength(1);
    controller.abort();
    document.getElementById('a')!.firstChild!.textContent = 'y';
    await settle();
    expect(batches).toHaveLength(1);
  });
});
