/**
 * The popup's switches: Lens on or off for the current tab's site (one click,
 * the tab follows without a reload), pause everywhere, and the way to options.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Client, TabProtocol } from '../../messages';
import { isActiveOn, switchSite, type Settings } from '../../settings';
import { t } from '../../i18n/translate';
import { errorMessage } from '../../errors';
import { useSettings } from '../use-settings';

export interface SiteSwitchProps {
  ask: Client;
  askTab: Client<TabProtocol> | null;
  /** whether the tab is in a private window (then no switch for its site: nothing from one is stored) */
  inPrivate: boolean;
  openOptions(): void;
}

export function SiteSwitch({ ask, askTab, inPrivate, openOptions }: SiteSwitchProps) {
  const { settings, change: store } = useSettings(ask);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    askTab?.('getPageInfo', null).then(
      (info) => setUrl(/^https?:/.test(info.url) ? info.url : null),
      () => undefined /* no content script here: a browser page */,
    );
  }, [askTab]);

  if (!settings) return null;
  // (./use-settings.ts: a switch shows its change at once, and two quick clicks are two changes.)
  const change = (edit: (current: Settings) => Partial<Settings>) =>
    store(edit).then(
      () => setError(null),
      (e: unknown) => setError(t('siteNotSaved', { reason: errorMessage(e) })),
    );
  const host = url && new URL(url).hostname;
  /** whether Lens is on for the tab's site in `s` (paused or not) */
  const onHere = (s: Settings) => url !== null && isActiveOn({ ...s, paused: false }, url);
  const siteOn = onHere(settings);

  return (
    <div class="switches">
      {host && inPrivate && (
        // Nothing from a private window is kept, not even the name of its site in the list Lens is off on.
        <p class="switch-note">{t('sitePrivate')}</p>
      )}
      {host && !inPrivate && (
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            checked={siteOn}
            disabled={settings.paused}
            onChange={() => void change((s) => ({ disabledSites: switchSite(s.disabledSites, url, !onHere(s)) }))}
          />
          {t('siteOn', { host })}
        </label>
      )}
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={settings.paused}
          onChange={() => void change((s) => ({ paused: !s.paused }))}
        />
        {t('sitePauseEverywhere')}
      </label>
      <button type="button" class="link" onClick={openOptions}>
        {t('siteOptions')}
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
