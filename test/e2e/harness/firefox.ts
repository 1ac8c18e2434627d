/**
 * Firefox driver: Debian's /usr/bin/firefox-esr through puppeteer-core over
 * WebDriver BiDi, with the built extension installed as a temporary add-on.
 *
 * What stock Firefox needs, and why:
 * - `--remote-allow-system-access`: without it BiDi refuses to navigate a tab
 *   to a moz-extension:// URL, and it is what lets this driver run code in
 *   Firefox's own (chrome) scope, used below to watch the extension.
 * - A fixed moz-extension UUID (pref `extensions.webextensions.uuids`) next to
 *   the manifest's fixed gecko id: extension pages have a known origin, and an
 *   update installed over the first build keeps the same origin, so the same
 *   IndexedDB.
 * - BiDi does not instrument extension documents (Firefox bug 1755014): no
 *   load events, no log entries. So extension pages are opened with a
 *   navigation that does not wait, then polled until the document is complete;
 *   and their uncaught errors and console errors are collected by a process
 *   script (loaded into every content process from the chrome scope) and sent
 *   back over a BiDi channel.
 * - Each page is its own window: a tab behind another is hidden, and Firefox
 *   throttles its timers to once a second. In separate windows every page is
 *   visible, as every page is in the Chromium driver.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import JSZip from 'jszip';
import puppeteer, { ProtocolError, type Browser, type KeyInput, type Page } from 'puppeteer-core';
import { isLocalUrl } from './server';
import type {
  BrowserRequest,
  LaunchOptions,
  LensBrowser,
  LensPage,
  NetworkWatch,
  PageFunction,
  UiFunction,
} from './types';

export const FIREFOX_PATH = process.env.RDL_FIREFOX ?? '/usr/bin/firefox-esr';

/** The moz-extension origin of the extension in every test profile: moz-extension://<this>/. */
export const FIREFOX_EXTENSION_UUID = '3f0d1a52-6c1e-4b7a-9d4e-5a0c2b7e8f11';

export const FIREFOX_ARGS = ['--remote-allow-system-access'];

/**
 * Prefs on top of puppeteer's own test profile (which already turns off
 * safe browsing, app and add-on updates, the default-browser check, data
 * reporting, first-run pages and blocklist downloads). This machine has no
 * network: nothing may try to reach it.
 */
export const FIREFOX_PREFS: Record<string, string | number | boolean> = {
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'app.update.auto': false,
  'app.update.checkInstallTime': false,
  'app.update.disabledForTesting': true,
  'browser.aboutwelcome.enabled': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.ping-centre.telemetry': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.search.update': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.topsites.contile.enabled': false,
  'browser.urlbar.quicksuggest.enabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.update.autoUpdateDefault': false,
  'extensions.update.enabled': false,
  'media.gmp-manager.updateEnabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.predictor.enabled': false,
  'network.prefetch-next': false,
  // Anything but loopback goes to a proxy port where nothing listens: the real
  // news pages' third-party resources fail at once instead of waiting on DNS.
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'security.OCSP.enabled': 0,
  // Remote Settings (blocklists, certificate data…): what Marionette's own test profiles set.
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.bhrPing.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.firstShutdownPing.enabled': false,
  'toolkit.telemetry.newProfilePing.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.shutdownPingSender.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.updatePing.enabled': false,
};

/**
 * Watching the network (the privacy test): everything that would leave the
 * machine goes to the recording proxy. Loopback stays direct — Firefox never
 * proxies it unless `allow_hijacking_localhost` is on — and nothing else is
 * exempt; WebRTC may not send UDP around the proxy.
 */
function watchPrefs(watch: NetworkWatch): Record<string, string | number | boolean> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': watch.proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': watch.proxyPort,
    'network.proxy.allow_hijacking_localhost': false,
    'network.proxy.no_proxies_on': '',
    'media.peerconnection.ice.proxy_only': true,
  };
}

const WAIT_TIMEOUT_MS = 10_000;
/** How long actions (click, type, textContent) wait for their element, as Playwright's do by default. */
const ACTION_TIMEOUT_MS = 30_000;
const STARTUP_TIMEOUT_MS = 20_000;
const POLL_INTERVAL_MS = 50;
const ERROR_CHANNEL = 'rdl-harness-errors';

interface Manifest {
  version: string;
  background?: unknown;
  browser_specific_settings?: { gecko?: { id?: string } };
}

function readManifest(dir: string): Manifest & { id: string } {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) {
    throw new Error(
      `${dir}/manifest.json has no browser_specific_settings.gecko.id: without a fixed id the extension's origin, and its IndexedDB, would change with every install.`,
    );
  }
  return { ...manifest, id };
}

