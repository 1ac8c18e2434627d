/**
 * Replaces WXT's `ContentScriptContext` in the built content script (a Vite
 * alias in wxt.config.ts): WXT's (0.21) announces every content script start
 * to the page — a CustomEvent on `document` and a `window.postMessage`, both
 * named `<extension id>:<script>:wxt:content-script-started` — and aborts its
 * context when it hears that event with another id. Any page script can send
 * it, so a page could switch Lens off in its tab, and reading the message
 * tells it the extension's id. Lens's content script is never injected twice
 * (the `scripting` permission serves only `insertCSS`/`removeCSS` of the marks' rules,
 * lib/mark-styles.ts: no script is ever injected), so it needs neither; what it does need from the
 * context — a signal that aborts once the extension is gone (updated,
 * reloaded, removed) — is kept here, with nothing the page can see or send.
 * Reported upstream: docs/upstream/wxt-content-script-started.md.
 */
import { extensionApi } from './extension-api';

export class ContentScriptContext {
  readonly #controller = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** True once the extension that ran this script is gone (its runtime has no id any more). */
  get isInvalid(): boolean {
    if (extensionApi().runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  abort(reason?: unknown): void {
    this.#controller.abort(reason);
  }

  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }
}
