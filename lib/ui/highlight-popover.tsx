/**
 * A saved highlight, opened by a click on it: its note (editable), its colour
 * and a way to delete it. Render-only: the container saves the changes and
 * closes it.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { HighlightColour } from '../highlight-colours';
import { ColourPicker } from './colour-picker';
import { closeOnEscape } from './keys';
import type { HighlightRow } from '../db/schema';
import type { ReadingContext } from './reading-tool';

export interface HighlightPopoverProps {
  note: string;
  colour: HighlightColour;
  /** what the last change did ("Note saved."), for screen readers too */
  status?: string | undefined;
  /** why the last change failed */
  error?: string | undefined;
  busy?: boolean | undefined;
  /** put the keyboard focus in the note field (the highlight was just saved from the keyboard or the context menu) */
  focusNote?: boolean | undefined;
  onColour(colour: HighlightColour): void;
  onSaveNote(note: string): void;
  onDelete(): void;
  /** "Add to my corpus": turn the highlight's passage into a claim of the reader's own pack */
  onAddToCorpus?: (() => void) | undefined;
  /** what "Add to my corpus" needs, and the highlight it is for (for the container) */
  context?: ReadingContext | undefined;
  highlight?: HighlightRow | undefined;
  /** show "Add to my corpus" in its place at once (the reader asked for it in the popup) */
  openForm?: boolean | undefined;
  /** the close button and Esc */
  onClose(): void;
}

export function HighlightPopover(props: HighlightPopoverProps) {
  const { note, colour, status, error, busy } = props;
  const id = useId();
  const [draft, setDraft] = useState(note);
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (props.focusNote) field.current?.focus();
  }, []);

  return (
    <section
      class="rdl-tool rdl-popover"
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      aria-busy={busy ? 'true' : undefined}
      onKeyDown={closeOnEscape(props.onClose)}
    >
      <header class="rdl-tool-row rdl-tool-header">
        <h2 class="rdl-tool-title" id={`${id}-title`}>
          Highlight
        </h2>
        <ColourPicker value={colour} onChange={props.onColour} disabled={busy} />
        <button type="button" class="rdl-tool-close" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </header>
      <label class="rdl-tool-label" for={`${id}-note`}>
        Note
      </label>
      <textarea
        ref={field}
        id={`${id}-note`}
        class="rdl-tool-field"
        rows={3}
        value={draft}
        placeholder="Add a note…"
        onInput={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) props.onSaveNote(draft);
        }}
      />
      <div class="rdl-tool-row rdl-tool-actions">
        <button
          type="button"
          class="rdl-tool-button rdl-tool-danger"
          data-action="delete"
          disabled={busy}
          onClick={props.onDelete}
        >
          Delete
        </button>
        {props.onAddToCorpus && (
          <button type="button" class="rdl-tool-button" data-action="add-to-corpus" onClick={props.onAddToCorpus}>
            Add to my corpus
          </button>
        )}
        <button
          type="button"
          class="rdl-tool-button rdl-tool-primary"
          data-action="save-note"
          disabled={busy || draft === note}
          onClick={() => props.onSaveNote(draft)}
        >
          Save note
        </button>
      </div>
      {/* Always there, so that a screen reader announces what is put in it. */}
      <p class="rdl-tool-status" role="status">
        {error ? '' : (status ?? '')}
      </p>
      {error && (
        <p class="rdl-tool-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
