/**
 * The reader's own input on a page's document: listened to in the capture
 * phase (before the page's handlers can stop it), passively, until `signal`
 * aborts. An event a page script made (isTrusted false) works nothing of Lens:
 * a page must not be able to save, open or close anything by itself.
 */
export function readerInput(doc: Document, signal: AbortSignal) {
  return <K extends keyof DocumentEventMap>(type: K, fn: (event: DocumentEventMap[K]) => void): void =>
    doc.addEventListener(type, (event) => event.isTrusted && fn(event), { capture: true, passive: true, signal });
}
