import { errorMessage } from './errors';
/**
 * Reading a JSON file a reader chose (highlights to import, a corpus pack),
 * with a message they can act on when it is not one: too large, empty, not
 * JSON at all, cut short, or broken at a line and column.
 */

/** The largest corpus pack read (the largest source text of the bundled corpus is 40 KB). */
export const MAX_PACK_BYTES = 20 * 1024 * 1024;

export type JsonRead = { ok: true; data: unknown } | { ok: false; error: string };

/** `byteSize` is the file's size, checked before the text is parsed. */
export function readJsonFile(text: string, byteSize: number, maxBytes: number): JsonRead {
  const tooLarge = sizeProblem(byteSize, maxBytes);
  if (tooLarge) return { ok: false, error: tooLarge };
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') return { ok: false, error: 'The file is empty.' };
  try {
    return { ok: true, data: JSON.parse(source) };
  } catch (error) {
    return { ok: false, error: describeJsonError(source, error) };
  }
}

/**
 * The size of `text` in UTF-8, measured here: a size a sender states is never
 * taken on trust (a 60 MB file said to be small would pass the limit).
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    // A surrogate pair is 4 bytes for 2 units; a lone surrogate is written as U+FFFD (3 bytes).
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2;
        i++;
        continue;
      }
    }
    bytes += code < 0x800 ? 1 : 2;
  }
  return bytes;
}

/** Why a file of this size is not read, or null: checked before a page reads the file into memory. */
export function sizeProblem(byteSize: number, maxBytes: number): string | null {
  return byteSize > maxBytes
    ? `The file is ${formatMegabytes(byteSize)}; files over ${formatMegabytes(maxBytes)} are not imported.`
    : null;
}

export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/**
 * Why JSON.parse failed, in words a reader can act on. A file cut short (an
 * interrupted download, a partial copy) is told apart from one that is not
 * JSON at all (an HTML page, a CSV) and from a syntax error inside.
 */
function describeJsonError(text: string, error: unknown): string {
  const start = text.trimStart();
  if (!/^[[{"\d-]|^(true|false|null)\b/.test(start)) {
    const shown = start.slice(0, 30).replace(/\s+/g, ' ');
    return `This is not a JSON file: it begins “${shown}${start.length > 30 ? '…' : ''}”.`;
  }
  const open = unclosed(text);
  if (open) return `The file is cut short: it ends inside ${open}. Was the download or copy complete?`;
  const engine = errorMessage(error);
  const where = locate(text, engine);
  return `This is not valid JSON${where ? ` (${where})` : ''}: ${engine.replace(/\s*\(?(at|in JSON at) (position|line).*$/, '')}.`;
}

/** What the text ends inside of ("a string", "an array", "an object"), or null if everything is closed. */
function unclosed(text: string): string | null {
  const stack: string[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) stack.push(ch === 0x7b ? 'an object' : 'an array');
    else if (ch === 0x7d || ch === 0x5d) stack.pop();
  }
  if (inString) return 'a string';
  return stack.length > 0 ? stack[stack.length - 1]! : null;
}

/** "line 3, column 5" from an engine's message: V8 gives a position, Firefox a line and column. */
function locate(text: string, message: string): string | null {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = /position (\d+)/.exec(message);
  if (!position) return null;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
