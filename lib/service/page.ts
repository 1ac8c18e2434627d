/**
 * What a page's content script asks of the background: its configuration at
 * every start (settings, term index, the page's highlights; the toolbar icon
 * follows), its marks' styles with its first marks, and the count of
 * entities it marked (the toolbar badge); and that the tab's frames are
 * read again, when one of them has loaded.
 */
import { listHighlights, privateWindowMessage } from '../db/highlight-store';
import { isMarkStyleName, MARK_STYLES } from '../mark-styles';
import type { PageHighlights } from '../messages';
import { DEFAULT_SETTINGS } from '../settings';
import { toolbarState } from '../toolbar-icon';
import type { HandlerGroup, ServiceContext } from './context';
import { storedSettings } from './settings';
import { pageTermIndex, type TermIndexes } from './term-index';

export function pageHandlers(
  ctx: ServiceContext,
  termIndexes: TermIndexes,
): HandlerGroup<'getPageConfig' | 'setPageEntityCount' | 'styleMarks' | 'unstyleMarks' | 'readFrames'> {
  const { db, store, options } = ctx;
  return {
    async getPageConfig({ url }, sender) {
      const problem = await store.problem();
      const current = problem ? { ...DEFAULT_SETTINGS } : await storedSettings(db);
      // A private window is marked as any other, but its highlights would outlive it: none are saved there,
      // and the reader's others are not shown there either (they could be changed from it).
      const highlights: PageHighlights = {
        rows: [],
        unavailable: problem ?? (ctx.isPrivate(sender) ? privateWindowMessage() : null),
      };
      // The page's content script asks at every start and after every change of settings: the icon follows.
      const state = toolbarState(current, url);
      void options.showToolbarState?.(state, sender).catch(() => undefined /* the tab closed */);
      if (state !== 'active') return { active: false, reason: state, settings: current, highlights };
      // The page the reader sees starts Lens: its frames with text get it too (./frames.ts).
      if ((sender as { topFrame?: unknown } | null)?.topFrame === true) options.readFrames?.(sender);
      // Every pattern, whatever kinds the reader marks: an unmarked kind's mentions still tell whether
      // the page is about the relationship (the content script leaves them unmarked).
      const termIndex = pageTermIndex(await termIndexes.configured(problem));
      // (Not while the store cannot be read: then `unavailable` is its problem.)
      if (!highlights.unavailable) highlights.rows = await listHighlights(db, url);
      return { active: true, settings: current, termIndex, highlights };
    },
    async setPageEntityCount({ count }, sender) {
      if (!Number.isInteger(count) || count < 0) throw new Error('A count is a whole number');
      await options.setBadge?.(count, sender);
      return null;
    },
    readFrames(_request, sender) {
      options.readFrames?.(sender);
      return Promise.resolve(null);
    },
    async styleMarks(request, sender) {
      // Only Lens's own rules, by name: a page never has the background add a stylesheet of its choosing.
      const name = (request as { name?: unknown } | null)?.name;
      if (!isMarkStyleName(name)) throw new Error('Lens has no such mark style');
      await options.insertCss?.(MARK_STYLES[name], sender);
      return null;
    },
    async unstyleMarks(request, sender) {
      const names = (request as { names?: unknown } | null)?.names;
      if (!Array.isArray(names) || !names.every(isMarkStyleName)) throw new Error('Lens has no such mark style');
      for (const name of new Set(names)) await options.removeCss?.(MARK_STYLES[name], sender);
      return null;
    },
  };
}
