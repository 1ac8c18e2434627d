import { describe, expect, test } from 'vitest';
import { buildCorpusBundle } from '../../../build/corpus-plugin';
import { diffPacks, isEmptyDiff } from '../../../lib/corpus/pack-diff';
import { addPassage, newReadingPack, removeClaim, slug, type PassageDraft } from '../../../lib/corpus/reading-pack';
import type { Pack } from '../../../lib/corpus/schema';
import { validatePack } from '../../../lib/corpus/validate';

const base = buildCorpusBundle('data').records;

const passage = (exact: string, url = 'https://news.example/a'): PassageDraft => ({
  page: { url, title: 'A page', outlet: 'Example Daily', date: '2026-12-04', language: 'en' },
  quote: { type: 'TextQuoteSelector', exact, prefix: 'Before. ', suffix: ' After.' },
  position: { type: 'TextPositionSelector', start: 10, end: 10 + exact.length },
  speaker: { kind: 'new', name: 'Jane Doe', role: 'analyst', personKind: 'expert' },
  text: `Jane Doe says: ${exact}.`,
  entityIds: ['e-russia'],
});

function packWith(...drafts: PassageDraft[]): Pack {
  let pack = newReadingPack('t1');
  for (const d of drafts) pack = addPassage(pack, d, base, '2026-12-05').pack;
  return pack;
}

describe('addPassage', () => {
  test('quotes of two pages and three passages are each verbatim at their spans, and the pack validates', () => {
    const pack = packWith(
      passage('First words'),
      passage('Second words'),
      passage('Third words', 'https://news.example/b'),
    );
    expect(pack.sources.map((s) => s.url)).toEqual(['https://news.example/a', 'https://news.example/b']);
    for (const c of pack.claims) {
      const source = pack.sources.find((s) => s.id === c.sourceId)!;
      expect(pack.texts[source.file]!.slice(...c.span)).toBe(c.quote);
    }
    expect(validatePack(pack, base)).toMatchObject({ ok: true });
  });

  test('ids are namespaced by the pack', () => {
    const pack = packWith(passage('First words'));
    expect(pack.id).toBe('mine-t1');
    expect(pack.claims.map((c) => c.id)).toEqual(['c-mine-t1-001']);
    expect(pack.people.map((p) => p.id)).toEqual(['p-mine-t1-example-daily', 'p-mine-t1-jane-doe']);
    expect(pack.entities.map((e) => e.id)).toEqual(['e-mine-t1-jane-doe']);
  });
});

describe('a page in another language than Lens marks names in', () => {
  test('keeps its own language; a new name from it is matched as written', () => {
    const draft = passage('Das Bündnis ist real');
    draft.page.language = 'de';
    const pack = packWith(draft);
    expect(pack.sources[0]!.language).toBe('de');
    expect(pack.entities[0]!.aliases).toEqual([{ text: 'Jane Doe', lang: 'en', ambiguous: true }]);
    expect(validatePack(pack, base)).toMatchObject({ ok: true });
  });

  test('a language code no browser can name is refused', () => {
    const draft = passage('Words');
    draft.page.language = 'xx';
    const result = validatePack(packWith(draft), base);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.map((i) => `${i.field}: ${i.message}`)).toContain(
        'language: is not a language code (ISO 639) that Lens can name',
      );
  });
});

describe('the validator guards reader claims', () => {
  test.each<[string, (pack: Pack) => void, RegExp]>([
    [
      'a passage that is not the quote',
      (p) => (p.claims[0]!.passage!.quote.exact = 'Other words'),
      /passage selected on the page is not the claim’s quote/,
    ],
    [
      'a passage on another page than its source',
      (p) => (p.claims[0]!.passage!.url = 'https://elsewhere.example/'),
      /the passage is on https:\/\/elsewhere\.example\//,
    ],
    [
      'a reversed position',
      (p) => (p.claims[0]!.passage!.position = { type: 'TextPositionSelector', start: 9, end: 3 }),
      /empty or reversed/,
    ],
    ['a javascript: URL', (p) => (p.claims[0]!.passage!.url = 'javascript:alert(1)'), /passage\.url/],
  ])('%s is an issue', (_name, breakIt, message) => {
    const pack = packWith(passage('First words'));
    breakIt(pack);
    const result = validatePack(pack, base);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => `${i.field}: ${i.message}`).join('\n')).toMatch(message);
  });
});

describe('removeClaim', () => {
  test('drops the source, person and entity only that claim needed', () => {
    const pack = packWith(passage('First words'), passage('Third words', 'https://news.example/b'));
    const after = removeClaim(pack, 'c-mine-t1-002');
    expect(after.sources.map((s) => s.url)).toEqual(['https://news.example/a']);
    expect(Object.keys(after.texts)).toEqual([after.sources[0]!.file]);
    const alone = removeClaim(after, 'c-mine-t1-001');
    expect([alone.sources, alone.people, alone.entities, alone.claims]).toEqual([[], [], [], []]);
    expect(validatePack(after, base)).toMatchObject({ ok: true });
  });
});

describe('diffPacks', () => {
  test('names what is added, changed and removed', () => {
    const one = packWith(passage('First words'), passage('Third words', 'https://news.example/b'));
    const two = removeClaim(one, 'c-mine-t1-002');
    two.claims[0]!.text = 'Jane Doe now says something else.';
    const diff = diffPacks(one, two);
    expect(diff.claims).toEqual({
      added: [],
      changed: [{ id: 'c-mine-t1-001', name: 'Jane Doe now says something else.' }],
      removed: [{ id: 'c-mine-t1-002', name: 'Jane Doe says: Third words.' }],
    });
    expect(diff.sources.removed).toHaveLength(1);
    expect(isEmptyDiff(diffPacks(one, one))).toBe(true);
    expect(diffPacks(undefined, one).claims.added).toHaveLength(2);
  });
});

test.each([
  ['Jane Doe', 'jane-doe'],
  ['Ангела Меркель', 'n'],
  ['김정은', 'n'],
  ['Zoë Ñandú', 'zoe-nandu'],
])('slug(%s) is a valid id part', (name, start) => {
  const s = slug(name);
  expect(s).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  expect(s.startsWith(start)).toBe(true);
  expect(slug(name)).toBe(s);
});
