/**
 * Light or dark card, following the page and the system: the page's own
 * background colour when it sets one, otherwise the colour scheme the page
 * allows together with the system's preference.
 */
import type { Theme } from '../settings';

function parseRgb(colour: string): [number, number, number, number] | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(colour);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** Relative luminance, WCAG 2 (0 black … 1 white). */
function luminance([r, g, b]: [number, number, number, number]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function pageTheme(doc: Document, setting: Theme = 'auto'): 'light' | 'dark' {
  if (setting !== 'auto') return setting;
  const win = doc.defaultView!;
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const rgb = parseRgb(win.getComputedStyle(element).backgroundColor);
    if (rgb && rgb[3] > 0.5) return luminance(rgb) < 0.2 ? 'dark' : 'light';
  }
  const scheme = win.getComputedStyle(doc.documentElement).colorScheme || 'normal';
  const systemDark = win.matchMedia('(prefers-color-scheme: dark)').matches;
  if (scheme.includes('dark') && (systemDark || !scheme.includes('light'))) return 'dark';
  return 'light';
}

/**
 * An extension page (popup, options) in the reader's theme: an explicit light
 * or dark on the root (lib/ui/base.css), or the system's when it is `auto`.
 */
export function applyPageTheme(doc: Document, setting: Theme): 'light' | 'dark' {
  const root = doc.documentElement;
  if (setting === 'auto') delete root.dataset.theme;
  else root.dataset.theme = setting;
  return setting === 'auto'
    ? doc.defaultView!.matchMedia('(prefers-color-scheme: dark)').matches
      ? 'dark'
      : 'light'
    : setting;
}
