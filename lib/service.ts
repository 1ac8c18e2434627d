/**
 * What the background answers: the protocol's handlers over the one store.
 * The bundled corpus is loaded when the service starts (every wake of the
 * worker or event page); a load that fails is kept as `loadError` and shown
 * to the reader, while the previous corpus stays in place.
 */
import { createSearchHandoff } from './search-handoff';
import type { CorpusBundle } from './corpus/bundle';
import type { CorpusRecords } from './corpus/schema';
import { parseAnnotationImport } from './anchoring/exchange';
import { loadBundledCorpus, readCorpusStatus } from './db/corpus-store';
import {
  addHighlight,
  checkPageUrl,
  deleteHighlight,
  importHighlights,
  listHighlights,
  PRIVATE_WINDOW_MESSAGE,
  restoreHighlight,
  unavailableMessage,
  updateHighlight,
} from './db/highlight-store';
import { exportPack, importPack, listPacks, previewPack, removePack } from './db/pack-store';
import { addReading, removeReading } from './db/reading-store';
import { normaliseUrl } from './anchoring/url';
import { readCorpusRecords, type EntityRow, type LensDb } from './db/schema';
import { createSearcher, SEARCH_INDEX_VERSION, type Searcher } from './search';
import { createDetails } from './ui/detail-model';
import {
  MAX_PAGE_ENTITY_IDS,
  type EntitySummary,
  type Handlers,
  type PageHighlights,
  type TermIndex,
} from './messages';
import { buildCard } from './ui/card-model';
import { buildClaimCard } from './ui/claim-card-model';
import { buildClaimIndex } from './claims/build';
import { createClaimMatcher, targetOf, type ClaimMatcher } from './claims/match';
import { DISMISSED_CLAIMS_KEY, MAX_DISMISSALS, dismissalKey, readDismissals } from './claims/dismissals';
import { checkSettingsPatch, DEFAULT_SETTINGS, isActiveOn, readSettings, type Settings } from './settings';
import { prefilterSource } from './text/prefilter';
import { buildMatcherTables } from './text/matcher-tables';
import { termPatternsOf } from './corpus/term-patterns';
import { utf8Length } from './json-file';
import { toolbarState, type ToolbarState } from './toolbar-icon';

export const BLOCKED_MESSAGE =
  'Lens is updating its storage, but another tab still has Lens’s previous version open. Close or reload that tab (an open Lens popup or options page) and try again; nothing is lost.';

export interface Service {
  handlers: Handlers;
  /** the stored URL of a highlight, for the sender policy (lib/sender-policy.ts) */
  rowUrl(id: string): Promise<string | undefined>;
  /** settles when the corpus load has finished, whether it succeeded or not */
  ready: Promise<void>;
}

export interface ServiceOptions {
  now?: () => number;
  newId?: () => string;
  onLoadError?: (error: unknown) => void;
  /**
   * opens Lens's search (the popup, or a page in its place) about the sender's
   * tab; the query waits in the service until that page asks (takeSearch)
   */
  openSearch?: (sender: unknown) => Promise<void>;
  /** the tab a message came from, where it came from one */
  tabOf?: (sender: unknown) => number | undefined;
  /** opens a page in a new tab and, once its content script runs, scrolls it to a highlight */
  openHighlight?: (url: string, highlightId: string) => Promise<void>;
  /** settings or the corpus changed: open tabs should redraw */
  onConfigChanged?: () => void;
  /** shows Lens's state on the sender's tab (the toolbar icon); called for every frame that asks for its configuration */
  showToolbarState?: (state: ToolbarState, sender: unknown) => Promise<void>;
  /** shows the count of entities on the sender's tab (the toolbar badge) */
  setBadge?: (count: number, sender: unknown) => Promise<void>;
  /** whether a message comes from a tab in a private (incognito) window: nothing is read or written for it (default: the Caller's `private`) */
  isPrivate?: (sender: unknown) => boolean;
}

