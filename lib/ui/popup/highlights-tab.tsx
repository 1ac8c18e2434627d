/**
 * The reader's saved highlights: grouped by page (the most recently changed
 * first), searchable by text and note. Each can have its note edited, be
 * deleted (with undo), or open its page scrolled to it. Highlights of the
 * current tab that Lens cannot find there are listed as "not found on this
 * page". Export as W3C Web Annotations or Markdown; import the same JSON.
 *
 * "Add to my corpus" opens the form next to the passage on its page (the
 * form reads the page's own metadata): on the tab's page at once, else in a
 * new tab. A highlight that a claim of "My reading" rests on says so, and
 * deleting it, or its passage going from the page, says that the claim keeps
 * its quote.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { MAX_IMPORT_BYTES } from '../../exchange/annotation-model';
import { toMarkdown } from '../../exchange/markdown-export';
import { toWebAnnotations } from '../../exchange/web-annotation-export';
import { sizeProblem } from '../../json-file';
import type { HighlightRow } from '../../db/schema';
import { listAllHighlights, type Client, type TabProtocol } from '../../messages';
import { normaliseForMatch } from '../../text/normalise';
import { FilePicker, Notice, type NoticeMessage } from '../file-notice';
import { errorMessage } from '../../errors';

export interface HighlightsTabProps {
  ask: Client;
  askTab: Client<TabProtocol> | null;
  /** opens the highlight's page in a tab, scrolled to it */
  openHighlight(row: HighlightRow): Promise<void>;
  /** offers a file to save (export) */
  download(name: string, type: string, text: string): void;
  /** opens "Add to my corpus" for the highlight next to its passage, on its page */
  addToCorpus(row: HighlightRow): Promise<void>;
}

