/**
 * The options page: what Lens marks and how, where it runs, and which corpus
 * packs it knows. Every change is stored at once (there is no Save button)
 * and reaches open tabs without a reload (the background tells them).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { EntityKind } from '../corpus/schema';
import type { PackPreview, PackSummary } from '../db/pack-store';
import { formatMegabytes, MAX_PACK_BYTES, sizeProblem } from '../json-file';
import type { Client, ResponseOf } from '../messages';
import { ALL_KINDS, siteOf, type Settings } from '../settings';
import { FilePicker, Notice, type NoticeMessage } from './file-notice';
import { plural, t, type MessageKey, type PluralKey } from '../i18n/translate';
import { LANGUAGE_SETTINGS, LOCALE_NAMES } from '../i18n/locales';
import { formatDay } from './format';
import { errorMessage } from '../errors';
import { useSettings } from './use-settings';

export interface OptionsProps {
  ask: Client;
  /** told of the theme setting, so that the page itself follows it */
  onTheme?(theme: Settings['theme']): void;
  /** told of the language setting, so that the page speaks it (it renders again) */
  onLanguage?(language: Settings['language']): void;
  /** offers a file to save (a pack's export) */
  download?(name: string, type: string, text: string): void;
}

const KIND_LABELS: Record<EntityKind, MessageKey> = {
  country: 'optKindCountry',
  person: 'optKindPerson',
  place: 'optKindPlace',
  organisation: 'optKindOrganisation',
  treaty: 'optKindTreaty',
  event: 'optKindEvent',
  concept: 'optKindConcept',
};

type Message = NoticeMessage | null;

