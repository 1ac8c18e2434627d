/**
 * "Add to my corpus": the short form that turns a passage into a claim of the
 * reader's own pack. Pre-filled from the page's metadata (which the reader
 * may correct), the verbatim quote and the entities marked inside it; the
 * reader picks who says it, writes the paraphrase and, optionally, a topic and
 * position. Keyboard-first: the first field has focus, Tab walks the form,
 * Enter saves (Shift+Enter is a new line in the paraphrase), Esc cancels.
 *
 * Render-only: the container sends the draft and shows its answer.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { languageName } from '../corpus/attribution';
import type { PartialDate } from '../corpus/schema';
import type { PageDraft, SpeakerDraft } from '../corpus/reading-pack';
import type { ReadingChoices } from '../messages';

export interface ReadingFormValue {
  page: Omit<PageDraft, 'url'>;
  speaker: SpeakerDraft;
  text: string;
  entityIds: string[];
  stance?: { topicId: string; positionId?: string };
}

export interface ReadingFormProps {
  /** as the page's metadata has it; fields it does not give are empty */
  page: { title?: string; outlet?: string; author?: string; date?: string; language?: string };
  quote: string;
  /** entities marked inside the passage, all kept unless the reader unticks one */
  entities: { id: string; label: string }[];
  choices: ReadingChoices;
  /** why the last save failed, as the background said it */
  error?: string | undefined;
  busy?: boolean | undefined;
  onSubmit(value: ReadingFormValue): void;
  onCancel(): void;
}

