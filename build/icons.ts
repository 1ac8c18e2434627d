/**
 * Build-time icons: assets/icon.svg rendered to every PNG the manifest and the
 * toolbar states use (names and sizes from lib/toolbar-icon.ts).
 *
 * Rendered with resvg compiled to WebAssembly (@resvg/resvg-wasm): one npm
 * package with no native binary and no install script, so `npm ci` works
 * offline from the registry on any platform, and the same wasm gives the same
 * pixels everywhere — which the Firefox sources archive's byte-for-byte
 * rebuild relies on. (sharp, which @wxt-dev/auto-icons uses, brings a
 * 160 MB platform-specific libvips.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { ACTION_ICON_SIZES, ICON_SIZES, iconPath, TOOLBAR_STATES, type ToolbarState } from '../lib/toolbar-icon';

export const ICON_SOURCE = new URL('../assets/icon.svg', import.meta.url);

/** The grey of the paused and site-off tiles: the active blue's luminance, so it contrasts as well. */
const OFF_TILE = '#898989';

/** One edit of the drawing: `from` must occur in it exactly once. */
function replaceOnce(svg: string, from: string, to: string): string {
  const at = svg.indexOf(from);
  if (at === -1 || svg.indexOf(from, at + 1) !== -1) {
    throw new Error(`assets/icon.svg: expected ${JSON.stringify(from)} exactly once`);
  }
  return svg.slice(0, at) + to + svg.slice(at + from.length);
}

/** The drawing for a state: paused shows pause bars instead of the lens, site-off strikes the lens through. */
export function iconSvg(source: string, state: ToolbarState): string {
  if (state === 'active') return source;
  let svg = replaceOnce(source, 'fill="#3d8ae0"', `fill="${OFF_TILE}"`);
  if (state === 'paused') {
    svg = replaceOnce(svg, '<g id="lens"', '<g id="lens" display="none"');
    return replaceOnce(svg, '<g id="paused" display="none"', '<g id="paused"');
  }
  return replaceOnce(svg, '<g id="off" display="none"', '<g id="off"');
}

let ready: Promise<void> | null = null;

/** resvg's wasm, instantiated once per process (initWasm refuses a second call). */
function resvgReady(): Promise<void> {
  const require = createRequire(import.meta.url);
  ready ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  return ready;
}

export interface RenderedIcon {
  size: number;
  png: Uint8Array;
  /** RGBA, row by row */
  pixels: Uint8Array;
}

export async function renderIcon(svg: string, size: number): Promise<RenderedIcon> {
  await resvgReady();
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render();
  if (image.width !== size || image.height !== size) {
    throw new Error(`assets/icon.svg rendered at ${image.width}×${image.height}, not ${size}×${size}`);
  }
  return { size, png: image.asPng(), pixels: image.pixels };
}

export interface IconFile extends RenderedIcon {
  state: ToolbarState;
  /** path in the built extension */
  path: string;
}

/** Every icon the extension ships: the extension's icon at its sizes, and each toolbar state at the toolbar's. */
export async function renderIcons(source = readFileSync(ICON_SOURCE, 'utf8')): Promise<IconFile[]> {
  const wanted = new Map<string, { state: ToolbarState; size: number }>();
  for (const size of ICON_SIZES) wanted.set(iconPath('active', size), { state: 'active', size });
  for (const state of TOOLBAR_STATES) {
    for (const size of ACTION_ICON_SIZES) wanted.set(iconPath(state, size), { state, size });
  }
  const files: IconFile[] = [];
  for (const [path, { state, size }] of wanted) {
    files.push({ state, path, ...(await renderIcon(iconSvg(source, state), size)) });
  }
  return files;
}
