// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { selectedRange, watchSelection } from '../../../lib/dom/selection';
import { asReader } from './trusted';

const isOwnNode = (node: Node) => node.nodeName === 'RDL-UI';

beforeEach(() => {
  document.body.innerHTML =
    '<p id="text">Putin arrived in Pyongyang.</p><p id="blank">   </p>' +
    '<div contenteditable="true"><p id="editable">A draft about Pyongyang.</p></div>' +
    '<rdl-ui><p id="ours">The card</p></rdl-ui>';
});
afterEach(() => document.getSelection()?.removeAllRanges());

/** Selects characters `start`–`end` of the first text node of `#id`. */
function select(id: string, start: number, end: number) {
  const node = document.getElementById(id)!.firstChild!;
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

describe('selectedRange', () => {
  test('a selection of page text', () => {
    select('text', 6, 13);
    expect(selectedRange(document, isOwnNode)?.toString()).toBe('arrived');
  });

  test.each([
    ['nothing selected', () => undefined],
    ['a collapsed selection', () => select('text', 3, 3)],
    ['only white space', () => select('blank', 0, 3)],
    ['text in editable content', () => select('editable', 0, 7)],
    ['text in our own UI', () => select('ours', 0, 3)],
  ])('none for %s', (_, act) => {
    act();
    expect(selectedRange(document, isOwnNode)).toBeNull();
  });
});

describe('watchSelection', () => {
  let controller: AbortController;
  let changes: (string | null)[];
  beforeEach(() => {
    controller = new AbortController();
    changes = [];
    watchSelection({
      document,
      signal: controller.signal,
      isOwnNode,
      onChange: (range) => changes.push(range?.toString() ?? null),
      delayMs: 20,
    });
  });
  afterEach(() => controller.abort());

  const pointer = (type: string, target: EventTarget = document.getElementById('text')!) =>
    target.dispatchEvent(
      asReader(new PointerEvent(type, { bubbles: true, composed: true, pointerType: 'mouse', button: 0 })),
    );
  const selectionChanged = () => document.dispatchEvent(asReader(new Event('selectionchange')));
  /** Shift+→, as the reader extends a selection from the keyboard. */
  const key = () =>
    document.dispatchEvent(asReader(new KeyboardEvent('keydown', { key: 'ArrowRight', shiftKey: true })));
  const settle = (ms = 40) => new Promise((done) => setTimeout(done, ms));

  test('a mouse drag is reported once, when the button is released', async () => {
    pointer('pointerdown');
    select('text', 0, 5);
    selectionChanged();
    select('text', 0, 13);
    selectionChanged();
    await settle();
    expect(changes).toEqual([]);
    pointer('pointerup');
    await settle();
    expect(changes).toEqual(['Putin arrived']);
  });

  test('a keyboard selection is reported once it has stopped changing', async () => {
    key();
    select('text', 0, 5);
    selectionChanged();
    await settle(5);
    key();
    select('text', 0, 6);
    selectionChanged();
    await settle();
    expect(changes).toEqual(['Putin ']);
    document.getSelection()!.removeAllRanges();
    selectionChanged();
    await settle();
    expect(changes).toEqual(['Putin ', null]);
  });

  test('a press in our own UI is not the start of a drag', async () => {
    select('text', 0, 5);
    await settle();
    changes = [];
    pointer('pointerdown', document.getElementById('ours')!);
    pointer('pointerup', document.getElementById('ours')!);
    await settle();
    expect(changes).toEqual([]);
  });

  test('a selection a page script makes, without the reader’s input, is not the reader’s', async () => {
    select('text', 0, 5);
    selectionChanged();
    await settle();
    expect(changes).toEqual([null]);
  });

  test('pointer events a page script makes do not count as a drag', async () => {
    const untrusted = (type: string) =>
      document
        .getElementById('text')!
        .dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, pointerType: 'mouse', button: 0 }));
    untrusted('pointerdown');
    select('text', 0, 13);
    untrusted('pointerup');
    await settle();
    expect(changes).toEqual([]);
  });

  test('nothing is reported once stopped', async () => {
    select('text', 0, 5);
    selectionChanged();
    controller.abort();
    await settle();
    expect(changes).toEqual([]);
  });
});
