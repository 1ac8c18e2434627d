/**
 * Functions that run inside a test page to read what the extension drew. They
 * are serialised as source text: they must not refer to anything outside.
 */

/** The text under every range of the named CSS highlight, in document order. */
export function highlightedTexts(name: string): string[] | null {
  const highlight = CSS.highlights.get(name);
  if (!highlight) return null;
  const texts: { text: string; range: Range }[] = [];
  for (const abstract of highlight as unknown as Iterable<AbstractRange>) {
    const range = document.createRange();
    range.setStart(abstract.startContainer, abstract.startOffset);
    range.setEnd(abstract.endContainer, abstract.endOffset);
    texts.push({ text: range.toString(), range });
  }
  texts.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  return texts.map((t) => t.text);
}

/**
 * Runs in the page: how its styles draw each of Lens's highlights, as
 * `name: line style` or `name: background colour` (what a `::highlight()`
 * rule gives the body's text, whoever added it), for the names that draw
 * anything; in the same-origin frame `frame` selects, when given. With
 * `until`, null until that is what is drawn (for waitFor).
 */
export function drawnHighlights(frame?: string | null, until?: string[]): string[] | null {
  const doc = frame ? document.querySelector<HTMLIFrameElement>(frame)?.contentDocument : document;
  if (!doc?.body) return null;
  const drawn: string[] = [];
  for (const name of ['rdl-term', 'rdl-term-tint', 'rdl-claim']) {
    const style = doc.defaultView!.getComputedStyle(doc.body, `::highlight(${name})`);
    if (style.textDecorationLine !== 'none')
      drawn.push(`${name}: ${style.textDecorationLine} ${style.textDecorationStyle}`);
    if (style.backgroundColor !== 'rgba(0, 0, 0, 0)') drawn.push(`${name}: ${style.backgroundColor}`);
  }
  return !until || JSON.stringify(drawn) === JSON.stringify(until) ? drawn : null;
}

