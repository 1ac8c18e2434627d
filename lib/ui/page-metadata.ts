/**
 * What a news page publishes about itself — its headline, outlet, author,
 * publication date and language — read from the page's own metadata, to
 * pre-fill the record of a passage a reader adds to their corpus.
 *
 * Sources, most specific first (a field is taken from the first that gives it):
 * 1. JSON-LD: the page's article object (NewsArticle, Article, BlogPosting,
 *    LiveBlogPosting, ReportageNewsArticle …), top-level, in an array or in
 *    an `@graph`; `headline`, `publisher.name`, `author[].name`, `datePublished`;
 * 2. Open Graph and article: (`og:title`, `og:site_name`, `article:published_time`,
 *    `article:author` when it is a name, not a profile URL);
 * 3. plain meta (`author`, `byl`, `pubdate`, `date`, `DC.date.issued`, `dc.publisher`,
 *    Parse.ly's `parsely-page` …);
 * 4. `<time itemprop="datePublished">`, then the first `<time datetime>` of
 *    the page's `<article>`; `<title>`; `<html lang>`.
 *
 * The date is the calendar date as the publisher wrote it (its own time zone),
 * never shifted to the reader's. Pure DOM reading: nothing is fetched.
 */
import type { PartialDate } from '../corpus/schema';

export interface PageMetadata {
  title?: string;
  outlet?: string;
  /** names as published, several joined with ", " */
  author?: string;
  date?: PartialDate;
  /** the primary language subtag of `<html lang>` (else JSON-LD `inLanguage`, `og:locale`): "en", "ko", "nb" */
  language?: string;
}

const ARTICLE_TYPE = /Article$|Posting$|^Report$/;

export function readPageMetadata(doc: Document): PageMetadata {
  const article = jsonLdArticle(doc);
  const meta = metaReader(doc);
  const parsely = parselyPage(meta('parsely-page'));
  const outlet = clean(nameOf(article?.publisher)) ?? meta('og:site_name') ?? meta('dc.publisher');
  const title = clean(stringOf(article?.headline)) ?? meta('og:title') ?? clean(doc.title);
  const date =
    dateOf(stringOf(article?.datePublished)) ??
    firstDate(meta('article:published_time'), meta('article:published'), meta('og:article:published_time')) ??
    firstDate(
      meta('pubdate'),
      meta('publishdate'),
      meta('date'),
      meta('dc.date.issued'),
      meta('dc.date'),
      meta('dcterms.date'),
      meta('sailthru.date'),
      meta('pdate'),
      stringOf(parsely?.pub_date),
    ) ??
    firstDate(timeDate(doc.querySelector('time[itemprop~="datePublished"][datetime]'))) ??
    firstDate(timeDate(doc.querySelector('article time[datetime]')));
  const author =
    joinNames(namesOf(article?.author)) ??
    joinNames(
      [
        ...meta.all('author'),
        ...meta.all('authors'),
        ...meta.all('article:author'),
        ...meta.all('article:authorname'),
        ...meta.all('byl'),
        ...namesOf(parsely?.author),
      ].filter((name) => !/^https?:|@|^\/\//i.test(name)),
    );
  // `<html lang>` first; a page without it may still say so in its article or Open Graph locale.
  const lang =
    clean(doc.documentElement.getAttribute('lang') ?? undefined) ??
    clean(doc.documentElement.getAttribute('xml:lang') ?? undefined) ??
    clean(stringOf(article?.inLanguage)) ??
    meta('og:locale') ??
    meta('language');
  const language = lang?.trim().split(/[-_]/)[0]?.toLowerCase() || undefined;
  return {
    ...(title !== undefined && { title }),
    ...(outlet !== undefined && { outlet }),
    // An outlet signing its own piece is its own voice, not an author.
    ...(author !== undefined && author !== outlet && { author }),
    ...(date !== undefined && { date }),
    ...(language !== undefined && { language }),
  };
}

// ---------------------------------------------------------------------------
// JSON-LD

type Json = Record<string, unknown>;

function jsonLdArticle(doc: Document): Json | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    // Some sites wrap the JSON in a CDATA section, commented out or not.
    const text = (script.textContent ?? '')
      .trim()
      .replace(/^(\/\/\s*)?<!\[CDATA\[/, '')
      .replace(/(\/\/\s*)?\]\]>$/, '');
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue; // a broken block on the page is the page's problem; try the next
    }
    for (const item of items(data)) {
      const types = ([] as unknown[]).concat(item['@type']).filter((t): t is string => typeof t === 'string');
      if (types.some((t) => ARTICLE_TYPE.test(t))) return item;
    }
  }
  return undefined;
}

