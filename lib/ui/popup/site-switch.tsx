/**
 * The popup's switches: Lens on or off for the current tab's site (one click,
 * the tab follows without a reload), pause everywhere, and the way to options.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Client, TabProtocol } from '../../messages';
import { isActiveOn, switchSite, type Settings } from '../../settings';
import { errorMessage } from '../../errors';

export interface SiteSwitchProps {
  ask: Client;
  askTab: Client<TabProtocol> | null;
  openOptions(): void;
}

export function SiteSwitch({ ask, askTab, openOptions }: SiteSwitchProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [inPrivate, setInPrivate] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    ask('getSettings', null).then(setSettings, () => undefined);
    askTab?.('getPageInfo', null).then(
      (info) => {
        setUrl(/^https?:/.test(info.url) ? info.url : null);
        setInPrivate(info.private === true);
      },
      () => undefined /* no content script here: a browser page */,
    );
  }, [askTab]);

  if (!settings) return null;
  const change = (patch: Partial<Settings>) =>
    ask('setSettings', patch).then(
      (next) => {
        setSettings(next);
        setError(null);
      },
      (e: unknown) => setError(`Not saved: ${errorMessage(e)}`),
    );
  const host = url && new URL(url).hostname;
  const siteOn = url !== null && isActiveOn({ ...settings, paused: false }, url);

  return (
    <div class="switches">
      {host && inPrivate && (
        // Nothing from a private window is kept, not even the name of its site in the list Lens is off on.
        <p class="switch-note">Lens keeps nothing from a private window: pause it instead.</p>
      )}
      {host && !inPrivate && (
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            checked={siteOn}
            disabled={settings.paused}
            onChange={() => void change({ disabledSites: switchSite(settings.disabledSites, url, !siteOn) })}
          />
          On {host}
        </label>
      )}
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={settings.paused}
          onChange={() => void change({ paused: !settings.paused })}
        />
        Pause everywhere
      </label>
      <button type="button" class="link" onClick={openOptions}>
        Options
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
