/** The four highlight colours as toggle buttons, one pressed: render-only. */
import { HIGHLIGHT_COLOURS, type HighlightColour } from '../highlight-colours';

const NAMES: Record<HighlightColour, string> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink' };

export function colourName(colour: HighlightColour): string {
  return NAMES[colour];
}

export interface ColourPickerProps {
  value: HighlightColour;
  onChange(colour: HighlightColour): void;
  disabled?: boolean | undefined;
}

export function ColourPicker({ value, onChange, disabled }: ColourPickerProps) {
  return (
    <div class="rdl-colours" role="group" aria-label="Colour">
      {HIGHLIGHT_COLOURS.map((colour) => (
        <button
          key={colour}
          type="button"
          class="rdl-colour"
          data-colour={colour}
          aria-label={NAMES[colour]}
          title={NAMES[colour]}
          aria-pressed={colour === value}
          disabled={disabled}
          onClick={() => onChange(colour)}
        />
      ))}
    </div>
  );
}