/** The part of puppeteer's (internal) BiDi connection this driver uses. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: any }>;
  on(event: string, handler: (params: any) => void): unknown;
  off(event: string, handler: (params: any) => void): unknown;
}

function connectionOf(browser: Browser): BidiConnection {
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection) throw new Error('puppeteer-core did not expose its WebDriver BiDi connection');
  return connection;
}

function contextIdOf(page: Page): string {
  const id = (page.mainFrame() as unknown as { _id?: string })._id;
  if (!id) throw new Error("puppeteer-core did not expose the page's BiDi browsing context id");
  return id;
}

const DEBUG = process.env.RDL_FIREFOX_DEBUG === '1';
const debugStart = Date.now();
function debug(message: string): void {
  if (DEBUG) console.error(`[firefox +${Date.now() - debugStart} ms] ${message}`);
}

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** A protocol error that a navigation in progress can cause, worth another try; not one from the page's own code. */
function isTransient(error: unknown): boolean {
  return error instanceof ProtocolError && !/no such frame|connection closed|target closed/i.test(error.message);
}

/**
 * Runs in every content process (as a process script, with system privileges):
 * uncaught errors and console.error() calls of extension documents go to the
 * parent. Web pages are left to BiDi's own log events, which do cover them
 * (including the errors of content scripts running in them).
 */
const PROCESS_SCRIPT = `(() => {
  const MESSAGE = 'rdl-harness:error';
  const { warningFlag, infoFlag } = Ci.nsIScriptError;
  function forward(kind, innerWindowId, text) {
    const windowGlobal = WindowGlobalChild.getByInnerWindowId(innerWindowId);
    const context = windowGlobal?.browsingContext;
    const principal = context?.window?.document?.nodePrincipal;
    if (!principal?.addonId) return;
    sendAsyncMessage(MESSAGE, { context: context.top.id, kind, text: String(text) });
  }
  function show(value) {
    if (typeof value === 'string') return value;
    if (value instanceof Error || typeof value !== 'object' || value === null) return String(value);
    try { return JSON.stringify(value); } catch { return String(value); }
  }
  Services.console.registerListener({
    observe(message) {
      if (!(message instanceof Ci.nsIScriptError) || !message.innerWindowID) return;
      if (message.flags & (warningFlag | infoFlag)) return;
      forward('pageerror', message.innerWindowID, message.errorMessage);
    },
  });
  Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage).addLogEventListener(
    (event) => {
      const message = event.wrappedJSObject;
      if (message.level !== 'error' || typeof message.innerID !== 'number') return;
      forward('console', message.innerID, (message.arguments || []).map(show).join(' '));
    },
    Services.scriptSecurityManager.getSystemPrincipal(),
  );
  sendAsyncMessage('rdl-harness:ready', { remoteType: Services.appinfo.remoteType || 'parent' });
})();`;

/** Runs in the chrome scope: relays the process script's messages, with BiDi's id of the page, over a channel. */
const INSTALL_ERROR_RELAY = `(send, processScript) => {
  const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
  if (typeof NavigableManager?.getIdForBrowsingContext !== 'function') throw new Error('NavigableManager.getIdForBrowsingContext is missing');
  Services.ppmm.addMessageListener('rdl-harness:error', {
    receiveMessage({ data }) {
      const context = BrowsingContext.get(data.context);
      let id = null;
      try { id = context ? NavigableManager.getIdForBrowsingContext(context) : null; } catch {}
      if (id) send(JSON.stringify({ context: id, kind: data.kind, text: data.text }));
    },
  });
  Services.ppmm.addMessageListener('rdl-harness:ready', {
    receiveMessage({ data }) { send(JSON.stringify({ ready: data.remoteType })); },
  });
  Services.ppmm.loadProcessScript('data:,' + encodeURIComponent(processScript), true);
  return 'installed';
}`;

/**
 * Runs in the chrome scope: opens a private window and returns BiDi's id of
 * its tab once the window has finished starting up and its tab has loaded
 * its first page (about:privatebrowsing). That load starts only after the
 * window's startup: a navigation sent before it is over races it, and BiDi's
 * browsingContext.navigate then sometimes never answers (the page loads, the
 * command hangs).
 */
const OPEN_PRIVATE_WINDOW = `async (timeoutMs) => {
  const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
  const window = OpenBrowserWindow({ private: true });
  await new Promise((done) => {
    Services.obs.addObserver(function started(subject) {
      if (subject !== window) return;
      Services.obs.removeObserver(started, 'browser-delayed-startup-finished');
      done();
    }, 'browser-delayed-startup-finished');
  });
  const { PrivateBrowsingUtils } = ChromeUtils.importESModule('resource://gre/modules/PrivateBrowsingUtils.sys.mjs');
  if (!PrivateBrowsingUtils.isWindowPrivate(window)) throw new Error('The new window is not private');
  const tab = window.gBrowser.selectedBrowser;
  const deadline = Date.now() + timeoutMs;
  // Until the tab shows a document of its own (not the initial about:blank) and loads nothing more.
  while (tab.browsingContext.currentWindowGlobal?.isInitialDocument !== false || tab.webProgress.isLoadingDocument) {
    if (Date.now() > deadline) throw new Error('The private window did not load its first page in ' + timeoutMs + ' ms (' + tab.currentURI.spec + ')');
    await new Promise((next) => window.setTimeout(next, 50));
  }
  return NavigableManager.getIdForBrowsingContext(tab.browsingContext);
}`;

