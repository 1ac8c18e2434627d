/**
 * The extension's UI on a page: one `<rdl-ui>` element with a closed shadow
 * root, created when first needed, holding the card, the page panel and one
 * small tool next to the text (the selection toolbar or a highlight's
 * popover). Page CSS cannot restyle what is inside, and our CSS does not leak
 * out. Page scripts cannot read it (the root is closed) nor work it: every
 * input event that the browser did not make from the reader's own input is
 * stopped at the root (see INPUT_EVENTS). This is the container (it owns the host, focus and positioning); Card,
 * Panel and the tools only render.
 */
import { render, type ComponentChildren } from 'preact';
import type { CardData } from '../corpus/card-model';
import { Card } from './card';
import { Panel, type PanelEntity } from './panel';
import { placeNextTo, type Anchor, type Placement, type Rect } from './floating';

import { HOST_TAG } from './host-tag';

/** Inline and !important: the only way our host's box survives `* { … !important }` in page CSS. */
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'block',
  position: 'fixed',
  top: '0',
  left: '0',
  width: '0',
  height: '0',
  margin: '0',
  padding: '0',
  border: '0',
  overflow: 'visible',
  transform: 'none',
  filter: 'none',
  contain: 'none',
  opacity: '1',
  visibility: 'visible',
  'pointer-events': 'auto',
  'z-index': '2147483647',
};

/*
 * Each frame says lang="en": Lens's UI is written in English, and on a Korean
 * or Russian page the language the page declares would otherwise reach it,
 * and with it that language's fallback fonts and line breaking.
 */

/** The container's own layout: where the card and panel sit (their looks are in card.css). */
const FRAME_CSS = `
.rdl-card-frame, .rdl-tool-frame { position: fixed; top: 0; left: 0; visibility: hidden; }
.rdl-card-frame[data-placed], .rdl-tool-frame[data-placed] { visibility: visible; }
.rdl-panel-frame { position: fixed; top: 16px; right: 16px; }
.rdl-panel-frame[data-side='left'] { right: auto; left: 16px; }
`;

/**
 * The events through which a reader works the UI. One a page script makes
 * (`dispatchEvent`, `click()`) has `isTrusted` false: it is stopped at the
 * shadow root, before any of Lens's handlers, so a page cannot open, read,
 * change or delete anything through the card, panel or tools.
 */
const INPUT_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'mouseover',
  'mousemove',
  'pointerdown',
  'pointerup',
  'pointerover',
  'pointermove',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
  'wheel',
  'touchstart',
  'touchend',
];

function stopUntrusted(event: Event) {
  if (event.isTrusted) return;
  event.stopImmediatePropagation();
  event.preventDefault();
}

/** Between the page panel and a card beside it. */
const PANEL_GAP = 8;

export type CardState =
  { status: 'loading'; label: string } | { status: 'ready'; data: CardData } | { status: 'error'; message: string };

export interface OverlayOptions {
  document: Document;
  /** the card and panel styles, as text */
  css: string;
  theme(): 'light' | 'dark';
  onSearch(query: string): void;
  /** called whenever the card closes (Esc, close button, click elsewhere) */
  onCardClosed?(): void;
}

export interface Overlay {
  showCard(state: CardState, anchor: Anchor, pointer?: { x: number; y: number }): void;
  hideCard(): void;
  isCardOpen(): boolean;
  showPanel(entities: PanelEntity[], onChoose: (entityId: string) => void): void;
  hidePanel(): void;
  isPanelOpen(): boolean;
  /** Shows a tool (replacing the one shown) next to `anchor`, e.g. a text selection. */
  showTool(content: ComponentChildren, anchor: Anchor, pointer?: { x: number; y: number }, placement?: Placement): void;
  hideTool(): void;
  isToolOpen(): boolean;
  /** whether an event happened inside our UI */
  containsEvent(event: Event): boolean;
  destroy(): void;
}

