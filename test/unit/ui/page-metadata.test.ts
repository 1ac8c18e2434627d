// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readPageMetadata } from '../../../lib/ui/page-metadata';
import { PAGE_METADATA_LABELS } from '../../fixtures/page-metadata-labels';

// The real pages, read where they live (never copied into the project).
const PAGES = resolve(process.env.RDL_SHARED_PAGES ?? '../shared/pages');

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('readPageMetadata on the real pages', () => {
  test.each(PAGE_METADATA_LABELS)('$file', ({ file, note: _note, ...expected }) => {
    const doc = parse(readFileSync(resolve(PAGES, file), 'utf8'));
    expect(readPageMetadata(doc)).toEqual(expected);
  });
});

describe('readPageMetadata precedence', () => {
  const head = (inner: string, lang = 'en') => parse(`<html lang="${lang}"><head>${inner}</head><body></body></html>`);

  test('a JSON-LD article in an @graph wins over Open Graph', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', name: 'Page' },
        {
          '@type': ['NewsArticle'],
          headline: 'From the graph',
          datePublished: '2024-06-19T23:30:00+09:00',
          author: [{ '@type': 'Person', name: 'A. Writer' }, 'B. Writer'],
          publisher: { '@type': 'Organization', name: 'Graph Times' },
        },
      ],
    });
    const doc = head(
      `<meta property="og:title" content="From OG"><meta property="og:site_name" content="OG Site">` +
        `<meta property="article:published_time" content="2024-06-18"><script type="application/ld+json">${ld}</script>`,
    );
    expect(readPageMetadata(doc)).toEqual({
      title: 'From the graph',
      outlet: 'Graph Times',
      author: 'A. Writer, B. Writer',
      date: '2024-06-19',
      language: 'en',
    });
  });

  test('a broken JSON-LD block is skipped; meta, then <time>, then <title> fill in', () => {
    const doc = parse(
      `<html lang="ru-RU"><head><title>Из title</title><script type="application/ld+json">{oops</script>` +
        `<meta name="author" content="https://example.org/profile"><meta name="byl" content="By Иван Петров"></head>` +
        `<body><article><time datetime="2025-07-12">12 июля</time></article></body></html>`,
    );
    expect(readPageMetadata(doc)).toEqual({
      title: 'Из title',
      author: 'Иван Петров',
      date: '2025-07-12',
      language: 'ru',
    });
  });

  test('a date that is not a date is not read', () => {
    const doc = head(
      `<meta property="article:published_time" content="2024-13-40"><meta name="date" content="yesterday">`,
    );
    expect(readPageMetadata(doc).date).toBeUndefined();
  });
});
