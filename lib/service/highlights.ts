/** The reader's saved highlights: saved, listed, changed, deleted (and put back), opened, imported. */
import { parseAnnotationImport } from '../exchange/import';
import {
  addHighlight,
  checkPageUrl,
  deleteHighlight,
  importHighlights,
  listHighlights,
  PRIVATE_WINDOW_MESSAGE,
  restoreHighlight,
  updateHighlight,
} from '../db/highlight-store';
import { utf8Length } from '../json-file';
import type { HandlerGroup, ServiceContext } from './context';

export function highlightHandlers(
  ctx: ServiceContext,
): HandlerGroup<
  | 'saveHighlight'
  | 'listHighlights'
  | 'updateHighlight'
  | 'deleteHighlight'
  | 'openHighlight'
  | 'restoreHighlight'
  | 'importHighlights'
> {
  const { db, store, options, now } = ctx;
  return {
    async saveHighlight(draft, sender) {
      await store.usable();
      if (ctx.isPrivate(sender)) throw new Error(PRIVATE_WINDOW_MESSAGE);
      return addHighlight(db, draft, ctx.newId(), now());
    },
    listHighlights: ({ url, offset } = {}) =>
      store
        .usable()
        .then(() => listHighlights(db, url, Number.isInteger(offset) && (offset as number) > 0 ? offset : 0)),
    updateHighlight: ({ id, ...patch }) => store.usable().then(() => updateHighlight(db, id, patch, now())),
    async deleteHighlight({ id }) {
      await store.usable();
      await deleteHighlight(db, id);
      // The page that shows it is told here, whoever deleted it (the popup, that page, another tab of it).
      options.onHighlightDeleted?.(id);
      return null;
    },
    async openHighlight({ url, id, addToCorpus }) {
      const page = checkPageUrl(url);
      if (!options.openHighlight) throw new Error('Pages cannot be opened from here');
      await options.openHighlight(page, id, addToCorpus === true);
      return null;
    },
    async restoreHighlight(row) {
      await store.usable();
      return restoreHighlight(db, row);
    },
    // The size a sender states is not taken: it is measured here.
    async importHighlights({ json }) {
      await store.usable();
      if (typeof json !== 'string') throw new Error('An import is the text of a file');
      const parsed = parseAnnotationImport(json, utf8Length(json), now());
      if (!parsed.ok) throw new Error(parsed.error);
      const corpus = await ctx.corpus.read();
      // Entity tags from another corpus mean nothing here.
      const rows = parsed.rows.map((row) => ({
        ...row,
        entityIds: row.entityIds.filter((id) => corpus.entity(id) !== undefined),
      }));
      return { ...(await importHighlights(db, rows)), skipped: parsed.skipped };
    },
  };
}
