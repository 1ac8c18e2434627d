import { describe, expect, test } from 'vitest';
import { checkSettingsPatch, DEFAULT_SETTINGS, isActiveOn, readSettings, siteOf, switchSite } from '../../lib/settings';

describe('readSettings', () => {
  test('stored values are read back; unknown keys and invalid values fall back to the defaults', () => {
    expect(
      readSettings([
        { key: 'density', value: 'first-per-paragraph' },
        { key: 'theme', value: 'purple' },
        { key: 'kinds', value: ['person', 'nonsense'] },
        { key: 'colourOfTheSky', value: 'blue' },
      ]),
    ).toEqual({ ...DEFAULT_SETTINGS, density: 'first-per-paragraph' });
  });

  test('what is marked: context entities on pages about the relationship only, main text only, by default', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ markEverywhere: false, mainTextOnly: true });
    expect(
      readSettings([
        { key: 'markEverywhere', value: true },
        { key: 'mainTextOnly', value: 'no' },
      ]),
    ).toEqual({ ...DEFAULT_SETTINGS, markEverywhere: true });
    expect(() => checkSettingsPatch({ mainTextOnly: 1 })).toThrow('Invalid value for setting "mainTextOnly"');
  });

  test('a patch with an unknown key or a wrong value is refused, naming it', () => {
    expect(() => checkSettingsPatch({ paused: 'yes' })).toThrow('Invalid value for setting "paused"');
    expect(() => checkSettingsPatch({ fontSize: 3 })).toThrow('Unknown setting "fontSize"');
    expect(checkSettingsPatch({ markStyle: 'tint' })).toEqual({ markStyle: 'tint' });
  });
});

describe('sites', () => {
  test.each([
    ['https://www.bbc.com/news/world', 'www.bbc.com'],
    ['www.BBC.com', 'www.bbc.com'],
    ['  nknews.org/ ', 'nknews.org'],
    ['http://localhost:8080/x', 'localhost'],
    // punycode as Python's idna codec gives it
    ['한국일보.com', 'xn--3e0bm80ac2h5no.com'],
    ['', null],
    ['not a site at all', null],
    ['https://', null],
  ])('siteOf(%j) is %j', (input, site) => {
    expect(siteOf(input)).toBe(site);
  });

  test.each<[string[], string, boolean, string[]]>([
    [[], 'https://www.bbc.com/news', false, ['www.bbc.com']],
    [['www.bbc.com'], 'https://www.bbc.com/other', false, ['www.bbc.com']],
    [['bbc.com'], 'https://www.bbc.com/news', false, ['bbc.com']],
    [['www.bbc.com', 'nknews.org'], 'https://www.bbc.com/news', true, ['nknews.org']],
    // A listed parent domain is what keeps Lens off here: switching on removes it.
    [['bbc.com', 'nknews.org'], 'https://www.bbc.com/news', true, ['nknews.org']],
    [['nknews.org'], 'about:blank', false, ['nknews.org']],
  ])('switchSite(%j, %s, on=%s) → %j', (sites, url, on, expected) => {
    expect(switchSite(sites, url, on)).toEqual(expected);
    const settings = { ...DEFAULT_SETTINGS, disabledSites: expected };
    if (url.startsWith('http')) expect(isActiveOn(settings, url)).toBe(on);
  });

  test('pausing switches Lens off everywhere; subdomains follow their listed site', () => {
    expect(isActiveOn({ ...DEFAULT_SETTINGS, paused: true }, 'https://example.org/')).toBe(false);
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['example.org'] };
    expect(isActiveOn(settings, 'https://news.example.org/a')).toBe(false);
    expect(isActiveOn(settings, 'https://notexample.org/a')).toBe(true);
  });
});
