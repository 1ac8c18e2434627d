/**
 * The reader's language where a script speaks without a page to read it from
 * (the background: toolbar tooltips, the context menu, the errors it answers
 * with): the setting, read at start and again whenever the settings change,
 * and applied only when it changed. Each read waits for the one before, so
 * that a quick second change is never overtaken by the first.
 */
import type { LanguageSetting } from './locales';

export interface LanguageFollowerOptions {
  /** the reader's setting now (rejects when the store cannot be read) */
  read(): Promise<LanguageSetting>;
  /** the setting when it cannot be read: the browser's language, as on a first start */
  fallback: LanguageSetting;
  /** speaks the language of this setting from now on */
  apply(setting: LanguageSetting): Promise<void>;
}

export interface LanguageFollower {
  /** Reads the setting again (after the reads before it) and applies it if it changed. */
  follow(): Promise<void>;
  /** Settles once every read so far is applied: what is said after it is in the reader's language. */
  ready(): Promise<void>;
}

export function followLanguage(options: LanguageFollowerOptions): LanguageFollower {
  let applied: LanguageSetting | null = null;
  let last: Promise<void> = Promise.resolve();
  return {
    follow() {
      last = last
        .then(options.read)
        .catch(() => options.fallback)
        .then(async (setting) => {
          if (setting === applied) return;
          applied = setting;
          await options.apply(setting);
        });
      return last;
    },
    ready: () => last,
  };
}
