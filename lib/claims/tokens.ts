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
 * Where each stem of a text occurs, counted in words (function words keep
 * their place, so that a phrase's words stay apart as in the text). Numbers
 * are kept (29 million, 2 percent); one-letter words and function words are
 * not. Each entity mention (`entities`, in text order, not overlapping) is one
 * token for its entity and, for a capital, one for the country it stands for,
 * at the same place. A Korean word's syllable pairs share its place.
 */
export function stemPositions(
  text: string,
  entities: readonly EntitySpan[] = [],
  standsFor: Readonly<Record<string, readonly string[]>> = {},
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let at = 0;
  const add = (stem: string) => {
    const list = out.get(stem);
    if (!list) out.set(stem, [at]);
    else if (list[list.length - 1] !== at) list.push(at);
  };
  const words = (piece: string) => {
    for (const word of wordsOf(normaliseForMatch(piece))) {
      if (!STOP.has(word)) {
        if (HANGUL.test(word)) {
          const stem = koreanStem(word);
          if (!STOP.has(stem)) {
            if (stem.length <= 2) add(stem);
            else for (let i = 0; i + 1 < stem.length; i++) add(stem.slice(i, i + 2));
          }
        } else if (CYRILLIC.test(word)) {
          if (word.length > 1) add(russianStem(word));
        } else if (LATIN.test(word)) {
          if (word.length > 1) add(englishStem(word));
        } else if (word.length > 0) {
          add(word);
        }
      }
      at++;
    }
  };
  let from = 0;
  for (const e of entities) {
    if (e.start < from) continue;
    words(text.slice(from, e.start));
    add(entityToken(e.id));
    for (const t of standsFor[e.id] ?? []) add(entityToken(t));
    at++;
    from = e.end;
  }
  words(text.slice(from));
  return out;
}

/** The distinct stems of a text, in order of first appearance (see `stemPositions`). */
export function stemsOf(
  text: string,
  entities: readonly EntitySpan[] = [],
  standsFor: Readonly<Record<string, readonly string[]>> = {},
): string[] {
  return [...stemPositions(text, entities, standsFor).entries()]
    .sort((a, b) => a[1][0]! - b[1][0]!)
    .map(([stem]) => stem);
}

/**
 * Whether a phrase's stems occur in the text in its order, close together:
 * its first and last within its length plus `slack` words ("supports
 * sanctions" in "Russia supports new sanctions", not in "sanctions … in
 * exchange for Moscow's support").
 */
export function hasPhrase(positions: Map<string, number[]>, phrase: readonly string[], slack = 2): boolean {
  const first = positions.get(phrase[0]!);
  if (!first) return false;
  for (const start of first) {
    let prev = start;
    let ok = true;
    for (let k = 1; k < phrase.length && ok; k++) {
      // >=: a Korean word's syllable pairs share its place
      const next = positions.get(phrase[k]!)?.find((p) => p >= prev);
      if (next === undefined) ok = false;
      else prev = next;
    }
    if (ok && prev - start <= phrase.length - 1 + slack) return true;
  }
  return false;
}
