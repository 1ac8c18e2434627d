/**
 * The "Add to my corpus" tool next to a passage: gathers what the form is
 * pre-filled with — the passage's selectors and marked entities, who may be
 * speaking and the topics (from the background), the page's own metadata —
 * then sends the reader's claim and closes, or shows why it was refused.
 * It lives in the UI bundle, so the content script on every page only opens it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PassageDraft } from '../corpus/reading-pack';
import { readPageMetadata, type PageMetadata } from './page-metadata';
import type { PageAnchoring } from '../anchoring/page';
import type { HighlightRow } from '../db/schema';
import type { Client, ReadingChoices } from '../messages';
import { closeOnEscape } from './keys';
import { ReadingForm } from './reading-form';
import { errorMessage } from '../errors';

export type PassageParts = Pick<PassageDraft, 'quote' | 'position' | 'highlightId' | 'entityIds'>;

/** A passage, and for a selection the range of the page's text it covers. */
type Described = PassageParts & { range?: Range };

/**
 * What the content script hands the tool: the page, its text root, how to
 * describe a selection and which entities are marked in it, and the store.
 * (The content script's highlight options are one: it passes them as they are.)
 */
export interface ReadingContext {
  document: Document;
  root(): Node;
  entityIdsIn(range: Range): string[];
  loadAnchoring(): Promise<PageAnchoring>;
  /** the background: addReading, getReadingChoices */
  ask: Client;
  /**
   * Saves a selected passage as a highlight too (drawn at `range`), so that
   * its claim can tell when the passage goes from its page or the highlight
   * is deleted; undefined where highlights cannot be saved.
   */
  keepHighlight?(passage: PassageParts, range: Range): Promise<HighlightRow | undefined>;
}

export interface ReadingToolProps {
  context: ReadingContext;
  /** the passage: a selection, or a saved highlight */
  from: Range | HighlightRow;
  /** after a save, or on Cancel / Esc */
  onClose(): void;
}

/** A saved highlight's selectors as they are; a selection's described over the page's text. */
export async function passageOf(context: ReadingContext, from: Range | HighlightRow): Promise<Described> {
  if (!('startContainer' in from))
    return { quote: from.quote, position: from.position, highlightId: from.id, entityIds: from.entityIds };
  const described = (await context.loadAnchoring()).describe(context.root(), from);
  return {
    quote: described.quote,
    position: described.position,
    entityIds: context.entityIdsIn(described.range),
    range: described.range,
  };
}

export function ReadingTool(props: ReadingToolProps) {
  const [ready, setReady] = useState<{ passage: Described; choices: ReadingChoices; page: PageMetadata } | null>(null);
  /** the highlight a selection was kept as, once: a second try after a refusal reuses it */
  const kept = useRef<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const { context } = props;
    passageOf(context, props.from)
      .then(async (passage) => {
        const choices = await context.ask('getReadingChoices', { entityIds: passage.entityIds });
        setReady({ passage, choices, page: readPageMetadata(context.document) });
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);

  if (!ready) {
    return (
      <div
        class="rdl-tool rdl-reading-loading"
        role="group"
        aria-label="Add to my corpus"
        onKeyDown={closeOnEscape(props.onClose)}
      >
        {error ? (
          <p class="rdl-tool-error" role="alert">
            {error}
          </p>
        ) : (
          <p class="rdl-tool-message">Reading the page…</p>
        )}
      </div>
    );
  }

  async function submit(value: Parameters<Parameters<typeof ReadingForm>[0]['onSubmit']>[0]) {
    if (!ready) return;
    setBusy(true);
    setError(undefined);
    try {
      const { range, ...passage } = ready.passage;
      if (range && kept.current === undefined) kept.current = (await props.context.keepHighlight?.(passage, range))?.id;
      await props.context.ask('addReading', {
        ...value,
        ...passage,
        ...(kept.current !== undefined && { highlightId: kept.current }),
        entityIds: value.entityIds,
        page: { ...value.page, url: props.context.document.location.href },
      });
      props.context.document.getSelection()?.removeAllRanges();
      props.onClose();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <ReadingForm
      page={ready.page}
      quote={ready.passage.quote.exact}
      entities={ready.passage.entityIds.map((id) => ({
        id,
        label: ready.choices.entities.find((e) => e.id === id)?.label ?? id,
      }))}
      choices={ready.choices}
      error={error}
      busy={busy}
      onSubmit={(value) => void submit(value)}
      onCancel={props.onClose}
    />
  );
}
