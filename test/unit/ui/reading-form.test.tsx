// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test, vi } from 'vitest';
import { ReadingForm, type ReadingFormProps } from '../../../lib/ui/reading-form';
import { useRenderRoot } from './render-root';

const ui = useRenderRoot();
const { $, typeInto, key } = ui;

const choices: ReadingFormProps['choices'] = {
  entities: [],
  people: [{ id: 'p-wu-wei', name: 'Wu Wei', role: 'guest commentator', kind: 'expert' }],
  topics: [
    {
      id: 't-closeness',
      question: 'How close are Russia and North Korea really?',
      positions: [
        { id: 't-closeness-myth', label: 'A myth' },
        { id: 't-closeness-de-facto-alliance', label: 'De facto alliance' },
      ],
    },
  ],
};

function show(props: Partial<ReadingFormProps> = {}) {
  const handlers = { onSubmit: vi.fn(), onCancel: vi.fn() };
  act(() =>
    render(
      <ReadingForm
        page={{ title: 'Envoy visits Pyongyang', outlet: 'Example Daily', date: '2026-12-04', language: 'de' }}
        quote="The partnership is now an alliance in all but name"
        entities={[
          { id: 'e-russia', label: 'Russia' },
          { id: 'e-north-korea', label: 'North Korea' },
        ]}
        choices={choices}
        {...handlers}
        {...props}
      />,
      ui.root,
    ),
  );
  return handlers;
}

function choose(selector: string, value: string) {
  const select = $<HTMLSelectElement>(selector)!;
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('ReadingForm', () => {
  test('opens pre-filled from the page, with the quote and the marked entities, its first field focused', () => {
    show();
    expect($('.rdl-reading-quote')!.textContent).toBe('The partnership is now an alliance in all but name');
    expect($<HTMLInputElement>('[name="title"]')!.value).toBe('Envoy visits Pyongyang');
    expect($<HTMLInputElement>('[name="outlet"]')!.value).toBe('Example Daily');
    expect($<HTMLInputElement>('[name="date"]')!.value).toBe('2026-12-04');
    // German is not a language Lens reads: English until the reader says otherwise.
    expect($<HTMLSelectElement>('[name="language"]')!.value).toBe('en');
    expect([...ui.root.querySelectorAll<HTMLInputElement>('[name="entity"]')].map((b) => [b.value, b.checked])).toEqual(
      [
        ['e-russia', true],
        ['e-north-korea', true],
      ],
    );
    expect(document.activeElement).toBe($('[name="speaker"]'));
  });

  test('a new person, a paraphrase, a topic and position, the reader’s correction: Enter in the paraphrase saves', () => {
    const { onSubmit } = show();
    choose('[name="speaker"]', '@new');
    typeInto('[name="speaker-name"]', ' Jane Doe ');
    typeInto('[name="speaker-role"]', 'analyst');
    choose('[name="topic"]', 't-closeness');
    choose('[name="position"]', 't-closeness-de-facto-alliance');
    typeInto('[name="outlet"]', 'Example Daily (weekend)');
    act(() => $<HTMLInputElement>('[name="entity"][value="e-north-korea"]')!.click());
    typeInto('[name="paraphrase"]', 'Jane Doe calls the partnership an alliance in all but name.');
    key($('[name="paraphrase"]')!, 'Enter');
    expect(onSubmit).toHaveBeenCalledWith({
      page: { title: 'Envoy visits Pyongyang', outlet: 'Example Daily (weekend)', date: '2026-12-04', language: 'en' },
      speaker: { kind: 'new', name: 'Jane Doe', role: 'analyst', personKind: 'expert' },
      text: 'Jane Doe calls the partnership an alliance in all but name.',
      entityIds: ['e-russia'],
      stance: { topicId: 't-closeness', positionId: 't-closeness-de-facto-alliance' },
    });
  });

  test('what is missing is said, and nothing is sent', () => {
    const { onSubmit } = show({ page: {} });
    choose('[name="speaker"]', '@new');
    typeInto('[name="date"]', '4 Dec');
    act(() => $<HTMLButtonElement>('[data-action="add-claim"]')!.click());
    expect($('[role="alert"]')!.textContent).toBe(
      'Please give the new person’s name, their role, a paraphrase of at least 10 characters, the page’s title, the outlet, a date as YYYY, YYYY-MM or YYYY-MM-DD.',
    );
    expect(onSubmit).not.toHaveBeenCalled();
  });

  test('a person of the corpus, no topic; Esc cancels', () => {
    const { onSubmit, onCancel } = show();
    choose('[name="speaker"]', 'p-wu-wei');
    typeInto('[name="paraphrase"]', 'Wu Wei says the partnership is an alliance.');
    act(() => $<HTMLButtonElement>('[data-action="add-claim"]')!.click());
    expect(onSubmit.mock.calls[0]![0]).toMatchObject({ speaker: { kind: 'person', id: 'p-wu-wei' } });
    expect(onSubmit.mock.calls[0]![0].stance).toBeUndefined();
    key($('[name="title"]')!, 'Escape');
    expect(onCancel).toHaveBeenCalled();
  });

  test('the background’s refusal is shown', () => {
    show({ error: 'This passage cannot be added; nothing was saved.' });
    expect($('[role="alert"]')!.textContent).toBe('This passage cannot be added; nothing was saved.');
  });
});
