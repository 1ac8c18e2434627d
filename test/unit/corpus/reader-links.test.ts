import { describe, expect, test } from 'vitest';
import { buildCorpusBundle } from '../../../build/corpus-plugin';
import type { SpeakerDraft } from '../../../lib/corpus/reading-pack';
import { JANE_DOE, readerPack as makeReaderPack } from '../../fixtures/reader-packs';
import { linkReaderRecords, readerLinks } from '../../../lib/corpus/reader-links';
import type { CorpusRecords, Pack } from '../../../lib/corpus/schema';
import { validatePack } from '../../../lib/corpus/validate';

const base = buildCorpusBundle('data').records;

function readerPack(suffix: string, speaker: SpeakerDraft = JANE_DOE, corpus: CorpusRecords = base): Pack {
  return makeReaderPack(suffix, `Words of ${suffix}`, { speaker, text: `A reader's paraphrase of ${suffix}.` }, corpus);
}

/** The corpus with these packs' records added, as the store holds them. */
function withPacks(...packs: Pack[]): CorpusRecords {
  const all = structuredClone(base);
  for (const p of packs)
    for (const kind of Object.keys(all) as (keyof CorpusRecords)[]) (all[kind] as unknown[]).push(...p[kind]);
  return all;
}

const issuesOf = (pack: Pack, corpus: CorpusRecords) => {
  const result = validatePack(pack, corpus);
  return result.ok ? [] : result.issues.map((i) => `${i.record} → ${i.field}: ${i.message}`);
};

describe('two readers’ packs that name the same new person', () => {
  const lena = readerPack('lena1111');
  const colleague = readerPack('kim22222');

  test('install side by side: the validator lets them share the name', () => {
    expect(issuesOf(colleague, withPacks(lena))).toEqual([]);
    expect(issuesOf(lena, withPacks(colleague))).toEqual([]);
  });

  test('are read as one entity and one person, the reader’s own kept, every reference pointed at it', () => {
    const corpus = withPacks(lena, colleague);
    const links = readerLinks(corpus, 'mine-kim22222');
    expect([...links.to]).toEqual([
      ['e-mine-lena1111-jane-doe', 'e-mine-kim22222-jane-doe'],
      ['p-mine-lena1111-example-daily', 'p-mine-kim22222-example-daily'],
      ['p-mine-lena1111-jane-doe', 'p-mine-kim22222-jane-doe'],
    ]);
    const linked = linkReaderRecords(corpus, links);
    expect(linked.entities.filter((e) => e.label === 'Jane Doe').map((e) => e.id)).toEqual([
      'e-mine-kim22222-jane-doe',
    ]);
    expect(linked.people.filter((p) => p.name === 'Jane Doe').map((p) => p.id)).toEqual(['p-mine-kim22222-jane-doe']);
    const hers = linked.claims.filter((c) => c.entityIds.includes('e-mine-kim22222-jane-doe'));
    expect(hers.map((c) => [c.id, c.speakerIds])).toEqual([
      ['c-mine-lena1111-001', ['p-mine-kim22222-jane-doe']],
      ['c-mine-kim22222-001', ['p-mine-kim22222-jane-doe']],
    ]);
    expect(linked.sources.map((s) => s.outletId).filter((id) => id.includes('example-daily'))).toEqual([
      'p-mine-kim22222-example-daily',
      'p-mine-kim22222-example-daily',
    ]);
    // Without an own pack among them, the first by id is kept: every context picks the same.
    expect(readerLinks(corpus).canonical('e-mine-lena1111-jane-doe')).toBe('e-mine-kim22222-jane-doe');
    expect(readerLinks(corpus).membersOf('e-mine-lena1111-jane-doe')).toEqual([
      'e-mine-kim22222-jane-doe',
      'e-mine-lena1111-jane-doe',
    ]);
  });

  test('two readers’ sources of the same page are one source', () => {
    const page = { url: 'https://news.example/same', title: 'A page', outlet: 'Example Daily', language: 'en' };
    const one = makeReaderPack('lena1111', 'Words of Lena', { page });
    const two = makeReaderPack('kim22222', 'Words of Kim', { page });
    const linked = linkReaderRecords(withPacks(one, two), readerLinks(withPacks(one, two)));
    expect(linked.sources.filter((s) => s.url === page.url).map((s) => s.id)).toEqual(['s-mine-kim22222-001']);
    expect(linked.claims.filter((c) => c.id.startsWith('c-mine-')).map((c) => c.sourceId)).toEqual([
      's-mine-kim22222-001',
      's-mine-kim22222-001',
    ]);
  });

  test('a passage that names the colleague’s Jane Doe records her in the reader’s own pack, which stands alone', () => {
    const corpus = withPacks(colleague);
    const theirs = colleague.people.find((p) => p.name === 'Jane Doe')!;
    const mine = readerPack('lena1111', { kind: 'person', id: theirs.id }, corpus);
    expect(mine.people.map((p) => p.id)).toContain('p-mine-lena1111-jane-doe');
    expect(JSON.stringify(mine)).not.toContain('kim22222');
    // It imports where the colleague's pack is not installed.
    expect(issuesOf(mine, base)).toEqual([]);
  });
});

describe('what still collides', () => {
  test.each<[string, () => [Pack, CorpusRecords], RegExp]>([
    [
      'the same name as another kind (a person and an organisation)',
      () => [
        readerPack('kim22222', { kind: 'new', name: 'Jane Doe', role: 'x', personKind: 'expert' }),
        withPacks(
          (() => {
            const p = readerPack('lena1111');
            p.entities[0]!.kind = 'organisation';
            return p;
          })(),
        ),
      ],
      /alias "Jane Doe" is shared with entity "e-mine-lena1111-jane-doe"/,
    ],
    [
      'a curated pack’s entity of that name',
      () => {
        const curated = structuredClone(base);
        curated.entities.push({
          id: 'e-jane-doe',
          label: 'Jane Doe',
          kind: 'person',
          aliases: [{ text: 'Jane Doe', lang: 'en' }],
          summary: 'A curated Jane Doe.',
        });
        return [readerPack('kim22222'), curated];
      },
      /alias "Jane Doe" is also an alias of entity "e-jane-doe"/,
    ],
    [
      'a pack that passes its entity off as another reader’s',
      () => {
        const p = readerPack('kim22222');
        const claim = p.claims[0]!;
        p.entities[0]!.id = 'e-mine-lena1111-jane-doe';
        claim.entityIds = claim.entityIds.map((id) =>
          id === 'e-mine-kim22222-jane-doe' ? 'e-mine-lena1111-jane-doe' : id,
        );
        p.people.find((x) => x.name === 'Jane Doe')!.entityId = 'e-mine-lena1111-jane-doe';
        return [p, base];
      },
      /id "e-mine-lena1111-jane-doe" belongs to the reader pack "mine-lena1111"; this pack is "mine-kim22222"/,
    ],
  ])('%s', (_name, make, message) => {
    const [pack, corpus] = make();
    expect(issuesOf(pack, corpus).join('\n')).toMatch(message);
  });
});
