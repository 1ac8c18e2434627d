/**
 * Single-page-app navigations, as seen from a content script's isolated world
 * (which cannot wrap the page's history.pushState): the Navigation API where
 * the browser has it, popstate and hashchange, and a URL check the caller runs
 * after each batch of DOM changes (an SPA that pushes a URL re-renders too).
 */
export interface NavigationWatch {
  /** Call when something may have navigated; fires `onNavigate` if the URL changed. */
  check(): void;
}

/** What Lens reads of the Navigation API (not in TypeScript's DOM types yet). */
interface NavigationLike extends EventTarget {
  /** the entry the document was loaded at, and how */
  activation?: { entry?: { url?: string | null } | null; navigationType?: string } | null;
}

/** `win`'s Navigation API, where the browser has one. */
function navigationOf(win: Window): NavigationLike | undefined {
  return (win as unknown as { navigation?: NavigationLike }).navigation;
}

/** How a document was loaded: its URL then (not what history.pushState made of location), and the kind of load. */
export interface LoadedAs {
  url: string;
  /** PerformanceNavigationTiming's type: 'navigate', 'reload' or 'back_forward' (undefined if unknown) */
  type: string | undefined;
}

/** The Navigation API's kinds of activation, as the navigation timing entry names them. */
const ACTIVATION_TYPES: Readonly<Record<string, string>> = {
  push: 'navigate',
  replace: 'navigate',
  reload: 'reload',
  traverse: 'back_forward',
};

/**
 * Where and how `win`'s document was loaded. Read from the Navigation API's
 * activation where the browser has it (Chromium, Firefox 153 here): Lens
 * reads that API anyway to follow same-document navigations, while the
 * navigation timing entry, read otherwise, builds the performance
 * timeline's interfaces in Lens's world for this one read (issue 17: about
 * 0.3 ms and 7 KB of heap a page in Chromium).
 */
export function loadedAs(win: Window): LoadedAs {
  const activation = navigationOf(win)?.activation;
  const url = activation?.entry?.url;
  if (url) {
    const kind = activation!.navigationType ?? '';
    return { url, type: Object.hasOwn(ACTIVATION_TYPES, kind) ? ACTIVATION_TYPES[kind] : undefined };
  }
  const entry = win.performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return { url: entry?.name ?? win.location.href, type: entry?.type };
}

export function watchNavigation(win: Window, onNavigate: (url: string) => void, signal: AbortSignal): NavigationWatch {
  let url = win.location.href;
  const check = () => {
    const now = win.location.href;
    if (now === url) return;
    url = now;
    onNavigate(now);
  };
  const navigation = navigationOf(win);
  if (navigation) navigation.addEventListener('navigatesuccess', check, { signal });
  win.addEventListener('popstate', check, { signal });
  win.addEventListener('hashchange', check, { signal });
  return { check };
}
