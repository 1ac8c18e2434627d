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
import { plural, t, type MessageKey } from '../i18n/translate';
import { errorMessage } from '../errors';

export interface PopupProps {
  ask: Client;
  /** the content script of the tab the popup is about, or null where Lens does not run */
  askTab: Client<TabProtocol> | null;
  /** whether that tab is in a private window */
  inPrivate: boolean;
  openOptions(): void;
  download(name: string, type: string, text: string): void;
  close(): void;
  initialQuery?: string;
  theme: 'light' | 'dark';
}

type Tab = 'search' | 'page' | 'highlights';
const TABS: { id: Tab; label: MessageKey }[] = [
  { id: 'search', label: 'popupTabSearch' },
  { id: 'page', label: 'popupTabPage' },
  { id: 'highlights', label: 'popupTabHighlights' },
];

export function Popup({ ask, askTab, inPrivate, openOptions, download, close, initialQuery, theme }: PopupProps) {
  const [current, setTab] = useState<Tab>('search');
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
      (e: unknown) => setLoadError(t('popupStoreUnreachable', { reason: errorMessage(e) })),
    );
  }, []);

  const openHit = (hit: SearchHit) => setTrail([{ kind: hit.kind, id: hit.id }]);

  return (
    <main class="popup">
      <header>
        <h1>{t('extName')}</h1>
        <SiteSwitch ask={ask} askTab={askTab} inPrivate={inPrivate} openOptions={openOptions} />
        <div role="tablist" aria-label={t('extName')} class="tabs">
          {TABS.map((tab) => (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`tab-${tab.id}`}
              aria-selected={current === tab.id}
              aria-controls={`panel-${tab.id}`}
              tabIndex={current === tab.id ? 0 : -1}
              onClick={() => setTab(tab.id)}
            >
              {t(tab.label)}
            </button>
          ))}
        </div>
      </header>
      {loadError && (
        <p role="alert" class="error">
          {loadError}
        </p>
      )}
      <div role="tabpanel" id={`panel-${current}`} aria-labelledby={`tab-${current}`} class="panel">
        {current === 'search' &&
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
        {current === 'page' && <PageTab askTab={askTab} onShown={close} openOptions={openOptions} />}
        {current === 'highlights' && (
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
          t('popupCorpusCounts', {
            counts: [
              plural('countEntities', status.status.counts.entities),
              plural('countClaims', status.status.counts.claims),
              plural('countSources', status.status.counts.sources),
              plural('countPeople', status.status.counts.people),
            ].join(' · '),
          })}
      </footer>
    </main>
  );
}
