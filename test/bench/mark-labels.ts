/**
 * Reader-judged labels of the real news pages (test/fixtures/marks/), and how
 * the marks Lens draws on a page are judged against them (the rules are in
 * test/fixtures/marks/README.md), shared by `npm run bench:marks` and
 * the unit test that keeps the label files honest, and `test/e2e/real-pages.e2e.ts`,
 * which holds Lens to them in both browsers. `fullScan` and `readMarks` run in
 * the page (passed to `evaluate`): each must stay self-contained.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeIssue, formatPath, z } from '../../lib/zod';

export const LABELS_DIR = resolve('test/fixtures/marks');

/** Label groups and the folder of ../shared/pages/ each one labels. */
export const GROUPS = { pages: '', nk: 'nk' } as const;
export type Group = keyof typeof GROUPS;

const mention = z.object({
  /** the mention as printed: the whole word a reader sees */
  text: z.string().min(1).max(120),
  /** a verbatim snippet within 80 characters before or after the mention, telling it from others */
  context: z.string().min(3).max(40),
  /** how many occurrences this entry stands for */
  n: z.number().int().min(1).max(50).optional(),
});

export const labelFileSchema = z
  .object({
    page: z.string().regex(/^(nk\/)?[\w.-]+\.html$/, 'a path under ../shared/pages/'),
    lang: z.string().regex(/^[a-z]{2}$/, 'a two-letter language code'),
    relevant: z.boolean(),
    why: z.string().min(3).max(200),
    want: z.array(mention.extend({ entity: z.string().regex(/^e-[a-z0-9-]+$/, 'a corpus entity id') })),
    never: z.array(mention),
  })
  .strict();

export type LabelFile = z.infer<typeof labelFileSchema>;
export type Want = LabelFile['want'][number];
export type Never = LabelFile['never'][number];

/** One mark the reader sees: its text and the visible text around it (up to 80 characters each side). */
export interface SeenMark {
  text: string;
  before: string;
  after: string;
  /** the nearest navigation/header/footer/aside element around it, if any (a hint for whoever reads the report) */
  region?: string;
}

export interface LabelledPage {
  /** label file, relative to the project */
  labelFile: string;
  labels: LabelFile;
}

/** Every label file, parsed; a file that does not validate throws, naming the file and the problem. */
export function readLabels(dir = LABELS_DIR): LabelledPage[] {
  const out: LabelledPage[] = [];
  for (const group of Object.keys(GROUPS) as Group[]) {
    const folder = join(dir, group);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const labelFile = join('test/fixtures/marks', group, file);
      const json: unknown = JSON.parse(readFileSync(join(folder, file), 'utf8'));
      const parsed = labelFileSchema.safeParse(json);
      if (!parsed.success) {
        const lines = parsed.error.issues.map((issue) => {
          const { path, message } = describeIssue(issue, json);
          return `${formatPath(path)}: ${message}`;
        });
        throw new Error(`${labelFile}: ${lines.join('; ')}`);
      }
      out.push({ labelFile, labels: parsed.data });
    }
  }
  return out;
}

/** The label file a page should have: `<group>/<page file stem>.json`. */
export function labelPathFor(page: string): string {
  const group: Group = page.startsWith('nk/') ? 'nk' : 'pages';
  return `${group}/${page.replace(/^nk\//, '').replace(/\.html$/, '')}.json`;
}

