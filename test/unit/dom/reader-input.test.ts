import { Window } from 'happy-dom';
import { describe, expect, test, vi } from 'vitest';
import { readerInput } from '../../../lib/dom/reader-input';
import { asReader } from './trusted';

describe('readerInput', () => {
  const setUp = () => {
    const doc = new Window().document as unknown as Document;
    const controller = new AbortController();
    const seen = vi.fn();
    readerInput(doc, controller.signal)('click', seen);
    return { doc, controller, seen };
  };

  test('hears the reader, before the page can stop the event', () => {
    const { doc, seen } = setUp();
    // The page's own handler on the target stops the event: capture comes first.
    doc.body.addEventListener('click', (event) => event.stopPropagation());
    doc.body.dispatchEvent(asReader(new doc.defaultView!.MouseEvent('click', { bubbles: true })));
    expect(seen).toHaveBeenCalledTimes(1);
  });

  test('ignores what a page script makes up', () => {
    const { doc, seen } = setUp();
    doc.body.dispatchEvent(new doc.defaultView!.MouseEvent('click', { bubbles: true }));
    expect(seen).not.toHaveBeenCalled();
  });

  test('stops listening when its signal aborts', () => {
    const { doc, controller, seen } = setUp();
    controller.abort();
    doc.body.dispatchEvent(asReader(new doc.defaultView!.MouseEvent('click', { bubbles: true })));
    expect(seen).not.toHaveBeenCalled();
  });
});