/** A build directory as an .xpi (a zip of its files), base64-encoded, for a permanent install. */
async function xpiOf(dir: string): Promise<string> {
  const zip = new JSZip();
  const add = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) add(path);
      else zip.file(relative(dir, path), readFileSync(path));
    }
  };
  add(dir);
  return (await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })).toString('base64');
}

/** Runs in the chrome scope: the installed extension as Firefox sees it. */
const EXTENSION_STATE = `(id) => {
  const policy = WebExtensionPolicy.getByID(id);
  const extension = policy?.extension;
  return JSON.stringify(policy ? {
    uuid: policy.mozExtensionHostname,
    version: extension?.version ?? null,
    background: extension?.backgroundState ?? null,
    remote: extension?.remote ?? null,
    replaced: extension?.rdlHarnessReplaced === true,
  } : null);
}`;

/**
 * Runs in the chrome scope: the icon Lens's toolbar button shows in the
 * browser window whose selected tab shows `url` (ext-browserAction.js sets it
 * as the button's --webextension-toolbar-image: url(…) or image-set(url(…) 1dppx, url(…) 2dppx)).
 */
const TOOLBAR_IMAGE = `(id, url) => {
  const widgetId = id.toLowerCase().replace(/[^a-z0-9_-]/g, '_') + '-browser-action';
  for (const win of Services.wm.getEnumerator('navigator:browser')) {
    if (win.gBrowser?.selectedBrowser?.currentURI?.spec !== url) continue;
    // The button lives in the Extensions panel, whose nodes CustomizableUI builds when first asked for.
    const { CustomizableUI } = ChromeUtils.importESModule('moz-src:///browser/components/customizableui/CustomizableUI.sys.mjs');
    const node = CustomizableUI.getWidget(widgetId)?.forWindow(win)?.node;
    if (!node) return 'no button ' + widgetId + ' ' + JSON.stringify(CustomizableUI.getPlacementOfWidget(widgetId));
    const styled = [node, ...node.querySelectorAll('*')].find((n) => n.style?.getPropertyValue('--webextension-toolbar-image'));
    return styled ? styled.style.getPropertyValue('--webextension-toolbar-image') : 'no image';
  }
  return 'no window';
}`;

/**
 * Runs in the chrome scope: tags the running instance of the extension, so
 * that the instance an update starts can be told from it even when both
 * builds have the same version.
 */
const TAG_AS_REPLACED = `(id) => {
  const extension = WebExtensionPolicy.getByID(id)?.extension;
  if (extension) extension.rdlHarnessReplaced = true;
  return 'tagged';
}`;

/**
 * Runs in the chrome scope: records every HTTP(S) and WebSocket request
 * Firefox makes, in any process and for any context, with the origin that
 * asked for it. Every such request passes the parent process's
 * http-on-modify-request, whichever process started it.
 */
const WATCH_REQUESTS = `() => {
  const seen = (globalThis.rdlHarnessRequests = []);
  Services.obs.addObserver({
    observe(subject) {
      const channel = subject.QueryInterface(Ci.nsIHttpChannel);
      const principal = channel.loadInfo?.triggeringPrincipal;
      const initiator = !principal || principal.isSystemPrincipal ? 'browser' : principal.isNullPrincipal ? 'null' : principal.origin;
      seen.push({ url: channel.URI.spec, initiator });
    },
  }, 'http-on-modify-request');
  return 'watching';
}`;

const READ_REQUESTS = `() => JSON.stringify(globalThis.rdlHarnessRequests ?? null)`;

interface ExtensionState {
  uuid: string;
  version: string | null;
  background: string | null;
  remote: boolean | null;
  /** the instance that was running when installUpdate began */
  replaced: boolean;
}

/** The harness's view of one running Firefox. */
class FirefoxSession {
  readonly connection: BidiConnection;
  /** Error lists of the pages the harness opened, by BiDi browsing context id. */
  readonly pageErrors = new Map<string, string[]>();
  private readonly readyProcesses = new Set<string>();
  private readonly processWaiters = new Set<() => void>();
  private chromeContext: string | null = null;

  constructor(readonly browser: Browser) {
    this.connection = connectionOf(browser);
    this.connection.on('script.message', this.onMessage);
  }

