/** The four highlight colours as toggle buttons, one pressed: render-only. */
import { HIGHLIGHT_COLOURS, type HighlightColour } from '../highlight-colours';
import { t, type MessageKey } from '../i18n/translate';

const NAMES: Record<HighlightColour, MessageKey> = {
  yellow: 'colourYellow',
  green: 'colourGreen',
  blue: 'colourBlue',
  pink: 'colourPink',
};

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
    <div class="rdl-colours" role="group" aria-label={t('colour')}>
      {HIGHLIGHT_COLOURS.map((colour) => (
        <button
          key={colour}
          type="button"
          class="rdl-colour"
          data-colour={colour}
          aria-label={t(NAMES[colour])}
          title={t(NAMES[colour])}
          aria-pressed={colour === value}
          disabled={disabled}
          onClick={() => onChange(colour)}
        />
      ))}
    </div>
  );
}
