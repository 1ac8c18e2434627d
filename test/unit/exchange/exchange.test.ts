import { describe, expect, test } from 'vitest';
import type { HighlightRow } from '../../../lib/db/schema';
import { parseAnnotationImport } from '../../../lib/exchange/import';
import { toMarkdown } from '../../../lib/exchange/markdown-export';
import { toWebAnnotations } from '../../../lib/exchange/web-annotation-export';
import { UNKNOWN_POSITION } from '../../../lib/anchoring/selectors';

const TREATY: HighlightRow = {
  id: '3f2a8c1e-0b7d-4e55-9a61-2c4d8e9f1a0b',
  url: 'https://example.org/news/treaty',
  title: 'Russia and North Korea sign a treaty',
  quote: {
    type: 'TextQuoteSelector',
    exact: 'provide military assistance',
    prefix: 'obliges each side to ',
    suffix: ' if the other is attacked',
  },
  position: { type: 'TextPositionSelector', start: 120, end: 147 },
  note: 'Article 4 of the treaty.',
  colour: 'yellow',
  entityIds: ['russia', 'dprk'],
  createdAt: Date.UTC(2024, 5, 19, 10, 20),
  updatedAt: Date.UTC(2024, 5, 20, 8, 0),
};

const KURSK: HighlightRow = {
  id: 'h1',
  url: 'https://example.org/news/kursk',
  title: 'Troops in Kursk',
  quote: { type: 'TextQuoteSelector', exact: 'North Korean troops', prefix: '', suffix: ' were reported' },
  position: UNKNOWN_POSITION,
  note: '',
  colour: '#ffd400',
  entityIds: [],
  createdAt: Date.UTC(2024, 10, 1, 12, 0),
  updatedAt: Date.UTC(2024, 10, 1, 12, 0),
};

const COLLECTION = '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection"';

/** An annotation as other tools write it, with `overrides` merged in. */
function annotation(overrides: Record<string, unknown> = {}) {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'http://example.org/anno/1',
    type: 'Annotation',
    created: '2024-06-19T10:20:00Z',
    body: { type: 'TextualBody', value: 'Worth rereading.' },
    target: {
      source: 'https://example.org/news/treaty?utm_source=x#top',
      selector: { type: 'TextQuoteSelector', exact: 'provide military assistance', prefix: 'to ', suffix: ' if' },
    },
    ...overrides,
  };
}

describe('toWebAnnotations', () => {
  test('one annotation per highlight in an AnnotationCollection', () => {
    expect(toWebAnnotations([TREATY])).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      label: 'RU–DPRK Lens highlights',
      total: 1,
      first: {
        type: 'AnnotationPage',
        startIndex: 0,
        items: [
          {
            id: 'urn:uuid:3f2a8c1e-0b7d-4e55-9a61-2c4d8e9f1a0b',
            type: 'Annotation',
            motivation: 'highlighting',
            created: '2024-06-19T10:20:00.000Z',
            modified: '2024-06-20T08:00:00.000Z',
            body: [
              { type: 'TextualBody', purpose: 'commenting', value: 'Article 4 of the treaty.', format: 'text/plain' },
              { type: 'TextualBody', purpose: 'tagging', value: 'russia' },
              { type: 'TextualBody', purpose: 'tagging', value: 'dprk' },
            ],
            stylesheet: { type: 'CssStylesheet', value: '.rdl-yellow { background-color: yellow; }' },
            target: {
              type: 'SpecificResource',
              source: 'https://example.org/news/treaty',
              'dc:title': 'Russia and North Korea sign a treaty',
              styleClass: 'rdl-yellow',
              selector: [
                {
                  type: 'TextQuoteSelector',
                  exact: 'provide military assistance',
                  prefix: 'obliges each side to ',
                  suffix: ' if the other is attacked',
                },
                { type: 'TextPositionSelector', start: 120, end: 147 },
              ],
            },
          },
        ],
      },
    });
  });

  test('a highlight without note or entities has no body; an unknown position is left out', () => {
    const [item] = toWebAnnotations([KURSK]).first?.items ?? [];
    expect(item?.body).toBeUndefined();
    expect(item?.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'North Korean troops', prefix: '', suffix: ' were reported' },
    ]);
    expect(item?.stylesheet).toEqual({ type: 'CssStylesheet', value: '.rdl-ffd400 { background-color: #ffd400; }' });
  });

  test('a colour that is not a colour name or hex is not written into CSS', () => {
    const [item] =
      toWebAnnotations([{ ...KURSK, colour: 'red; background: url(https://evil.example)' }]).first?.items ?? [];
    expect(item?.stylesheet).toBeUndefined();
    expect(item?.target.styleClass).toBeUndefined();
  });

  test.each([
    ['h1', 'urn:rdl-lens:highlight:h1'],
    ['my note/1', 'urn:rdl-lens:highlight:my%20note%2F1'],
    ['https://hypothes.is/a/AbC123', 'https://hypothes.is/a/AbC123'],
    ['3F2A8C1E-0B7D-4E55-9A61-2C4D8E9F1A0B', 'urn:uuid:3F2A8C1E-0B7D-4E55-9A61-2C4D8E9F1A0B'],
  ])('the id %s is exported as the IRI %s', (id, iri) => {
    expect(toWebAnnotations([{ ...KURSK, id }]).first?.items[0]?.id).toBe(iri);
  });

  test('no highlights: a collection without pages', () => {
    expect(toWebAnnotations([])).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      label: 'RU–DPRK Lens highlights',
      total: 0,
    });
  });
});

