/**
 * One interface over the two browser drivers (playwright-core for Chromium,
 * puppeteer-core over WebDriver BiDi for Firefox), so that every end-to-end
 * test is written once and runs in both browsers.
 */

export type BrowserName = 'chromium' | 'firefox';

/** A function that runs in the page's main world; arguments must be JSON-serialisable. */
export type PageFunction<A extends unknown[], R> = (...args: A) => R | Promise<R>;

/** A function that runs in the page's main world with Lens's shadow root (null while Lens has drawn no UI). */
export type UiFunction<A extends unknown[], R> = (root: ShadowRoot | null, ...args: A) => R | Promise<R>;

export interface LensPage {
  /** Runs `fn` in the page (main world) and returns its JSON-serialisable result. */
  evaluate<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<R>;
  /**
   * Runs `fn` in a new isolated world of the page's main frame: where a
   * content script runs, with the same DOM but wrappers and globals of its
   * own. Chromium only (the benchmark's floor as a content script sees it).
   */
  evaluateIsolated?<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<R>;
  /**
   * Runs `fn` in the page (main world) with the closed shadow root of Lens's
   * `<rdl-ui>` as its first argument, reached through the automation protocol
   * (Chromium: DevTools' DOM.describeNode with pierce; Firefox: WebDriver
   * BiDi's includeShadowTree "all"). A page script has no such way in.
   */
  evaluateUi<A extends unknown[], R>(fn: UiFunction<A, R>, ...args: A): Promise<R>;
  /**
   * As evaluateUi, with the closed shadow root of Lens's other host: the layer
   * its saved highlights are drawn in (lib/dom/saved-layer.ts).
   */
  evaluateLayer<A extends unknown[], R>(fn: UiFunction<A, R>, ...args: A): Promise<R>;
  /**
   * Polls `evaluateUi(fn)` until it returns a truthy value, which it returns. Rejects after `timeoutMs`.
   * With `frame` (a selector of a same-origin iframe of the page), the UI of the content script in that frame.
   */
  waitForUi<A extends unknown[], R>(
    fn: UiFunction<A, R>,
    args?: A,
    timeoutMs?: number,
    frame?: string,
  ): Promise<NonNullable<R>>;
  /** Polls `fn` in the page until it returns a truthy value, which it returns. Rejects after `timeoutMs`. */
  waitFor<A extends unknown[], R>(fn: PageFunction<A, R>, args?: A, timeoutMs?: number): Promise<NonNullable<R>>;
  waitForSelector(selector: string, timeoutMs?: number): Promise<void>;
  click(selector: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  press(key: string): Promise<void>;
  /** Types text with the keyboard into whatever has the focus (also inside a shadow root). */
  keyboardType(text: string): Promise<void>;
  /** Moves the mouse in `steps` events (a drag that selects text needs the moves in between). */
  mouseMove(x: number, y: number, steps?: number): Promise<void>;
  mouseClick(x: number, y: number): Promise<void>;
  /** Turns the mouse wheel by (dx, dy) px where the mouse is, as a wheel or touchpad does. */
  wheel(dx: number, dy: number): Promise<void>;
  /** Presses / releases the primary button where the mouse is: with mouseMove, a drag. */
  mouseDown(): Promise<void>;
  mouseUp(): Promise<void>;
  textContent(selector: string): Promise<string>;
  /** The viewport, or its top left `size` (a store's screenshot size). */
  screenshot(path: string, size?: { width: number; height: number }): Promise<void>;
  reload(): Promise<void>;
  goto(url: string): Promise<void>;
  /** Page errors (uncaught exceptions) and console errors seen since the page opened. */
  errors(): string[];
  close(): Promise<void>;
}

export interface Viewport {
  width: number;
  height: number;
}

export interface LensBrowser {
  readonly name: BrowserName;
  /** Opens a web page in a new tab and waits until its document is parsed (DOMContentLoaded): some real pages never finish loading here, their third-party resources being out of reach. */
  openPage(url: string): Promise<LensPage>;
  /**
   * Opens an extension page (e.g. 'popup.html') in a new tab; with `viewport`,
   * in a viewport of that size (the popup at the size the browser gives it).
   */
  openExtensionPage(path: string, viewport?: Viewport): Promise<LensPage>;
  /**
   * Waits for a page (tab or popup) that opens from now on, by itself or by
   * something the test does next, whose URL matches `url`: call it before
   * the click that opens it.
   */
  nextPage(url: RegExp): Promise<LensPage>;
  /**
   * Loads another build of the extension into the same profile, as a browser
   * update would (same extension id, same IndexedDB), and waits until it runs.
   */
  installUpdate(extensionDir: string): Promise<void>;
  /**
   * Closes the browser completely and starts it again on the same profile,
   * with the same extension, as a reader's restart does. Pages opened before
   * are gone. Firefox needs `permanent: true` at launch (a temporary add-on
   * is uninstalled when Firefox quits).
   */
  restart(): Promise<void>;
  /**
   * Opens a web page in a new private window (Firefox only: Chromium's
   * persistent profile, which an unpacked extension needs, cannot open an
   * incognito window).
   */
  openPrivatePage(url: string): Promise<LensPage>;
  close(): Promise<void>;
  /**
   * The image the browser draws for Lens's toolbar button in the window that
   * shows `pageUrl`: a CSS image, `url(…)` or `image-set(url(…) 1dppx, …)`. Firefox only: Chromium draws
   * its toolbar outside anything a test can read, so there the test reads the
   * button's title, which changes with the icon.
   */
  toolbarImage?(pageUrl: string): Promise<string | null>;
  /**
   * Launched with a `watch`, after close(): every HTTP(S) and WebSocket request
   * the browser's network stack made during the whole run, from any context
   * (pages, content scripts, extension pages, the extension's background, the
   * browser itself), as the browser itself logged it.
   */
  requestLog(): BrowserRequest[];
}

/** One request as the browser logged it. */
export interface BrowserRequest {
  url: string;
  /**
   * Who asked for it: the origin of the page or extension whose code or
   * document made the request ('http://127.0.0.1:…', 'chrome-extension://…',
   * 'moz-extension://…'), 'null' for an opaque origin, or 'browser' for the
   * browser's own requests.
   */
  initiator: string;
}

/**
 * How the privacy test watches the network: instead of the harness failing
 * off-machine requests itself (a dead proxy, request interception), every
 * request that would leave the machine goes to this proxy, which records and
 * refuses it; and the browser logs every request it makes (see requestLog).
 */
export interface NetworkWatch {
  /** a recording proxy on 127.0.0.1 (see recording-proxy.ts) */
  proxyPort: number;
}

export interface LaunchOptions {
  /** the built extension: .output/chrome-mv3 or .output/firefox-mv3 */
  extensionDir: string;
  /** a fresh directory for the profile */
  profileDir: string;
  /** watch the network rather than stop requests (the privacy test) */
  watch?: NetworkWatch;
  /**
   * Firefox: install the extension as a permanent add-on (an unsigned .xpi,
   * which Firefox ESR accepts with `xpinstall.signatures.required` off), as a
   * reader's install is: it survives `restart()`. Chromium's unpacked
   * extension always does.
   */
  permanent?: boolean;
  /** Firefox: the extension may run in private windows (the reader's "Run in Private Windows"). */
  allowPrivate?: boolean;
  /** Firefox: prefs for this launch only, e.g. `browser.privatebrowsing.autostart` ("Never remember history"). */
  prefs?: Record<string, string | number | boolean>;
  /**
   * The browser's own language, as a reader sets it (Lens follows it): Chromium
   * started in it (`--lang` and the environment's LANGUAGE, LANG), Firefox with
   * `intl.locale.requested` and Debian's language pack. Default: English.
   */
  locale?: 'ru' | 'ko';
}