  private onMessage = (params: { channel?: string; data?: { type: string; value?: unknown } }) => {
    if (params.channel !== ERROR_CHANNEL || params.data?.type !== 'string') return;
    const message = JSON.parse(String(params.data.value)) as
      { ready: string } | { context: string; kind: 'pageerror' | 'console'; text: string };
    if ('ready' in message) {
      this.readyProcesses.add(message.ready);
      for (const waiter of this.processWaiters) waiter();
      return;
    }
    this.pageErrors.get(message.context)?.push(`${message.kind}: ${message.text}`);
  };

  /** Calls `source` (a function's source text) in Firefox's chrome scope. */
  async chrome<T>(source: string, args: { type: string; value?: unknown }[] = []): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      this.chromeContext ??= await this.findChromeContext();
      try {
        const { result } = await this.connection.send('script.callFunction', {
          functionDeclaration: source,
          arguments: args,
          awaitPromise: true,
          resultOwnership: 'none',
          target: { context: this.chromeContext },
        });
        if (result.type === 'exception') {
          throw new Error(`Firefox chrome scope: ${result.exceptionDetails?.text ?? 'exception'}`);
        }
        return result.result?.value as T;
      } catch (error) {
        // The browser window the chrome context belonged to may have closed: find another once.
        if (attempt > 0 || !(error instanceof ProtocolError) || !/no such frame/i.test(error.message)) throw error;
        this.chromeContext = null;
      }
    }
  }

  private async findChromeContext(): Promise<string> {
    const { result } = await this.connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const contexts = result.contexts as { context: string; url: string }[];
    const window = contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml') ?? contexts[0];
    if (!window) throw new Error('Firefox has no browser window (is --remote-allow-system-access set?)');
    return window.context;
  }

  /**
   * Must run first, while Firefox has only its initial window: the relay
   * lives in that window's chrome scope, and the harness never closes it
   * (each page opens, and closes, a window of its own).
   */
  async installErrorRelay(): Promise<void> {
    const result = await this.chrome<string>(INSTALL_ERROR_RELAY, [
      { type: 'channel', value: { channel: ERROR_CHANNEL, ownership: 'none' } },
      { type: 'string', value: PROCESS_SCRIPT },
    ]);
    if (result !== 'installed') throw new Error(`Could not watch extension pages for errors: ${String(result)}`);
  }

  /** Resolves once the process script runs in a process of this remote type ('extension', 'web', 'parent'). */
  async processReady(remoteType: string, timeoutMs = STARTUP_TIMEOUT_MS): Promise<void> {
    if (this.readyProcesses.has(remoteType)) return;
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => {
        this.processWaiters.delete(check);
        fail(new Error(`The error watcher did not start in Firefox's ${remoteType} process within ${timeoutMs} ms`));
      }, timeoutMs);
      const check = () => {
        if (!this.readyProcesses.has(remoteType)) return;
        clearTimeout(timer);
        this.processWaiters.delete(check);
        done();
      };
      this.processWaiters.add(check);
    });
  }

  async watchRequests(): Promise<void> {
    const result = await this.chrome<string>(WATCH_REQUESTS);
    if (result !== 'watching') throw new Error(`Could not watch Firefox's requests: ${String(result)}`);
  }

  async requests(): Promise<BrowserRequest[]> {
    const log = JSON.parse(await this.chrome<string>(READ_REQUESTS)) as BrowserRequest[] | null;
    if (!log) throw new Error("Firefox's request watcher is gone (its window closed?)");
    return log;
  }

  async toolbarImage(id: string, url: string): Promise<string> {
    return this.chrome<string>(TOOLBAR_IMAGE, [
      { type: 'string', value: id },
      { type: 'string', value: url },
    ]);
  }

  async tagAsReplaced(id: string): Promise<void> {
    await this.chrome<string>(TAG_AS_REPLACED, [{ type: 'string', value: id }]);
  }

  async extensionState(id: string): Promise<ExtensionState | null> {
    const json = await this.chrome<string>(EXTENSION_STATE, [{ type: 'string', value: id }]);
    return JSON.parse(json) as ExtensionState | null;
  }

  /** Waits until Firefox runs this version of the extension and, if it has one, its background has loaded. */
  async extensionRunning(manifest: Manifest & { id: string }): Promise<ExtensionState> {
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    let state: ExtensionState | null = null;
    for (let poll = 1; ; poll++) {
      state = await this.extensionState(manifest.id);
      debug(`poll ${poll}: ${JSON.stringify(state)}`);
      if (
        state &&
        !state.replaced &&
        state.version === manifest.version &&
        (!manifest.background || state.background === 'running')
      ) {
        return state;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `${manifest.id} ${manifest.version} did not start within ${STARTUP_TIMEOUT_MS} ms (Firefox reports ${JSON.stringify(state)})`,
        );
      }
      await delay(POLL_INTERVAL_MS);
    }
  }

  detach(): void {
    this.connection.off('script.message', this.onMessage);
  }
}

