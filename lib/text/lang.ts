/**
 * The languages Lens reads pages in, with their own word rules (Russian
 * endings, Korean particles): the corpus gives each alias in one of them
 * (../corpus/schema.ts checks it against this list).
 */
export const LANGS = ['en', 'ru', 'ko'] as const;
export type Lang = (typeof LANGS)[number];
