/**
 * Highlights out as Markdown, for reading and pasting: pure, the caller
 * writes the file.
 */
import { isKnownPosition } from '../anchoring/selectors';
import type { HighlightRow } from '../db/schema';

/**
 * All highlights as Markdown, grouped by page: a heading with the page's
 * title linking to its URL, then each highlight as a blockquote with its
 * note, colour, the entities it touches (by label; `entityLabels` maps id →
 * label, and an id without a label is shown as is) and when it was saved.
 * Pages come most recently updated first; a page's highlights in reading
 * order. The reader's text is escaped, so a quote or note never turns into
 * markup or a link.
 */
export function toMarkdown(rows: readonly HighlightRow[], entityLabels: Readonly<Record<string, string>>): string {
  const out = ['# RU–DPRK Lens highlights', ''];
  if (rows.length === 0) {
    out.push('No highlights yet.', '');
    return out.join('\n');
  }
  const pages = new Map<string, HighlightRow[]>();
  for (const row of rows) {
    const page = pages.get(row.url);
    if (page) page.push(row);
    else pages.set(row.url, [row]);
  }
  const latest = (page: HighlightRow[]) => Math.max(...page.map((r) => r.updatedAt));
  const ordered = [...pages.entries()].sort(
    ([urlA, a], [urlB, b]) => latest(b) - latest(a) || urlA.localeCompare(urlB),
  );

  for (const [url, page] of ordered) {
    const title = page.find((r) => r.title.trim())?.title.trim() ?? url;
    out.push(`## [${escapeInline(title)}](${linkDestination(url)})`, '');
    for (const row of [...page].sort(readingOrder)) {
      out.push(blockquote(row.quote.exact), '');
      if (row.note.trim()) {
        const lines = row.note
          .trim()
          .split(/\r?\n/)
          .map((line) => escapeLine(line.trim()));
        out.push(`**Note:** ${lines.join('  \n')}`, '');
      }
      const meta = [`Colour: ${escapeInline(row.colour)}`];
      if (row.entityIds.length > 0) {
        meta.push(`Entities: ${row.entityIds.map((id) => escapeInline(entityLabels[id] ?? id)).join(', ')}`);
      }
      meta.push(`Saved ${formatTime(row.createdAt)}`);
      if (row.updatedAt !== row.createdAt) meta.push(`updated ${formatTime(row.updatedAt)}`);
      out.push(meta.join(' · '), '');
    }
  }
  return out.join('\n');
}

function readingOrder(a: HighlightRow, b: HighlightRow): number {
  const pa = isKnownPosition(a.position) ? a.position.start : Infinity;
  const pb = isKnownPosition(b.position) ? b.position.start : Infinity;
  return pa === pb ? a.createdAt - b.createdAt : pa < pb ? -1 : 1;
}

/** The quote's paragraphs as one blockquote; the page's own line breaks and indentation become single spaces. */
function blockquote(exact: string): string {
  const paragraphs = exact
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
  return paragraphs.map((p) => `> ${escapeLine(p)}`).join('\n>\n');
}

/** Escapes the characters that start inline markup (emphasis, code, links, HTML). */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>~|]/g, '\\$&');
}

/** As `escapeInline`, and also what would start a block at the beginning of a line (heading, list, quote). */
function escapeLine(text: string): string {
  return escapeInline(text).replace(/^(\s*)([#+=-]|\d+(?=[.)]))/, '$1\\$2');
}

function linkDestination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>\s]/g, encodeURIComponent)}>` : url;
}

function formatTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
