/**
 * One rule of what is a form of a word (lib/text/inflection.ts): the page
 * marks a form exactly when search takes it for the word it is a form of.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { CorpusRecords } from '../../../lib/corpus/schema';
import { termPatternsOf } from '../../../lib/corpus/term-patterns';
import { createSearcher } from '../../../lib/search';
import { formStems, isFormOf } from '../../../lib/text/inflection';
import { compileMatcher } from '../../../lib/text/matcher';
import { prefilterSource } from '../../../lib/text/prefilter';

describe('isFormOf', () => {
  test.each([
    ['북한의', '북한', true],
    ['평양에서', '평양', true],
    ['김정은과', '김정은', true],
    ['북한', '북한', true],
    // compounds and derived nouns are other words
    ['북한군', '북한', false],
    ['북한산', '북한', false],
    ['북한인', '북한', false],
    ['пхеньяна', 'пхеньян', true],
    ['пхеньяном', 'пхеньян', true],
    ['москве', 'москва', true],
    ['лавровым', 'лавров', true],
    ['пхеньянский', 'пхеньян', false],
    ['москвич', 'москва', false],
    ['путинизм', 'путин', false],
    ['pyongyangs', 'pyongyang', false],
  ])('%s of %s: %s', (form, word, expected) => {
    expect(isFormOf(form, word)).toBe(expected);
  });

  test('the stems to look up are the form without an ending or particle of the lists, longest cut first', () => {
    expect(formStems('평양에서')).toEqual(['평양', '평양에']);
    expect(formStems('북한군')).toEqual([]);
    expect(formStems('лавровым')).toContain('лавров');
    expect(formStems('pyongyang')).toEqual([]);
  });
});

describe('the page and search agree', () => {
  const raw: Record<string, unknown> = {};
  for (const name of ['sources', 'people', 'entities', 'claims', 'topics', 'events']) {
    raw[name] = JSON.parse(
      readFileSync(fileURLToPath(new URL(`../../../data/corpus/${name}.json`, import.meta.url)), 'utf8'),
    );
  }
  const corpus = CorpusRecords.parse(raw);
  const patterns = termPatternsOf(corpus.entities);
  const matcher = compileMatcher(patterns, prefilterSource(patterns));
  const searcher = createSearcher(corpus);
  const labelOf = new Map(corpus.entities.map((e) => [e.id, e.label]));

  /** The entity a page marks the word as, if any. */
  const marked = (word: string) => {
    const found = matcher.scan(word).find((m) => m.start === 0 && m.end === word.length);
    return found ? labelOf.get(found.id) : undefined;
  };
  /** The entity search takes the word for: its best entity hit. */
  const searched = (word: string) => {
    const hit = searcher.search(word).groups.find((g) => g.kind === 'entity')?.hits[0];
    return hit ? labelOf.get(hit.id) : undefined;
  };

  test.each([
    ['북한의', 'North Korea'],
    ['평양에서', 'Pyongyang'],
    ['김정은과', 'Kim Jong Un'],
    ['Пхеньяна', 'Pyongyang'],
    ['Лавровым', 'Sergey Lavrov'],
    ['북한군', undefined],
    ['북한산', undefined],
  ])('%s: %s', (word, entity) => {
    expect(marked(word)).toBe(entity);
    expect(searched(word)).toBe(entity);
  });
});