/** Top-level objects: the block itself, each element of an array, each member of an `@graph`. */
function items(data: unknown): Json[] {
  if (Array.isArray(data)) return data.flatMap(items);
  if (typeof data !== 'object' || data === null) return [];
  const graph = (data as Json)['@graph'];
  return Array.isArray(graph) ? [data as Json, ...graph.flatMap(items)] : [data as Json];
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? decodeEntities(value) : undefined;
}

function nameOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return decodeEntities(first);
  // Some publishers give a name as an array of one (["Redaktion"]).
  if (typeof first === 'object' && first !== null) return nameOf((first as Json).name);
  return undefined;
}

function namesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.flatMap((v) => nameOf(v) ?? []);
}

/** Publishers escape HTML inside JSON-LD strings now and then (`&quot;` in a headline). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|apos|lt|gt|nbsp);/gi, (whole, code: string) => {
    const c = code.toLowerCase();
    if (c.startsWith('#x')) return String.fromCodePoint(parseInt(c.slice(2), 16));
    if (c.startsWith('#')) return String.fromCodePoint(parseInt(c.slice(1), 10));
    return NAMED[c] ?? whole;
  });
}
const NAMED: Record<string, string> = { quot: '"', amp: '&', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

// ---------------------------------------------------------------------------
// meta elements

/** Parse.ly's `<meta name="parsely-page" content="{…}">`: author and pub_date as JSON. */
function parselyPage(content: string | undefined): Json | undefined {
  if (content === undefined) return undefined;
  try {
    const data: unknown = JSON.parse(content);
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Json) : undefined;
  } catch {
    return undefined;
  }
}

interface MetaReader {
  (key: string): string | undefined;
  all(key: string): string[];
}

/** `<meta property|name|itemprop=key content|value=…>`, keys compared without case. */
function metaReader(doc: Document): MetaReader {
  const byKey = new Map<string, string[]>();
  for (const el of doc.querySelectorAll('meta')) {
    const value = clean(el.getAttribute('content') ?? el.getAttribute('value') ?? undefined);
    if (value === undefined) continue;
    for (const attr of ['property', 'name']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (!key) continue;
      const list = byKey.get(key) ?? [];
      list.push(value);
      byKey.set(key, list);
    }
  }
  const read = ((key: string) => byKey.get(key)?.[0]) as MetaReader;
  read.all = (key) => byKey.get(key) ?? [];
  return read;
}

function timeDate(el: Element | null): string | undefined {
  return el?.getAttribute('datetime') ?? undefined;
}

// ---------------------------------------------------------------------------
// values

function firstDate(...values: (string | undefined)[]): PartialDate | undefined {
  for (const v of values) {
    const d = dateOf(v);
    if (d !== undefined) return d;
  }
  return undefined;
}

/** The date part as written: 2019-01-03T02:00:02-0500 → 2019-01-03; 20180619T055000+0900 → 2018-06-19. */
function dateOf(value: string | undefined): PartialDate | undefined {
  const m = value?.trim().match(/^(\d{4})-?(\d{2})-?(\d{2})(?![\d])/);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return undefined;
  return `${y}-${mo}-${d}`;
}

function joinNames(names: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const raw of names) {
    const name = clean(raw.replace(/^by\s+/i, ''));
    if (name !== undefined) seen.add(name);
  }
  return seen.size > 0 ? [...seen].join(', ') : undefined;
}

function clean(text: string | undefined): string | undefined {
  // ASCII whitespace only: an ideographic space in a Japanese headline is the headline's.
  const t = text?.replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, '');
  return t ? t : undefined;
}
