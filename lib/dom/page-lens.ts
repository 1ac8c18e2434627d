/**
 * Lens on one document: the first full scan, then incremental rescans of what
 * the page changes, and a full rescan after a single-page-app navigation.
 * Everything it starts is tied to `signal`.
 */
import type { Tier } from '../corpus/schema';
import type { Settings } from '../settings';
import type { Matcher } from '../text/matcher';
import { createAnnotator, type Annotator } from './annotator';
import { watchNavigation } from './navigation';
import { observeMutations, type Observer } from './observe';

export interface PageLensOptions {
  document: Document;
  matcher: Matcher;
  settings: Pick<Settings, 'density' | 'markStyle' | 'markEverywhere' | 'mainTextOnly' | 'measures'>;
  /** an entity's tier (core entities are marked on every page, context ones on pages about the relationship) */
  tierOf?: (entityId: string) => Tier;
  /** whether an entity's kind is one the reader marks */
  shows?: (entityId: string) => boolean;
  signal: AbortSignal;
  /** the extension's own UI: never scanned, and its changes never trigger a rescan */
  isOwnNode: (node: Node) => boolean;
  /** after every scan, with what the page now has marked */
  onMarksChanged?: (annotator: Annotator) => void;
  onNavigate?: (url: string) => void;
  batchDelay?: number;
}

export interface PageLens {
  annotator: Annotator;
  observer: Observer;
  /** Drops every mark and scans the whole document again. */
  rescanAll(): void;
}

export function startPageLens(options: PageLensOptions): PageLens {
  const { document: doc, signal, isOwnNode } = options;
  const win = doc.defaultView!;
  const observedShadows = new WeakSet<ShadowRoot>();
  // Assigned below, before the first scan can meet a shadow root.
  let observer: Observer | undefined;
  const annotator = createAnnotator({
    matcher: options.matcher,
    registry: win.CSS.highlights,
    density: options.settings.density,
    markStyle: options.settings.markStyle,
    markEverywhere: options.settings.markEverywhere,
    mainTextOnly: options.settings.mainTextOnly,
    ...(options.tierOf ? { tierOf: options.tierOf } : {}),
    ...(options.shows ? { shows: options.shows } : {}),
    measures: options.settings.measures,
    onShadowRoot: (shadow) => {
      if (observedShadows.has(shadow)) return;
      observedShadows.add(shadow);
      observer?.observe(shadow);
    },
  });
  signal.addEventListener('abort', () => annotator.destroy());

  const changed = () => options.onMarksChanged?.(annotator);
  const root = () => doc.body ?? doc.documentElement;

  const rescanAll = () => {
    annotator.clear();
    annotator.scan(root(), 'full');
    changed();
  };

  const navigation = watchNavigation(
    win,
    (url) => {
      rescanAll();
      options.onNavigate?.(url);
    },
    signal,
  );

  observer = observeMutations(
    doc.documentElement,
    ({ changed: roots, removed }) => {
      for (const node of removed) annotator.forget(node);
      // The page has become about the relationship, or stopped being: its context entities come or go everywhere.
      if (annotator.rescan(roots).relevanceChanged) rescanAll();
      else changed();
      navigation.check();
    },
    { signal, ignore: isOwnNode, ...(options.batchDelay !== undefined ? { batchDelay: options.batchDelay } : {}) },
  );

  annotator.scan(root(), 'full');
  changed();
  return { annotator, observer, rescanAll };
}
