/**
 * The one rule of what is a form of a word, for everything that reads Russian
 * and Korean: the matcher marks an alias in these forms (./alias-trie.ts reads
 * the same two lists), and search takes a typed form for the word it is a form
 * of (../search/terms.ts).
 *
 * - Russian: the word's stem (./russian.ts, `russianStems`) plus one of
 *   RUSSIAN_ENDINGS: Пхеньяна and Пхеньяном are Пхеньян, Москве is Москва.
 *   A derived word is not a form: Пхеньянский, Москвич, Путинизм.
 * - Korean: the noun plus one of KOREAN_PARTICLES written together with it:
 *   북한의 and 평양에서 are 북한 and 평양. A compound is not a form: 북한군
 *   (the North Korean army), 북한산, 북한이탈주민 are not 북한.
 *
 * Words are in folded form (normaliseForMatch: lower case, ё as е).
 */
import { KOREAN_PARTICLES } from './korean';
import { RUSSIAN_ENDINGS, russianStems } from './russian';

/** The shortest stem of a one-word alias the matcher declines (./alias-trie.ts). */
const MIN_RUSSIAN_STEM = 3;

const ENDINGS = new Set(RUSSIAN_ENDINGS);
const PARTICLES = new Set(KOREAN_PARTICLES);
const LONGEST_ENDING = Math.max(...RUSSIAN_ENDINGS.map((e) => e.length));
const LONGEST_PARTICLE = Math.max(...KOREAN_PARTICLES.map((p) => p.length));

/**
 * What `form` may be a form of, to look up: the form without each ending (or
 * particle) it ends with, longest cut first. Empty for a word in another script
 * or one that ends in nothing of the lists. Each is a candidate only:
 * `isFormOf` says which words of the corpus it is a form of.
 */
export function formStems(form: string): string[] {
  const script = scriptOf(form);
  if (script === null) return [];
  const [set, longest, keep] =
    script === 'ru' ? [ENDINGS, LONGEST_ENDING, MIN_RUSSIAN_STEM] : [PARTICLES, LONGEST_PARTICLE, 1];
  const out: string[] = [];
  for (let cut = Math.min(longest, form.length - keep); cut >= 1; cut--) {
    if (set.has(form.slice(form.length - cut))) out.push(form.slice(0, form.length - cut));
  }
  return out;
}

/** Whether `form`, as written, is `word` inflected by the rule above (a word is a form of itself). */
export function isFormOf(form: string, word: string): boolean {
  if (form === word) return true;
  const script = scriptOf(form);
  if (script === 'ko') return form.startsWith(word) && PARTICLES.has(form.slice(word.length));
  if (script === 'ru') {
    return russianStems(word, MIN_RUSSIAN_STEM).some(
      (stem) => form.startsWith(stem) && ENDINGS.has(form.slice(stem.length)),
    );
  }
  return false;
}

function scriptOf(word: string): 'ru' | 'ko' | null {
  const last = word.charCodeAt(word.length - 1);
  if (last >= 0x400 && last <= 0x4ff) return 'ru';
  if (last >= 0xac00 && last <= 0xd7a3) return 'ko';
  return null;
}
