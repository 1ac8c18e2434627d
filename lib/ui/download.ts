/**
 * Offers text as a file to save, from an extension page: a link to a blob the
 * browser downloads. No `downloads` permission: the reader's browser asks
 * where to save it, as for any file.
 */
export function downloadText(name: string, type: string, text: string, doc: Document = document): void {
  const link = doc.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  // Revoked later: the download may start after click() returns.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
