/*
 * The curated corpus in data/corpus/, checked against its sources in
 * data/sources/ and against what issue 3 asks of it. Expected values come from
 * reading the source texts, not from the data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Claim, CorpusRecords, Entity, Figure } from '../../../lib/corpus/schema';
import { formatIssues, validateCorpus } from '../../../lib/corpus/validate';

const DATA = fileURLToPath(new URL('../../../data/', import.meta.url));
const KINDS = ['sources', 'people', 'entities', 'claims', 'topics', 'events'] as const;

function readRaw(kind: string): string {
  return readFileSync(`${DATA}corpus/${kind}.json`, 'utf8');
}

function readTexts(): Record<string, string> {
  const dir = `${DATA}sources/`;
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => [f, readFileSync(dir + f, 'utf8')]),
  );
}

let corpus: CorpusRecords;

beforeAll(() => {
  const input = Object.fromEntries(KINDS.map((k) => [k, JSON.parse(readRaw(k)) as unknown]));
  const result = validateCorpus(input, readTexts());
  if (!result.ok) throw new Error(`the corpus is invalid:\n${formatIssues(result.issues, 50)}`);
  corpus = result.value;
});

const entity = (id: string): Entity => {
  const e = corpus.entities.find((x) => x.id === id);
  if (!e) throw new Error(`no entity ${id}`);
  return e;
};
const claimsOf = (entityId: string): Claim[] => corpus.claims.filter((c) => c.entityIds.includes(entityId));
const figures = (): Array<Figure & { claim: Claim }> =>
  corpus.claims.flatMap((c) => c.figures.map((f) => ({ ...f, claim: c })));

describe('the bundled corpus', () => {
  test('passes the validator, and prints counts per record type', () => {
    const counts = {
      sources: corpus.sources.length,
      people: corpus.people.length,
      entities: corpus.entities.length,
      aliases: corpus.entities.reduce((n, e) => n + e.aliases.length, 0),
      claims: corpus.claims.length,
      figures: figures().length,
      topics: corpus.topics.length,
      positions: corpus.topics.reduce((n, t) => n + t.positions.length, 0),
      events: corpus.events.length,
    };
    const width = Math.max(...Object.keys(counts).map((k) => k.length));
    console.log(
      `corpus records\n${Object.entries(counts)
        .map(([k, n]) => `  ${k.padEnd(width)}  ${String(n).padStart(4)}`)
        .join('\n')}`,
    );
    expect(counts.sources).toBe(5);
  });

  test.each(KINDS)('%s.json is formatted as JSON.stringify(…, null, 2) with a trailing newline', (kind) => {
    const raw = readRaw(kind);
    expect(raw).toBe(`${JSON.stringify(JSON.parse(raw), null, 2)}\n`);
  });

  test.each(KINDS)('%s.json is in a stable order', (kind) => {
    if (kind === 'topics') return; // topics keep the order of the issue's list
    const ids = (JSON.parse(readRaw(kind)) as Array<{ id: string }>).map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
  });

  test('holds well over 60 claims, from every source', () => {
    expect(corpus.claims.length).toBeGreaterThan(60);
    for (const s of corpus.sources)
      expect(
        corpus.claims.some((c) => c.sourceId === s.id),
        s.id,
      ).toBe(true);
  });

  test('page furniture is not a claim', () => {
    for (const furniture of [
      'Check Out Our Other Content',
      'Print',
      'Old Version',
      'HEADLINES',
      'IVE',
      'Strongly Condemns',
      'Most Popular',
      'Disclaimer',
      'Proofreader',
    ]) {
      expect(
        corpus.claims.filter((c) => c.quote.includes(furniture)).map((c) => c.id),
        furniture,
      ).toEqual([]);
    }
  });

  test('source dates are recorded with how they were inferred', () => {
    const dates = Object.fromEntries(
      corpus.sources.map((s) => [s.file.slice(0, 3), [s.date, s.dateInferred?.inferredFrom ?? '']]),
    );
    expect(dates['000']?.[0]).toBe('2024-06-09');
    expect(dates['000']?.[1]).toMatch(/June 9th.*2023/);
    expect(dates['001']?.[0]).toBe('2017-04-27');
    expect(dates['001']?.[1]).toMatch(/Tillerson/);
    expect(dates['002']?.[0]).toBe('2024-06');
    expect(dates['002']?.[1]).toMatch(/impending visit to Pyongyang/);
    expect(dates['003']?.[0]).toBe('2025-07');
    expect(dates['003']?.[1]).toMatch(/Wonsan/);
    expect(dates['004']?.[0]).toBe('2024-06');
    expect(dates['004']?.[1]).toMatch(/December 23, 2024.*June 16/);
  });

  test.each([
    ['Andrei Devyatov', /^Russian expert$/],
    ['Oleg Nasobin', /^Russian expert$/],
    ['Fang Liang', /contributor to news portal The Paper/],
    ['Wu Wei', /guest commentator/i],
    ['Lim Jae Cheon', /Korea University/],
    ['Koh Yu Hwan', /Dongguk University/],
    ['Korea Institute for National Security Strategy', /institute/],
    ['The Economist', /magazine/],
    ['Vladimir Putin', /Russian President/],
    ['Sergey Lavrov', /Foreign Minister/],
    ['Kim Jong Un', /North Korean leader/],
    ['Rex Tillerson', /Secretary of State/],
    ['Georgy Zinoviev', /Ambassador to South Korea/],
  ])('%s is cited with their role and linked to claims they make', (name, role) => {
    const person = corpus.people.find((p) => p.name === name);
    expect(person, name).toBeDefined();
    expect(person?.role).toMatch(role);
    expect(corpus.claims.some((c) => c.speakerId === person?.id)).toBe(true);
  });

  test('every person or organisation speaks in some claim or publishes a source', () => {
    for (const p of corpus.people) {
      const speaks = corpus.claims.some((c) => c.speakerId === p.id);
      const publishes = corpus.sources.some((s) => s.outletId === p.id);
      expect(speaks || publishes, p.id).toBe(true);
    }
  });

  test.each([
    ['How close', ['A myth', 'Mutual leverage', 'Pragmatic partnership', 'De facto alliance']],
    ['trade and aid', ['Marginal', 'A lifeline']],
    ['sanctions', ['Backs sanctions and denuclearization', 'Obstructs and circumvents them']],
    ['outlast the Ukraine war', ['Likely to fade after the war', 'Will keep developing']],
    ['How independent', ['Leans on China', 'Independent, serving only itself']],
  ])('topic "%s" has ordered positions, each taken by claims', (question, labels) => {
    const topic = corpus.topics.find((t) => t.question.includes(question));
    expect(topic, question).toBeDefined();
    const order = labels.map((l) => topic?.positions.findIndex((p) => p.label === l));
    expect(
      order.every((i) => i !== undefined && i >= 0),
      `${question}: ${JSON.stringify(order)}`,
    ).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => (a ?? 0) - (b ?? 0)));
    for (const p of topic?.positions ?? []) {
      const takers = corpus.claims.filter((c) => c.topicId === topic?.id && c.positionId === p.id);
      expect(takers.length, p.id).toBeGreaterThan(0);
    }
  });

  test('the closeness topic sets experts side by side', () => {
    const speakersAt = (label: string) => {
      const topic = corpus.topics.find((t) => t.question.includes('How close'));
      const pos = topic?.positions.find((p) => p.label === label);
      return new Set(corpus.claims.filter((c) => c.positionId === pos?.id).map((c) => c.speakerId));
    };
    expect(speakersAt('A myth')).toContain('p-andrei-devyatov');
    expect(speakersAt('A myth')).toContain('p-oleg-nasobin');
    expect(speakersAt('Mutual leverage')).toContain('p-fang-liang');
    expect(speakersAt('De facto alliance')).toContain('p-wu-wei');
  });

  test.each<[string, number, string, number, RegExp]>([
    ["Russia's share of North Korea's trade", 2, 'percent', 2017, /Russia's share of North Korea's foreign trade/],
    ["China's share of North Korea's trade", 90, 'percent', 2023, /China's share of North Korea's external trade/],
    ['2023 trade volume', 29_000_000, 'USD', 2023, /Russia–North Korea trade volume/],
    ['2012 debt relief', 1_100_000_000, 'USD', 2012, /debt cancelled/],
    ['2000 debt relief', 3_500_000_000, 'USD', 2000, /debt cancelled/],
    ['containers since September 2023', 9_000, 'containers', 2023, /containers sent from Russia to North Korea/],
  ])('figure: %s', (_name, value, unit, year, measures) => {
    const hit = figures().find(
      (f) => f.value === value && f.unit === unit && f.year === year && measures.test(f.measures),
    );
    expect(hit).toBeDefined();
  });

  test('the containers figure says "at least" and "since September 2023"', () => {
    const f = figures().find((x) => x.unit === 'containers');
    expect(f?.qualifier).toMatch(/at least/);
    expect(f?.qualifier).toMatch(/since September 2023/);
    expect(f?.claim.quote).toContain('at least 9,000 containers');
  });

  test.each<[string, RegExp, string]>([
    ['1948', /recogni/i, 'In 1948, the Soviet Union first recognized'],
    ['1950', /Korean War/, 'Korean War from 1950 to 1953'],
    ['1961', /Treaty of Friendship, Cooperation/, 'Treaty of Friendship, Cooperation, and Mutual Assistance'],
    ['1992', /abolish/i, 'in 1992'],
    ['2000', /Good-Neighborliness/, 'In 2000, the two countries signed'],
    ['2000', /\$3\.5 billion/, '$3.5 billion in debt'],
    ['2012', /\$1\.1 billion/, '$1.1 billion in debt'],
    ['2014', /Crimea/, 'Crimean crisis'],
    ['2017-04-19', /UN/, 'April 19 denouncement'],
    ['2023-09', /Kim Jong Un's visit to Russia/, 'Kim\u2019s visit to Russia last September'],
    ['2024-06', /Putin's visit to Pyongyang/, 'Putin\u2019s visit to Pyongyang'],
    ['2024-06', /Comprehensive Strategic Partnership/, 'comprehensive strategic partnership'],
    ['2024', /Kursk/, 'liberated the Kursk region'],
    ['2025-07', /Lavrov's visit to Wonsan/, 'Lavrov'],
  ])('event of %s (%s) exists and rests on a claim quoting it', (date, label, quoteText) => {
    const ev = corpus.events.find((e) => e.date === date && label.test(e.label));
    expect(ev, `${date} ${label}`).toBeDefined();
    const quotes = (ev?.claimIds ?? []).map((id) => corpus.claims.find((c) => c.id === id)?.quote ?? '');
    expect(
      quotes.some((q) => q.includes(quoteText)),
      quotes.join(' | '),
    ).toBe(true);
  });

  test('the Korean War event spans 1950 to 1953', () => {
    expect(corpus.events.find((e) => e.label === 'Korean War')?.endDate).toBe('1953');
  });

  test.each<[string, string, 'en' | 'ru' | 'ko', boolean?]>([
    ['e-kim-jong-un', 'Kim Jong Un', 'en'],
    ['e-kim-jong-un', 'Kim Jong-un', 'en'],
    ['e-kim-jong-un', 'Ким Чен Ын', 'ru', true],
    ['e-kim-jong-un', '김정은', 'ko', true],
    ['e-sergey-lavrov', 'Sergey Lavrov', 'en'],
    ['e-sergey-lavrov', 'Sergei Lavrov', 'en'],
    ['e-north-korea', 'DPRK', 'en'],
    ['e-north-korea', 'N. Korea', 'en'],
    ['e-north-korea', 'КНДР', 'ru'],
    ['e-north-korea', 'Северная Корея', 'ru', true],
    ['e-north-korea', '북한', 'ko', true],
    ['e-pyongyang', 'Пхеньян', 'ru', true],
    ['e-pyongyang', '평양', 'ko', true],
    ['e-juche', 'subject ideology', 'en'],
    ['e-goma-coast', 'Kalma', 'en'],
  ])('%s has the alias "%s" (%s)', (id, text, lang, inflects) => {
    const alias = entity(id).aliases.find((a) => a.text === text);
    expect(alias?.lang).toBe(lang);
    if (inflects !== undefined) expect(alias?.inflects).toBe(inflects);
  });

  test('short all-caps abbreviations are case-sensitive', () => {
    for (const e of corpus.entities) {
      for (const a of e.aliases) {
        if (/^[A-Z]{2,3}$/.test(a.text)) expect(a.caseSensitive, `${e.id}: ${a.text}`).toBe(true);
      }
    }
  });

  test('every Korean alias is marked as taking particles', () => {
    for (const e of corpus.entities) {
      for (const a of e.aliases.filter((x) => x.lang === 'ko')) expect(a.inflects, `${e.id}: ${a.text}`).toBe(true);
    }
  });

  test('countries, places, treaties and leaders have aliases in English, Russian and Korean', () => {
    const leaders = ['e-vladimir-putin', 'e-kim-jong-un', 'e-sergey-lavrov'];
    for (const e of corpus.entities.filter(
      (x) => ['country', 'place', 'treaty'].includes(x.kind) || leaders.includes(x.id),
    )) {
      const langs = new Set(e.aliases.map((a) => a.lang));
      expect([...langs].sort(), e.id).toEqual(['en', 'ko', 'ru']);
    }
  });

  test.each([
    'e-wonsan',
    'e-goma-coast',
    'e-kursk-region',
    'e-un-security-council',
    'e-juche',
    'e-arduous-march',
    'e-sco',
    'e-spief',
    'e-crimea',
    'e-ukraine-war',
    'e-kremlin',
    'e-sanctions',
    'e-denuclearization',
    'e-korean-peninsula',
    'e-treaty-1961',
    'e-treaty-2000',
    'e-treaty-2024',
    'e-comprehensive-strategic-partnership',
    'e-workers-party-of-korea',
    'e-korean-peoples-army',
    'e-kim-ju-ae',
    'e-ri-sol-ju',
    'e-alexander-maltsev',
    'e-georgy-zinoviev',
    'e-rex-tillerson',
    'e-vladimir-putin',
    'e-sergey-lavrov',
    'e-kim-jong-un',
    'e-china',
    'e-united-states',
    'e-south-korea',
    'e-soviet-union',
    'e-moscow',
    'e-pyongyang',
    'e-beijing',
  ])('entity %s exists with claims', (id) => {
    expect(claimsOf(entity(id).id).length).toBeGreaterThan(0);
  });
});
