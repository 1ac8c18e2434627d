/**
 * The reader's saved highlights, most recent first, grouped by page and
 * searchable by text and note; each opens its page.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { HighlightRow } from '../../db/schema';
import type { Client } from '../../messages';
import { normaliseForMatch } from '../../text/normalise';

export function HighlightsTab({ ask, openUrl }: { ask: Client; openUrl(url: string): void }) {
  const [rows, setRows] = useState<HighlightRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');

  useEffect(() => {
    ask('listHighlights', {}).then(setRows, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
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

  if (error) {
    return (
      <p role="alert" class="error">
        Lens could not read your highlights: {error}
      </p>
    );
  }
  if (!rows) return <p class="empty">Loading…</p>;
  if (rows.length === 0) {
    return (
      <p class="empty">
        No highlights yet. Select text on any page and choose “Highlight” (or right-click → Save highlight) to keep it
        here.
      </p>
    );
  }
  return (
    <section class="highlights" aria-label="Saved highlights">
      <input
        type="search"
        aria-label="Search your highlights and notes"
        placeholder="Search your highlights and notes"
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
      />
      {pages.length === 0 && <p class="empty">No highlight or note matches “{query}”.</p>}
      {pages.map((page) => (
        <div key={page.url} class="highlight-page">
          <h2>
            <a
              href={page.url}
              onClick={(e) => {
                e.preventDefault();
                openUrl(page.url);
              }}
            >
              {page.title || page.url}
            </a>
          </h2>
          <ul>
            {page.rows.map((row) => (
              <li key={row.id} class="highlight" data-colour={row.colour}>
                <blockquote>{row.quote.exact}</blockquote>
                {row.note && <p class="note">{row.note}</p>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
