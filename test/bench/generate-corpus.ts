/**
 * A deterministic corpus `factor` times the size of a real one, for benchmarks.
 *
 * Copy 0 is the real corpus. Every further copy renames each entity and
 * person with a made-up name built from syllables (written consistently in
 * Latin, Cyrillic and Hangul, so the copy has Russian and Korean aliases),
 * re-dates claims and sources, and rewrites each claim, source title and role
 * with the copy's names in place of the originals. Texts keep their real
 * lengths and wording; the vocabulary grows with the names, as a larger real
 * corpus's would. Same seed, same corpus.
 */
import type { Alias, CorpusRecords, Entity } from '../../lib/corpus/schema';

/** mulberry32: small, fast, good enough for test data */
export function prng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Syllables with their Cyrillic and Hangul spellings. */
const SYLLABLES: readonly [string, string, string][] = [
  ['ka', 'ка', '카'],
  ['ro', 'ро', '로'],
  ['min', 'мин', '민'],
  ['sha', 'ша', '샤'],
  ['vel', 'вел', '벨'],
  ['dor', 'дор', '도르'],
  ['an', 'ан', '안'],
  ['ko', 'ко', '코'],
  ['ru', 'ру', '루'],
  ['lin', 'лин', '린'],
  ['tse', 'це', '체'],
  ['ov', 'ов', '오프'],
  ['ev', 'ев', '예프'],
  ['ski', 'ски', '스키'],
  ['hwa', 'хва', '화'],
  ['jong', 'чон', '종'],
  ['sun', 'сун', '순'],
  ['bek', 'бек', '베크'],
  ['pa', 'па', '파'],
  ['to', 'то', '토'],
  ['mi', 'ми', '미'],
  ['na', 'на', '나'],
  ['lo', 'ло', '로'],
  ['ri', 'ри', '리'],
  ['su', 'су', '수'],
  ['ya', 'я', '야'],
  ['zan', 'зан', '잔'],
  ['gor', 'гор', '고르'],
  ['vas', 'вас', '바스'],
  ['chol', 'чхоль', '철'],
  ['yun', 'юн', '윤'],
  ['dae', 'дэ', '대'],
  ['sok', 'сок', '석'],
  ['ter', 'тер', '테르'],
  ['bu', 'бу', '부'],
  ['ne', 'не', '네'],
  ['il', 'иль', '일'],
  ['ha', 'ха', '하'],
  ['mun', 'мун', '문'],
  ['kir', 'кир', '키르'],
];

interface Name {
  en: string;
  ru: string;
  ko: string;
}

function nameGenerator(random: () => number): (words: number) => Name {
  const word = (): Name => {
    const n = 2 + Math.floor(random() * 2);
    let en = '';
    let ru = '';
    let ko = '';
    for (let i = 0; i < n; i++) {
      const [l, c, h] = SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
      en += l;
      ru += c;
      ko += h;
    }
    return { en: cap(en), ru: cap(ru), ko };
  };
  return (words) => {
    const parts = Array.from({ length: words }, word);
    return {
      en: parts.map((p) => p.en).join(' '),
      ru: parts.map((p) => p.ru).join(' '),
      ko: parts.map((p) => p.ko).join(' '),
    };
  };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Longest first, so "North Korea" is replaced before "Korea". */
function replacer(pairs: [string, string][]): (text: string) => string {
  const sorted = pairs.filter(([from]) => from.length >= 3).sort((a, b) => b[0].length - a[0].length);
  if (sorted.length === 0) return (t) => t;
  const map = new Map(sorted);
  const re = new RegExp(sorted.map(([from]) => from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return (text) => text.replace(re, (m) => map.get(m) ?? m);
}

function randomDate(random: () => number): string {
  const y = 2015 + Math.floor(random() * 11);
  const m = 1 + Math.floor(random() * 12);
  const d = 1 + Math.floor(random() * 28);
  const r = random();
  const mm = String(m).padStart(2, '0');
  return r < 0.2 ? `${y}` : r < 0.5 ? `${y}-${mm}` : `${y}-${mm}-${String(d).padStart(2, '0')}`;
}

export function generateCorpus(base: CorpusRecords, factor = 100, seed = 1): CorpusRecords {
  const random = prng(seed);
  const newName = nameGenerator(random);
  const out: CorpusRecords = {
    sources: [...base.sources],
    people: [...base.people],
    entities: [...base.entities],
    claims: [...base.claims],
    topics: base.topics,
    events: base.events,
  };

  for (let k = 1; k < factor; k++) {
    const suffix = `-g${k}`;
    const pairs: [string, string][] = [];
    const entities: Entity[] = base.entities.map((e) => {
      const named = e.kind === 'person' || e.kind === 'place' || e.kind === 'country' || e.kind === 'organisation';
      const name = newName(e.kind === 'person' ? 2 : 1);
      const rename = (a: Alias): string => {
        if (!named)
          return a.lang === 'en'
            ? `${name.en} ${a.text}`
            : a.lang === 'ru'
              ? `${name.ru} ${a.text}`
              : `${name.ko} ${a.text}`;
        if (a.lang === 'ru') return name.ru;
        if (a.lang === 'ko') return name.ko;
        // keep the alias's shape: a surname-only alias stays one word
        return a.text.includes(' ') ? name.en : name.en.split(' ').pop()!;
      };
      const aliases = e.aliases.map((a) => ({ ...a, text: rename(a) }));
      const label = named ? name.en : `${name.en} ${e.label}`;
      pairs.push([e.label, label]);
      e.aliases.forEach((a, i) => pairs.push([a.text, aliases[i]!.text]));
      return { ...e, id: e.id + suffix, label, aliases, summary: e.summary };
    });
    const renamedEntity = new Map(base.entities.map((e, i) => [e.id, entities[i]!]));
    const people = base.people.map((p) => {
      const entity = p.entityId ? renamedEntity.get(p.entityId) : undefined;
      const name = entity ? entity.label : newName(2).en;
      pairs.push([p.name, name]);
      return { ...p, id: p.id + suffix, name, ...(p.entityId ? { entityId: p.entityId + suffix } : {}) };
    });
    const rewrite = replacer(pairs);
    const sources = base.sources.map((s) => ({
      ...s,
      id: s.id + suffix,
      outletId: s.outletId + suffix,
      title: rewrite(s.title),
      outlet: `${newName(1).en} ${s.outlet}`,
      date: randomDate(random),
    }));
    const claims = base.claims.map((c) => ({
      ...c,
      id: c.id + suffix,
      sourceId: c.sourceId + suffix,
      speakerId: c.speakerId + suffix,
      text: rewrite(c.text),
      quote: rewrite(c.quote),
      date: randomDate(random),
      entityIds: c.entityIds.map((id) => id + suffix),
    }));
    out.entities.push(...entities);
    out.people.push(...people.map((p) => ({ ...p, role: rewrite(p.role) })));
    out.sources.push(...sources);
    out.claims.push(...claims);
  }
  return out;
}
