/**
 * Who may ask the background what. The background hears every context of
 * the extension, and a content script speaks for a web page: a page whose
 * renderer is compromised can send any message its content script could.
 * So a content script gets a narrow protocol — its page's configuration,
 * the mentions in its text, its marks' styles, cards, opening a search, the badge, and the highlights of its own
 * top-frame page — and everything else (every row of every site, settings,
 * packs, imports, opening URLs) answers only the extension's own pages.
 *
 * Who sent a message is what the browser says (`runtime.MessageSender`, read
 * by the background entrypoint into a `Caller`), never what the message says.
 */
import { normaliseUrl } from './anchoring/url';
import { privateWindowMessage } from './db/highlight-store';
import type { HighlightRow } from './db/schema';
import type { Handlers, Protocol } from './messages';

/** A message's sender as the browser reports it. */
export type Caller =
  /** the extension's own pages: popup, options */
  | { kind: 'extension'; private: boolean }
  | {
      kind: 'page';
      /** the URL of the sender's frame, as the browser knows it (not as the page says) */
      url: string;
      /** whether the sender is the top frame of its tab (the page the reader sees) */
      topFrame: boolean;
      tabId: number | undefined;
      /** the sender's frame in its tab (0: the top frame) */
      frameId: number | undefined;
      /** whether its tab is in a private window */
      private: boolean;
    }
  /** anything else (another extension, a context without a URL): answered nothing */
  | { kind: 'other' };

/** What a content script may ask. */
/** Every message that writes to the store: none is answered for a private window, whoever asks. */
const WRITES = new Set<keyof Protocol>([
  'saveHighlight',
  'updateHighlight',
  'deleteHighlight',
  'restoreHighlight',
  'importHighlights',
  'importPack',
  'removePack',
  'setSettings',
  'dismissClaim',
  'addReading',
  'removeReading',
]);
const PAGE_MESSAGES = new Set<keyof Protocol>([
  'getPageConfig',
  // the corpus's mentions in a part of its page's text (the background matches: issue 17)
  'matchTerms',
  'getCard',
  'openSearch',
  'setPageEntityCount',
  // the marks' styles, added to the frame that asks with its first mark (lib/mark-styles.ts)
  'styleMarks',
  'unstyleMarks',
  // a frame of the page loaded: the background reads the tab's frames again (lib/service/frames.ts)
  'readFrames',
  'saveHighlight',
  'listHighlights',
  'updateHighlight',
  'deleteHighlight',
  // claims on the page (issue 16): main-text blocks with their entities, the claim card, "Not this"
  'matchClaims',
  'getClaimCard',
  'dismissClaim',
  // "Add to my corpus": a passage of its own page, and what the form offers (people, topics: the corpus's, public)
  'addReading',
  'getReadingChoices',
]);

export const REFUSED_MESSAGE = 'Lens does not answer this to a web page';
export const OTHER_PAGE_MESSAGE = 'A page can only see and change its own highlights';
export const TOO_MANY_MESSAGE = 'Too many changes from this page at once; wait a moment and try again';

export interface PolicyOptions {
  /** the stored URL of a highlight (undefined when there is none) */
  rowUrl(id: string): Promise<string | undefined>;
  now?: () => number;
  /** writes a tab may send in a minute (a reader saves a few; a flood is a script) */
  writesPerMinute?: number;
}

/**
 * The service's handlers, answering each caller only what it may ask. The
 * handlers get the Caller as their sender.
 */
export function guardHandlers(
  handlers: Handlers<Protocol, Caller>,
  options: PolicyOptions,
): Handlers<Protocol, Caller> {
  const now = options.now ?? Date.now;
  const perMinute = options.writesPerMinute ?? 60;
  /** per tab: the times of its recent writes */
  const writes = new Map<number | undefined, number[]>();

  const samePage = (url: unknown, caller: Extract<Caller, { kind: 'page' }>) =>
    typeof url === 'string' && caller.topFrame && normaliseUrl(url) === normaliseUrl(caller.url);

  function countWrite(caller: Extract<Caller, { kind: 'page' }>) {
    const recent = (writes.get(caller.tabId) ?? []).filter((t) => now() - t < 60_000);
    if (recent.length >= perMinute) throw new Error(TOO_MANY_MESSAGE);
    recent.push(now());
    writes.set(caller.tabId, recent);
  }

  async function ownRow(id: unknown, caller: Extract<Caller, { kind: 'page' }>) {
    if (typeof id !== 'string') throw new Error(OTHER_PAGE_MESSAGE);
    const url = await options.rowUrl(id);
    // A row that is not there: nothing to see or change, and no sign of whose it was.
    if (url !== undefined && !samePage(url, caller)) throw new Error(OTHER_PAGE_MESSAGE);
  }

  /** Per message, what more a page must show (its own page's rows); run before the handler. */
  const pageChecks: Partial<{
    [K in keyof Protocol]: (payload: Protocol[K]['request'], caller: Extract<Caller, { kind: 'page' }>) => unknown;
  }> = {
    saveHighlight(draft, caller) {
      if (!samePage(draft?.url, caller)) throw new Error(OTHER_PAGE_MESSAGE);
      countWrite(caller);
    },
    listHighlights({ url } = {}, caller) {
      if (!samePage(url, caller)) throw new Error(OTHER_PAGE_MESSAGE);
    },
    async updateHighlight(patch, caller) {
      await ownRow(patch?.id, caller);
      countWrite(caller);
    },
    addReading(draft, caller) {
      if (!samePage(draft?.page?.url, caller)) throw new Error(OTHER_PAGE_MESSAGE);
      countWrite(caller);
    },
    async deleteHighlight(request, caller) {
      await ownRow(request?.id, caller);
      countWrite(caller);
    },
  };

  const guarded = {} as Record<keyof Protocol, (payload: unknown, caller: Caller) => Promise<unknown>>;
  for (const type of Object.keys(handlers) as (keyof Protocol)[]) {
    const handler = handlers[type] as (payload: unknown, caller: Caller) => unknown;
    const check = pageChecks[type] as ((payload: unknown, caller: Caller) => unknown) | undefined;
    guarded[type] = async (payload, caller) => {
      if (caller.kind === 'other') throw new Error(REFUSED_MESSAGE);
      if (caller.kind === 'page' && !PAGE_MESSAGES.has(type)) throw new Error(REFUSED_MESSAGE);
      // Nothing from a private window is kept (see privateWindowMessage()): not a highlight, not a site switched off.
      if (caller.private && WRITES.has(type)) throw new Error(privateWindowMessage());
      if (caller.kind === 'page') await check?.(payload, caller);
      const value = await handler(payload, caller);
      // A page's configuration carries highlights only for the top frame's own page, and not the
      // reader's list of sites Lens is off on (the content script does not need it).
      if (type === 'getPageConfig' && caller.kind === 'page') {
        const config = value as Protocol['getPageConfig']['response'];
        const own = samePage((payload as { url?: unknown } | null)?.url, caller);
        return {
          ...config,
          settings: { ...config.settings, disabledSites: [] },
          highlights: own ? config.highlights : { ...config.highlights, rows: [] as HighlightRow[] },
        };
      }
      return value;
    };
  }
  return guarded as unknown as Handlers<Protocol, Caller>;
}
