/**
 * The reader's labels of the real pages (test/fixtures/marks/) that
 * `npm run bench:marks` measures Lens against: every file is well formed,
 * names a page of ../shared/pages/ and a corpus entity, and each snippet that
 * tells one mention from another is really on that page, beside it. And the
 * judging itself, on marks made up here.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Entity } from '../../../lib/corpus/schema';
import { SHARED_PAGES } from '../../e2e/harness/server';
import {
  judge,
  labelPathFor,
  pageText,
  readLabels,
  squeeze,
  type LabelFile,
  type SeenMark,
} from '../../bench/mark-labels';

const labelled = readLabels();
const entityIds = new Set((JSON.parse(readFileSync('data/corpus/entities.json', 'utf8')) as Entity[]).map((e) => e.id));

function sharedPages(): string[] {
  if (!existsSync(SHARED_PAGES) || !existsSync(join(SHARED_PAGES, 'nk'))) {
    throw new Error(
      `The real pages are not at ${SHARED_PAGES} (and nk/ in it): the labels describe them, so they must be there (RDL_SHARED_PAGES names another place).`,
    );
  }
  return [
    ...readdirSync(SHARED_PAGES).filter((f) => f.endsWith('.html')),
    ...readdirSync(join(SHARED_PAGES, 'nk'))
      .filter((f) => f.endsWith('.html'))
      .map((f) => `nk/${f}`),
  ].sort();
}

describe('label files', () => {
  test('there are labels, each file named after its page, one file per page', () => {
    expect(labelled.length).toBeGreaterThan(0);
    for (const { labelFile, labels } of labelled) {
      expect(labelFile, labels.page).toBe(join('test/fixtures/marks', labelPathFor(labels.page)));
    }
    const pages = labelled.map((l) => l.labels.page);
    expect(new Set(pages).size).toBe(pages.length);
  });

  test('every page of ../shared/pages/ and ../shared/pages/nk/ has its labels, and every label file a page', () => {
    const pages = sharedPages();
    expect(pages.length).toBeGreaterThanOrEqual(56);
    expect(labelled.map((l) => l.labels.page).sort()).toEqual(pages);
  });

  test('every wanted mention names an entity of the corpus', () => {
    for (const { labels } of labelled) {
      for (const w of labels.want) expect(entityIds.has(w.entity), `${labels.page}: ${w.entity}`).toBe(true);
    }
  });

  test.each(labelled.map((l) => [l.labels.page, l.labels] as const))(
    '%s: each context is on the page within 80 characters of its mention',
    (page, labels) => {
      const text = squeeze(pageText(readFileSync(join(SHARED_PAGES, page), 'utf8')));
      const missing: string[] = [];
      for (const entry of [...labels.want, ...labels.never]) {
        const mention = squeeze(entry.text);
        const context = squeeze(entry.context);
        let found = false;
        for (let i = text.indexOf(mention); i >= 0 && !found; i = text.indexOf(mention, i + 1)) {
          found = text.slice(Math.max(0, i - 80), i + mention.length + 80).includes(context);
        }
        if (!found) missing.push(`"${entry.text}" near "${entry.context}"`);
      }
      expect(missing).toEqual([]);
    },
  );

  test('a relevant page in a language Lens reads wants something, and every page says why', () => {
    for (const { labels } of labelled) {
      if (labels.relevant && ['en', 'ru', 'ko'].includes(labels.lang)) {
        expect(labels.want.length, labels.page).toBeGreaterThan(0);
      }
      expect(labels.why.trim().length, labels.page).toBeGreaterThan(10);
    }
  });
});

describe('a label file that is not well formed', () => {
  function readOne(content: unknown): () => unknown {
    const dir = mkdtempSync(join(tmpdir(), 'rdl-labels-'));
    mkdirSync(join(dir, 'nk'));
    writeFileSync(join(dir, 'nk', 'A99_x.json'), JSON.stringify(content));
    return () => {
      try {
        return readLabels(dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
  }
  const good = { page: 'nk/A99_x.html', lang: 'en', relevant: true, why: 'made up for this test', want: [], never: [] };

  test('is refused, naming the file and what is wrong', () => {
    expect(readOne({ ...good, want: [{ entity: 'North Korea', text: 'North Korea', context: 'slams' }] })).toThrow(
      /nk\/A99_x\.json: want\[0\]\.entity/,
    );
    expect(readOne({ ...good, never: [{ text: 'US', context: 'US' }] })).toThrow(/never\[0\]\.context/);
  });

  test('with a misspelt key is refused rather than read as empty', () => {
    const { want: _, ...rest } = good;
    expect(readOne({ ...rest, wnat: [] })).toThrow(/A99_x\.json/);
  });

  test('a well-formed one is read', () => {
    expect(readOne(good)()).toEqual([{ labelFile: join('test/fixtures/marks', 'nk', 'A99_x.json'), labels: good }]);
  });
});

describe('judging marks against labels', () => {
  const labels: LabelFile = {
    page: 'x.html',
    lang: 'en',
    relevant: true,
    why: 'made up for this test',
    want: [
      { entity: 'e-north-korea', text: 'North Korea', context: 'slams' },
      { entity: 'e-united-states', text: 'U.S.', context: 'drill', n: 2 },
      { entity: 'e-north-korea', text: '북한의', context: '미사일' },
    ],
    never: [{ text: 'US', context: 'FOLLOW US' }],
  };
  const mark = (text: string, before: string, after = ''): SeenMark => ({ text, before, after });

  test('a mark counts once for a wanted mention, by its text and a context beside it', () => {
    const j = judge(labels, [mark('North Korea', '', ' slams the drill'), mark('North Korea', 'the ', ' said')]);
    expect([j.found, j.correct, j.wrong.length, j.unlabelled.length]).toEqual([1, 1, 0, 1]);
    expect(j.missed.map((m) => m.text)).toEqual(['U.S.', 'U.S.', '북한의']);
  });

  test('an entry stands for n occurrences, and punctuation at the ends of a mark does not matter', () => {
    const j = judge(labels, [
      mark('U.S', 'a ', ' drill'),
      mark('U.S.', 'the drill with the ', ''),
      mark('U.S', 'drill ', ''),
    ]);
    expect([j.found, j.unlabelled.length]).toEqual([2, 1]);
  });

  test('a Korean mark may leave out the particle', () => {
    expect(judge(labels, [mark('북한', '', '의 미사일 발사')]).found).toBe(1);
  });

  test('a mark on a look-alike is wrong in context, not merely unlabelled', () => {
    const j = judge(labels, [mark('US', 'FOLLOW ', ' on X')]);
    expect([j.wrong.length, j.unlabelled.length]).toEqual([1, 0]);
  });

  test('marks are paired with entries so that as many as possible are wanted', () => {
    const two: LabelFile = {
      ...labels,
      want: [
        { entity: 'e-pyongyang', text: 'Pyongyang', context: 'said' },
        { entity: 'e-pyongyang', text: 'Pyongyang', context: 'warned' },
      ],
    };
    // The first mark fits both entries; the second only the first entry.
    const j = judge(two, [mark('Pyongyang', 'it said and ', ' warned'), mark('Pyongyang', '', ' said')]);
    expect(j.found).toBe(2);
  });
});
