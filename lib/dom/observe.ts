/**
 * The one MutationObserver of the content script. It never does work in the
 * observer callback: changed places are queued (as the block containers to
 * rescan, and the subtrees that went away), and handed over in one batch a
 * little later, so that a page that changes its text a thousand times a second
 * costs one rescan of what changed per batch, not one per mutation.
 */
import { blockContainer, isInsideSkipped } from './text-blocks';

export interface MutationBatch {
  /** block containers whose text changed: rescan them */
  changed: Set<Node>;
  /** subtrees removed from the page: forget their marks */
  removed: Set<Node>;
}

export interface ObserveOptions {
  signal: AbortSignal;
  /** mutations inside these nodes are ignored (the extension's own UI) */
  ignore: (node: Node) => boolean;
  /** how long to gather mutations before handing them over, in ms */
  batchDelay?: number;
  /** test seam */
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

export interface Observer {
  /** Also watch this root (an open shadow root, found later). */
  observe(root: Node): void;
  /** Hands over what is queued now, without waiting. */
  flush(): void;
}

const OBSERVED: MutationObserverInit = { childList: true, characterData: true, subtree: true };

export function observeMutations(
  root: Node,
  onBatch: (batch: MutationBatch) => void,
  options: ObserveOptions,
): Observer {
  const { signal, ignore, batchDelay = 50 } = options;
  const setTimer = options.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimeout ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let changed = new Set<Node>();
  let removed = new Set<Node>();
  let timer: unknown = null;

  const flush = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    if (changed.size === 0 && removed.size === 0) return;
    const batch = { changed, removed };
    changed = new Set();
    removed = new Set();
    onBatch(batch);
  };

  const queue = (node: Node) => {
    if (ignore(node) || isInsideSkipped(node)) return;
    changed.add(blockContainer(node));
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') {
        queue(record.target);
        continue;
      }
      for (const node of record.addedNodes) queue(node);
      let removedAny = false;
      for (const node of record.removedNodes) {
        if (ignore(node)) continue;
        removedAny = true;
        if (node.nodeType === 1) removed.add(node);
      }
      // The text around a removed node belongs to the target's block: rescan it.
      if (removedAny) queue(record.target);
    }
    if (timer === null && (changed.size > 0 || removed.size > 0)) timer = setTimer(flush, batchDelay);
  });
  observer.observe(root, OBSERVED);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== null) clearTimer(timer);
  });

  return {
    observe: (other) => observer.observe(other, OBSERVED),
    flush,
  };
}
