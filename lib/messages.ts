/**
 * The one typed message protocol between the extension's contexts. The
 * background answers; content scripts, the popup and the options page ask.
 *
 * Transport-agnostic on purpose: entrypoints pass in `runtime.sendMessage` and
 * wire `runtime.onMessage` to `answer()`, so lib/ stays free of browser APIs
 * and unit tests can connect a client straight to handlers.
 */
import type { PendingSearch } from './search-handoff';
import type { CorpusStatus } from './db/corpus-store';
import type { HighlightStatus } from './anchoring/page';
import type { HighlightPatch, NewHighlight } from './db/highlight-store';
import type { HighlightRow } from './db/schema';
import type { PackImport, PackPreview, PackSummary } from './db/pack-store';
import type { ReadingSaved } from './db/reading-store';
import type { PassageDraft } from './corpus/reading-pack';
import type { EntityKind, Tier } from './corpus/schema';
import type { Settings } from './settings';
import type { SearchFilters, SearchResults } from './search';
import type { CardData } from './corpus/card-model';
import type { ClaimCardData, ClaimTarget } from './corpus/claim-card-model';
import type { EntitySpan } from './claims/tokens';
import type { RecordDetail } from './corpus/detail-model';
import type { MatcherTables, TermPattern } from './text/matcher';
import { errorMessage } from './errors';
import type { MarkStyleName } from './mark-styles';

/** The most page entities a card request may name: a page's own marks, not a way to make the background scan the corpus. */
export const MAX_PAGE_ENTITY_IDS = 200;
/**
 * What one `matchClaims` reads of a page: its first MAX_CLAIM_BLOCKS blocks of
 * at most MAX_CLAIM_BLOCK_TEXT characters each (a longer block is a page's
 * layout, rarely prose). The content script sends no more; the background
 * reads no more of what a page's renderer sends, whatever it sends.
 */
export const MAX_CLAIM_BLOCKS = 200;
export const MAX_CLAIM_BLOCK_TEXT = 20_000;
/**
 * The most UTF-16 units one `matchTerms` reads. A page sends its text a part
 * at a time (a scan's slice, a rescan's changed blocks: far less than this);
 * a longer text is sent in parts cut at block breaks (lib/text/term-matches.ts).
 */
export const MAX_MATCH_TEXT = 1 << 20;
/** Why `matchTerms` refuses a term index's version (a Refusal, `stale-term-index`): the page is told `configChanged` and starts anew. */
export const STALE_TERM_INDEX_MESSAGE = 'The corpus changed: the page is marked again with the new one';

export type { TermPattern };

export interface TermIndex {
  version: string;
  patterns: TermPattern[];
  /** the source of the matcher's prefilter for `patterns` (lib/text/prefilter.ts), built here once */
  prefilter: string;
  /** the matcher's tables for `patterns` and `prefilter` (lib/text/matcher-tables.ts), built here once */
  matcher: MatcherTables;
  /** the entities the patterns point to, for the page panel */
  entities: EntitySummary[];
}

export interface EntitySummary {
  id: string;
  label: string;
  kind: EntityKind;
  /** core entities are marked on every page, context ones only on pages about the relationship */
  tier: Tier;
}

/** The reader's highlights on one page, for its content script. */
export interface PageHighlights {
  rows: HighlightRow[];
  /** why no highlight can be saved in this browser (IndexedDB unavailable, as in some private windows); null when they can */
  unavailable: string | null;
}

/**
 * What a page gets of the term index: its version and what it must know of
 * each entity. Not the matcher: the background matches a page's text
 * (`matchTerms`), so that the matcher's code, tables and regular expression
 * are in no page (issue 17).
 */
export type PageTermIndex = Pick<TermIndex, 'version' | 'entities'>;

/**
 * A page's configuration: where Lens runs, the term index to mark it with;
 * where it does not, why (paused everywhere, or off for the site).
 */