/** Marks the current document, so that a navigation can be seen to have replaced it. */
const OLD_DOCUMENT = 'rdl-harness-old-document';

class FirefoxPage implements LensPage {
  readonly contextId: string;
  private readonly errorList: string[] = [];

  constructor(
    private readonly session: FirefoxSession,
    readonly page: Page,
  ) {
    this.contextId = contextIdOf(page);
    session.pageErrors.set(this.contextId, this.errorList);
    // Web documents: BiDi log events. Extension documents: the session's error relay.
    page.on('pageerror', (error) => this.errorList.push(`pageerror: ${(error as Error).message ?? String(error)}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.errorList.push(`console: ${message.text()}`);
    });
  }

  evaluate<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<R> {
    return this.page.evaluate(fn as (...a: unknown[]) => unknown, ...args) as Promise<R>;
  }

  /**
   * Lens's closed shadow root, as a BiDi shared reference: `includeShadowTree:
   * 'all'` serialises a closed root too (WebDriver BiDi, "serialize as a remote
   * value"), which no page script can reach.
   */
  private async uiRoot(context: string, layer: string): Promise<{ sharedId: string } | { type: 'null' }> {
    type Serialised = {
      sharedId?: string;
      value?: { shadowRoot?: Serialised | null; children?: Serialised[]; attributes?: Record<string, string> };
    };
    for (let index = 0; ; index++) {
      const { result } = await this.session.connection.send('script.callFunction', {
        functionDeclaration: "(index) => document.querySelectorAll(':root > rdl-ui')[index] ?? null",
        arguments: [{ type: 'number', value: index }],
        awaitPromise: false,
        target: { context },
        resultOwnership: 'none',
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 2 },
      });
      const host = result.result as Serialised & { type?: string };
      if (host?.type !== 'node') return { type: 'null' };
      const shadow = host.value?.shadowRoot;
      const holds = shadow?.value?.children?.some((child) =>
        child.value?.attributes?.class?.split(' ').includes(layer),
      );
      if (holds && shadow?.sharedId) return { sharedId: shadow.sharedId };
    }
  }

  evaluateUi<A extends unknown[], R>(fn: UiFunction<A, R>, ...args: A): Promise<R> {
    return this.evaluateUiIn(this.contextId, fn, args);
  }

  evaluateLayer<A extends unknown[], R>(fn: UiFunction<A, R>, ...args: A): Promise<R> {
    return this.evaluateUiIn(this.contextId, fn, args, 'rdl-saved-layer');
  }

  /** The browsing context of a frame of the page: BiDi serialises a WindowProxy with its context id. */
  private async frameContext(selector: string): Promise<string> {
    const { result } = await this.session.connection.send('script.callFunction', {
      functionDeclaration: '(selector) => document.querySelector(selector).contentWindow',
      arguments: [{ type: 'string', value: selector }],
      awaitPromise: false,
      target: { context: this.contextId },
      resultOwnership: 'none',
    });
    const context = (result.result as { value?: { context?: string } } | undefined)?.value?.context;
    if (!context) throw new Error(`No frame ${selector}`);
    return context;
  }

  private async evaluateUiIn<A extends unknown[], R>(
    context: string,
    fn: UiFunction<A, R>,
    args: A,
    layer = 'rdl-card-layer',
  ): Promise<R> {
    const { result } = await this.session.connection.send('script.callFunction', {
      // Named as puppeteer names its own evaluations (pptr:), which a test page can tell from the page's code.
      functionDeclaration: `async (root, args) => JSON.stringify((await (${fn.toString()})(root, ...JSON.parse(args))) ?? null)\n//# sourceURL=pptr:evaluateUi\n`,
      arguments: [await this.uiRoot(context, layer), { type: 'string', value: JSON.stringify(args) }],
      awaitPromise: true,
      target: { context },
      resultOwnership: 'none',
    });
    if (result.type === 'exception') {
      throw new Error(`evaluateUi: ${result.exceptionDetails?.text ?? 'exception'}`);
    }
    return JSON.parse(String(result.result?.value)) as R;
  }

  waitFor<A extends unknown[], R>(fn: PageFunction<A, R>, args?: A, timeoutMs = WAIT_TIMEOUT_MS) {
    return this.poll(() => this.evaluate(fn, ...((args ?? []) as A)), fn.name, timeoutMs);
  }

