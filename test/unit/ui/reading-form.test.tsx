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
    // A German page is German, named as such, whatever languages Lens marks names in.
    expect($<HTMLSelectElement>('[name="language"]')!.value).toBe('de');
    expect($<HTMLSelectElement>('[name="language"]')!.selectedOptions[0]!.textContent).toBe('German');
    expect($('[data-hint="language-guessed"]')).toBeNull();
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
      page: { title: 'Envoy visits Pyongyang', outlet: 'Example Daily (weekend)', date: '2026-12-04', language: 'de' },
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

  test.each([
    [
      'a language the list does not hold is offered by name',
      { language: 'nb' },
      'Latin letters',
      'nb',
      'Norwegian Bokmål',
      false,
    ],
    [
      'no language given, Cyrillic letters: Russian, said to be a guess',
      {},
      'Партнёрство стало союзом',
      'ru',
      'Russian',
      true,
    ],
    ['no language given, Hangul: Korean, said to be a guess', {}, '북러 관계는 동맹이다', 'ko', 'Korean', true],
    [
      'no language given, Latin letters: English, said to be a guess',
      {},
      'An alliance in all but name',
      'en',
      'English',
      true,
    ],
  ])('%s', (_name, page, quote, value, shown, guessed) => {
    show({ page: { title: 'T', outlet: 'O', ...page }, quote });
    const select = $<HTMLSelectElement>('[name="language"]')!;
    expect([select.value, select.selectedOptions[0]!.textContent]).toEqual([value, shown]);
    expect($('[data-hint="language-guessed"]')?.textContent ?? null).toBe(
      guessed ? 'The page does not say its language: guessed from its letters.' : null,
    );
    // The reader corrects it, and the guess is no longer said.
    choose('[name="language"]', 'uk');
    expect($('[data-hint="language-guessed"]')).toBeNull();
  });

  test('the background’s refusal is shown', () => {
    show({ error: 'This passage cannot be added; nothing was saved.' });
    expect($('[role="alert"]')!.textContent).toBe('This passage cannot be added; nothing was saved.');
  });
});
