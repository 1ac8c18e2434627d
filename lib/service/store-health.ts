/**
 * Whether the store can be used. Where IndexedDB is unavailable (some private
 * windows, Firefox set to never remember history), pages are still marked from
 * the bundled corpus, and the content script says why highlights cannot be
 * saved. While an upgrade of the store is blocked (another tab holds the
 * previous version open), the same holds, with a message that says so, until
 * the other tab lets go: then the upgrade runs and every row is kept.
 */
import { readCorpusStatus } from '../db/corpus-store';
import { unavailableMessage } from '../db/highlight-store';
import type { LensDb } from '../db/schema';
import type { HandlerGroup, ServiceContext } from './context';

export const BLOCKED_MESSAGE =
  'Lens is updating its storage, but another tab still has Lens’s previous version open. Close or reload that tab (an open Lens popup or options page) and try again; nothing is lost.';

export interface StoreHealth {
  /** why the store cannot be used, or null once it is open */
  problem(): Promise<string | null>;
  /** throws what is wrong with the store, for the handlers that write to it */
  usable(): Promise<void>;
}

export function watchStore(db: LensDb): StoreHealth {
  let onBlocked = () => {};
  const blockedOnce = new Promise<void>((resolve) => (onBlocked = resolve));
  db.on('blocked', () => onBlocked());
  /** undefined while the store is opening; then null (open) or why it cannot be opened */
  let openResult: string | null | undefined;
  const opened: Promise<string | null> = Promise.resolve(db.open()).then(
    () => (openResult = null),
    (error: unknown) => (openResult = unavailableMessage(error)),
  );
  const problem = async (): Promise<string | null> =>
    openResult !== undefined ? openResult : Promise.race([opened, blockedOnce.then(() => BLOCKED_MESSAGE)]);
  return {
    problem,
    async usable() {
      const found = await problem();
      if (found) throw new Error(found);
    },
  };
}

export function storeHandlers({ db, store, corpus }: ServiceContext): HandlerGroup<'getStatus'> {
  return {
    async getStatus() {
      await store.usable();
      await corpus.ready;
      return { status: await readCorpusStatus(db), loadError: corpus.loadError() };
    },
  };
}
