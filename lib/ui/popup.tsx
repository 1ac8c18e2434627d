/**
 * The popup: search over the whole corpus, what is on the current page, and
 * the reader's saved highlights. Everything it shows comes from the
 * background through the typed protocol.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Client, ResponseOf, TabProtocol } from '../messages';
import type { SearchHit } from '../search';
import { DetailView, type Opened } from './popup/detail-view';
import { HighlightsTab } from './popup/highlights-tab';
import { PageTab } from './popup/page-tab';
import { SearchView, type SearchState } from './popup/search-view';
import { SiteSwitch } from './popup/site-switch';
import { errorMessage } from '../errors';

export interface PopupProps {
  ask: Client;
  /** the content script of the tab the popup is about, or null where Lens does not run */
  askTab: Client<TabProtocol> | null;
  openOptions(): void;
  download(name: string, type: string, text: string): void;
  close(): void;
  initialQuery?: string;
  theme: 'light' | 'dark';
}

type Tab = 'search' | 'page' | 'highlights';
const TABS: { id: Tab; label: string }[] = [
  { id: 'search', label: 'Search' },
  { id: 'page', label: 'On this page' },
  { id: 'highlights', label: 'Highlights' },
];

export function Popup({ ask, askTab, openOptions, download, close, initialQuery, theme }: PopupProps) {
  const [tab, setTab] = useState<Tab>('search');
  const [search, setSearch] = useState<SearchState>({ query: initialQuery ?? '', filters: {}, active: null });
  const [trail, setTrail] = useState<Opened[]>([]);
  const [status, setStatus] = useState<ResponseOf<'getStatus'> | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const opened = trail.at(-1);

  useEffect(() => {
    ask('getStatus', null).then(
      (s) => {
        setStatus(s);
        setLoadError(s.loadError);
      },
      (e: unknown) => setLoadError(`Lens could not reach its store: ${errorMessage(e)}`),
    );
  }, []);

  const openHit = (hit: SearchHit) => setTrail([{ kind: hit.kind, id: hit.id }]);

  return (
    <main class="popup">
      <header>
        <h1>RU–DPRK Lens</h1>
        <SiteSwitch ask={ask} askTab={askTab} openOptions={openOptions} />
        <div role="tablist" aria-label="Lens" class="tabs">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
      </header>
      {loadError && (
        <p role="alert" class="error">
          {loadError}
        </p>
      )}
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="panel">
        {tab === 'search' &&
          (opened ? (
            <DetailView
              ask={ask}
              opened={opened}
              theme={theme}
              onOpen={(next) => setTrail([...trail, next])}
              onBack={() => setTrail(trail.slice(0, -1))}
              onSearch={(query) => {
                setTrail([]);
                setSearch({ query, filters: {}, active: null });
              }}
            />
          ) : (
            <SearchView ask={ask} state={search} onChange={setSearch} onOpen={openHit} />
          ))}
        {tab === 'page' && <PageTab askTab={askTab} onShown={close} openOptions={openOptions} />}
        {tab === 'highlights' && (
          <HighlightsTab
            ask={ask}
            askTab={askTab}
            download={download}
            openHighlight={(row) =>
              // Only through the background, which opens web pages only: no fallback that opens any URL.
              ask('openHighlight', { url: row.url, id: row.id }).then(close)
            }
            addToCorpus={async (row) => {
              // On the tab's own page the form opens next to the passage; any other page opens with it.
              const here =
                (await askTab?.('showHighlight', { id: row.id, addToCorpus: true }).catch(() => false)) ?? false;
              if (!here) await ask('openHighlight', { url: row.url, id: row.id, addToCorpus: true });
              close();
            }}
          />
        )}
      </div>
      <footer class="status" data-testid="corpus-counts">
        {status &&
          `Corpus: ${status.status.counts.entities} entities · ${status.status.counts.claims} claims · ` +
            `${status.status.counts.sources} sources · ${status.status.counts.people} people`}
      </footer>
    </main>
  );
}