/** NFKC, case-folded, curly quotes straightened, whitespace collapsed. */
export function normalise(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** For finding a context snippet: normalised, without any whitespace (text from separate blocks joins without a space in one reading and with one in another). */
export function squeeze(s: string): string {
  return normalise(s).replace(/\s+/g, '');
}

const HANGUL = /[\uac00-\ud7a3]/;

/** Leading and trailing punctuation is not part of a mention ("U.S." is marked as "U.S"). */
const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/**
 * Whether a mark's text is the entry's: equal but for punctuation at either
 * end, or for Korean either a prefix of the other (a mark may leave out the
 * particle).
 */
export function sameMention(markText: string, entryText: string): boolean {
  const a = normalise(markText).replace(EDGE_PUNCTUATION, '');
  const b = normalise(entryText).replace(EDGE_PUNCTUATION, '');
  if (a === b) return true;
  return HANGUL.test(b) && HANGUL.test(a) && (a.startsWith(b) || b.startsWith(a));
}

function matches(mark: SeenMark, entry: { text: string; context: string }): boolean {
  return (
    sameMention(mark.text, entry.text) && squeeze(mark.before + mark.text + mark.after).includes(squeeze(entry.context))
  );
}

export interface Judgement {
  marks: number;
  /** wanted mentions (sum of n) */
  wanted: number;
  /** wanted mentions that got their mark */
  found: number;
  /** marks that are wanted mentions */
  correct: number;
  /** marks that match a `never` entry */
  wrong: SeenMark[];
  /** marks no label speaks of */
  unlabelled: SeenMark[];
  /** wanted entries (one per missing occurrence) without their mark */
  missed: Want[];
}

/**
 * Judges the marks on one page against its labels. Each `want` entry stands
 * for `n` occurrences and takes at most that many marks; marks and entries are
 * paired so that as many marks as possible are wanted ones (a maximum
 * matching: one mark that fits two entries never starves a second mark that
 * fits only one of them).
 */
export function judge(labels: LabelFile, marks: readonly SeenMark[]): Judgement {
  const slots: Want[] = labels.want.flatMap((w) => Array.from({ length: w.n ?? 1 }, () => w));
  const fits = marks.map((m) => slots.flatMap((w, i) => (matches(m, w) ? [i] : [])));
  const slotOf = new Array<number>(marks.length).fill(-1);
  const markOf = new Array<number>(slots.length).fill(-1);
  const augment = (m: number, seen: Set<number>): boolean => {
    for (const s of fits[m]!) {
      if (seen.has(s)) continue;
      seen.add(s);
      if (markOf[s] === -1 || augment(markOf[s]!, seen)) {
        markOf[s] = m;
        slotOf[m] = s;
        return true;
      }
    }
    return false;
  };
  for (let m = 0; m < marks.length; m++) augment(m, new Set());
  const wrong: SeenMark[] = [];
  const unlabelled: SeenMark[] = [];
  marks.forEach((m, i) => {
    if (slotOf[i] !== -1) return;
    (labels.never.some((n) => matches(m, n)) ? wrong : unlabelled).push(m);
  });
  const correct = slotOf.filter((s) => s !== -1).length;
  return {
    marks: marks.length,
    wanted: slots.length,
    found: correct,
    correct,
    wrong,
    unlabelled,
    missed: slots.filter((_, i) => markOf[i] === -1),
  };
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '\u2019',
  lsquo: '\u2018',
  rdquo: '\u201d',
  ldquo: '\u201c',
  mdash: '\u2014',
  ndash: '\u2013',
  hellip: '\u2026',
  middot: '\u00b7',
  laquo: '\u00ab',
  raquo: '\u00bb',
  eacute: '\u00e9',
  egrave: '\u00e8',
  agrave: '\u00e0',
  ccedil: '\u00e7',
  ouml: '\u00f6',
  uuml: '\u00fc',
  auml: '\u00e4',
  szlig: '\u00df',
  copy: '\u00a9',
};

/**
 * The text of a page's HTML as a reader could see it, roughly: the markup,
 * scripts, styles and comments left out, character references decoded. For
 * checking that a label's context snippet is on the page (whitespace is not
 * compared), not for judging marks — the bench reads those from the browser.
 */
export function pageText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, ref: string) => {
      if (ref[0] === '#') {
        const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[ref.toLowerCase()] ?? whole;
    });
}

export type ScanState = 'scanned' | 'emptied';

/** Runs in the page: whether Lens's full scan is done ('emptied' for a page that wiped its own document, as The Mirror's does here). */
export function fullScan(): ScanState | null {
  if (performance.getEntriesByName('rdl:scan').some((e) => (e as PerformanceMeasure).detail?.kind === 'full')) {
    return 'scanned';
  }
  return document.readyState === 'complete' && !document.body?.textContent?.trim() ? 'emptied' : null;
}

/**
 * Runs in the page: every mark of every `rdl-*` highlight but saved ones that
 * a reader can see (it has a box on the page), with up to 80 characters of
 * the page's text each side; and how many marks are on text not shown (a
 * closed menu, a hidden template), which a reader does not see.
 */
export function readMarks(): { seen: SeenMark[]; hidden: number } {
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'RDL-UI']);
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => {
      for (let e = n.parentElement; e; e = e.parentElement) if (SKIP.has(e.tagName)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const parts: string[] = [];
  const starts = new Map<Node, number>();
  let length = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    starts.set(n, length);
    parts.push((n as Text).data);
    length += (n as Text).data.length;
  }
  const full = parts.join('');
  const collapse = (s: string) => s.replace(/\s+/g, ' ');
  const at = (node: Node, offset: number) => {
    const start = starts.get(node);
    return start === undefined ? -1 : start + offset;
  };
  const shown = (r: AbstractRange) => {
    const element = r.startContainer.parentElement;
    if (!element || getComputedStyle(element).visibility !== 'visible') return false;
    const live = document.createRange();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    return [...live.getClientRects()].some((box) => box.width > 0 && box.height > 0);
  };
  const out: SeenMark[] = [];
  let hidden = 0;
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('rdl-') || name.startsWith('rdl-saved-')) continue;
    for (const range of highlight as unknown as Iterable<AbstractRange>) {
      if (!shown(range)) {
        hidden++;
        continue;
      }
      const start = at(range.startContainer, range.startOffset);
      const end = at(range.endContainer, range.endOffset);
      const element = range.startContainer.parentElement;
      const region = element?.closest(
        'nav, header, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]',
      );
      const where = region
        ? `${region.tagName.toLowerCase()}${region.id ? `#${region.id}` : ''}${region.getAttribute('role') ? `[role=${region.getAttribute('role')}]` : ''}`
        : undefined;
      if (start < 0 || end < start) {
        const text = range.startContainer.textContent?.slice(range.startOffset, range.endOffset) ?? '';
        out.push({ text, before: '', after: '', region: where });
        continue;
      }
      out.push({
        text: full.slice(start, end),
        before: collapse(full.slice(Math.max(0, start - 400), start)).slice(-80),
        after: collapse(full.slice(end, end + 400)).slice(0, 80),
        region: where,
      });
    }
  }
  return { seen: out, hidden };
}
