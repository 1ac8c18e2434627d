/**
 * The colours a reader can give a highlight, and the name each one is drawn
 * under (`rdl-saved-<colour>`) in Lens's closed layer (lib/dom/saved-layer.ts,
 * which holds the tints). Names, not values: a stored colour can never carry
 * CSS of its own.
 */
export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];

export const DEFAULT_HIGHLIGHT_COLOUR: HighlightColour = 'yellow';

export function isHighlightColour(value: unknown): value is HighlightColour {
  return (HIGHLIGHT_COLOURS as readonly unknown[]).includes(value);
}

/** The name a colour is drawn under; a colour we do not know (an import from another tool) is drawn yellow. */
export function savedHighlightName(colour: string): string {
  return `rdl-saved-${isHighlightColour(colour) ? colour : DEFAULT_HIGHLIGHT_COLOUR}`;
}