export function createOverlay(options: OverlayOptions): Overlay {
  const doc = options.document;
  let host: HTMLElement | null = null;
  let cardRoot: HTMLElement | null = null;
  let panelRoot: HTMLElement | null = null;
  let toolRoot: HTMLElement | null = null;
  let stopPlacing: (() => void) | null = null;
  let stopPlacingTool: (() => void) | null = null;
  let cardOpen = false;
  let panelOpen = false;
  let toolOpen = false;
  let toolAnchor: Anchor | null = null;
  let focusBeforePanel: Element | null = null;

  /**
   * With the panel open, a card goes where the panel is not: the panel first
   * moves to the other side of the window if it would cover the mention, and
   * the card is then placed in the room beside it (see placeNextTo's `room`).
   */
  function panelFrame(): HTMLElement | null {
    return panelOpen ? ((panelRoot?.firstElementChild as HTMLElement | null) ?? null) : null;
  }
  function clearPanelOf(anchor: Anchor) {
    const frame = panelFrame();
    if (!frame) return;
    const mention = anchor.getBoundingClientRect();
    const covers = (r: DOMRect) => mention.right > r.left - PANEL_GAP && mention.left < r.right + PANEL_GAP;
    if (!covers(frame.getBoundingClientRect())) return;
    const side = frame.dataset.side === 'left' ? 'right' : 'left';
    frame.dataset.side = side;
  }
  function roomBesidePanel(): Rect | null {
    const frame = panelFrame();
    if (!frame) return null;
    const panel = frame.getBoundingClientRect();
    const width = doc.documentElement.clientWidth;
    const height = doc.documentElement.clientHeight;
    return frame.dataset.side === 'left'
      ? { x: panel.right + PANEL_GAP, y: 0, width: Math.max(0, width - panel.right - PANEL_GAP), height }
      : { x: 0, y: 0, width: Math.max(0, panel.left - PANEL_GAP), height };
  }

  function ensureHost() {
    if (host?.isConnected && cardRoot && panelRoot && toolRoot) return { cardRoot, panelRoot, toolRoot };
    host = doc.createElement(HOST_TAG);
    for (const [property, value] of Object.entries(HOST_STYLE)) host.style.setProperty(property, value, 'important');
    // Closed: `host.shadowRoot` is null for the page, so its scripts cannot read a card, a note or a colour.
    const shadow = host.attachShadow({ mode: 'closed' });
    // First, so that it runs before every other listener in the UI.
    for (const type of INPUT_EVENTS) shadow.addEventListener(type, stopUntrusted, true);
    const style = doc.createElement('style');
    style.textContent = FRAME_CSS + options.css;
    cardRoot = doc.createElement('div');
    cardRoot.className = 'rdl-card-layer';
    panelRoot = doc.createElement('div');
    panelRoot.className = 'rdl-panel-layer';
    toolRoot = doc.createElement('div');
    toolRoot.className = 'rdl-tool-layer';
    shadow.append(style, cardRoot, panelRoot, toolRoot);
    // Esc closes the most recent thing first: a card opened from the panel
    // closes before the panel does.
    shadow.addEventListener(
      'keydown',
      (event) => {
        if ((event as KeyboardEvent).key !== 'Escape' || !cardOpen || !panelRoot?.contains(event.target as Node))
          return;
        event.stopPropagation();
        event.preventDefault();
        hideCard();
      },
      true,
    );
    // Outside <body>, so that body transforms, filters or overflow do not reach it.
    doc.documentElement.append(host);
    return { cardRoot, panelRoot, toolRoot };
  }

  function hideTool() {
    if (!toolOpen) return;
    toolOpen = false;
    toolAnchor = null;
    stopPlacingTool?.();
    stopPlacingTool = null;
    if (toolRoot) render(null, toolRoot);
  }

  function hideCard() {
    if (!cardOpen) return;
    cardOpen = false;
    stopPlacing?.();
    stopPlacing = null;
    if (cardRoot) render(null, cardRoot);
    options.onCardClosed?.();
  }

  function hidePanel() {
    if (!panelOpen) return;
    panelOpen = false;
    if (panelRoot) render(null, panelRoot);
    // Back where the reader was (WCAG 2.4.3).
    if (focusBeforePanel instanceof HTMLElement || focusBeforePanel instanceof SVGElement) focusBeforePanel.focus();
    focusBeforePanel = null;
  }

  return {
    showCard(state, anchor, pointer) {
      const { cardRoot: root } = ensureHost();
      stopPlacing?.();
      cardOpen = true;
      render(
        <div class="rdl-root rdl-card-frame" lang="en" data-theme={options.theme()}>
          {state.status === 'ready' ? (
            <Card data={state.data} onClose={hideCard} onSearch={options.onSearch} />
          ) : (
            <div class="rdl-card rdl-card-status" role="status">
              {state.status === 'loading' ? `Loading ${state.label}…` : state.message}
            </div>
          )}
        </div>,
        root,
      );
      const frame = root.firstElementChild as HTMLElement;
      clearPanelOf(anchor);
      stopPlacing = placeNextTo(anchor, frame, pointer, undefined, roomBesidePanel);
    },
    hideCard,
    isCardOpen: () => cardOpen,
    showPanel(entities, onChoose) {
      const { panelRoot: root } = ensureHost();
      if (!panelOpen) focusBeforePanel = doc.activeElement;
      panelOpen = true;
      render(
        <div class="rdl-root rdl-panel-frame" lang="en" data-theme={options.theme()}>
          <Panel entities={entities} onChoose={(id) => onChoose(id)} onClose={hidePanel} />
        </div>,
        root,
      );
    },
    hidePanel,
    isPanelOpen: () => panelOpen,
    showTool(content, anchor, pointer, placement) {
      const { toolRoot: root } = ensureHost();
      stopPlacingTool?.();
      toolOpen = true;
      render(
        <div class="rdl-root rdl-tool-frame" lang="en" data-theme={options.theme()}>
          {content}
        </div>,
        root,
      );
      const frame = root.firstElementChild as HTMLElement;
      // Somewhere else: hidden until placed there. The same place (a re-render): it stays where it is.
      if (anchor !== toolAnchor) delete frame.dataset.placed;
      toolAnchor = anchor;
      stopPlacingTool = placeNextTo(anchor, frame, pointer, placement);
    },
    hideTool,
    isToolOpen: () => toolOpen,
    containsEvent: (event) => host !== null && event.composedPath().includes(host),
    destroy() {
      stopPlacing?.();
      stopPlacingTool?.();
      if (cardRoot) render(null, cardRoot);
      if (panelRoot) render(null, panelRoot);
      if (toolRoot) render(null, toolRoot);
      host?.remove();
      host = cardRoot = panelRoot = toolRoot = null;
    },
  };
}
