import { expect, test } from 'vitest';
import { isTrackingParameter, normaliseUrl } from '../../../lib/anchoring/url';

test.each([
  ['the fragment goes', 'https://example.org/news/kim-putin#comments', 'https://example.org/news/kim-putin'],
  ['an empty fragment goes', 'https://example.org/a#', 'https://example.org/a'],
  [
    'utm_* parameters go, others stay in their order',
    'https://example.org/a?utm_source=tw&id=42&utm_medium=social&page=2&utm_campaign=x',
    'https://example.org/a?id=42&page=2',
  ],
  [
    'click ids go',
    'https://example.org/a?fbclid=1&gclid=2&dclid=3&msclkid=4&yclid=5&igshid=6&twclid=7',
    'https://example.org/a',
  ],
  [
    'mail and analytics parameters go',
    'https://example.org/a?mc_cid=1&mc_eid=2&_ga=3&_gl=4&ref_src=twsrc',
    'https://example.org/a',
  ],
  ['names are matched in any case', 'https://example.org/a?UTM_Source=x&FBCLID=y&q=Kim', 'https://example.org/a?q=Kim'],
  ['parameters are not sorted', 'https://example.org/search?z=1&a=2', 'https://example.org/search?z=1&a=2'],
  [
    'kept parameters keep their encoding',
    'https://example.org/a?q=Kim%20Jong+Un&utm_source=x&flag',
    'https://example.org/a?q=Kim%20Jong+Un&flag',
  ],
  [
    'a parameter that merely starts like one stays',
    'https://example.org/a?utmost=1&reference=2',
    'https://example.org/a?utmost=1&reference=2',
  ],
  ['a question mark left with nothing goes', 'https://example.org/a?utm_source=x#top', 'https://example.org/a'],
  ['empty pieces go', 'https://example.org/a?id=1&&page=2&', 'https://example.org/a?id=1&page=2'],
  ['the host is lower-cased and the default port dropped', 'HTTPS://Example.ORG:443/News', 'https://example.org/News'],
  ['the path is left alone', 'https://example.org/news/', 'https://example.org/news/'],
  ['surrounding white space goes', '  https://example.org/a  ', 'https://example.org/a'],
  ['a string that is not a URL is kept', 'not a url', 'not a url'],
])('%s', (_, url, expected) => {
  expect(normaliseUrl(url)).toBe(expected);
});

test.each([
  ['utm_content', true],
  ['gbraid', true],
  ['id', false],
  ['ref', false],
])('isTrackingParameter(%s) = %s', (name, tracking) => {
  expect(isTrackingParameter(name)).toBe(tracking);
});
