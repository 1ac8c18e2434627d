/**
 * The small toolbar next to the reader's selection: "Highlight" in the chosen
 * colour, or "Add note" first. Render-only: the container (./highlight-ui.tsx
 * and lib/dom/highlight-actions.ts) places it, saves, and closes it.
 *
 * It never takes the page's selection away: a press on its buttons does not
 * move focus (the selection would collapse), only a press in the note field
 * does.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HighlightColour } from '../highlight-colours';
import { ColourPicker } from './colour-picker';
import { closeOnEscape } from './keys';
import type { ReadingContext } from './reading-tool';
import { t, textOf, type UiText } from '../i18n/translate';

export interface SelectionToolbarProps {
  colour: HighlightColour;
  /** why highlights cannot be saved here (no storage in this window): shown instead of the buttons */
  unavailable?: string | undefined;
  /** why the last save failed */
  error?: UiText | undefined;
  /** a save is under way */
  busy?: boolean | undefined;
  onColour(colour: HighlightColour): void;
  onSave(note: string): void;
  /** "Add to my corpus": turn the selection into a claim of the reader's own pack (set by the container) */
  onAddToCorpus?: (() => void) | undefined;
  /** what "Add to my corpus" needs, for the container */
  context?: ReadingContext | undefined;
  /** Esc */
  onClose(): void;
  /** a note is being written (true) or no longer (false): the container keeps the passage marked meanwhile */
  onNoting?(noting: boolean): void;
}

export function SelectionToolbar(props: SelectionToolbarProps) {
  const { colour, unavailable, error, busy } = props;
  const [noting, setNoting] = useState(false);
  const [note, setNote] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (noting) field.current?.focus();
    props.onNoting?.(noting);
  }, [noting]);
  // Closed (saved, Esc, the selection gone): the passage is no longer being noted.
  useEffect(() => () => props.onNoting?.(false), []);

  return (
    <div
      class="rdl-tool rdl-toolbar"
      role="group"
      aria-label={t('toolbarGroup')}
      aria-busy={busy ? 'true' : undefined}
      onMouseDown={(event) => {
        if (!(event.target instanceof HTMLTextAreaElement)) event.preventDefault();
      }}
      onKeyDown={closeOnEscape(props.onClose)}
    >
      {unavailable ? (
        <p class="rdl-tool-message" data-role="unavailable">
          {unavailable}
        </p>
      ) : (
        <div class="rdl-tool-row">
          <button
            type="button"
            class="rdl-tool-button rdl-tool-primary"
            data-action="highlight"
            disabled={busy}
            onClick={() => props.onSave(noting ? note : '')}
          >
            <span class="rdl-swatch" data-colour={colour} aria-hidden="true" />
            {t('toolbarHighlight')}
          </button>
          <ColourPicker value={colour} onChange={props.onColour} disabled={busy} />
          {!noting && (
            <button type="button" class="rdl-tool-button" data-action="add-note" onClick={() => setNoting(true)}>
              {t('toolbarAddNote')}
            </button>
          )}
          {!noting && props.onAddToCorpus && (
            <button type="button" class="rdl-tool-button" data-action="add-to-corpus" onClick={props.onAddToCorpus}>
              {t('hlAddToCorpus')}
            </button>
          )}
        </div>
      )}
      {noting && !unavailable && (
        <div class="rdl-tool-note">
          <textarea
            ref={field}
            class="rdl-tool-field"
            aria-label={t('hlNote')}
            rows={3}
            value={note}
            onInput={(event) => setNote(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) props.onSave(note);
            }}
          />
          <div class="rdl-tool-row rdl-tool-actions">
            <button
              type="button"
              class="rdl-tool-button"
              data-action="cancel-note"
              onClick={() => {
                setNoting(false);
                setNote('');
              }}
            >
              {t('cancel')}
            </button>
            <button
              type="button"
              class="rdl-tool-button rdl-tool-primary"
              data-action="save-note"
              disabled={busy}
              onClick={() => props.onSave(note)}
            >
              {t('save')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p class="rdl-tool-error" role="alert">
          {textOf(error)}
        </p>
      )}
    </div>
  );
}
