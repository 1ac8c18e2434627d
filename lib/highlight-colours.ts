/**
 * The colours a reader can give a highlight, and the CSS highlight each one
 * is drawn with (`::highlight(rdl-saved-<colour>)`, styled in the content
 * script's manifest stylesheet). Names, not values: the page's stylesheet
 * decides the tint, and a stored colour can never carry CSS of its own.
 */
export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];

export const DEFAULT_HIGHLIGHT_COLOUR: HighlightColour = 'yellow';

export function isHighlightColour(value: unknown): value is HighlightColour {
  return (HIGHLIGHT_COLOURS as readonly unknown[]).includes(value);
}

/**
 * The CSS highlight a colour is drawn with; a colour we do not know (an import
 * from another tool) is drawn yellow. A highlight with a note is drawn as
 * `rdl-saved-<colour>-noted`: the same tint, and a mark that says it has one.
 */
export function savedHighlightName(colour: string, note = ''): string {
  return `rdl-saved-${isHighlightColour(colour) ? colour : DEFAULT_HIGHLIGHT_COLOUR}${note ? '-noted' : ''}`;
}
