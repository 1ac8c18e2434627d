/**
 * The words of a sentence as claim matching compares them: normalised as
 * everywhere else (../text/normalise), split as the search splits
 * (../search/query), function words dropped, and each word cut to a crude
 * stem so that inflected forms meet: an English plural or tense, a Russian
 * case ending (the matcher's closed list, ../text/russian), a Korean particle
 * (../text/korean). Korean words then give their syllable pairs, which is how
 * 정제유 (refined oil) meets 정제 and 대북제재 meets 제재 without a dictionary.
 */
import { wordsOf } from '../search/query';
import { KOREAN_PARTICLES } from '../text/korean';
import { normaliseForMatch } from '../text/normalise';
import { RUSSIAN_ENDINGS } from '../text/russian';

const STOP = new Set(
  // English
  (
    'a an the and or but of to in on at by for from with as into about over than then that this these those it its ' +
    'is are was were be been being has have had do does did will would can could may might must shall should not no ' +
    'also so such very more most which who whom whose what when where while if because since though although ' +
    'he she they them their his her we our you your i s t said says say says told according ' +
    // Russian
    'и в во на с со по к ко о об от до за из у же ли бы не ни но а что как это этот эта эти то так его ее их он она ' +
    'они мы вы я был была были было быть есть для при над под также уже ещё еще или чем сказал сказала заявил ' +
    'заявила говорит считает по-прежнему который которая которые которых ' +
    // Korean (after particles are cut)
    '그 이 저 것 수 등 및 또 또한 더 위해 대해 통해 있다 없다 했다 한다 하는 밝혔다 말했다 전했다'
  ).split(' '),
);

/** Russian endings, longest first, for cutting (the list the matcher accepts after a stem). */
const RU_ENDINGS = [...RUSSIAN_ENDINGS].filter(Boolean).sort((a, b) => b.length - a.length);
/** Korean particles and a few verb endings, longest first. */
const KO_ENDINGS = [
  ...KOREAN_PARTICLES,
  ...'하다 한다 했다 하는 하고 하며 했으며 해 했던 할 된다 됐다 되는 되고 됐으며 이다 였다 있다 있는 없는 적 적인 적으로'.split(
    ' ',
  ),
]
  .filter(Boolean)
  .sort((a, b) => b.length - a.length);

const CYRILLIC = /[\u0400-\u04ff]/;
const HANGUL = /[\uac00-\ud7a3]/;
const LATIN = /^[a-z]/;

/** Russian stems are cut to this many letters: verb and derived forms (поставляет, поставки) meet at their start. */
const RU_STEM = 6;
/** English stems likewise (alliance/allied/allies stay apart, but supplying/supplies/supplied meet). */
const EN_STEM = 7;

function englishStem(w: string): string {
  let s = w;
  if (s.length > 4 && s.endsWith('ies')) s = s.slice(0, -3) + 'y';
  else if (s.length > 5 && s.endsWith('ing')) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith('ed')) s = s.slice(0, -2);
  else if (s.length > 4 && s.endsWith('es') && /(ch|sh|x|ss)es$/.test(s)) s = s.slice(0, -2);
  else if (s.length > 3 && s.endsWith('s') && !s.endsWith('ss')) s = s.slice(0, -1);
  return s.slice(0, EN_STEM);
}

function russianStem(w: string): string {
  for (const e of RU_ENDINGS) {
    if (w.length - e.length >= 3 && w.endsWith(e)) return w.slice(0, w.length - e.length).slice(0, RU_STEM);
  }
  return w.slice(0, RU_STEM);
}

function koreanStem(w: string): string {
  for (const e of KO_ENDINGS) {
    if (w.length - e.length >= 1 && w.endsWith(e)) return w.slice(0, w.length - e.length);
  }
  return w;
}

/** Where the entity scan found an entity in a text: `[start, end)` in UTF-16 units. */
export interface EntitySpan {
  start: number;
  end: number;
  id: string;
}

/** The token an entity mention stands as: the same in every language and for every alias ("UN", "ООН", "유엔"). */
export function entityToken(id: string): string {
  return '@' + id;
}

/**
 * The distinct stems of a text, in order of first appearance. Numbers are kept
 * (29 million, 2 percent); one-letter words and function words are not. Each
 * entity mention (`entities`, in text order, not overlapping) is one token
 * for its entity, and, for a capital, one for the country it stands for.
 */
export function stemsOf(
  text: string,
  entities: readonly EntitySpan[] = [],
  standsFor: Readonly<Record<string, readonly string[]>> = {},
): string[] {
  const out = new Set<string>();
  let rest = '';
  let from = 0;
  for (const e of entities) {
    if (e.start < from) continue;
    rest += text.slice(from, e.start) + ' ';
    out.add(entityToken(e.id));
    for (const t of standsFor[e.id] ?? []) out.add(entityToken(t));
    from = e.end;
  }
  rest += text.slice(from);
  for (const word of wordsOf(normaliseForMatch(rest))) {
    if (STOP.has(word)) continue;
    if (HANGUL.test(word)) {
      const stem = koreanStem(word);
      if (STOP.has(stem)) continue;
      if (stem.length <= 2) out.add(stem);
      else for (let i = 0; i + 1 < stem.length; i++) out.add(stem.slice(i, i + 2));
    } else if (CYRILLIC.test(word)) {
      if (word.length > 1) out.add(russianStem(word));
    } else if (LATIN.test(word)) {
      if (word.length > 1) out.add(englishStem(word));
    } else if (word.length > 0) {
      out.add(word);
    }
  }
  return [...out];
}
