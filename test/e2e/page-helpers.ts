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

/** Sends one protocol message from an extension page and returns the reply. */
export async function sendFromExtensionPage(type: string, payload: unknown): Promise<unknown> {
  const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
  const runtime = (g.browser ?? g.chrome).runtime;
  const reply = (await runtime.sendMessage({ rdl: 1, type, payload })) as { ok: boolean; value?: unknown; error?: string };
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