export function Options({ ask, onTheme, onLanguage, download }: OptionsProps) {
  const [status, setStatus] = useState<ResponseOf<'getStatus'> | null>(null);
  const [packs, setPacks] = useState<PackSummary[] | null>(null);
  const [settingsMessage, setSettingsMessage] = useState<Message>(null);
  const [packMessage, setPackMessage] = useState<Message>(null);
  /** a pack file that would replace an installed pack, waiting for the reader to confirm */
  const [pending, setPending] = useState<{ file: File; json: string; preview: PackPreview } | null>(null);
  const [newSite, setNewSite] = useState('');

  const loadCorpus = async () => {
    const [s, p] = await Promise.all([ask('getStatus', null), ask('listPacks', null)]);
    setStatus(s);
    setPacks(p);
  };
  const { settings, change: store } = useSettings(
    ask,
    (s) => onTheme?.(s.theme),
    (e) => setSettingsMessage({ kind: 'error', text: t('optionsNoSettings', { reason: errorMessage(e) }) }),
  );

  useEffect(() => {
    loadCorpus().catch((e: unknown) =>
      setPackMessage({ kind: 'error', text: t('optionsNoCorpus', { reason: errorMessage(e) }) }),
    );
  }, []);

  /** Stores what `edit` makes of the latest settings (./use-settings.ts), and says so. */
  async function change(edit: (current: Settings) => Partial<Settings>) {
    try {
      const changed = await store(edit);
      if (!changed) return;
      const { patch, stored } = changed;
      if (patch.theme) onTheme?.(stored.theme);
      if (patch.language) onLanguage?.(stored.language);
      setSettingsMessage({ kind: 'ok', text: t('optionsSaved') });
    } catch (e) {
      setSettingsMessage({ kind: 'error', text: t('siteNotSaved', { reason: errorMessage(e) }) });
    }
  }

  async function importPack(file: File) {
    const tooLarge = sizeProblem(file.size, MAX_PACK_BYTES);
    if (tooLarge) {
      setPackMessage({ kind: 'error', text: t('optionsNotImported', { reason: tooLarge }) });
      return;
    }
    setPackMessage({ kind: 'ok', text: t('optionsReading', { file: file.name }) });
    setPending(null);
    try {
      const json = await file.text();
      // A newer (or older) copy of an installed pack replaces it: say what changes first.
      const preview = await ask('previewPack', { json, byteSize: file.size });
      if (preview.status === 'replaces') {
        setPending({ file, json, preview });
        setPackMessage(null);
        return;
      }
      await install(file, json);
    } catch (e) {
      setPackMessage({
        kind: 'error',
        text: t('optionsNotImportedFrom', { file: file.name, reason: errorMessage(e) }),
      });
    }
  }

  async function install(file: File, json: string) {
    setPending(null);
    try {
      const result = await ask('importPack', { json, byteSize: file.size });
      await loadCorpus();
      const { name, counts } = result.pack;
      setPackMessage({
        kind: 'ok',
        text:
          result.status === 'unchanged'
            ? t('optionsPackUnchanged', { name })
            : t(result.status === 'added' ? 'optionsPackInstalled' : 'optionsPackUpdated', {
                name,
                counts: countsText(counts),
              }),
      });
    } catch (e) {
      setPackMessage({
        kind: 'error',
        text: t('optionsNotImportedFrom', { file: file.name, reason: errorMessage(e) }),
      });
    }
  }

  async function exportPack(pack: PackSummary) {
    try {
      const json = await ask('exportPack', { id: pack.id });
      if (json === null) throw new Error(t('optionsPackGone'));
      download?.(`${pack.id}.json`, 'application/json', json);
      setPackMessage({ kind: 'ok', text: t('optionsExported', { name: pack.name, file: `${pack.id}.json` }) });
    } catch (e) {
      setPackMessage({ kind: 'error', text: t('optionsNotExported', { name: pack.name, reason: errorMessage(e) }) });
    }
  }

  async function removePack(pack: PackSummary) {
    try {
      await ask('removePack', { id: pack.id });
      await loadCorpus();
      setPackMessage({ kind: 'ok', text: t('optionsRemoved', { name: pack.name }) });
    } catch (e) {
      setPackMessage({ kind: 'error', text: t('optionsNotRemoved', { name: pack.name, reason: errorMessage(e) }) });
    }
  }

  function addSite(event: Event) {
    event.preventDefault();
    if (!settings) return;
    const site = siteOf(newSite);
    if (!site) {
      setSettingsMessage({ kind: 'error', text: t('optionsNotASite', { input: newSite }) });
      return;
    }
    setNewSite('');
    void change((s) => ({
      disabledSites: s.disabledSites.includes(site) ? s.disabledSites : [...s.disabledSites, site],
    }));
  }

  const bundled = status?.status.corpora.find((c) => c.origin === 'bundled');

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>

      {settings ? (
        <>
          <Section id="marking" title={t('optionsMarking')}>
            <Toggle checked={settings.paused} onChange={() => void change((s) => ({ paused: !s.paused }))}>
              {t('optionsPause')}
            </Toggle>
            <Toggle
              checked={settings.markEverywhere}
              onChange={() => void change((s) => ({ markEverywhere: !s.markEverywhere }))}
            >
              {t('optionsMarkEverywhere')}
            </Toggle>
            <Toggle
              checked={settings.mainTextOnly}
              onChange={() => void change((s) => ({ mainTextOnly: !s.mainTextOnly }))}
            >
              {t('optionsMainText')}
            </Toggle>
            <Choice
              legend={t('optionsDensity')}
              name="density"
              value={settings.density}
              options={[
                ['every', t('optionsDensityEvery')],
                ['first-per-paragraph', t('optionsDensityFirst')],
              ]}
              onChange={(density) => void change(() => ({ density }))}
            />
            <Choice
              legend={t('optionsMarkStyle')}
              name="markStyle"
              value={settings.markStyle}
              options={[
                ['underline', t('optionsUnderline')],
                ['tint', t('optionsTint')],
              ]}
              onChange={(markStyle) => void change(() => ({ markStyle }))}
            />
            <fieldset>
              <legend>{t('optionsKinds')}</legend>
              {ALL_KINDS.map((kind) => (
                <label class="row" key={kind}>
                  <input
                    type="checkbox"
                    checked={settings.kinds.includes(kind)}
                    onChange={() =>
                      void change((s) => ({
                        kinds: s.kinds.includes(kind)
                          ? s.kinds.filter((k) => k !== kind)
                          : ALL_KINDS.filter((k) => k === kind || s.kinds.includes(k)),
                      }))
                    }
                  />
                  {t(KIND_LABELS[kind])}
                </label>
              ))}
            </fieldset>
            <label class="row">
              <input
                type="checkbox"
                checked={settings.claims}
                onChange={() => void change((s) => ({ claims: !s.claims }))}
              />
              {t('optionsClaims')}
            </label>
          </Section>

          <Section id="appearance" title={t('optionsAppearance')}>
            <Choice
              legend={t('optionsTheme')}
              name="theme"
              value={settings.theme}
              options={[
                ['auto', t('optionsThemeAuto')],
                ['light', t('optionsThemeLight')],
                ['dark', t('optionsThemeDark')],
              ]}
              onChange={(theme) => void change(() => ({ theme }))}
            />
          </Section>

          <Section id="language" title={t('optionsLanguage')}>
            <Choice
              legend={t('optionsLanguageLegend')}
              name="language"
              value={settings.language}
              options={LANGUAGE_SETTINGS.map((language) => [
                language,
                language === 'browser' ? t('optionsLanguageBrowser') : LOCALE_NAMES[language],
              ])}
              onChange={(language) => void change(() => ({ language }))}
            />
          </Section>

          <Section id="sites" title={t('optionsSites')}>
            {settings.disabledSites.length === 0 ? (
              <p class="empty">{t('optionsNoSites')}</p>
            ) : (
              <ul class="sites" aria-label={t('optionsSites')}>
                {settings.disabledSites.map((site) => (
                  <li key={site}>
                    <span>{site}</span>
                    <button
                      type="button"
                      class="link"
                      aria-label={t('optionsSiteOn', { site })}
                      onClick={() => void change((s) => ({ disabledSites: s.disabledSites.filter((d) => d !== site) }))}
                    >
                      {t('optionsSwitchBackOn')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <form class="add-site" onSubmit={addSite}>
              <input
                type="text"
                aria-label={t('optionsSiteInput')}
                placeholder={t('optionsSiteExample')}
                value={newSite}
                onInput={(e) => setNewSite((e.target as HTMLInputElement).value)}
              />
              <button type="submit" class="tool">
                {t('optionsSwitchOff')}
              </button>
            </form>
          </Section>

          <Section id="developer" title={t('optionsDeveloper')}>
            <label class="row">
              <input
                type="checkbox"
                data-setting="measures"
                checked={settings.measures}
                onChange={() => void change((s) => ({ measures: !s.measures }))}
              />
              {t('optionsMeasures')}
            </label>
          </Section>
        </>
      ) : (
        !settingsMessage && <p class="empty">{t('loading')}</p>
      )}
      {settingsMessage && <Notice message={settingsMessage} />}

      <Section id="corpus" title={t('optionsCorpus')}>
        <ul class="packs" aria-label={t('optionsInstalled')}>
          {bundled && (
            <li>
              <strong>{t('optionsBundled')}</strong> <span class="muted">{t('optionsBundledNote')}</span>
              <div class="counts">{countsText(bundled.counts)}</div>
            </li>
          )}
          {packs?.map((pack) => (
            <li key={pack.id} data-pack={pack.id}>
              <strong>{pack.name}</strong>{' '}
              <span class="muted">
                {t(pack.own ? 'optionsPackYours' : 'optionsPackImported', { date: formatDay(pack.importedAt) })}
              </span>
              {pack.description && <div class="muted">{pack.description}</div>}
              <div class="counts">{countsText(pack.counts)}</div>
              {download && (
                <button
                  type="button"
                  class="link"
                  aria-label={t('optionsExportPack', { name: pack.name })}
                  onClick={() => void exportPack(pack)}
                >
                  {t('optionsExport')}
                </button>
              )}{' '}
              <button
                type="button"
                class="link danger"
                aria-label={t('optionsRemovePack', { name: pack.name })}
                onClick={() => void removePack(pack)}
              >
                {t('optionsRemove')}
              </button>
            </li>
          ))}
        </ul>
        <FilePicker
          label={t('optionsImport')}
          accept=".json,application/json"
          ariaLabel={t('optionsImportLabel', { size: formatMegabytes(MAX_PACK_BYTES) })}
          onFile={(file) => void importPack(file)}
        />
        {pending && (
          <ReplaceConfirm
            preview={pending.preview}
            onReplace={() => void install(pending.file, pending.json)}
            onKeep={() => {
              setPending(null);
              setPackMessage({ kind: 'ok', text: t('optionsKept', { name: pending.preview.name }) });
            }}
          />
        )}
        {packMessage && <Notice message={packMessage} />}
      </Section>
    </main>
  );
}

const KIND_NAMES: Record<keyof PackPreview['diff'], PluralKey> = {
  sources: 'countSources',
  people: 'countPeople',
  entities: 'countEntities',
  claims: 'countClaims',
  topics: 'countTopics',
  events: 'countEvents',
};
const CHANGES = { added: 'diffAdded', changed: 'diffChanged', removed: 'diffRemoved' } as const;

/** What importing a pack over the installed one of the same id changes, and a choice to go ahead. */
function ReplaceConfirm(props: { preview: PackPreview; onReplace(): void; onKeep(): void }) {
  const { preview } = props;
  const lines = (['added', 'changed', 'removed'] as const).flatMap((change) =>
    (Object.keys(KIND_NAMES) as (keyof PackPreview['diff'])[]).flatMap((kind) => {
      const records = preview.diff[kind][change];
      if (records.length === 0) return [];
      return [
        {
          key: `${change}-${kind}`,
          text: t(CHANGES[change], { what: plural(KIND_NAMES[kind], records.length) }),
          names: records.map((r) => r.name),
        },
      ];
    }),
  );
  return (
    <div
      class="replace"
      role="group"
      aria-label={t('optionsReplaceQuestion', { name: preview.name })}
      data-replace={preview.id}
    >
      <p>
        {t('optionsReplaces', { name: preview.name })}
        {preview.older && <strong> {t('optionsOlder')}</strong>} {t('optionsItWould')}
      </p>
      <ul>
        {lines.map((line) => (
          <li key={line.key}>
            {line.text}: {line.names.join('; ')}
          </li>
        ))}
      </ul>
      <button type="button" class="tool" data-action="replace" onClick={props.onReplace}>
        {t('optionsReplace')}
      </button>{' '}
      <button type="button" class="tool" data-action="keep" onClick={props.onKeep}>
        {t('optionsKeep')}
      </button>
    </div>
  );
}

/** A yes/no setting. */
function Toggle({ checked, onChange, children }: { checked: boolean; onChange(): void; children: ComponentChildren }) {
  return (
    <label class="row">
      <input type="checkbox" checked={checked} onChange={onChange} />
      {children}
    </label>
  );
}

function Section({ id: name, title, children }: { id: string; title: string; children: ComponentChildren }) {
  const id = `section-${name}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Choice<T extends string>(props: {
  legend: string;
  name: string;
  value: T;
  options: [T, string][];
  onChange(value: T): void;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.options.map(([value, label]) => (
        <label class="row" key={value}>
          <input
            type="radio"
            name={props.name}
            value={value}
            checked={props.value === value}
            onChange={() => props.onChange(value)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

function countsText(counts: Record<'entities' | 'claims' | 'sources' | 'people', number>): string {
  return [
    plural('countEntities', counts.entities),
    plural('countClaims', counts.claims),
    plural('countSources', counts.sources),
    plural('countSpeakers', counts.people),
  ].join(' · ');
}