/** The languages offered, Lens's three first; the page's own is added when it is another. */
const LANGS = ['en', 'ru', 'ko', 'zh', 'ja', 'uk', 'de', 'fr', 'es', 'ar'];
const OUTLET = '@outlet';
const NEW = '@new';
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export function ReadingForm(props: ReadingFormProps) {
  const { choices } = props;
  const first = useRef<HTMLSelectElement>(null);
  const [who, setWho] = useState(OUTLET);
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [text, setText] = useState('');
  const [topicId, setTopicId] = useState('');
  const [positionId, setPositionId] = useState('');
  const [title, setTitle] = useState(props.page.title ?? '');
  const [outlet, setOutlet] = useState(props.page.outlet ?? '');
  const [author, setAuthor] = useState(props.page.author ?? '');
  const [date, setDate] = useState(props.page.date ?? '');
  // The page's language as it says it; a page that does not say gets a guess from the quote's letters, shown as one.
  const [guessed] = useState(() => (props.page.language ? undefined : guessLanguage(props.quote)));
  const [language, setLanguage] = useState(props.page.language ?? guessed ?? 'en');
  const languages = LANGS.includes(language) ? LANGS : [language, ...LANGS];
  const [kept, setKept] = useState(() => new Set(props.entities.map((e) => e.id)));
  const [problem, setProblem] = useState<string | null>(null);

  // The tool is hidden (visibility) until it is placed next to the passage, and a hidden field
  // cannot take the focus: try again each frame until it has it (for a second at most).
  useEffect(() => {
    let frames = 0;
    let handle = 0;
    const focus = () => {
      const field = first.current;
      if (!field) return;
      field.focus();
      const root = field.getRootNode() as Document | ShadowRoot;
      if (root.activeElement !== field && frames++ < 60) handle = requestAnimationFrame(focus);
    };
    focus();
    return () => cancelAnimationFrame(handle);
  }, []);

  const topic = choices.topics.find((t) => t.id === topicId);

  function submit() {
    const missing = [
      who === NEW && name.trim() === '' && 'the new person’s name',
      who === NEW && role.trim() === '' && 'their role',
      text.trim().length < 10 && 'a paraphrase of at least 10 characters',
      title.trim() === '' && 'the page’s title',
      outlet.trim() === '' && 'the outlet',
    ].filter((m): m is string => typeof m === 'string');
    if (date.trim() !== '' && !DATE.test(date.trim())) missing.push('a date as YYYY, YYYY-MM or YYYY-MM-DD');
    if (missing.length > 0) {
      setProblem(`Please give ${missing.join(', ')}.`);
      return;
    }
    setProblem(null);
    const speaker: SpeakerDraft =
      who === OUTLET
        ? { kind: 'outlet' }
        : who === NEW
          ? { kind: 'new', name: name.trim(), role: role.trim(), personKind: 'expert' }
          : { kind: 'person', id: who };
    props.onSubmit({
      page: {
        title: title.trim(),
        outlet: outlet.trim(),
        ...(author.trim() !== '' && { author: author.trim() }),
        ...(date.trim() !== '' && { date: date.trim() as PartialDate }),
        language,
      },
      speaker,
      text: text.trim(),
      entityIds: props.entities.filter((e) => kept.has(e.id)).map((e) => e.id),
      ...(topicId !== '' && { stance: { topicId, ...(positionId !== '' && { positionId }) } }),
    });
  }

  return (
    <form
      class="rdl-tool rdl-reading-form"
      aria-label="Add to my corpus"
      aria-busy={props.busy ? 'true' : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          props.onCancel();
        } else if (event.key === 'Enter' && !event.shiftKey && event.target instanceof HTMLTextAreaElement) {
          event.preventDefault();
          submit();
        }
      }}
    >
      <p class="rdl-reading-title">Add to my corpus</p>
      <blockquote class="rdl-reading-quote">{props.quote}</blockquote>
      <label class="rdl-field">
        <span>Who says it</span>
        <select ref={first} name="speaker" value={who} onChange={(e) => setWho(e.currentTarget.value)}>
          <option value={OUTLET}>The outlet, in its own words</option>
          <option value={NEW}>A new person or organisation…</option>
          {choices.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.role ? ` — ${p.role}` : ''}
            </option>
          ))}
        </select>
      </label>
      {who === NEW && (
        <div class="rdl-field-row">
          <label class="rdl-field">
            <span>Name</span>
            <input name="speaker-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <label class="rdl-field">
            <span>Role</span>
            <input
              name="speaker-role"
              placeholder="e.g. analyst, Example Institute"
              value={role}
              onInput={(e) => setRole(e.currentTarget.value)}
            />
          </label>
        </div>
      )}
      <label class="rdl-field">
        <span>What they say, in one sentence</span>
        <textarea name="paraphrase" rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <div class="rdl-field-row">
        <label class="rdl-field">
          <span>Topic (optional)</span>
          <select
            name="topic"
            value={topicId}
            onChange={(e) => {
              setTopicId(e.currentTarget.value);
              setPositionId('');
            }}
          >
            <option value="">None</option>
            {choices.topics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.question}
              </option>
            ))}
          </select>
        </label>
        {topic && (
          <label class="rdl-field">
            <span>Position</span>
            <select name="position" value={positionId} onChange={(e) => setPositionId(e.currentTarget.value)}>
              <option value="">None</option>
              {topic.positions.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {props.entities.length > 0 && (
        <fieldset class="rdl-field">
          <legend>About</legend>
          {props.entities.map((e) => (
            <label key={e.id} class="rdl-check">
              <input
                type="checkbox"
                name="entity"
                value={e.id}
                checked={kept.has(e.id)}
                onChange={(event) => {
                  const next = new Set(kept);
                  if (event.currentTarget.checked) next.add(e.id);
                  else next.delete(e.id);
                  setKept(next);
                }}
              />
              {e.label}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset class="rdl-field rdl-reading-page">
        <legend>The page (as it describes itself; correct what is wrong)</legend>
        <label class="rdl-field">
          <span>Title</span>
          <input name="title" value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
        <div class="rdl-field-row">
          <label class="rdl-field">
            <span>Outlet</span>
            <input name="outlet" value={outlet} onInput={(e) => setOutlet(e.currentTarget.value)} />
          </label>
          <label class="rdl-field">
            <span>Author</span>
            <input name="author" value={author} onInput={(e) => setAuthor(e.currentTarget.value)} />
          </label>
        </div>
        <div class="rdl-field-row">
          <label class="rdl-field">
            <span>Published</span>
            <input name="date" placeholder="YYYY-MM-DD" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
          </label>
          <label class="rdl-field">
            <span>Language</span>
            <select
              name="language"
              value={language}
              aria-describedby={guessed === language ? 'rdl-language-guessed' : undefined}
              onChange={(e) => setLanguage(e.currentTarget.value)}
            >
              {languages.map((l) => (
                <option key={l} value={l}>
                  {languageName(l)}
                </option>
              ))}
            </select>
            {guessed === language && (
              <small id="rdl-language-guessed" class="rdl-field-hint" data-hint="language-guessed">
                The page does not say its language: guessed from its letters.
              </small>
            )}
          </label>
        </div>
      </fieldset>
      {(problem ?? props.error) && (
        <p class="rdl-tool-error" role="alert">
          {problem ?? props.error}
        </p>
      )}
      <div class="rdl-tool-row rdl-tool-actions">
        <button type="button" class="rdl-tool-button" data-action="cancel" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" class="rdl-tool-button rdl-tool-primary" data-action="add-claim" disabled={props.busy}>
          Add to my corpus
        </button>
      </div>
    </form>
  );
}

/** A page that does not give its language: Hangul is Korean, Cyrillic Russian, anything else English. */
function guessLanguage(quote: string): string {
  if (/\p{Script=Hangul}/u.test(quote)) return 'ko';
  if (/\p{Script=Cyrillic}/u.test(quote)) return 'ru';
  return 'en';
}
