/**
 * The popup's search: a search box, optional filters, and results grouped by
 * kind with the matched part emphasised. Keyboard: type, ↓/↑ to move, Enter
 * to open, Esc to clear.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Client, ResponseOf } from '../../messages';
import type { SearchFilters, SearchHit, SearchKind, SearchResults } from '../../search';
import { MarkedText } from './marked-text';
import { errorMessage } from '../../errors';

export interface SearchState {
  query: string;
  filters: SearchFilters;
  /** the id of the hit the keyboard is on */
  active: string | null;
}

const KIND_LABELS: Record<SearchKind, string> = {
  entity: 'People, places, treaties and events',
  person: 'Experts and sources of claims',
  claim: 'Claims',
  source: 'Sources',
  event: 'Timeline',
};
const KIND_SHORT: Record<SearchKind, string> = {
  entity: 'Entities',
  person: 'People',
  claim: 'Claims',
  source: 'Sources',
  event: 'Timeline',
};

type FilterOptions = ResponseOf<'getFilterOptions'>;
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export function SearchView({
  ask,
  state,
  onChange,
  onOpen,
}: {
  ask: Client;
  state: SearchState;
  onChange(state: SearchState): void;
  onOpen(hit: SearchHit): void;
}) {
  const [results, setResults] = useState<SearchResults | null>(null);
  // The query and filters the results shown answer: until they are the ones typed, the list is busy.
  const [answered, setAnswered] = useState<Pick<SearchState, 'query' | 'filters'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [options, setOptions] = useState<FilterOptions | null>(null);
  const [showFilters, setShowFilters] = useState(hasFilters(state.filters));
  const box = useRef<HTMLInputElement>(null);

  useEffect(() => box.current?.focus(), []);
  useEffect(() => {
    if (showFilters && !options) ask('getFilterOptions', null).then(setOptions, () => undefined);
  }, [showFilters]);

  // Every keystroke searches; a reply to an older query is dropped.
  useEffect(() => {
    let current = true;
    const { query, filters } = state;
    ask('search', { query, filters }).then(
      (r) => {
        if (!current) return;
        setResults(r);
        setAnswered({ query, filters });
        setError(null);
      },
      (e: unknown) => {
        if (!current) return;
        setAnswered({ query, filters });
        setError(errorMessage(e));
      },
    );
    return () => {
      current = false;
    };
  }, [state.query, state.filters]);

  const hits = useMemo(() => results?.groups.flatMap((g) => g.hits) ?? [], [results]);
  const activeIndex = hits.findIndex((h) => key(h) === state.active);
  const busy = answered?.query !== state.query || answered.filters !== state.filters;

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length === 0) return;
      const next =
        event.key === 'ArrowDown'
          ? Math.min(hits.length - 1, activeIndex + 1)
          : Math.max(0, (activeIndex === -1 ? 0 : activeIndex) - 1);
      onChange({ ...state, active: key(hits[next]!) });
    } else if (event.key === 'Enter') {
      const hit = hits[activeIndex === -1 ? 0 : activeIndex];
      if (hit) onOpen(hit);
    } else if (event.key === 'Escape' && state.query) {
      event.preventDefault();
      onChange({ ...state, query: '', active: null });
    }
  }

  // Before the frame is painted, so the selection never shows out of view; the
  // pane's scroll-padding keeps it clear of the sticky search box.
  useLayoutEffect(() => {
    if (state.active) document.getElementById(`hit-${state.active}`)?.scrollIntoView({ block: 'nearest' });
  }, [state.active]);

  const setFilters = (filters: SearchFilters) => onChange({ ...state, filters, active: null });

  return (
    <section class="search" aria-label="Search the corpus">
      <div class="search-row">
        <input
          ref={box}
          type="search"
          role="searchbox"
          aria-label="Search people, places, claims and sources"
          aria-controls="results"
          aria-activedescendant={state.active ? `hit-${state.active}` : undefined}
          placeholder="Pyongyang, Лавров, 김정은…"
          value={state.query}
          onInput={(e) => onChange({ ...state, query: (e.target as HTMLInputElement).value, active: null })}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          class="filter-toggle"
          aria-expanded={showFilters}
          aria-controls="filters"
          onClick={() => setShowFilters(!showFilters)}
        >
          Filters{hasFilters(state.filters) ? ' •' : ''}
        </button>
      </div>
      {showFilters && <Filters filters={state.filters} options={options} onChange={setFilters} />}
      {error && (
        <p role="alert" class="error">
          Search failed: {error}
        </p>
      )}
      <div id="results" class="results" role="listbox" aria-label="Results" aria-busy={busy}>
        {results && results.groups.length === 0 && (state.query || hasFilters(state.filters)) && (
          <p class="empty">Nothing matches “{state.query}”. Try fewer words, another spelling, or fewer filters.</p>
        )}
        {!state.query && !hasFilters(state.filters) && (
          <p class="empty">
            Type a name, place or phrase in English, Russian or Korean. Put words in quotes to find an exact phrase.
          </p>
        )}
        {results?.groups.map((group) => (
          <div key={group.kind} class="group" role="group" aria-label={KIND_LABELS[group.kind]}>
            <h2>
              {KIND_LABELS[group.kind]}{' '}
              <span class="count">
                {group.approximate ? 'up to ' : ''}
                {group.total}
              </span>
            </h2>
            {group.hits.map((hit) => (
              <Hit key={key(hit)} hit={hit} active={key(hit) === state.active} onOpen={onOpen} />
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}

function Hit({ hit, active, onOpen }: { hit: SearchHit; active: boolean; onOpen(hit: SearchHit): void }) {
  const titleRanges = hit.highlights.find((h) => h.text === hit.title)?.ranges;
  const other = hit.highlights.find((h) => h.text !== hit.title && h.ranges.length > 0);
  return (
    <div
      id={`hit-${key(hit)}`}
      role="option"
      aria-selected={active}
      class={active ? 'hit active' : 'hit'}
      data-kind={hit.kind}
      data-id={hit.id}
      onClick={() => onOpen(hit)}
    >
      <div class="hit-title">
        <MarkedText text={hit.title} ranges={titleRanges} />
      </div>
      {other && other.text !== hit.title && (
        <div class="hit-match">
          <MarkedText text={other.text} ranges={other.ranges} />
        </div>
      )}
      <div class="hit-sub">
        {hit.subtitle}
        {hit.date && !hit.subtitle.includes(hit.date) ? ` · ${hit.date}` : ''}
      </div>
    </div>
  );
}

function Filters({
  filters,
  options,
  onChange,
}: {
  filters: SearchFilters;
  options: FilterOptions | null;
  onChange(filters: SearchFilters): void;
}) {
  const kinds = new Set(filters.kinds ?? []);
  const toggle = (kind: SearchKind) => {
    const next = new Set(kinds);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    const { kinds: _, ...rest } = filters;
    onChange(next.size ? { ...rest, kinds: [...next] } : rest);
  };
  const set = (name: 'from' | 'to' | 'topicId', value: string) => {
    // A half-typed date is not applied (the field shows it as invalid).
    if (name !== 'topicId' && value && !PARTIAL_DATE.test(value)) return;
    const { [name]: _, ...rest } = filters;
    onChange(value ? { ...rest, [name]: value } : rest);
  };
  return (
    <fieldset id="filters" class="filters">
      <legend class="sr-only">Filters</legend>
      <div class="kinds">
        {(Object.keys(KIND_SHORT) as SearchKind[]).map((kind) => (
          <label key={kind}>
            <input type="checkbox" checked={kinds.has(kind)} onChange={() => toggle(kind)} /> {KIND_SHORT[kind]}
          </label>
        ))}
      </div>
      <label>
        Source{' '}
        <select
          value={filters.sourceIds?.[0] ?? ''}
          onChange={(e) => {
            const value = (e.target as HTMLSelectElement).value;
            const { sourceIds: _, ...rest } = filters;
            onChange(value ? { ...rest, sourceIds: [value] } : rest);
          }}
        >
          <option value="">Any</option>
          {options?.sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.date} — {s.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Topic{' '}
        <select value={filters.topicId ?? ''} onChange={(e) => set('topicId', (e.target as HTMLSelectElement).value)}>
          <option value="">Any</option>
          {options?.topics.map((t) => (
            <option key={t.id} value={t.id}>
              {t.question}
            </option>
          ))}
        </select>
      </label>
      <div class="dates">
        <DateField label="From" value={filters.from} onChange={(value) => set('from', value)} />
        <DateField label="To" value={filters.to} onChange={(value) => set('to', value)} />
      </div>
    </fieldset>
  );
}

/** A partial date (YYYY, YYYY-MM or YYYY-MM-DD); the browser flags what does not fit the pattern. */
function DateField({ label, value, onChange }: { label: string; value?: string; onChange(value: string): void }) {
  return (
    <label>
      {label}{' '}
      <input
        type="text"
        inputMode="numeric"
        placeholder="YYYY[-MM]"
        pattern="\d{4}(-\d{2}(-\d{2})?)?"
        value={value ?? ''}
        onChange={(e) => onChange((e.target as HTMLInputElement).value.trim())}
      />
    </label>
  );
}

function key(hit: SearchHit): string {
  return `${hit.kind}-${hit.id}`;
}

function hasFilters(filters: SearchFilters): boolean {
  return Boolean(filters.kinds?.length || filters.sourceIds?.length || filters.from || filters.to || filters.topicId);
}
