/**
 * The icons rendered from assets/icon.svg: every file the manifest and the
 * toolbar states name, at its size, visible on light and dark toolbars, and
 * the three states told apart at 16 px by what the pixels show.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { renderIcons, type IconFile } from '../../../build/icons';
import { pngSize } from '../../../store/listing';
import { ACTION_ICON_SIZES, ICON_SIZES, iconPath, TOOLBAR_STATES } from '../../../lib/toolbar-icon';

/** Toolbar colours: Chrome's light and dark, Firefox's light and dark themes. */
const TOOLBARS = {
  'Chrome light': '#ffffff',
  'Firefox light': '#f9f9fb',
  'Chrome dark': '#35363a',
  'Firefox dark': '#2b2a33',
  'Chrome dark (incognito)': '#202124',
};

type Rgb = [number, number, number];
const hex = (h: string): Rgb => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;

/** WCAG 2 relative luminance and contrast ratio. */
function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The icon's pixels as the reader sees them over a toolbar colour. */
function over(icon: IconFile, background: Rgb): Rgb[] {
  const out: Rgb[] = [];
  for (let i = 0; i < icon.pixels.length; i += 4) {
    const a = icon.pixels[i + 3]! / 255;
    out.push([0, 1, 2].map((c) => icon.pixels[i + c]! * a + background[c]! * (1 - a)) as Rgb);
  }
  return out;
}

/** Share of the icon's pixels that stand out from `against` at WCAG's 3:1 for graphics. */
const standingOut = (pixels: Rgb[], against: Rgb) =>
  pixels.filter((p) => contrast(p, against) >= 3).length / pixels.length;

let icons: IconFile[];
beforeAll(async () => {
  icons = await renderIcons();
});

test('every size the manifest and the toolbar states name is rendered, as a PNG of that size', () => {
  const wanted = new Set([
    ...ICON_SIZES.map((size) => iconPath('active', size)),
    ...TOOLBAR_STATES.flatMap((state) => ACTION_ICON_SIZES.map((size) => iconPath(state, size))),
  ]);
  expect(new Set(icons.map((i) => i.path))).toEqual(wanted);
  for (const icon of icons)
    expect(pngSize(Buffer.from(icon.png)), icon.path).toEqual({ width: icon.size, height: icon.size });
});

test('rendering again gives the same bytes (the build is reproducible)', async () => {
  const again = await renderIcons();
  expect(again.map((i) => Buffer.from(i.png).toString('base64'))).toEqual(
    icons.map((i) => Buffer.from(i.png).toString('base64')),
  );
});

describe.each(Object.entries(TOOLBARS))('on a %s toolbar (%s)', (_, colour) => {
  test.each(TOOLBAR_STATES.flatMap((state) => ACTION_ICON_SIZES.map((size) => [state, size] as const)))(
    'the %s icon at %i px stands out, and so does its glyph on its tile',
    (state, size) => {
      const icon = icons.find((i) => i.path === iconPath(state, size))!;
      const pixels = over(icon, hex(colour));
      // The tile's silhouette (on a dark toolbar, the white glyph too): over a third of the icon.
      expect(standingOut(pixels, hex(colour))).toBeGreaterThan(0.35);
      // The glyph: the pixels that stand out from the tile, sampled below the glyph.
      const tile = pixels[Math.round(size * 0.9) * size + Math.round(size * 0.5)]!;
      expect(standingOut(pixels, tile)).toBeGreaterThan(0.12);
    },
  );
});

test('at 16 px the states differ: only the active icon is in colour, and paused and site-off draw different glyphs', () => {
  const at16 = Object.fromEntries(TOOLBAR_STATES.map((s) => [s, icons.find((i) => i.path === iconPath(s, 16))!]));
  const saturated = (icon: IconFile) =>
    over(icon, hex('#ffffff')).filter(([r, g, b]) => Math.max(r, g, b) - Math.min(r, g, b) > 60).length;
  expect(saturated(at16.active!)).toBeGreaterThan(100);
  expect(saturated(at16.paused!)).toBe(0);
  expect(saturated(at16['site-off']!)).toBe(0);
  const differing = (a: IconFile, b: IconFile) =>
    over(a, [0, 0, 0]).filter((p, i) => contrast(p, over(b, [0, 0, 0])[i]!) >= 3).length;
  expect(differing(at16.paused!, at16['site-off']!)).toBeGreaterThan(20);
});
