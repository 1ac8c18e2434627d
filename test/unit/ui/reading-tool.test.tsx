// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test, vi } from 'vitest';
import { pageAnchoring } from '../../../lib/anchoring/page';
import type { HighlightRow } from '../../../lib/db/schema';
import { ReadingTool, type ReadingContext } from '../../../lib/ui/reading-tool';
import { rangeOver } from '../range-over';
import { useRenderRoot } from './render-root';

const ui = useRenderRoot();
const { $, typeInto } = ui;

const ROW: HighlightRow = {
  id: 'h-7',
  url: location.href,
  title: 'Envoy visits Pyongyang',
  quote: { type: 'TextQuoteSelector', exact: 'an alliance in all but name', prefix: 'now ', suffix: '.' },
  position: { type: 'TextPositionSelector', start: 40, end: 67 },
  note: '',
  colour: 'yellow',
  entityIds: ['e-russia'],
  createdAt: 1,
  updatedAt: 1,
};

async function show(from: Range | HighlightRow, refuse?: string, keep?: ReadingContext['keepHighlight']) {
  document.head.innerHTML =
    '<meta property="og:title" content="Envoy visits Pyongyang"><meta property="og:site_name" content="Example Daily">';
  const context: ReadingContext = {
    document,
    root: () => document.querySelector('article')!,
    entityIdsIn: (range) => (range.toString().includes('Russia') ? ['e-russia'] : []),
    loadAnchoring: async () => pageAnchoring,
    ask: vi.fn(async (type: string) => {
      if (type === 'getReadingChoices')
        return { entities: [{ id: 'e-russia', label: 'Russia' }], people: [], topics: [] };
      if (refuse) throw new Error(refuse);
      return {};
    }) as unknown as ReadingContext['ask'],
    ...(keep && { keepHighlight: keep }),
  };
  const onClose = vi.fn();
  await act(async () => {
    render(<ReadingTool context={context} from={from} onClose={onClose} />, ui.root);
  });
  await act(async () => {}); // the passage and the choices have arrived
  return { context, onClose };
}

describe('ReadingTool', () => {
  test('a saved highlight: the form is pre-filled from the page and the highlight; a save sends the claim and closes', async () => {
    const { context, onClose } = await show(ROW);
    expect($<HTMLInputElement>('[name="title"]')!.value).toBe('Envoy visits Pyongyang');
    expect($<HTMLInputElement>('[name="outlet"]')!.value).toBe('Example Daily');
    expect($('.rdl-reading-quote')!.textContent).toBe('an alliance in all but name');
    typeInto('[name="paraphrase"]', 'Example Daily calls it an alliance in all but name.');
    await act(async () => $<HTMLButtonElement>('[data-action="add-claim"]')!.click());
    expect(context.ask).toHaveBeenCalledWith('getReadingChoices', { entityIds: ['e-russia'] });
    expect(context.ask).toHaveBeenCalledWith('addReading', {
      quote: ROW.quote,
      position: ROW.position,
      highlightId: 'h-7',
      entityIds: ['e-russia'],
      page: { title: 'Envoy visits Pyongyang', outlet: 'Example Daily', language: 'en', url: location.href },
      speaker: { kind: 'outlet' },
      text: 'Example Daily calls it an alliance in all but name.',
    });
    expect(onClose).toHaveBeenCalled();
  });

  test('a selection is described over the page’s text, with the entities marked in it', async () => {
    const article = document.createElement('article');
    article.textContent = 'Analysts say Russia and its partner are now an alliance in all but name.';
    document.body.prepend(article);
    const { context } = await show(rangeOver('Russia and its partner'));
    expect([...ui.root.querySelectorAll<HTMLInputElement>('[name="entity"]')].map((b) => b.value)).toEqual([
      'e-russia',
    ]);
    typeInto('[name="paraphrase"]', 'Analysts call the partnership an alliance.');
    await act(async () => $<HTMLButtonElement>('[data-action="add-claim"]')!.click());
    expect(context.ask).toHaveBeenCalledWith(
      'addReading',
      expect.objectContaining({
        quote: {
          type: 'TextQuoteSelector',
          exact: 'Russia and its partner',
          prefix: 'Analysts say ',
          suffix: ' are now an alliance in all but ', // 32 characters
        },
        position: { type: 'TextPositionSelector', start: 13, end: 35 },
      }),
    );
    article.remove();
  });

  test('a selection is kept as a highlight too, once (a refused save tried again reuses it), and its claim names it', async () => {
    const article = document.createElement('article');
    article.textContent = 'Analysts say Russia and its partner are now an alliance in all but name.';
    document.body.prepend(article);
    const keep = vi.fn(async () => ({ ...ROW, id: 'h-kept' }));
    const { context, onClose } = await show(rangeOver('Russia and its partner'), 'Refused once.', keep);
    typeInto('[name="paraphrase"]', 'Analysts call the partnership an alliance.');
    await act(async () => $<HTMLButtonElement>('[data-action="add-claim"]')!.click());
    await act(async () => {}); // the highlight is kept, then the claim refused
    expect($('[role="alert"]')!.textContent).toBe('Refused once.');
    // The reader tries again: the highlight kept the first time is the one the claim names.
    await act(async () => $<HTMLButtonElement>('[data-action="add-claim"]')!.click());
    await act(async () => {});
    expect(keep).toHaveBeenCalledTimes(1);
    expect(keep.mock.calls[0]).toMatchObject([{ quote: { exact: 'Russia and its partner' } }, expect.any(Object)]);
    const sent = (
      context.ask as unknown as { mock: { calls: [string, { highlightId?: string }][] } }
    ).mock.calls.filter(([type]) => type === 'addReading');
    expect(sent.map(([, draft]) => draft.highlightId)).toEqual(['h-kept', 'h-kept']);
    expect(onClose).not.toHaveBeenCalled();
    article.remove();
  });

  test('a refusal keeps the form open with the reason', async () => {
    const { onClose } = await show(ROW, 'This passage cannot be added; nothing was saved.');
    typeInto('[name="paraphrase"]', 'Example Daily calls it an alliance in all but name.');
    await act(async () => $<HTMLButtonElement>('[data-action="add-claim"]')!.click());
    expect($('[role="alert"]')!.textContent).toBe('This passage cannot be added; nothing was saved.');
    expect(onClose).not.toHaveBeenCalled();
    expect($<HTMLButtonElement>('[data-action="add-claim"]')!.disabled).toBe(false);
  });
});
