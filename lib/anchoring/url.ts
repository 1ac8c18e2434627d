/**
 * The URL a highlight is filed under: the same article reached from a
 * newsletter, a social network or a search ad must find the same highlights.
 * So the fragment and click/campaign tracking parameters go; every other
 * parameter stays, in its order and spelling, because some sites name the
 * article in one (`?id=123`, `?p=456`).
 */

/** Query parameters that only say how the reader arrived (lower case); `utm_*` is matched by prefix. */
const TRACKING = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'ysclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'igsh',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  'ref_src',
  'ref_url',
  'mkt_tok',
  '_hsenc',
  '_hsmi',
  '__hstc',
  '__hssc',
  '__hsfp',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'wickedid',
  'rb_clickid',
  '_openstat',
]);

export function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING.has(lower);
}

/**
 * `url` without its fragment and tracking parameters, in the WHATWG URL
 * parser's serialisation (lower-case host, default port dropped). A string
 * that is not an absolute URL is returned trimmed but otherwise unchanged.
 */
export function normaliseUrl(url: string): string {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return trimmed;
  }
  parsed.hash = '';
  // Filter the serialised query piece by piece rather than through
  // URLSearchParams, which would re-encode the parameters it keeps
  // (`%20` → `+`, `a` → `a=`) and so change URLs that have none to remove.
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((piece) => piece !== '' && !isTrackingParameter(parameterName(piece)));
  parsed.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return parsed.href;
}

function parameterName(piece: string): string {
  const raw = piece.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}