export type PageConfig =
  | { active: true; settings: Settings; termIndex: PageTermIndex; highlights: PageHighlights }
  | { active: false; reason: 'paused' | 'site-off'; settings: Settings; highlights: PageHighlights };

/** Every message: its request payload and its response. */
export interface Protocol {
  getStatus: { request: null; response: { status: CorpusStatus; loadError: string | null } };
  listEntities: { request: null; response: EntitySummary[] };
  getTermIndex: { request: null; response: TermIndex };
  /** what a content script needs to start on a page, in one round trip */
  getPageConfig: { request: { url: string }; response: PageConfig };
  /**
   * The corpus's mentions in a page's text (blocks separated by BLOCK_BREAK, at
   * most MAX_MATCH_TEXT units), matched with the term index of `version`: for
   * each, its start, its end and its entity's index in that term index's
   * `entities`, three numbers a mention. Refused once that index is replaced
   * (the page is told `configChanged` and asks again).
   */
  matchTerms: { request: { version: string; text: string }; response: number[] };
  getSettings: { request: null; response: Settings };
  setSettings: { request: Partial<Settings>; response: Settings };
  /** `pageEntityIds`: the other entities marked on the page (at most 200), whose claims the card puts first */
  getCard: { request: { entityId: string; pageEntityIds?: string[] }; response: CardData | null };
  search: { request: { query: string; filters?: SearchFilters; limit?: number }; response: SearchResults };
  getDetail: { request: { kind: RecordDetail['kind']; id: string }; response: RecordDetail | null };
  /** what the search filters offer: the sources (oldest first) and the topics */
  getFilterOptions: {
    request: null;
    response: { sources: { id: string; title: string; date: string }[]; topics: { id: string; question: string }[] };
  };
  /** opens the popup's search (or a page with it) on a query: rate-limited, the query kept for takeSearch */
  openSearch: { request: { query: string }; response: null };
  /** the popup, as it opens: the query a card's "Search in Lens" left, once */
  takeSearch: { request: null; response: PendingSearch | null };
  /** The URL is normalised here (lib/anchoring/url.ts): callers may send the page's own. */
  saveHighlight: { request: NewHighlight; response: HighlightRow };
  /**
   * A page's highlights, or all of them, most recently changed first: one page of them from `offset`
   * (at most a few hundred rows, well below the browser's message size limit); an empty page is the end.
   * listAllHighlights() reads every page.
   */
  listHighlights: { request: { url?: string; offset?: number }; response: HighlightRow[] };
  updateHighlight: { request: { id: string } & HighlightPatch; response: HighlightRow };
  /** Deleting a highlight that is not there is not an error: it is gone either way. */
  deleteHighlight: { request: { id: string }; response: null };
  /** opens a highlight's page in a new tab and scrolls it to the highlight */
  /** `addToCorpus`: open its "Add to my corpus" form there, not its popover */
  openHighlight: { request: { url: string; id: string; addToCorpus?: boolean }; response: null };
  /** puts back a deleted highlight exactly as it was (undo) */
  restoreHighlight: { request: HighlightRow; response: HighlightRow };
  /** W3C Web Annotation JSON (or Hypothesis's export), validated whole before anything is written; `byteSize` is measured again by the background */
  importHighlights: {
    request: { json: string; byteSize: number };
    response: { added: number; unchanged: number; skipped: string[] };
  };
  /** a corpus pack's JSON, validated whole before anything is written */
  importPack: { request: { json: string; byteSize: number }; response: PackImport };
  /** what importing a pack file would add, change and remove (shown before `importPack` replaces a pack) */
  previewPack: { request: { json: string; byteSize: number }; response: PackPreview };
  /** a pack as a file to share, texts and all; null when there is no such pack */
  exportPack: { request: { id: string }; response: string | null };
  listPacks: { request: null; response: PackSummary[] };
  /**
   * A passage of the sender's own page, added to the reader's "My reading"
   * pack as a claim; validated with the pack whole before anything is written.
   */
  addReading: { request: PassageDraft; response: ReadingSaved };
  removeReading: { request: { claimId: string }; response: null };
  /** what the "Add to my corpus" form offers: who may be speaking, and the topics with their positions */
  getReadingChoices: { request: { entityIds: string[] }; response: ReadingChoices };
  removePack: { request: { id: string }; response: null };
  /**
   * Blocks of a page's main text with the entities the scan marked in them
   * (offsets in the block's text): the sentences among them that state
   * something the corpus has views on (a claim or a topic position), except
   * those the reader dismissed on this page. Most pages have none.
   */
  matchClaims: {
    request: { url: string; blocks: { text: string; entities: EntitySpan[] }[] };
    response: FoundClaim[];
  };
  getClaimCard: { request: ClaimTarget; response: ClaimCardData | null };
  /** "Not this": the sentence's mark is not shown on this page again */
  dismissClaim: { request: { url: string; sentence: string }; response: null };
  /** from a tab's top frame: how many distinct entities it has marked (the toolbar badge) */
  setPageEntityCount: { request: { count: number }; response: null };
  /** from a page with Lens whose frame has loaded: the background reads the tab's frames again (lib/service/frames.ts) */
  readFrames: { request: null; response: null };
  /** from a frame that registers a highlight for the first time: its `::highlight()` rule, added to that frame (lib/mark-styles.ts) */
  styleMarks: { request: { name: MarkStyleName }; response: null };
  /** from a frame whose marks are gone (Lens paused, or off for the site) or whose settings no longer draw them: the rules `styleMarks` added, taken away */
  unstyleMarks: { request: { names: MarkStyleName[] }; response: null };
}

