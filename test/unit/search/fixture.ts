/**
 * A small hand-written corpus for the search's mechanics (filters, dates,
 * highlight offsets, the cache), so those tests do not move when the curated
 * corpus is edited. Texts carry the characters normalisation must see
 * through: a no-break hyphen, a soft hyphen, an "ﬁ" ligature, curly quotes.
 */
import type { CorpusRecords } from '../../../lib/corpus/schema';

export function fixtureRecords(): CorpusRecords {
  return {
    sources: [
      {
        id: 's-a',
        file: 'a.txt',
        title: 'Summit in Pyongyang',
        outlet: 'Daily Wire',
        outletId: 'p-daily',
        date: '2024-06',
        language: 'en',
        kind: 'news',
      },
      {
        id: 's-b',
        file: 'b.txt',
        title: 'Sanctions and their limits',
        outlet: 'Policy Review',
        outletId: 'p-review',
        author: 'Anna Petrova',
        date: '2017',
        language: 'en',
        kind: 'analysis',
      },
    ],
    people: [
      { id: 'p-daily', name: 'Daily Wire', role: 'news outlet', kind: 'outlet' },
      { id: 'p-review', name: 'Policy Review', role: 'journal', kind: 'outlet' },
      { id: 'p-petrova', name: 'Anna Petrova', role: 'Russian expert on Korea', kind: 'expert' },
      { id: 'p-kim', name: 'Kim Jong Un', role: 'North Korean leader', kind: 'official', entityId: 'e-kim' },
    ],
    entities: [
      {
        id: 'e-pyongyang',
        label: 'Pyongyang',
        kind: 'place',
        summary: 'Capital of North Korea, where the summit took place.',
        aliases: [
          { text: 'Pyongyang', lang: 'en' },
          { text: 'Пхеньян', lang: 'ru', inflects: true },
          { text: '평양', lang: 'ko' },
        ],
      },
      {
        id: 'e-kim',
        label: 'Kim Jong\u2011un',
        kind: 'person',
        summary: 'Leader of North Korea, host of the summit.',
        aliases: [
          { text: 'Kim Jong Un', lang: 'en' },
          { text: 'Ким Чен Ын', lang: 'ru' },
          { text: '김정은', lang: 'ko', inflects: true },
        ],
      },
      {
        id: 'e-un',
        label: 'United Nations',
        kind: 'organisation',
        summary: 'The UN, whose sanctions the sources discuss.',
        aliases: [
          { text: 'UN', lang: 'en', caseSensitive: true },
          { text: 'ООН', lang: 'ru' },
        ],
      },
      {
        id: 'e-sanctions',
        label: 'Sanctions',
        kind: 'concept',
        summary: 'UN sanctions against North Korea and their limits.',
        aliases: [
          { text: 'sanctions', lang: 'en' },
          { text: 'санкции', lang: 'ru' },
          { text: '대북제재', lang: 'ko' },
        ],
      },
    ],
    claims: [
      {
        id: 'c-1',
        sourceId: 's-a',
        text: 'The summit in Pyong\u00ADyang produced a “comprehensive strategic partnership”.',
        quote: 'comprehensive strategic partnership',
        span: [0, 35],
        speakerIds: ['p-daily'],
        date: '2024-06-19',
        entityIds: ['e-pyongyang', 'e-kim'],
        stances: [{ topicId: 't-closeness' }],
        figures: [],
      },
      {
        id: 'c-2',
        sourceId: 's-a',
        text: 'Kim Jong\u2011un hosted the summit for the ﬁrst time in 24 years.',
        quote: 'first visit in 24 years',
        span: [0, 23],
        speakerIds: ['p-daily'],
        date: '2024',
        entityIds: ['e-kim'],
        stances: [],
        figures: [],
      },
      {
        id: 'c-3',
        sourceId: 's-b',
        text: 'Anna Petrova says Russia backed UN sanctions after every nuclear test.',
        quote: 'backed sanctions after every nuclear test',
        span: [0, 41],
        speakerIds: ['p-petrova'],
        date: '2017-04',
        entityIds: ['e-un', 'e-sanctions'],
        stances: [{ topicId: 't-sanctions' }],
        figures: [],
      },
      {
        id: 'c-4',
        sourceId: 's-b',
        text: 'Anna Petrova says Russia delays the votes on sanctions.',
        quote: 'delays the votes on sanctions',
        span: [0, 29],
        speakerIds: ['p-petrova'],
        date: '2016-12-31',
        entityIds: ['e-sanctions'],
        stances: [{ topicId: 't-sanctions' }],
        figures: [],
      },
      {
        id: 'c-5',
        sourceId: 's-a',
        text: 'The Daily Wire expects sanctions to outlast the summit.',
        quote: 'sanctions will outlast the summit',
        span: [0, 33],
        speakerIds: ['p-daily'],
        date: '2025',
        entityIds: ['e-sanctions', 'e-pyongyang'],
        stances: [{ topicId: 't-sanctions' }],
        figures: [],
      },
    ],
    topics: [],
    events: [],
  };
}
