/**
 * The corpus in the store: the bundled corpus, loaded when the service starts
 * (every wake of the worker or event page), and the reader's packs, imported,
 * removed or written to ("My reading"). A load that fails is kept as
 * `loadError` and shown to the reader, while the previous corpus stays in
 * place. Everything derived from the corpus (the read model here, the term
 * index, search, the claim matcher) is dropped when it changes.
 */
import { normaliseUrl } from '../anchoring/url';
import type { CorpusBundle } from '../corpus/bundle';
import type { CorpusReadModel } from '../corpus/read-model';
import { loadBundledCorpus, readCorpus } from '../db/corpus-store';
import { PRIVATE_WINDOW_MESSAGE } from '../db/highlight-store';
import { exportPack, importPack, listPacks, previewPack, removePack } from '../db/pack-store';
import { addReading, removeReading } from '../db/reading-store';
import type { LensDb } from '../db/schema';
import { utf8Length } from '../json-file';
import type { HandlerGroup, ServiceContext } from './context';
import { errorMessage } from '../errors';

export interface Corpus {
  /** settles when the bundled corpus's load has finished, whether it succeeded or not */
  ready: Promise<void>;
  /** why the bundled corpus could not be loaded, or null */
  loadError(): string | null;
  /** the read model of the corpus in the store, read once per change */
  read(): Promise<CorpusReadModel>;
  /** `drop` runs whenever the corpus changes (a cache derived from it) */
  onChange(drop: () => void): void;
}

export function openCorpus(
  db: LensDb,
  bundle: CorpusBundle,
  now: () => number,
  onLoadError?: (error: unknown) => void,
): Corpus & { changed(): void } {
  let loadError: string | null = null;
  const ready = loadBundledCorpus(db, bundle, now()).then(
    () => undefined,
    (error: unknown) => {
      loadError = `The corpus update ${bundle.version} could not be loaded: ${errorMessage(error)}`;
      onLoadError?.(error);
    },
  );
  const drops: (() => void)[] = [];
  let model: Promise<CorpusReadModel> | null = null;
  drops.push(() => (model = null));
  return {
    ready,
    loadError: () => loadError,
    read() {
      const reading = (model ??= ready.then(() => readCorpus(db)));
      reading.catch(() => {
        if (model === reading) model = null;
      });
      return reading;
    },
    onChange: (drop) => void drops.push(drop),
    changed: () => drops.forEach((drop) => drop()),
  };
}

/** Packs and the reader's own claims: each change of the corpus redraws open tabs. */
export function packHandlers(
  ctx: ServiceContext,
  corpusChanged: () => void,
): HandlerGroup<
  'importPack' | 'previewPack' | 'exportPack' | 'listPacks' | 'removePack' | 'addReading' | 'removeReading'
> {
  const { db, store, corpus, now } = ctx;
  return {
    // The size a sender states is not taken: it is measured here.
    async importPack({ json }) {
      await store.usable();
      await corpus.ready;
      if (typeof json !== 'string') throw new Error('A pack is the text of a file');
      const result = await importPack(db, json, utf8Length(json), now());
      if (result.status !== 'unchanged') corpusChanged();
      return result;
    },
    async previewPack({ json, byteSize }) {
      await store.usable();
      await corpus.ready;
      return previewPack(db, json, byteSize);
    },
    async exportPack({ id }) {
      await store.usable();
      return (await exportPack(db, id)) ?? null;
    },
    listPacks: () => store.usable().then(() => listPacks(db)),
    async removePack({ id }) {
      await store.usable();
      await removePack(db, id);
      corpusChanged();
      return null;
    },
    async addReading(draft, sender) {
      await store.usable();
      if (ctx.isPrivate(sender)) throw new Error(PRIVATE_WINDOW_MESSAGE);
      await corpus.ready;
      const saved = await addReading(
        db,
        { ...draft, page: { ...draft.page, url: normaliseUrl(draft.page.url) } },
        now(),
      );
      corpusChanged();
      return saved;
    },
    async removeReading({ claimId }) {
      await store.usable();
      await removeReading(db, claimId, now());
      corpusChanged();
      return null;
    },
  };
}