/** A sentence of a page's block that states a claim or takes a position (`matchClaims`). */
export interface FoundClaim {
  /** the block's index in the request */
  block: number;
  /** where the sentence is in the block's text */
  start: number;
  end: number;
  sentence: string;
  target: ClaimTarget;
}

export interface ReadingChoices {
  /** the labels of the entities asked about (those marked in the passage) */
  entities: { id: string; label: string }[];
  people: { id: string; name: string; role: string; kind: string }[];
  topics: { id: string; question: string; positions: { id: string; label: string }[] }[];
}

/** What Lens marks on a page (issue 13). */
export interface PageScope {
  /** the page's main text is about the relationship: context entities (the US, China, Putin …) are marked too */
  relevant: boolean;
  /** the reader's settings that widen what is marked */
  markEverywhere: boolean;
  mainTextOnly: boolean;
}

/** Messages the background sends to a tab's content script. */
export interface TabProtocol {
  openPanel: { request: null; response: boolean };
  getPageEntities: { request: null; response: { id: string; label: string; kind: EntityKind; count: number }[] };
  /** what Lens marks on the page, and why: for the popup to say why a page has few marks */
  getPageScope: { request: null; response: PageScope };
  showEntity: { request: { entityId: string }; response: boolean };
  /** Saves the reader's selection as a highlight (context menu, shortcut); null when nothing is selected. */
  saveSelection: { request: { colour?: string } | null; response: HighlightRow | null };
  /** once the page's highlights have been anchored */
  getHighlightStatus: { request: null; response: HighlightStatus };
  /** Scrolls to a highlight and opens its popover; false for an orphan or an id not on this page. */
  /** `addToCorpus`: open "Add to my corpus" for it instead of its popover (from the popup's Highlights tab) */
  showHighlight: { request: { id: string; addToCorpus?: boolean }; response: boolean };
  /** Reads the page's highlights from the store again (after the popup changed, restored or imported some). */
  refreshHighlights: { request: null; response: HighlightStatus };
  /** From the background, to every tab: a highlight was deleted (from the popup, or a page); a page showing it takes it away. */
  highlightDeleted: { request: { id: string }; response: null };
  /** The page the reader sees, and whether Lens is marking it (for the popup's per-site switch). */
  getPageInfo: { request: null; response: { url: string; active: boolean } };
  /**
   * Settings or the corpus changed: every frame asks for its configuration
   * again and redraws, without a reload. Answered by every frame.
   */
  configChanged: { request: null; response: null };
}

