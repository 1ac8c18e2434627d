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

interface NavigationLike extends EventTarget {
  currentEntry?: { url?: string | null } | null;
}

export function watchNavigation(win: Window, onNavigate: (url: string) => void, signal: AbortSignal): NavigationWatch {
  let url = win.location.href;
  const check = () => {
    const now = win.location.href;
    if (now === url) return;
    url = now;
    onNavigate(now);
  };
  const navigation = (win as unknown as { navigation?: NavigationLike }).navigation;
  if (navigation) navigation.addEventListener('navigatesuccess', check, { signal });
  win.addEventListener('popstate', check, { signal });
  win.addEventListener('hashchange', check, { signal });
  return { check };
}