describe('parseAnnotationImport', () => {
  test('our own export comes back as the same rows', () => {
    const file = JSON.stringify(toWebAnnotations([TREATY, KURSK]), null, 2);
    expect(parseAnnotationImport(file, file.length)).toEqual({ ok: true, rows: [TREATY, KURSK], skipped: [] });
  });

  test('importing the same file twice gives the same ids', () => {
    const file = JSON.stringify([
      annotation({ id: undefined }),
      annotation({ id: undefined, created: '2024-06-20T10:20:00Z' }),
    ]);
    const first = parseAnnotationImport(file);
    const second = parseAnnotationImport(file);
    if (!first.ok || !second.ok) throw new Error('expected both imports to succeed');
    expect(first.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));
    expect(first.rows[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.rows[0]?.id).not.toBe(first.rows[1]?.id);
  });

  test('a Web Annotation from another tool', () => {
    expect(parseAnnotationImport(JSON.stringify(annotation()), undefined, 1_000)).toEqual({
      ok: true,
      skipped: [],
      rows: [
        {
          id: 'http://example.org/anno/1',
          url: 'https://example.org/news/treaty',
          title: '',
          quote: { type: 'TextQuoteSelector', exact: 'provide military assistance', prefix: 'to ', suffix: ' if' },
          position: UNKNOWN_POSITION,
          note: 'Worth rereading.',
          colour: 'yellow',
          entityIds: [],
          createdAt: Date.UTC(2024, 5, 19, 10, 20),
          updatedAt: Date.UTC(2024, 5, 19, 10, 20),
        },
      ],
    });
  });

  test.each([
    ['an AnnotationPage', { type: 'AnnotationPage', items: [annotation()] }],
    ['a plain array', [annotation()]],
    [
      'a target whose source is an object',
      annotation({
        target: {
          source: { id: 'https://example.org/news/treaty' },
          selector: [{ type: 'TextQuoteSelector', exact: 'provide military assistance' }],
        },
      }),
    ],
  ])('%s is read', (_, data) => {
    const result = parseAnnotationImport(JSON.stringify(data));
    expect(result.ok && result.rows.map((r) => [r.url, r.quote.exact])).toEqual([
      ['https://example.org/news/treaty', 'provide military assistance'],
    ]);
  });

  test('an annotation without a date is dated now', () => {
    const result = parseAnnotationImport(
      JSON.stringify(annotation({ created: undefined })),
      undefined,
      1_700_000_000_000,
    );
    expect(result.ok && [result.rows[0]?.createdAt, result.rows[0]?.updatedAt]).toEqual([
      1_700_000_000_000, 1_700_000_000_000,
    ]);
  });

  describe('Hypothesis', () => {
    const highlight = {
      id: 'AbC123',
      created: '2023-05-01T10:20:30.123456+00:00',
      updated: '2023-05-02T08:00:00.000000+00:00',
      uri: 'https://example.org/news/treaty?utm_medium=email&id=7#annotations:AbC123',
      text: 'Compare with the 1961 treaty.',
      tags: ['treaty'],
      document: { title: ['Russia and North Korea sign a treaty'] },
      target: [
        {
          source: 'https://example.org/news/treaty?id=7',
          selector: [
            {
              type: 'RangeSelector',
              startContainer: '/div[1]/p[2]',
              startOffset: 0,
              endContainer: '/div[1]/p[2]',
              endOffset: 27,
            },
            { type: 'TextPositionSelector', start: 1530, end: 1557 },
            {
              type: 'TextQuoteSelector',
              exact: 'provide military assistance',
              prefix: 'each side to ',
              suffix: ' if the other',
            },
          ],
        },
      ],
    };
    const pageNote = {
      id: 'PgN0te',
      uri: 'https://example.org/news/treaty',
      text: 'A page note',
      target: [{ source: 'https://example.org/news/treaty' }],
    };
    const reply = { ...highlight, id: 'R3ply', references: ['AbC123'], text: 'I agree' };

    const expected: HighlightRow = {
      id: 'https://hypothes.is/a/AbC123',
      url: 'https://example.org/news/treaty?id=7',
      title: 'Russia and North Korea sign a treaty',
      quote: {
        type: 'TextQuoteSelector',
        exact: 'provide military assistance',
        prefix: 'each side to ',
        suffix: ' if the other',
      },
      position: { type: 'TextPositionSelector', start: 1530, end: 1557 },
      note: 'Compare with the 1961 treaty.',
      colour: 'yellow',
      entityIds: [],
      createdAt: Date.UTC(2023, 4, 1, 10, 20, 30, 123),
      updatedAt: Date.UTC(2023, 4, 2, 8, 0),
    };

    test('its export file: highlights are read, page notes and replies skipped', () => {
      const file = {
        export_date: '2024-01-01T00:00:00Z',
        export_userid: 'acct:reader@hypothes.is',
        client_version: '1.1500.0',
        annotations: [highlight, pageNote, reply],
      };
      expect(parseAnnotationImport(JSON.stringify(file))).toEqual({
        ok: true,
        rows: [expected],
        skipped: ['item 2: a page note, with no quoted text', 'item 3: a reply, not a highlight'],
      });
    });

    test('its API search result', () => {
      expect(parseAnnotationImport(JSON.stringify({ total: 1, rows: [highlight] }))).toEqual({
        ok: true,
        rows: [expected],
        skipped: [],
      });
    });

    test('a row without an id gets one derived from its content', () => {
      const file = JSON.stringify({ total: 1, rows: [{ ...highlight, id: undefined }] });
      const first = parseAnnotationImport(file);
      const again = parseAnnotationImport(file);
      expect(first.ok && first.rows[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(first.ok && first.rows[0]?.id).toBe(again.ok && again.rows[0]?.id);
    });

    test('a file of page notes only', () => {
      expect(parseAnnotationImport(JSON.stringify({ rows: [pageNote, pageNote] }))).toEqual({
        ok: false,
        error: 'The file has no highlights: its 2 annotations have no quoted text (page notes or replies).',
      });
    });

    test('a bad selector in a row', () => {
      const bad = { ...highlight, target: [{ selector: [{ type: 'TextQuoteSelector', exact: '' }] }] };
      expect(parseAnnotationImport(JSON.stringify({ rows: [bad] }))).toEqual({
        ok: false,
        error: 'Nothing was imported: the file has a problem.\nitem 1: target[0].selector[0].exact: the quote is empty',
      });
    });
  });

  describe('a file that cannot be imported changes nothing and says why', () => {
    test.each([
      ['an empty file', '', 'The file is empty.'],
      ['a file of white space', '  \n ', 'The file is empty.'],
      [
        'an HTML page',
        '<!DOCTYPE html><html><head><title>x</title>',
        'This is not a JSON file: it begins “<!DOCTYPE html><html><head><ti…”.',
      ],
      [
        'a CSV file',
        'url,quote\nhttps://example.org',
        'This is not a JSON file: it begins “url,quote https://example.org”.',
      ],
      [
        'a file cut short inside the list',
        `${COLLECTION}, "first": {"items": [`,
        'The file is cut short: it ends inside an array. Was the download or copy complete?',
      ],
      [
        'a file cut short inside a string',
        '[{"id": "urn:uuid:12',
        'The file is cut short: it ends inside a string. Was the download or copy complete?',
      ],
      [
        'JSON that is not annotations',
        '{"settings": {"theme": "dark"}}',
        'This JSON is not a highlights export: expected W3C Web Annotations (an AnnotationCollection, a page or a list of annotations) or a Hypothesis export.',
      ],
      [
        'a number',
        '42',
        'This JSON is not a highlights export: expected W3C Web Annotations (an AnnotationCollection, a page or a list of annotations) or a Hypothesis export.',
      ],
      [
        'the 2013 Open Annotation format',
        '{"@context": "http://www.w3.org/ns/oa-context-20130208.json", "@type": "oa:Annotation"}',
        '@context "http://www.w3.org/ns/oa-context-20130208.json" is the older Open Annotation format; only Web Annotation ("http://www.w3.org/ns/anno.jsonld") can be imported.',
      ],
      [
        'another JSON-LD vocabulary',
        '{"@context": "https://schema.org", "type": "Annotation"}',
        '@context "https://schema.org" is not Web Annotation; expected "http://www.w3.org/ns/anno.jsonld".',
      ],
      ['an empty list', '[]', 'The file contains no annotations.'],
      ['an empty collection', `${COLLECTION}, "total": 0}`, 'The file contains no annotations.'],
      [
        'a collection whose page is a link',
        `${COLLECTION}, "total": 3, "first": "https://example.org/annotations?page=0"}`,
        'The collection’s pages are not in the file (first is a link, not an embedded AnnotationPage).',
      ],
    ])('%s', (_, json, error) => {
      expect(parseAnnotationImport(json)).toEqual({ ok: false, error });
    });

    test('a file over 50 MB is refused before it is read', () => {
      expect(parseAnnotationImport('{', 60 * 1024 * 1024)).toEqual({
        ok: false,
        error: 'The file is 60 MB; files over 50 MB are not imported.',
      });
    });

    test('a syntax error names its line and column', () => {
      const result = parseAnnotationImport('[\n  {"id": "a",}\n]');
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(/^This is not valid JSON \(line 2, column \d+\): /);
    });

    const noQuote = annotation({
      target: { source: 'https://example.org/a', selector: { type: 'FragmentSelector', value: 'p2' } },
    });

    test.each([
      [
        'the third item has no quote',
        [annotation(), annotation({ id: 'http://example.org/anno/2' }), noQuote],
        'item 3: target.selector: no TextQuoteSelector',
      ],
      [
        'a quote that is a number',
        [
          annotation({
            target: { source: 'https://example.org/a', selector: [{ type: 'TextQuoteSelector', exact: 5 }] },
          }),
        ],
        'item 1: target.selector[0].exact: expected text, got the number 5',
      ],
      [
        'a date that is not a date',
        [annotation({ created: 'yesterday' })],
        'item 1: created: expected a date and time like 2024-06-19T10:20:00Z',
      ],
      [
        'an impossible date',
        [annotation({ created: '2024-13-45T10:20:00Z' })],
        'item 1: created: not a real date and time',
      ],
      [
        'a position that ends before it starts',
        [
          annotation({
            target: {
              source: 'https://example.org/a',
              selector: [
                { type: 'TextQuoteSelector', exact: 'quote' },
                { type: 'TextPositionSelector', start: 9, end: 3 },
              ],
            },
          }),
        ],
        'item 1: target.selector[1].end: start is after end',
      ],
      [
        'a negative position',
        [
          annotation({
            target: {
              source: 'https://example.org/a',
              selector: [
                { type: 'TextQuoteSelector', exact: 'q' },
                { type: 'TextPositionSelector', start: -1, end: 3 },
              ],
            },
          }),
        ],
        'item 1: target.selector[1].start: expected 0 or more',
      ],
      ['no target', [annotation({ target: undefined })], 'item 1: target: is required'],
      ['no type', [annotation({ type: undefined })], 'item 1: type: is required'],
      [
        'another type',
        [annotation({ type: 'Bookmark' })],
        'item 1: type: expected "Annotation", got the text "Bookmark"',
      ],
      [
        'a target that is the whole page',
        [annotation({ target: 'https://example.org/a' })],
        'item 1: target: the whole page, not a quote in it (no TextQuoteSelector)',
      ],
      [
        'a source that is not a URL',
        [annotation({ target: { source: 'a page', selector: { type: 'TextQuoteSelector', exact: 'q' } } })],
        'item 1: target.source: not a web address ("a page")',
      ],
      [
        'a source that is a script',
        [
          annotation({
            target: { source: 'javascript:alert(1)', selector: { type: 'TextQuoteSelector', exact: 'q' } },
          }),
        ],
        'item 1: target.source: not a web address ("javascript:alert(1)")',
      ],
      [
        'a quote of only white space',
        [
          annotation({
            target: { source: 'https://example.org/a', selector: { type: 'TextQuoteSelector', exact: ' \n ' } },
          }),
        ],
        'item 1: target.selector.exact: the quote is empty',
      ],
      [
        'a note that is not text',
        [annotation({ body: [{ type: 'TextualBody', value: 3 }] })],
        'item 1: body[0].value: expected text, got the number 3',
      ],
      [
        'the same id twice',
        [annotation(), annotation()],
        'item 2: id: the same as item 1’s (http://example.org/anno/1)',
      ],
    ])('%s', (_, items, problem) => {
      expect(parseAnnotationImport(JSON.stringify(items))).toEqual({
        ok: false,
        error: `Nothing was imported: the file has a problem.\n${problem}`,
      });
    });

    test('every problem is listed, up to ten', () => {
      const items = Array.from({ length: 12 }, (_, i) =>
        i % 2 === 0
          ? annotation({ id: `http://example.org/anno/${i}` })
          : annotation({ id: `http://example.org/anno/${i}`, created: 'soon' }),
      );
      const result = parseAnnotationImport(JSON.stringify(items));
      expect(result).toEqual({
        ok: false,
        error: [
          'Nothing was imported: the file has 6 problems.',
          'item 2: created: expected a date and time like 2024-06-19T10:20:00Z',
          'item 4: created: expected a date and time like 2024-06-19T10:20:00Z',
          'item 6: created: expected a date and time like 2024-06-19T10:20:00Z',
          'item 8: created: expected a date and time like 2024-06-19T10:20:00Z',
          'item 10: created: expected a date and time like 2024-06-19T10:20:00Z',
          'item 12: created: expected a date and time like 2024-06-19T10:20:00Z',
        ].join('\n'),
      });
    });
  });
});

describe('toMarkdown', () => {
  const KIM: HighlightRow = {
    ...TREATY,
    id: 'm2',
    quote: { type: 'TextQuoteSelector', exact: 'Moscow and Pyongyang\n\n    signed', prefix: '', suffix: ' a' },
    position: { type: 'TextPositionSelector', start: 0, end: 30 },
    note: '',
    colour: 'green',
    entityIds: [],
    createdAt: Date.UTC(2024, 5, 19, 10, 0),
    updatedAt: Date.UTC(2024, 5, 21, 9, 5),
  };
  const TROOPS: HighlightRow = {
    ...KURSK,
    url: 'https://example.org/kursk?id=(1)',
    title: '',
    quote: { type: 'TextQuoteSelector', exact: 'troops *were* <b>reported</b>', prefix: '', suffix: '' },
    note: '# not a heading\nsecond line',
    entityIds: ['kursk', 'unknown-id'],
  };
  const labels = { russia: 'Russia', dprk: 'North Korea', kursk: 'Kursk Oblast' };

  test('grouped by page, most recently updated first; highlights in reading order', () => {
    expect(toMarkdown([TREATY, TROOPS, KIM], labels)).toBe(
      [
        '# RU–DPRK Lens highlights',
        '',
        '## [https://example.org/kursk?id=(1)](<https://example.org/kursk?id=(1)>)',
        '',
        '> troops \\*were\\* \\<b\\>reported\\</b\\>',
        '',
        '**Note:** \\# not a heading  ',
        'second line',
        '',
        'Colour: #ffd400 · Entities: Kursk Oblast, unknown-id · Saved 2024-11-01 12:00 UTC',
        '',
        '## [Russia and North Korea sign a treaty](https://example.org/news/treaty)',
        '',
        '> Moscow and Pyongyang',
        '>',
        '> signed',
        '',
        'Colour: green · Saved 2024-06-19 10:00 UTC · updated 2024-06-21 09:05 UTC',
        '',
        '> provide military assistance',
        '',
        '**Note:** Article 4 of the treaty.',
        '',
        'Colour: yellow · Entities: Russia, North Korea · Saved 2024-06-19 10:20 UTC · updated 2024-06-20 08:00 UTC',
        '',
      ].join('\n'),
    );
  });

  test('no highlights', () => {
    expect(toMarkdown([], {})).toBe('# RU–DPRK Lens highlights\n\nNo highlights yet.\n');
  });
});