/** Every highlight (of a page, or all), read page by page (see `listHighlights`). */
export async function listAllHighlights(ask: Client, url?: string): Promise<HighlightRow[]> {
  const rows: HighlightRow[] = [];
  for (;;) {
    const page = await ask('listHighlights', { ...(url === undefined ? {} : { url }), offset: rows.length });
    if (page.length === 0) return rows;
    rows.push(...page);
  }
}

/** Any interface of `{ request, response }` pairs (interfaces have no index signature, hence the mapped type). */
type ProtocolShape<P> = { [K in keyof P]: { request: unknown; response: unknown } };

export type MessageType<P extends ProtocolShape<P> = Protocol> = keyof P & string;
export type RequestOf<K extends keyof P, P extends ProtocolShape<P> = Protocol> = P[K]['request'];
export type ResponseOf<K extends keyof P, P extends ProtocolShape<P> = Protocol> = P[K]['response'];

const TAG = 'rdl';

export interface Envelope {
  [TAG]: 1;
  type: string;
  payload: unknown;
}

/**
 * Why a request was refused, where the caller acts on the reason rather than
 * only showing it: a `Refusal` thrown by a handler reaches the caller as a
 * MessageError with its `code`.
 */
export type RefusalCode = 'stale-term-index';

export class Refusal extends Error {
  override name = 'Refusal';
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}

export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: string; code?: RefusalCode };

export type Handlers<P extends ProtocolShape<P> = Protocol, Sender = unknown> = {
  [K in keyof P]: (payload: P[K]['request'], sender: Sender) => Promise<P[K]['response']> | P[K]['response'];
};

export function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && (message as Record<string, unknown>)[TAG] === 1;
}

/**
 * Answers one message with the matching handler. Returns undefined for a
 * message that is not ours, so other listeners may answer it. Errors become a
 * `{ ok: false }` reply instead of an unanswered promise in the caller.
 */
export function answer<P extends ProtocolShape<P>, Sender>(
  handlers: Handlers<P, Sender>,
  message: unknown,
  sender: Sender,
): Promise<Reply> | undefined {
  if (!isEnvelope(message)) return undefined;
  const handler = Object.hasOwn(handlers, message.type)
    ? ((handlers as Record<string, unknown>)[message.type] as (p: unknown, s: Sender) => unknown)
    : undefined;
  if (!handler) return Promise.resolve({ ok: false, error: `Unknown message type "${message.type}"` });
  return Promise.resolve()
    .then(() => handler(message.payload, sender))
    .then(
      (value): Reply => ({ ok: true, value }),
      (error: unknown): Reply => ({
        ok: false,
        error: errorMessage(error),
        ...(error instanceof Refusal ? { code: error.code } : {}),
      }),
    );
}

export class MessageError extends Error {
  override name = 'MessageError';
  constructor(
    message: string,
    /** why it was refused, when the handler said (a Refusal) */
    readonly code?: RefusalCode,
  ) {
    super(message);
  }
}

export type Client<P extends ProtocolShape<P> = Protocol> = <K extends MessageType<P>>(
  type: K,
  payload: P[K]['request'],
) => Promise<P[K]['response']>;

/** A typed `ask(type, payload)` over any transport that delivers the reply of `answer()`. */
export function createClient<P extends ProtocolShape<P> = Protocol>(
  send: (message: Envelope) => Promise<unknown>,
): Client<P> {
  return async (type, payload) => {
    const reply = (await send({ [TAG]: 1, type, payload })) as Reply | undefined;
    if (!reply) throw new MessageError(`No answer to "${type}"`);
    if (!reply.ok) throw new MessageError(reply.error, reply.code);
    return reply.value as never;
  };
}