  waitForUi<A extends unknown[], R>(fn: UiFunction<A, R>, args?: A, timeoutMs = WAIT_TIMEOUT_MS, frame?: string) {
    const context = frame ? this.frameContext(frame) : Promise.resolve(this.contextId);
    return this.poll(() => context.then((id) => this.evaluateUiIn(id, fn, (args ?? []) as A)), fn.name, timeoutMs);
  }

  /** Polls from here rather than in the page: it outlives navigations and does not depend on the page's timers. */
  private async poll<R>(read: () => Promise<R>, name: string, timeoutMs: number): Promise<NonNullable<R>> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
      const remaining = deadline - Date.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        const value = await Promise.race([
          read(),
          new Promise<never>((_, fail) => {
            timer = setTimeout(() => fail(new WaitTimeout()), Math.max(remaining, 0));
          }),
        ]);
        if (value) return value as NonNullable<R>;
      } catch (error) {
        if (!(error instanceof WaitTimeout) && !isTransient(error)) throw error;
        if (!(error instanceof WaitTimeout)) lastError = error;
      } finally {
        clearTimeout(timer);
      }
      if (Date.now() >= deadline) {
        const last = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
        throw new Error(`waitFor(${name || 'function'}) timed out after ${timeoutMs} ms${last}`);
      }
      await delay(Math.min(POLL_INTERVAL_MS, Math.max(deadline - Date.now(), 0)));
    }
  }

  async waitForSelector(selector: string, timeoutMs = WAIT_TIMEOUT_MS): Promise<void> {
    await this.waitFor((s: string) => document.querySelector(s) !== null, [selector], timeoutMs);
  }

  async click(selector: string): Promise<void> {
    await this.page.locator(selector).setTimeout(ACTION_TIMEOUT_MS).click();
  }

  async type(selector: string, text: string): Promise<void> {
    await this.waitForSelector(selector, ACTION_TIMEOUT_MS);
    await this.page.type(selector, text);
  }

  /** Takes Playwright's key names, combinations included ('Enter', 'Control+A', 'Alt+Shift+L'). */
  async press(key: string): Promise<void> {
    const parts = key.split(/\+(?=.)/).map((part) => (part === 'ControlOrMeta' ? 'Control' : part) as KeyInput);
    const main = parts.pop()!;
    for (const modifier of parts) await this.page.keyboard.down(modifier);
    try {
      await this.page.keyboard.press(main);
    } finally {
      for (const modifier of parts.reverse()) await this.page.keyboard.up(modifier);
    }
  }

  keyboardType(text: string): Promise<void> {
    return this.page.keyboard.type(text);
  }

  mouseMove(x: number, y: number, steps = 1): Promise<void> {
    return this.page.mouse.move(x, y, { steps });
  }

  mouseClick(x: number, y: number): Promise<void> {
    return this.page.mouse.click(x, y);
  }

  wheel(dx: number, dy: number): Promise<void> {
    return this.page.mouse.wheel({ deltaX: dx, deltaY: dy });
  }

  mouseDown(): Promise<void> {
    return this.page.mouse.down();
  }

  mouseUp(): Promise<void> {
    return this.page.mouse.up();
  }

  async textContent(selector: string): Promise<string> {
    const found = await this.waitFor(
      (s: string) => {
        const element = document.querySelector(s);
        return element ? { text: element.textContent ?? '' } : null;
      },
      [selector],
      ACTION_TIMEOUT_MS,
    );
    return (found as { text: string }).text;
  }

  async screenshot(path: string, size?: { width: number; height: number }): Promise<void> {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    // puppeteer's clip is in the document's coordinates (Playwright's, in the viewport's): from where it is scrolled to.
    const at = size ? await this.evaluate(() => ({ x: scrollX, y: scrollY })) : null;
    await this.page.screenshot({ path: path as `${string}.png`, ...(size && at ? { clip: { ...at, ...size } } : {}) });
  }

  async reload(): Promise<void> {
    if (await this.showsExtensionDocument()) {
      await this.navigateWithoutEvents(() =>
        this.session.connection.send('browsingContext.reload', { context: this.contextId, wait: 'none' }),
      );
    } else {
      await this.page.reload({ waitUntil: 'domcontentloaded' });
    }
  }

  async goto(url: string): Promise<void> {
    if (url.startsWith('moz-extension:')) {
      await this.navigateWithoutEvents(
        () => this.session.connection.send('browsingContext.navigate', { context: this.contextId, url, wait: 'none' }),
        url,
      );
    } else {
      // Straight over BiDi, done once this document is parsed: puppeteer's goto
      // would also wait on a navigation the page starts by itself (a real news
      // page redirecting to its publisher, which the interception stops).
      await this.session.connection.send('browsingContext.navigate', {
        context: this.contextId,
        url,
        wait: 'interactive',
      });
    }
  }

  errors(): string[] {
    return [...this.errorList];
  }

  async close(): Promise<void> {
    this.session.pageErrors.delete(this.contextId);
    if (this.page.isClosed()) return;
    try {
      await this.page.close();
    } catch (error) {
      // Firefox closes an extension's pages itself when the extension is updated.
      if (!(error instanceof ProtocolError) || !/no such frame/i.test(error.message)) throw error;
    }
  }

  private async showsExtensionDocument(): Promise<boolean> {
    return (await this.evaluate(() => location.protocol)) === 'moz-extension:';
  }

  /**
   * BiDi sends no load events for extension documents: mark the current
   * document, start the navigation without waiting, and poll until a new,
   * complete document is there (its scripts, modules included, have then run).
   */
  private async navigateWithoutEvents(start: () => Promise<unknown>, url?: string): Promise<void> {
    let sameDocument = false;
    if (url) {
      const current = await this.evaluate(() => location.href);
      sameDocument = new URL(url).hash !== '' && current.split('#')[0] === url.split('#')[0];
    }
    await this.evaluate((mark: string) => {
      (globalThis as unknown as Record<symbol, boolean>)[Symbol.for(mark)] = true;
    }, OLD_DOCUMENT);
    await start();
    await this.waitFor(
      (mark: string, target: string | null, fragmentOnly: boolean) =>
        document.readyState === 'complete' &&
        (fragmentOnly
          ? location.href === target
          : location.protocol === 'moz-extension:' &&
            !(globalThis as unknown as Record<symbol, boolean>)[Symbol.for(mark)]),
      [OLD_DOCUMENT, url ?? null, sameDocument],
      STARTUP_TIMEOUT_MS,
    );
  }
}

