/**
 * The reader's settings: what they are, their defaults, and how a stored
 * (possibly older or hand-edited) value is read back safely.
 */
import type { EntityKind } from './corpus/schema';
import { LANGUAGE_SETTINGS, type LanguageSetting } from './i18n/locales';

export type Density = 'every' | 'first-per-paragraph';
export type MarkStyle = 'underline' | 'tint';
export type Theme = 'auto' | 'light' | 'dark';

export interface Settings {
  /** no marks anywhere */
  paused: boolean;
  /** host names where Lens does nothing */
  disabledSites: string[];
  density: Density;
  /** entity kinds that are marked on pages */
  kinds: EntityKind[];
  markStyle: MarkStyle;
  theme: Theme;
  /** mark context entities (the US, China, Putin …) on every page, not only on pages about the relationship */
  markEverywhere: boolean;
  /** leave navigation, headers, footers, asides and link lists unmarked */
  mainTextOnly: boolean;
  /**
   * Developer: write `rdl:scan` User Timing measures on pages. Off by default: a page's scripts can read
   * its performance timeline, and the measures would tell them what Lens found there.
   */
  measures: boolean;
  /** mark the sentences that state a corpus claim or take a topic position (lib/claims) */
  claims: boolean;
  /** the UI's language: the browser's, or one the reader chose (lib/i18n) */
  language: LanguageSetting;
}

export const ALL_KINDS: EntityKind[] = ['country', 'person', 'place', 'organisation', 'treaty', 'event', 'concept'];

export const DEFAULT_SETTINGS: Settings = {
  paused: false,
  disabledSites: [],
  density: 'every',
  kinds: ALL_KINDS,
  markStyle: 'underline',
  theme: 'auto',
  markEverywhere: false,
  mainTextOnly: true,
  measures: false,
  claims: true,
  language: 'browser',
};

const oneOf =
  <T extends string>(allowed: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (allowed as readonly string[]).includes(value);

const CHECKS: { [K in keyof Settings]: (value: unknown) => value is Settings[K] } = {
  paused: (v): v is boolean => typeof v === 'boolean',
  // A host name is at most 253 characters; no reader turns Lens off on more than a few thousand sites.
  disabledSites: (v): v is string[] =>
    Array.isArray(v) && v.length <= 10_000 && v.every((s) => typeof s === 'string' && s.length <= 253),
  density: oneOf(['every', 'first-per-paragraph'] as const),
  kinds: (v): v is EntityKind[] => Array.isArray(v) && v.every(oneOf(ALL_KINDS)),
  markStyle: oneOf(['underline', 'tint'] as const),
  theme: oneOf(['auto', 'light', 'dark'] as const),
  markEverywhere: (v): v is boolean => typeof v === 'boolean',
  mainTextOnly: (v): v is boolean => typeof v === 'boolean',
  measures: (v): v is boolean => typeof v === 'boolean',
  claims: (v): v is boolean => typeof v === 'boolean',
  language: oneOf(LANGUAGE_SETTINGS),
};

/** Settings from stored rows: unknown keys are ignored, invalid values fall back to the default. */
export function readSettings(rows: { key: string; value: unknown }[]): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const { key, value } of rows) {
    if (Object.hasOwn(CHECKS, key) && CHECKS[key as keyof Settings](value)) {
      (settings as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return settings;
}

/** Only the valid entries of a partial update; throws on an invalid one so the caller hears of it. */
export function checkSettingsPatch(patch: Partial<Record<string, unknown>>): Partial<Settings> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch))
    throw new Error('Settings are key–value pairs');
  const valid: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!Object.hasOwn(CHECKS, key)) throw new Error(`Unknown setting "${key}"`);
    if (!CHECKS[key as keyof Settings](value)) throw new Error(`Invalid value for setting "${key}"`);
    valid[key] = value;
  }
  return valid as Partial<Settings>;
}

/** Whether Lens should mark pages at this URL. */
export function isActiveOn(settings: Settings, url: string): boolean {
  if (settings.paused) return false;
  const host = hostOf(url);
  return host === null || !settings.disabledSites.some((site) => covers(site, host));
}

/** Whether a listed site covers a host: itself and its subdomains. */
function covers(site: string, host: string): boolean {
  return host === site || host.endsWith(`.${site}`);
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/**
 * The site a reader typed or pasted, as listed: "https://www.BBC.com/news" and
 * "www.bbc.com" both give "www.bbc.com". Null when it names no host.
 */
export function siteOf(input: string): string | null {
  const text = input.trim();
  if (text === '') return null;
  const host = hostOf(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  return host && /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*$/u.test(host) ? host : null;
}

/** The disabled sites once Lens is switched on or off for the site of `url` (the popup's one-click switch). */
export function switchSite(disabledSites: readonly string[], url: string, on: boolean): string[] {
  const host = hostOf(url);
  if (host === null) return [...disabledSites];
  // On: every entry that covers this host goes (a listed parent domain too), or Lens would stay off here.
  if (on) return disabledSites.filter((site) => !covers(site, host));
  return disabledSites.some((site) => covers(site, host)) ? [...disabledSites] : [...disabledSites, host];
}