/** The highlights that claims of the reader's own pack rest on, with how many. */
async function claimsByHighlight(ask: Client): Promise<Map<string, number>> {
  const own = (await ask('listPacks', null)).find((p) => p.own);
  const file = own ? await ask('exportPack', { id: own.id }) : null;
  const counts = new Map<string, number>();
  if (!file) return counts;
  for (const claim of (JSON.parse(file) as { claims: { passage?: { highlightId?: string } }[] }).claims) {
    const id = claim.passage?.highlightId;
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

const KEPT = 'Your claim in My reading keeps its quote.';

type Message = NoticeMessage & { undo?: HighlightRow };

export function HighlightsTab({ ask, askTab, openHighlight, download, addToCorpus }: HighlightsTabProps) {
  const [rows, setRows] = useState<HighlightRow[] | null>(null);
  const [orphans, setOrphans] = useState<Set<string>>(new Set());
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [claimed, setClaimed] = useState<Map<string, number>>(new Map());

  const reload = () =>
    listAllHighlights(ask).then(setRows, (e: unknown) => setMessage({ kind: 'error', text: errorMessage(e) }));
  // The open page draws what changed here.
  const refreshPage = () => void askTab?.('refreshHighlights', null).then((s) => setOrphans(new Set(s.orphans)), noop);

  useEffect(() => {
    void reload();
    askTab?.('getHighlightStatus', null).then((s) => setOrphans(new Set(s.orphans)), noop);
    claimsByHighlight(ask).then(setClaimed, noop);
  }, []);

  const pages = useMemo(() => {
    const needle = normaliseForMatch(query.trim());
    const groups = new Map<string, { url: string; title: string; rows: HighlightRow[] }>();
    for (const row of rows ?? []) {
      if (needle && !normaliseForMatch(`${row.quote.exact} ${row.note} ${row.title}`).includes(needle)) continue;
      const group = groups.get(row.url) ?? { url: row.url, title: row.title, rows: [] };
      group.rows.push(row);
      groups.set(row.url, group);
    }
    return [...groups.values()];
  }, [rows, query]);

  async function remove(row: HighlightRow) {
    try {
      // The background tells the page that shows it.
      await ask('deleteHighlight', { id: row.id });
      setMessage({ kind: 'ok', text: `Highlight deleted.${claimed.has(row.id) ? ` ${KEPT}` : ''}`, undo: row });
      await reload();
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  }

  async function undo(row: HighlightRow) {
    try {
      await ask('restoreHighlight', row);
      setMessage({ kind: 'ok', text: 'Highlight restored.' });
      await reload();
      refreshPage();
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  }

  async function saveNote(row: HighlightRow, note: string) {
    try {
      await ask('updateHighlight', { id: row.id, note });
      setEditing(null);
      await reload();
      refreshPage();
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  }

  async function exportAs(format: 'json' | 'md') {
    const all = await listAllHighlights(ask);
    if (format === 'json') {
      download('ru-dprk-lens-highlights.jsonld', 'application/ld+json', JSON.stringify(toWebAnnotations(all), null, 2));
    } else {
      const labels = Object.fromEntries((await ask('listEntities', null)).map((e) => [e.id, e.label]));
      download('ru-dprk-lens-highlights.md', 'text/markdown', toMarkdown(all, labels));
    }
  }

  async function importFile(file: File) {
    // A file too large to import is refused before it is read into memory.
    const tooLarge = sizeProblem(file.size, MAX_IMPORT_BYTES);
    if (tooLarge) {
      setMessage({ kind: 'error', text: `Nothing was imported: ${tooLarge}` });
      return;
    }
    try {
      const json = await file.text();
      const result = await ask('importHighlights', { json, byteSize: file.size });
      const skipped = result.skipped.length ? ` Left out: ${result.skipped.join('; ')}.` : '';
      setMessage({
        kind: 'ok',
        text: `Imported ${result.added} highlight${result.added === 1 ? '' : 's'}; ${result.unchanged} already here.${skipped}`,
      });
      await reload();
      refreshPage();
    } catch (e) {
      setMessage({ kind: 'error', text: `Nothing was imported: ${errorMessage(e)}` });
    }
  }

  return (
    <section class="highlights" aria-label="Saved highlights">
      <div class="highlight-tools">
        <input
          type="search"
          aria-label="Search your highlights and notes"
          placeholder="Search highlights and notes"
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
        <button type="button" class="tool" onClick={() => void exportAs('json')} disabled={!rows?.length}>
          Export JSON
        </button>
        <button type="button" class="tool" onClick={() => void exportAs('md')} disabled={!rows?.length}>
          Markdown
        </button>
        <FilePicker
          label="Import"
          accept=".json,.jsonld,application/json,application/ld+json"
          ariaLabel="Import highlights (W3C Web Annotation or Hypothesis JSON)"
          onFile={(file) => void importFile(file)}
        />
      </div>
      {message && (
        <Notice message={message}>
          {' '}
          {message.undo && (
            <button type="button" class="link" onClick={() => void undo(message.undo!)}>
              Undo
            </button>
          )}
        </Notice>
      )}
      {!rows && !message && <p class="empty">Loading…</p>}
      {rows?.length === 0 && (
        <p class="empty">
          No highlights yet. Select text on any page and choose “Highlight” (or right-click → Save highlight) to keep it
          here.
        </p>
      )}
      {rows && rows.length > 0 && pages.length === 0 && <p class="empty">No highlight or note matches “{query}”.</p>}
      {pages.map((page) => (
        <div key={page.url} class="highlight-page">
          <h2 title={page.url}>{page.title || page.url}</h2>
          <ul>
            {page.rows.map((row) => (
              <li key={row.id} class="highlight" data-id={row.id} data-colour={row.colour}>
                <blockquote>{row.quote.exact}</blockquote>
                {orphans.has(row.id) && (
                  <p class="orphan">Not found on this page{claimed.has(row.id) ? `. ${KEPT}` : ''}</p>
                )}
                {claimed.has(row.id) && (
                  <p class="in-corpus" data-claims={claimed.get(row.id)}>
                    In My reading: {claimed.get(row.id) === 1 ? 'a claim' : `${claimed.get(row.id)} claims`}
                  </p>
                )}
                {editing === row.id ? (
                  <NoteEditor row={row} onSave={(note) => void saveNote(row, note)} onCancel={() => setEditing(null)} />
                ) : (
                  row.note && <p class="note">{row.note}</p>
                )}
                <div class="highlight-actions">
                  <button
                    type="button"
                    class="link"
                    onClick={() =>
                      void openHighlight(row).catch((e: unknown) =>
                        setMessage({ kind: 'error', text: errorMessage(e) }),
                      )
                    }
                  >
                    Open
                  </button>
                  <button type="button" class="link" onClick={() => setEditing(row.id)}>
                    {row.note ? 'Edit note' : 'Add note'}
                  </button>
                  <button
                    type="button"
                    class="link"
                    data-action="add-to-corpus"
                    // Its form is placed next to the passage: an orphan has none on this page.
                    disabled={orphans.has(row.id)}
                    title={orphans.has(row.id) ? 'Its passage is not on this page any more' : undefined}
                    onClick={() =>
                      void addToCorpus(row).catch((e: unknown) => setMessage({ kind: 'error', text: errorMessage(e) }))
                    }
                  >
                    Add to my corpus
                  </button>
                  <button type="button" class="link danger" onClick={() => void remove(row)}>
                    Delete
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function NoteEditor({ row, onSave, onCancel }: { row: HighlightRow; onSave(note: string): void; onCancel(): void }) {
  const [note, setNote] = useState(row.note);
  return (
    <div class="note-editor">
      <textarea
        aria-label="Note"
        value={note}
        rows={3}
        ref={(el) => el?.focus()}
        onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
        onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), onCancel())}
      />
      <button type="button" class="tool" onClick={() => onSave(note)}>
        Save note
      </button>{' '}
      <button type="button" class="link" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

function noop() {}