class WaitTimeout extends Error {}

/**
 * Launches Firefox with the extension in `options.extensionDir` installed. An
 * empty `extensionDir` launches it without any extension (a plain browser, to
 * compare pages with and without the extension); openExtensionPage and
 * installUpdate then throw.
 */
export async function launchFirefox(options: LaunchOptions): Promise<LensBrowser> {
  const extensionDir = options.extensionDir ? resolve(options.extensionDir) : null;
  const manifest = extensionDir ? readManifest(extensionDir) : null;
  const { watch } = options;
  let requests: BrowserRequest[] | null = null;

  /** Starts Firefox on the profile, with the error relay in place. */
  async function start(): Promise<{ browser: Browser; session: FirefoxSession }> {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: options.profileDir,
      args: FIREFOX_ARGS,
      extraPrefsFirefox: {
        ...FIREFOX_PREFS,
        ...(watch && watchPrefs(watch)),
        ...(manifest && {
          'extensions.webextensions.uuids': JSON.stringify({ [manifest.id]: FIREFOX_EXTENSION_UUID }),
        }),
        // Firefox ESR installs an unsigned add-on permanently only with this off.
        ...(options.permanent && { 'xpinstall.signatures.required': false }),
        // The language pack (Debian's firefox-esr-l10n-*, scripts/ensure-browsers.mjs) is an application-scope add-on.
        ...(options.locale && { 'intl.locale.requested': options.locale, 'extensions.enabledScopes': 15 }),
        ...options.prefs,
      },
      defaultViewport: { width: 1280, height: 900 },
      dumpio: process.env.RDL_FIREFOX_DUMPIO === '1',
      // Firefox honours services.settings.server (FIREFOX_PREFS) only with this set.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      // Starting Firefox takes 2-5 s here, more when the machine is busy.
      timeout: 60_000,
    });
    debug(`launched ${await browser.version()}`);
    const session = new FirefoxSession(browser);
    try {
      await session.installErrorRelay();
      // Before the extension starts: its first requests, if it made any, would be at install.
      if (watch) await session.watchRequests();
    } catch (error) {
      session.detach();
      await browser.close();
      throw error;
    }
    return { browser, session };
  }

  let { browser, session } = await start();

  /** Waits until Firefox runs this build of the extension and its background has loaded; returns its moz-extension UUID. */
  async function running(build: Manifest & { id: string }): Promise<string> {
    const state = await session.extensionRunning(build);
    debug(`${build.id} ${build.version} running at moz-extension://${state.uuid}/`);
    if (state.uuid !== FIREFOX_EXTENSION_UUID) {
      throw new Error(`The extension got moz-extension://${state.uuid}/, not the fixed ${FIREFOX_EXTENSION_UUID}`);
    }
    // The error watcher must be running where extension pages live before one is opened.
    await session.processReady(state.remote === false ? 'parent' : 'extension');
    return state.uuid;
  }

  /** Installs a build (as a temporary add-on unless `permanent`) and waits until it runs. */
  async function install(dir: string, build: Manifest & { id: string }, permanent = false): Promise<string> {
    const { result } = await session.connection.send('webExtension.install', {
      extensionData: permanent ? { type: 'base64', value: await xpiOf(dir) } : { type: 'path', path: dir },
      'moz:permanent': permanent,
      'moz:allowPrivateBrowsing': options.allowPrivate === true,
    });
    const installedId = (result as { extension: string }).extension;
    if (installedId !== build.id) throw new Error(`Firefox installed ${installedId}, expected ${build.id}`);
    return running(build);
  }

  let uuid: string | null = null;
  try {
    if (extensionDir && manifest) uuid = await install(extensionDir, manifest, options.permanent);
  } catch (error) {
    session.detach();
    await browser.close();
    throw error;
  }

  async function newPage(): Promise<FirefoxPage> {
    const page = new FirefoxPage(session, await browser.newPage({ type: 'window' }));
    debug(`new window ${page.contextId}`);
    return page;
  }

  /**
   * Requests that would leave this machine fail at once (see isLocalUrl). A
   * navigation away gets a 204, on which a browser stays where it is: a real
   * news page that redirects itself to its publisher stays the page under test.
   */
  async function stayLocal(page: FirefoxPage): Promise<void> {
    await page.page.setRequestInterception(true);
    page.page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      const done = isLocalUrl(request.url())
        ? request.continue()
        : request.isNavigationRequest()
          ? request.respond({ status: 204 })
          : request.abort('blockedbyclient');
      // A request can be gone by the time it is answered (its page navigated): nothing to do then.
      done.catch(() => undefined);
    });
  }

  return {
    name: 'firefox',
    async openPage(url) {
      const page = await newPage();
      // Watched, requests go to the recording proxy as they are, not stopped here first.
      if (!watch) await stayLocal(page);
      await page.goto(url);
      return page;
    },
    async openExtensionPage(path, viewport) {
      if (!uuid) throw new Error('This Firefox was launched without the extension');
      const page = await newPage();
      if (viewport) await page.page.setViewport(viewport);
      await page.goto(`moz-extension://${uuid}/${path.replace(/^\//, '')}`);
      return page;
    },
    async nextPage(url) {
      const before = new Set(await browser.pages());
      const deadline = Date.now() + WAIT_TIMEOUT_MS;
      for (;;) {
        const page = (await browser.pages()).find((p) => !before.has(p) && url.test(p.url()));
        if (page) return new FirefoxPage(session, page);
        if (Date.now() > deadline) throw new Error(`No new page at ${url} within ${WAIT_TIMEOUT_MS} ms`);
        await delay(POLL_INTERVAL_MS);
      }
    },
    async installUpdate(dir) {
      if (!manifest) throw new Error('This Firefox was launched without the extension: there is nothing to update');
      const updateDir = resolve(dir);
      const update = readManifest(updateDir);
      if (update.id !== manifest.id) throw new Error(`The update's gecko id ${update.id} is not ${manifest.id}`);
      // A temporary add-on installed over one with the same id replaces it as
      // an update does: same origin and storage, runtime.onInstalled fires
      // with reason 'update', and Firefox closes the old build's pages.
      await session.tagAsReplaced(manifest.id);
      await install(updateDir, update);
    },
    async restart() {
      if (manifest && !options.permanent) {
        throw new Error(
          'A temporary add-on is uninstalled when Firefox quits: launch with { permanent: true } to restart',
        );
      }
      session.detach();
      await browser.close();
      ({ browser, session } = await start());
      // The permanent add-on starts with Firefox, as a reader's does: nothing is installed again.
      if (manifest) await running(manifest);
    },
    async openPrivatePage(url) {
      const contextId = await session.chrome<string>(OPEN_PRIVATE_WINDOW, [
        { type: 'number', value: STARTUP_TIMEOUT_MS },
      ]);
      // puppeteer-core adds a page for every tab BiDi reports: wait until it has this one.
      const deadline = Date.now() + STARTUP_TIMEOUT_MS;
      let found: Page | undefined;
      while (!(found = (await browser.pages()).find((p) => contextIdOf(p) === contextId))) {
        if (Date.now() > deadline) throw new Error(`puppeteer-core did not pick up the private window ${contextId}`);
        await delay(POLL_INTERVAL_MS);
      }
      const page = new FirefoxPage(session, found);
      if (!watch) await stayLocal(page);
      await page.goto(url);
      return page;
    },
    async toolbarImage(pageUrl) {
      if (!manifest) throw new Error('This Firefox was launched without the extension');
      const image = await session.toolbarImage(manifest.id, pageUrl);
      return image.includes('url(') ? image : null;
    },
    async close() {
      if (watch) requests = await session.requests();
      session.detach();
      await browser.close();
    },
    requestLog() {
      if (!watch) throw new Error('This browser was launched without a network watch');
      if (!requests) throw new Error('The request log is read when the browser closes');
      return requests;
    },
  };
}
