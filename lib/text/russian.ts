/**
 * Russian declension, reduced to what a name matcher needs: the stems an
 * alias word declines from, and the closed set of endings a stem may take.
 *
 * No grammar: an alias word loses whichever dictionary-form ending it has
 * (Москва → Москв, Северная → Северн, Пхеньян → Пхеньян) and a word of text
 * matches if it is that stem plus any ending in RUSSIAN_ENDINGS, the union of
 * noun and adjective case endings. Derived words stay out because their
 * suffixes are not endings: Путинизм (-изм), Корейский (Коре + -йский),
 * Российский (Росси + -йский), Москвич (-ич), Пхеньянский (-ский).
 * Endings are in folded form (lower case, ё as е).
 */

export const RUSSIAN_ENDINGS: readonly string[] = [
  '',
  ...'а я о е ы и у ю ь й ой ей ою ею ом ем ам ям ах ях ов ев ую юю ая яя ое ее ые ие ый ий ых их ым им ью ья ьи ье ами ями ого его ому ему ыми ими ьям ьях ьми ьев'.split(
    ' ',
  ),
];

/** Dictionary-form endings (nominative singular or plural), longest first. */
const BASE_ENDINGS = ['ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ый', 'ий', 'ой', 'а', 'я', 'о', 'е', 'ь', 'й', 'ы', 'и'];

/**
 * The stems a folded alias word declines from: one per dictionary ending it
 * could have (Дмитрий → Дмитри as a noun, Дмитр as an adjective), or the word
 * itself if it ends in a consonant. Stems shorter than `minStem` are dropped;
 * an empty result means the word should only match as written.
 */
export function russianStems(word: string, minStem: number): string[] {
  const stems: string[] = [];
  let declines = false;
  for (const e of BASE_ENDINGS) {
    if (!word.endsWith(e)) continue;
    declines = true;
    if (word.length - e.length >= minStem) stems.push(word.slice(0, word.length - e.length));
  }
  if (!declines && word.length >= minStem) stems.push(word);
  return stems;
}
