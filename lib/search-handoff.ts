/**
 * "Search in Lens" from a card: the query waits in the background's memory
 * until the popup (or the page opened in its place) asks for it, once. It
 * never travels in a URL, which would enter the browser's history — a private
 * window's too — and it is forgotten when taken or after `keepMs`, so nothing
 * outlives the moment. Offers come at most once per `minIntervalMs`: a page
 * cannot open search after search.
 */
export interface PendingSearch {
  query: string;
  /** the tab the card was on, where known */
  tabId?: number;
}

export interface SearchHandoff {
  /** Keeps `query` for the next `take`; false, keeping nothing, when the last offer was too recent. */
  offer(query: string, tabId: number | undefined): boolean;
  /** The query offered last, if it is still fresh; it is gone afterwards. */
  take(): PendingSearch | null;
}

/** The longest query kept: a search box's worth, not a page. */
const MAX_QUERY = 200;

export function createSearchHandoff(
  now: () => number = Date.now,
  { minIntervalMs = 1000, keepMs = 30_000 }: { minIntervalMs?: number; keepMs?: number } = {},
): SearchHandoff {
  let pending: (PendingSearch & { at: number }) | null = null;
  let lastOffer = Number.NEGATIVE_INFINITY;
  return {
    offer(query, tabId) {
      const at = now();
      if (at - lastOffer < minIntervalMs) return false;
      lastOffer = at;
      pending = { query: query.slice(0, MAX_QUERY), ...(tabId === undefined ? {} : { tabId }), at };
      return true;
    },
    take() {
      const taken = pending;
      pending = null;
      if (!taken || now() - taken.at > keepMs) return null;
      const { at: _, ...search } = taken;
      return search;
    },
  };
}
