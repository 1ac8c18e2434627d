/**
 * The reader's settings in a page of Lens's own UI (the options page, the
 * popup's switches), changed the way a reader expects of a switch:
 *
 * - a change shows at once, before the background has stored it;
 * - a change is made to the settings as the reader last changed them, not
 *   to those of the last render: two quick clicks on a switch are two
 *   changes (the second would otherwise repeat the first before its answer
 *   came, and the switch would end where the first click left it);
 * - only the latest change's answer is shown, not an earlier one's over it;
 * - a change the store refuses is taken back: the page shows what is stored.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Client } from '../messages';
import type { Settings } from '../settings';

export interface SettingsState {
  /** null until read */
  settings: Settings | null;
  /**
   * Stores what `edit` makes of the latest settings. Resolves with the patch
   * and what the store holds after it (null before the settings are read);
   * rejects with the store's error once the page shows what is stored.
   */
  change(
    edit: (current: Settings) => Partial<Settings>,
  ): Promise<{ patch: Partial<Settings>; stored: Settings } | null>;
}

export function useSettings(
  ask: Client,
  loaded?: (settings: Settings) => void,
  loadFailed?: (error: unknown) => void,
): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const latest = useRef<Settings | null>(null);
  /** counts the changes: only the latest one's answer is shown */
  const changes = useRef(0);
  const show = (s: Settings) => {
    latest.current = s;
    setSettings(s);
  };

  useEffect(() => {
    ask('getSettings', null).then(
      (s) => {
        show(s);
        loaded?.(s);
      },
      (error: unknown) => loadFailed?.(error),
    );
  }, []);

  async function change(edit: (current: Settings) => Partial<Settings>) {
    const current = latest.current;
    if (!current) return null;
    const patch = edit(current);
    show({ ...current, ...patch });
    const mine = ++changes.current;
    try {
      const stored = await ask('setSettings', patch);
      if (mine === changes.current) show(stored);
      return { patch, stored };
    } catch (error) {
      const stored = await ask('getSettings', null).catch(() => null);
      if (stored && mine === changes.current) show(stored);
      throw error;
    }
  }

  return { settings, change };
}