/** Sends one protocol message from an extension page and returns the reply. */
export async function sendFromExtensionPage(type: string, payload: unknown): Promise<unknown> {
  const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
  const runtime = (g.browser ?? g.chrome).runtime;
  const reply = (await runtime.sendMessage({ rdl: 1, type, payload })) as {
    ok: boolean;
    value?: unknown;
    error?: string;
  };
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** The whole document as markup, with form state (which outerHTML leaves out) appended. */
export function serialisedDom(): string {
  const fields = [...document.querySelectorAll('input, textarea, select')].map(
    (field) => `${field.tagName}#${field.id}=${(field as HTMLInputElement).value}`,
  );
  return `${document.documentElement.outerHTML}\n${fields.join('\n')}`;
}

/** The centre of the first mark whose text is `text`, in viewport coordinates (scrolled into view first). */
export function markCentre(name: string, text: string): { x: number; y: number } | null {
  const highlight = CSS.highlights.get(name);
  if (!highlight) return null;
  for (const abstract of highlight as unknown as Iterable<AbstractRange>) {
    const range = document.createRange();
    range.setStart(abstract.startContainer, abstract.startOffset);
    range.setEnd(abstract.endContainer, abstract.endOffset);
    if (range.toString() !== text) continue;
    const element = range.startContainer.parentElement!;
    element.scrollIntoView({ block: 'center' });
    // In a block taller than the viewport (a 5 MB paragraph) the mark itself may still be out of view.
    const seen = range.getClientRects()[0]!;
    if (seen.top < 0 || seen.bottom > innerHeight) scrollBy(0, seen.top - innerHeight / 2);
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}

/**
 * What the open card shows, read from the <rdl-ui> shadow root (run with
 * `evaluateUi`/`waitForUi`, which pass in the closed root); null when no card is open.
 */
export function openCard(root: ShadowRoot | null): {
  title: string;
  kind: string;
  text: string;
  topics: string[];
  positions: string[];
  /** section headings, in order */
  sections: string[];
  /** the claim texts of the first section */
  firstSectionClaims: string[];
  rect: { left: number; top: number; right: number; bottom: number };
  fontSize: string;
  background: string;
} | null {
  const card = root?.querySelector<HTMLElement>('.rdl-card[role="dialog"]');
  if (!card) return null;
  // Not yet what the reader sees: still being placed, or fading in.
  if (!card.closest('[data-placed]') || card.getAnimations().some((a) => a.playState === 'running')) return null;
  const all = (selector: string) => [...card.querySelectorAll(selector)].map((e) => e.textContent!.trim());
  const rect = card.getBoundingClientRect();
  const style = getComputedStyle(card);
  return {
    title: card.querySelector('.rdl-card-title')!.textContent!.trim(),
    kind: card.querySelector('.rdl-kind')!.textContent!.trim(),
    text: card.textContent!,
    topics: all('.rdl-topic-group .rdl-topic'),
    positions: all('.rdl-position-label'),
    sections: all('.rdl-section-title'),
    firstSectionClaims: [...(card.querySelector('.rdl-section')?.querySelectorAll('.rdl-claim-text') ?? [])].map((e) =>
      e.textContent!.trim(),
    ),
    rect: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
    fontSize: style.fontSize,
    background: style.backgroundColor,
  };
}

/** The centre of the open card's first "Show N more" not yet expanded (scrolled into view in the card); null when none is left. */
export function nextShowMore(root: ShadowRoot | null): { x: number; y: number } | null {
  const button = root?.querySelector<HTMLButtonElement>('.rdl-more[aria-expanded="false"]');
  if (!button) return null;
  button.scrollIntoView({ block: 'nearest' });
  const rect = button.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

/**
 * Where the page panel, the placed card and the first mark of `text` are, in
 * viewport px; null until the card is placed and still.
 */
export function panelCardMention(
  root: ShadowRoot | null,
  text: string,
): Record<'panel' | 'card' | 'mention', DOMRectInit> | null {
  const panel = root?.querySelector('.rdl-panel');
  const card = root?.querySelector<HTMLElement>('.rdl-card[role="dialog"]');
  if (!panel || !card?.closest('[data-placed]') || card.getAnimations().some((a) => a.playState === 'running'))
    return null;
  for (const abstract of CSS.highlights.get('rdl-term') as unknown as Iterable<AbstractRange>) {
    const range = document.createRange();
    range.setStart(abstract.startContainer, abstract.startOffset);
    range.setEnd(abstract.endContainer, abstract.endOffset);
    if (range.toString() !== text) continue;
    const box = (r: DOMRect) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
    return {
      panel: box(panel.getBoundingClientRect()),
      card: box(card.getBoundingClientRect()),
      mention: box(range.getBoundingClientRect()),
    };
  }
  return null;
}

/** Whether the keyboard focus is inside the page panel. */
export function panelHasFocus(root: ShadowRoot | null): boolean {
  return Boolean(root?.activeElement && root.querySelector('.rdl-panel')?.contains(root.activeElement));
}

/** The page panel's options and which one is active; null when it is closed. */
export function openPanel(root: ShadowRoot | null): { options: string[]; active: string | null } | null {
  const panel = root?.querySelector('.rdl-panel');
  if (!root || !panel) return null;
  const active = panel.querySelector('[role="option"][aria-selected="true"] .rdl-option-label');
  return {
    options: [...panel.querySelectorAll('[role="option"] .rdl-option-label')].map((e) => e.textContent!.trim()),
    active: active?.textContent?.trim() ?? null,
  };
}

/**
 * Sends a message to the content script of every other tab, from an extension
 * page (as the background does for the keyboard shortcut, which a test cannot
 * press: browser shortcuts are not reachable through the page's input).
 */
export async function sendToPageTabs(type: string, payload: unknown): Promise<unknown[]> {
  const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
  const api = g.browser ?? g.chrome;
  const me = await api.tabs.getCurrent();
  const tabs = (await api.tabs.query({})).filter((tab) => tab.id !== undefined && tab.id !== me?.id);
  const replies = await Promise.allSettled(tabs.map((tab) => api.tabs.sendMessage(tab.id!, { rdl: 1, type, payload })));
  return replies.flatMap((r) => (r.status === 'fulfilled' && r.value ? [(r.value as { value: unknown }).value] : []));
}

/** From an extension page: the id of the tab whose content script has marked entities (the page under test). */
export async function pageTabId(): Promise<number | null> {
  const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
  const api = g.browser ?? g.chrome;
  const me = await api.tabs.getCurrent();
  for (const tab of await api.tabs.query({})) {
    if (tab.id === undefined || tab.id === me?.id) continue;
    const reply = (await api.tabs
      .sendMessage(tab.id, { rdl: 1, type: 'getPageEntities', payload: null })
      .catch(() => null)) as {
      ok: boolean;
      value?: unknown[];
    } | null;
    if (reply?.ok && reply.value && reply.value.length > 0) return tab.id;
  }
  return null;
}

/** The popup's results: each hit's kind, id and title, in order, and whether any text is emphasised. */
export function popupResults(): { hits: { kind: string; id: string; title: string }[]; marked: string[] } | null {
  const options = [...document.querySelectorAll<HTMLElement>('#results [role="option"]')];
  if (options.length === 0) return null;
  return {
    hits: options.map((o) => ({
      kind: o.dataset.kind!,
      id: o.dataset.id!,
      title: o.querySelector('.hit-title')!.textContent!,
    })),
    marked: [...document.querySelectorAll('#results mark')].map((m) => m.textContent!),
  };
}

/**
 * In the popup: what a reader sees of it. Where its fixed parts (tabs, search
 * box) are, how far the results pane and the page itself are scrolled, and
 * which results are wholly in the part of the pane a reader sees (below the
 * search box, above the pane's bottom and the window's). With `activeIs`,
 * null until that result is the selected one (a keystroke has been handled).
 */
export function popupView(activeIs?: string): PopupView | null {
  const active = document.querySelector('#results [aria-selected="true"]')?.id ?? null;
  if (activeIs !== undefined && active !== activeIs) return null;
  const edges = (element: Element) => {
    const r = element.getBoundingClientRect();
    return { top: Math.round(r.top), bottom: Math.round(r.bottom) };
  };
  const panel = document.querySelector('.panel')!;
  const pane = panel.getBoundingClientRect();
  const row = document.querySelector('.search-row')?.getBoundingClientRect();
  const top = Math.max(pane.top, row?.bottom ?? pane.top);
  const bottom = Math.min(pane.bottom, innerHeight);
  const options = [...document.querySelectorAll('#results [role="option"]')];
  const box = document.querySelector('[role="searchbox"]');
  return {
    tabs: edges(document.querySelector('[role="tablist"]')!),
    searchbox: box ? edges(box) : null,
    scrollTop: Math.round(panel.scrollTop),
    scrollMax: panel.scrollHeight - panel.clientHeight,
    pageScrolled: document.scrollingElement!.scrollTop + document.body.scrollTop,
    shown: options
      .filter((o) => {
        const r = o.getBoundingClientRect();
        return r.top >= top - 1 && r.bottom <= bottom + 1;
      })
      .map((o) => o.id),
    hits: options.map((o) => o.id),
    active,
  };
}

export interface PopupView {
  tabs: { top: number; bottom: number };
  searchbox: { top: number; bottom: number } | null;
  scrollTop: number;
  scrollMax: number;
  pageScrolled: number;
  /** ids of the results wholly in view */
  shown: string[];
  hits: string[];
  active: string | null;
}

/** Whether the whole of `selector`'s element is inside the window (not cut off at an edge). */
export function whollyInWindow(selector: string): boolean | null {
  const element = document.querySelector(selector);
  if (!element) return null;
  const r = element.getBoundingClientRect();
  return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
}

/**
 * Whether each input's placeholder fits its box: the text measured in the
 * input's own font against the width inside its padding.
 */
export function placeholdersFit(): { placeholder: string; text: number; room: number }[] {
  const context = document.createElement('canvas').getContext('2d')!;
  return [...document.querySelectorAll<HTMLInputElement>('input[placeholder]')].map((input) => {
    const style = getComputedStyle(input);
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    return {
      placeholder: input.placeholder,
      text: Math.ceil(context.measureText(input.placeholder).width),
      room: Math.floor(input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)),
    };
  });
}

/**
 * In an extension page: keeps what the page offers to download instead of
 * starting a download, and the file's content. The Blob is kept as it is
 * made, not fetched back from its blob: URL, which the extension pages'
 * content security policy (connect-src 'self') refuses.
 */
export function catchDownloads(): void {
  const w = window as unknown as { downloads: { name: string; text: Promise<string> }[] };
  const blobs = new Map<string, Blob>();
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (object: Blob | MediaSource) => {
    const url = createObjectURL(object);
    if (object instanceof Blob) blobs.set(url, object);
    return url;
  };
  w.downloads = [];
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (this.download && blob) w.downloads.push({ name: this.download, text: blob.text() });
  };
}

/** The last file the page offered to download (see catchDownloads), or the last named `name`; null if none. */
export async function downloaded(name?: string): Promise<{ name: string; text: string } | null> {
  const w = window as unknown as { downloads: { name: string; text: Promise<string> }[] };
  const last = w.downloads.findLast((file) => name === undefined || file.name === name);
  return last ? { name: last.name, text: await last.text } : null;
}

/** Chooses a file in the page's file field, as a reader's file picker would. */
export function chooseFile(name: string, text: string): void {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  const files = new DataTransfer();
  files.items.add(new File([text], name, { type: 'application/ld+json' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Chooses a file of `megabytes` MB of spaces (made in the page: it never crosses the driver). */
export function chooseLargeFile(name: string, megabytes: number): void {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  const files = new DataTransfer();
  files.items.add(new File([new Uint8Array(megabytes * 1024 * 1024).fill(0x20)], name, { type: 'application/json' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Viewport points just inside the first and last characters of `text` (in one text node), scrolled into view. */
export function phraseEnds(text: string): { from: { x: number; y: number }; to: { x: number; y: number } } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const at = node.data.indexOf(text);
    if (at === -1) continue;
    node.parentElement!.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    const first = range.getClientRects()[0]!;
    range.setStart(node, at + text.length - 1);
    range.setEnd(node, at + text.length);
    const last = range.getClientRects()[0]!;
    return {
      from: { x: first.left + 1, y: first.top + first.height / 2 },
      to: { x: last.right - 1, y: last.top + last.height / 2 },
    };
  }
  return null;
}

/** The centre of a control of the placed toolbar or popover, by its data-action (or a colour's data-colour). */
export function toolControl(root: ShadowRoot | null, selector: string): { x: number; y: number } | null {
  const control = root?.querySelector<HTMLElement>(`.rdl-tool ${selector}`);
  const frame = control?.closest<HTMLElement>('[data-placed]');
  if (!control || !frame || frame.getAnimations().some((a) => a.playState === 'running')) return null;
  const rect = control.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

/**
 * Every saved highlight drawn, as "colour: text", in document order, read as
 * a reader sees it: the tinted boxes of Lens's closed layer (run with
 * `evaluateLayer`), each box's colour, and the page text under it (a box's
 * left and right edges through caretPositionFromPoint; each box is scrolled
 * into view for that). Boxes of one colour with only white space between
 * them (the lines of one highlight) are one highlight. A highlight with a
 * note (a double line under it) reads "colour (note): text"; the passage a
 * note is being written for reads "draft: text".
 */
export function savedHighlights(root: ShadowRoot | null): string[] {
  const colours: Record<string, string> = {
    '255, 208, 0': 'yellow',
    '46, 184, 92': 'green',
    '66, 140, 255': 'blue',
    '255, 82, 166': 'pink',
  };
  const caret = (x: number, y: number) => document.caretPositionFromPoint(x, y);
  const boxes: { colour: string; range: Range }[] = [];
  // Lens's other host (a card that resting the pointer on a mark opened) may lie over a box: it is set
  // aside while the text under the boxes is read, or the caret would land on it.
  const others = [...document.querySelectorAll<HTMLElement>('rdl-ui')].filter((host) => host !== root?.host);
  const styles = others.map((host) => host.style.cssText);
  for (const host of others) host.style.setProperty('visibility', 'hidden', 'important');
  try {
    for (const box of root?.querySelectorAll<HTMLElement>('.rdl-saved-layer > div') ?? []) {
      box.scrollIntoView({ block: 'center' });
      const rect = box.getBoundingClientRect();
      const from = caret(rect.left + 1, rect.top + rect.height / 2);
      const to = caret(rect.right - 1, rect.top + rect.height / 2);
      if (!from || !to) continue;
      const range = document.createRange();
      range.setStart(from.offsetNode, from.offset);
      range.setEnd(to.offsetNode, to.offset);
      const style = getComputedStyle(box);
      const rgb = /\d+, \d+, \d+/.exec(style.backgroundColor)?.[0] ?? '';
      const colour = box.classList.contains('rdl-draft') ? 'draft' : (colours[rgb] ?? `rgb(${rgb})`);
      boxes.push({ colour: `${colour}${style.borderBottomStyle === 'double' ? ' (note)' : ''}`, range });
    }
  } finally {
    others.forEach((host, i) => (host.style.cssText = styles[i]!));
  }
  boxes.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  const drawn: { colour: string; range: Range }[] = [];
  for (const box of boxes) {
    const last = drawn[drawn.length - 1];
    if (last && last.colour === box.colour && last.range.compareBoundaryPoints(Range.END_TO_START, box.range) <= 0) {
      const gap = document.createRange();
      gap.setStart(last.range.endContainer, last.range.endOffset);
      gap.setEnd(box.range.startContainer, box.range.startOffset);
      if (gap.toString().trim() === '') {
        last.range.setEnd(box.range.endContainer, box.range.endOffset);
        continue;
      }
    }
    drawn.push(box);
  }
  return drawn.map((d) => `${d.colour}: ${d.range.toString()}`);
}

/** Selects `text` as a script would (for the paths that are not about the mouse). */
export function selectText(text: string): boolean {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const at = node.data.indexOf(text);
    if (at === -1) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return true;
  }
  return false;
}

/** Whether the named highlight's marks read `expected`, in document order, all over text still on the page. */
export function marksAre(name: string, expected: string[]): boolean {
  const highlight = CSS.highlights.get(name);
  if (!highlight || highlight.size !== expected.length) return false;
  const ranges: Range[] = [];
  for (const abstract of highlight as unknown as Iterable<AbstractRange>) {
    if (!abstract.startContainer.isConnected || !abstract.endContainer.isConnected) return false;
    // Text changed since the last scan (a StaticRange does not follow it): not settled yet, as a reader would see
    // nothing drawn there until the rescan of the next batch.
    const length = (node: Node) => node.nodeValue?.length ?? node.childNodes.length;
    if (abstract.startOffset > length(abstract.startContainer) || abstract.endOffset > length(abstract.endContainer)) {
      return false;
    }
    const range = document.createRange();
    range.setStart(abstract.startContainer, abstract.startOffset);
    range.setEnd(abstract.endContainer, abstract.endOffset);
    ranges.push(range);
  }
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  return ranges.every((range, i) => range.toString() === expected[i]);
}

/**
 * The centre of a word inside a sentence marked as a claim (`rdl-claim`), away
 * from any entity mark: where a reader rests the pointer to read the sentence's
 * views. Null while the sentence is not marked.
 */
export function claimWordCentre(sentenceStart: string, word: string): { x: number; y: number } | null {
  const highlight = CSS.highlights.get('rdl-claim');
  if (!highlight) return null;
  for (const abstract of highlight as unknown as Iterable<AbstractRange>) {
    const range = document.createRange();
    range.setStart(abstract.startContainer, abstract.startOffset);
    range.setEnd(abstract.endContainer, abstract.endOffset);
    if (!range.toString().startsWith(sentenceStart)) continue;
    const node = abstract.startContainer as Text;
    const at = node.data.indexOf(word, abstract.startOffset);
    if (at < 0) return null;
    const wordRange = document.createRange();
    wordRange.setStart(node, at);
    wordRange.setEnd(node, at + word.length);
    node.parentElement!.scrollIntoView({ block: 'center' });
    const rect = wordRange.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}

/** What the open claim card shows; null when none is open and placed (or, given `likely`, it points elsewhere). */
export function openClaimCard(
  root: ShadowRoot | null,
  likely?: string,
): { title: string; text: string; positions: string[]; likely: string | null } | null {
  const card = root?.querySelector<HTMLElement>('.rdl-claim-card');
  if (!card || !card.closest('[data-placed]')) return null;
  if (likely !== undefined && card.querySelector('.rdl-likely-note strong')?.textContent?.trim() !== likely)
    return null;
  return {
    title: card.querySelector('.rdl-card-title')!.textContent!.trim(),
    text: card.textContent!,
    positions: [...card.querySelectorAll('.rdl-position-label')].map((e) => e.textContent!.trim()),
    likely: card.querySelector('.rdl-likely-note strong')?.textContent?.trim() ?? null,
  };
}

/** Whether no claim card is open. */
export function claimCardClosed(root: ShadowRoot | null): boolean {
  return !root?.querySelector('.rdl-claim-card');
}

/** The centre of a button of the open claim card, by its text (for a real, trusted click). */
export function claimCardButton(root: ShadowRoot | null, label: string): { x: number; y: number } | null {
  const buttons = root?.querySelectorAll<HTMLButtonElement>('.rdl-claim-card button');
  const button = [...(buttons ?? [])].find((b) => b.textContent!.trim() === label);
  if (!button) return null;
  const rect = button.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

/** The options page's corpus list, one line per pack. */
export function packList(): string[] {
  return [...document.querySelectorAll('.packs li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
}

/** The options page's message about packs, once it starts with `start`. */
export function packMessage(start: string): string | null {
  const text = document.querySelector('.packs ~ [role="alert"], .packs ~ [role="status"]')?.textContent ?? '';
  return text.startsWith(start) ? text : null;
}

/**
 * Every text a reader of `root` (the page, or with `evaluateUi` Lens's closed
 * shadow root) sees or hears: its text nodes, and its labels, titles and
 * placeholders, each trimmed.
 */
export function shownTexts(root?: ShadowRoot | null): string[] {
  const scope: Document | ShadowRoot = root ?? document;
  const texts: string[] = [];
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent?.closest('script, style, template')) continue;
    const text = node.textContent!.trim();
    if (text) texts.push(text);
  }
  for (const element of scope.querySelectorAll('[aria-label], [title], [placeholder]')) {
    for (const name of ['aria-label', 'title', 'placeholder']) {
      const value = element.getAttribute(name)?.trim();
      if (value) texts.push(value);
    }
  }
  return texts;
}