export function createService(db: LensDb, bundle: CorpusBundle, options: ServiceOptions = {}): Service {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const isPrivate = options.isPrivate ?? ((sender) => (sender as { private?: unknown } | null)?.private === true);
  const searches = createSearchHandoff(now);
  let loadError: string | null = null;
  let termIndex: Promise<TermIndex> | null = null;

  /**
   * Why the store cannot be used, or null once it is open. Where IndexedDB is
   * unavailable (some private windows), pages are still marked from the
   * bundled corpus, and the content script says why highlights cannot be
   * saved. While an upgrade of the store is blocked (another tab holds the
   * previous version open), the same holds, with a message that says so, until
   * the other tab lets go: then the upgrade runs and every row is kept.
   */
  let onBlocked = () => {};
  const blockedOnce = new Promise<void>((resolve) => (onBlocked = resolve));
  db.on('blocked', () => onBlocked());
  /** undefined while the store is opening; then null (open) or why it cannot be opened */
  let openResult: string | null | undefined;
  const opened: Promise<string | null> = Promise.resolve(db.open()).then(
    () => (openResult = null),
    (error: unknown) => (openResult = unavailableMessage(error)),
  );
  const storeProblem = async (): Promise<string | null> =>
    openResult !== undefined ? openResult : Promise.race([opened, blockedOnce.then(() => BLOCKED_MESSAGE)]);
  /** Throws what is wrong with the store, for the handlers that write to it. */
  const usableStore = async (): Promise<void> => {
    const problem = await storeProblem();
    if (problem) throw new Error(problem);
  };

  const ready = loadBundledCorpus(db, bundle, now()).then(
    () => undefined,
    (error: unknown) => {
      loadError = `The corpus update ${bundle.version} could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
      options.onLoadError?.(error);
    },
  );

  async function buildTermIndex(): Promise<TermIndex> {
    const meta = await db.corpusMeta.toArray();
    const version = meta.map((m) => `${m.origin}:${m.version}`).join(',');
    return termIndexOf(await db.entities.toArray(), version);
  }

  function termIndexOf(
    entities: Pick<EntityRow, 'id' | 'label' | 'kind' | 'tier' | 'aliases'>[],
    version: string,
  ): TermIndex {
    const patterns = termPatternsOf(entities);
    const summaries: EntitySummary[] = entities.map((e) => ({
      id: e.id,
      label: e.label,
      kind: e.kind,
      tier: e.tier ?? 'core',
    }));
    const prefilter = prefilterSource(patterns);
    return { version, patterns, prefilter, matcher: buildMatcherTables(patterns, prefilter), entities: summaries };
  }

  /** After a pack is imported or removed: the term index and search are built again, and open tabs redraw. */
  function corpusChanged() {
    termIndex = null;
    claimMatcher = null;
    corpusView = null;
    options.onConfigChanged?.();
  }

  /** The claim matcher over the bundled corpus and the reader's packs, built on the first page that asks. */
  let claimMatcher: Promise<ClaimMatcher> | null = null;
  function openClaimMatcher() {
    claimMatcher ??= (async () => {
      await ready;
      return createClaimMatcher(buildClaimIndex(await readCorpusRecords(db)));
    })();
    claimMatcher.catch(() => (claimMatcher = null));
    return claimMatcher;
  }
  async function dismissals(): Promise<string[]> {
    return readDismissals((await db.settings.get(DISMISSED_CLAIMS_KEY))?.value);
  }

  async function settings(): Promise<Settings> {
    return readSettings(await db.settings.toArray());
  }

  /**
   * The searcher and record details, over the corpus in memory: opened on the
   * first search of this worker's life, from the index cached for this corpus
   * version (built and cached when there is none).
   */
  let corpusView: Promise<{
    searcher: Searcher;
    details: ReturnType<typeof createDetails>;
    records: CorpusRecords;
  }> | null = null;
  function openCorpusView() {
    corpusView ??= (async () => {
      await ready;
      const records = await readCorpusRecords(db);
      const meta = await db.corpusMeta.toArray();
      const key = `${SEARCH_INDEX_VERSION}|${meta
        .map((m) => `${m.origin}:${m.version}`)
        .sort()
        .join(',')}`;
      const cached = await db.searchCache.get(key);
      const searcher = createSearcher(records, cached?.index);
      if (searcher.indexSource === 'built') await db.searchCache.put({ key, index: searcher.toJSON() });
      return { searcher, details: createDetails(records), records };
    })();
    corpusView.catch(() => (corpusView = null));
    return corpusView;
  }

  const handlers: Handlers = {
    async search({ query, filters, limit }) {
      return (await openCorpusView()).searcher.search(query, filters, limit);
    },
    async getDetail({ kind, id }) {
      return (await openCorpusView()).details.detail(kind, id);
    },
    async getFilterOptions() {
      const { records } = await openCorpusView();
      return {
        sources: records.sources
          .map(({ id, title, date }) => ({ id, title, date }))
          .sort((a, b) => a.date.localeCompare(b.date)),
        topics: records.topics.map(({ id, question }) => ({ id, question })),
      };
    },
    async getStatus() {
      const problem = await storeProblem();
      if (problem) throw new Error(problem);
      await ready;
      return { status: await readCorpusStatus(db), loadError };
    },
    async listEntities() {
      await ready;
      const entities = await db.entities.toArray();
      return entities
        .map(({ id, label, kind, tier }) => ({ id, label, kind, tier: tier ?? 'core' }))
        .sort((a, b) => a.label.localeCompare(b.label));
    },
    async getTermIndex() {
      await ready;
      termIndex ??= buildTermIndex();
      return termIndex;
    },
    async getPageConfig({ url }, sender) {
      const problem = await storeProblem();
      const current = problem ? { ...DEFAULT_SETTINGS } : await settings();
      // A private window is marked as any other, but its highlights would outlive it: none are saved there,
      // and the reader's others are not shown there either (they could be changed from it).
      const highlights: PageHighlights = {
        rows: [],
        unavailable: problem ?? (isPrivate(sender) ? PRIVATE_WINDOW_MESSAGE : null),
      };
      // The page's content script asks at every start and after every change of settings: the icon follows.
      void options.showToolbarState?.(toolbarState(current, url), sender).catch(() => undefined /* the tab closed */);
      if (!isActiveOn(current, url)) return { active: false, settings: current, termIndex: null, highlights };
      let index: TermIndex;
      if (problem) {
        index = termIndexOf(bundle.records.entities, `bundled:${bundle.version}`);
      } else {
        await ready;
        termIndex ??= buildTermIndex();
        index = await termIndex;
        if (!highlights.unavailable) highlights.rows = await listHighlights(db, url);
      }
      // Every pattern, whatever kinds the reader marks: an unmarked kind's mentions still tell whether
      // the page is about the relationship (the content script leaves them unmarked).
      const { version, matcher, entities } = index;
      return { active: true, settings: current, termIndex: { version, matcher, entities }, highlights };
    },
    getSettings: () => usableStore().then(settings),
    async setSettings(patch) {
      await usableStore();
      const valid = checkSettingsPatch(patch);
      await db.transaction('rw', db.settings, async () => {
        await db.settings.bulkPut(Object.entries(valid).map(([key, value]) => ({ key, value })));
      });
      options.onConfigChanged?.();
      return settings();
    },
    async getCard({ entityId, pageEntityIds }) {
      const onPage = checkPageEntityIds(pageEntityIds);
      await ready;
      const entity = await db.entities.get(entityId);
      if (!entity) return null;
      const claims = await db.claims.where('entityIds').equals(entityId).toArray();
      const [people, sources, topics, events] = await Promise.all([
        db.people.bulkGet([...new Set(claims.flatMap((c) => c.speakerIds))]),
        db.sources.bulkGet([...new Set(claims.map((c) => c.sourceId))]),
        db.topics.bulkGet([...new Set(claims.flatMap((c) => c.stances.map((st) => st.topicId)))]),
        db.events.where('entityIds').equals(entityId).toArray(),
      ]);
      const claimIds = new Set(claims.map((c) => c.id));
      const linkedEvents = await db.events.filter((e) => e.claimIds.some((id) => claimIds.has(id))).toArray();
      const ownPacks = new Set((await db.packs.filter((row) => row.own === true).primaryKeys()) as string[]);
      const allEvents = new Map([...events, ...linkedEvents].map((e) => [e.id, e]));
      return buildCard(entityId, {
        entity,
        claims,
        people: people.filter((p) => p !== undefined),
        sources: sources.filter((s) => s !== undefined),
        topics: topics.filter((t) => t !== undefined),
        events: [...allEvents.values()],
        yours: new Set(claims.filter((c) => ownPacks.has(c.origin)).map((c) => c.id)),
        pageEntityIds: onPage,
      });
    },
    async matchClaims({ url, sentences }) {
      const [matcher, dismissed] = await Promise.all([openClaimMatcher(), dismissals()]);
      const hidden = new Set(dismissed);
      return sentences.map(({ text, entities }) => {
        const hit = matcher.match(text, entities);
        return hit && !hidden.has(dismissalKey(url, text)) ? targetOf(hit) : null;
      });
    },
    async getClaimCard(target) {
      await ready;
      const records = await readCorpusRecords(db);
      return buildClaimCard(target, records);
    },
    async dismissClaim({ url, sentence }) {
      await usableStore();
      const key = dismissalKey(url, sentence);
      await db.transaction('rw', db.settings, async () => {
        const list = readDismissals((await db.settings.get(DISMISSED_CLAIMS_KEY))?.value).filter((k) => k !== key);
        list.push(key);
        await db.settings.put({ key: DISMISSED_CLAIMS_KEY, value: list.slice(-MAX_DISMISSALS) });
      });
      return null;
    },
    async openSearch({ query }, sender) {
      if (!options.openSearch) throw new Error('Search cannot be opened from here');
      // Too soon after the last one: nothing opens (a page cannot open search after search).
      if (!searches.offer(query, options.tabOf?.(sender))) return null;
      await options.openSearch(sender);
      return null;
    },
    async takeSearch() {
      return searches.take();
    },
    async saveHighlight(draft, sender) {
      await usableStore();
      if (isPrivate(sender)) throw new Error(PRIVATE_WINDOW_MESSAGE);
      return addHighlight(db, draft, newId(), now());
    },
    listHighlights: ({ url, offset } = {}) =>
      usableStore().then(() =>
        listHighlights(db, url, Number.isInteger(offset) && (offset as number) > 0 ? offset : 0),
      ),
    updateHighlight: ({ id, ...patch }) => usableStore().then(() => updateHighlight(db, id, patch, now())),
    async deleteHighlight({ id }) {
      await usableStore();
      await deleteHighlight(db, id);
      return null;
    },
    async openHighlight({ url, id }) {
      const page = checkPageUrl(url);
      if (!options.openHighlight) throw new Error('Pages cannot be opened from here');
      await options.openHighlight(page, id);
      return null;
    },
    async restoreHighlight(row) {
      await usableStore();
      return restoreHighlight(db, row);
    },
    // The size a sender states is not taken: it is measured here.
    async importHighlights({ json }) {
      await usableStore();
      if (typeof json !== 'string') throw new Error('An import is the text of a file');
      const parsed = parseAnnotationImport(json, utf8Length(json), now());
      if (!parsed.ok) throw new Error(parsed.error);
      const known = new Set((await db.entities.toCollection().primaryKeys()) as string[]);
      // Entity tags from another corpus mean nothing here.
      const rows = parsed.rows.map((row) => ({ ...row, entityIds: row.entityIds.filter((id) => known.has(id)) }));
      return { ...(await importHighlights(db, rows)), skipped: parsed.skipped };
    },
    async importPack({ json }) {
      await usableStore();
      await ready;
      if (typeof json !== 'string') throw new Error('A pack is the text of a file');
      const result = await importPack(db, json, utf8Length(json), now());
      if (result.status !== 'unchanged') corpusChanged();
      return result;
    },
    async previewPack({ json, byteSize }) {
      await usableStore();
      await ready;
      return previewPack(db, json, byteSize);
    },
    async exportPack({ id }) {
      await usableStore();
      return (await exportPack(db, id)) ?? null;
    },
    async addReading(draft, sender) {
      await usableStore();
      if (isPrivate(sender)) throw new Error(PRIVATE_WINDOW_MESSAGE);
      await ready;
      const saved = await addReading(
        db,
        { ...draft, page: { ...draft.page, url: normaliseUrl(draft.page.url) } },
        now(),
      );
      corpusChanged();
      return saved;
    },
    async removeReading({ claimId }) {
      await usableStore();
      await removeReading(db, claimId, now());
      corpusChanged();
      return null;
    },
    async getReadingChoices({ entityIds }) {
      await ready;
      const [people, topics, entities] = await Promise.all([
        db.people.toArray(),
        db.topics.toArray(),
        db.entities.bulkGet(entityIds),
      ]);
      return {
        entities: entities.flatMap((e) => (e ? [{ id: e.id, label: e.label }] : [])),
        people: people
          .map(({ id, name, role, kind }) => ({ id, name, role, kind }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        // By question, so that a reader (and type-ahead) finds one where they expect it.
        topics: [...topics]
          .sort((a, b) => a.question.localeCompare(b.question))
          .map(({ id, question, positions }) => ({
            id,
            question,
            positions: positions.map(({ id: pid, label }) => ({ id: pid, label })),
          })),
      };
    },
    listPacks: () => usableStore().then(() => listPacks(db)),
    async removePack({ id }) {
      await usableStore();
      await removePack(db, id);
      corpusChanged();
      return null;
    },
    async setPageEntityCount({ count }, sender) {
      if (!Number.isInteger(count) || count < 0) throw new Error('A count is a whole number');
      await options.setBadge?.(count, sender);
      return null;
    },
  };

  return { handlers, ready, rowUrl: async (id) => (await db.highlights.get(id))?.url };
}

/** `getCard`'s page entities, as a page's content script sends them: absent, or a short list of short ids. */
function checkPageEntityIds(ids: unknown): string[] {
  if (ids === undefined) return [];
  if (
    !Array.isArray(ids) ||
    ids.length > MAX_PAGE_ENTITY_IDS ||
    !ids.every((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 100)
  )
    throw new Error(`pageEntityIds must be a list of at most ${MAX_PAGE_ENTITY_IDS} entity ids`);
  return ids;
}
