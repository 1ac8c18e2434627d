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
import { errorMessage } from '../errors';

export interface OptionsProps {
  ask: Client;
  /** told of the theme setting, so that the page itself follows it */
  onTheme?(theme: Settings['theme']): void;
  /** offers a file to save (a pack's export) */
  download?(name: string, type: string, text: string): void;
}

const KIND_LABELS: Record<EntityKind, string> = {
  country: 'Countries',
  person: 'People',
  place: 'Places',
  organisation: 'Organisations',
  treaty: 'Treaties and agreements',
  event: 'Events',
  concept: 'Concepts',
};

type Message = NoticeMessage | null;

export function Options({ ask, onTheme, download }: OptionsProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
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
  useEffect(() => {
    ask('getSettings', null).then(
      (s) => {
        setSettings(s);
        onTheme?.(s.theme);
      },
      (e: unknown) =>
        setSettingsMessage({ kind: 'error', text: `Lens could not read its settings: ${errorMessage(e)}` }),
    );
    loadCorpus().catch((e: unknown) =>
      setPackMessage({ kind: 'error', text: `Lens could not read its corpus: ${errorMessage(e)}` }),
    );
  }, []);

  async function change(patch: Partial<Settings>) {
    try {
      const next = await ask('setSettings', patch);
      setSettings(next);
      if (patch.theme) onTheme?.(next.theme);
      setSettingsMessage({ kind: 'ok', text: 'Saved. Open tabs follow at once.' });
    } catch (e) {
      setSettingsMessage({ kind: 'error', text: `Not saved: ${errorMessage(e)}` });
    }
  }

  async function importPack(file: File) {
    const tooLarge = sizeProblem(file.size, MAX_PACK_BYTES);
    if (tooLarge) {
      setPackMessage({ kind: 'error', text: `Nothing was imported: ${tooLarge}` });
      return;
    }
    setPackMessage({ kind: 'ok', text: `Reading ${file.name}…` });
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
      setPackMessage({ kind: 'error', text: `Nothing was imported from ${file.name}: ${errorMessage(e)}` });
    }
  }

  async function install(file: File, json: string) {
    setPending(null);
    try {
      const result = await ask('importPack', { json, byteSize: file.size });
      await loadCorpus();
      const name = `“${result.pack.name}”`;
      setPackMessage({
        kind: 'ok',
        text:
          result.status === 'unchanged'
            ? `${name} is already installed; nothing changed.`
            : `${result.status === 'added' ? 'Installed' : 'Updated'} ${name}: ${countsText(result.pack.counts)}.`,
      });
    } catch (e) {
      setPackMessage({ kind: 'error', text: `Nothing was imported from ${file.name}: ${errorMessage(e)}` });
    }
  }

  async function exportPack(pack: PackSummary) {
    try {
      const json = await ask('exportPack', { id: pack.id });
      if (json === null) throw new Error('it is no longer installed');
      download?.(`${pack.id}.json`, 'application/json', json);
      setPackMessage({ kind: 'ok', text: `Exported “${pack.name}” as ${pack.id}.json.` });
    } catch (e) {
      setPackMessage({ kind: 'error', text: `“${pack.name}” was not exported: ${errorMessage(e)}` });
    }
  }

  async function removePack(pack: PackSummary) {
    try {
      await ask('removePack', { id: pack.id });
      await loadCorpus();
      setPackMessage({ kind: 'ok', text: `Removed “${pack.name}”.` });
    } catch (e) {
      setPackMessage({ kind: 'error', text: `“${pack.name}” was not removed: ${errorMessage(e)}` });
    }
  }

  function addSite(event: Event) {
    event.preventDefault();
    if (!settings) return;
    const site = siteOf(newSite);
    if (!site) {
      setSettingsMessage({ kind: 'error', text: `“${newSite}” is not a site: type a name like nknews.org.` });
      return;
    }
    setNewSite('');
    if (!settings.disabledSites.includes(site)) void change({ disabledSites: [...settings.disabledSites, site] });
  }

  const bundled = status?.status.corpora.find((c) => c.origin === 'bundled');

  return (
    <main class="options">
      <h1>RU–DPRK Lens options</h1>

      {settings ? (
        <>
          <Section title="Marking">
            <Toggle checked={settings.paused} onChange={() => void change({ paused: !settings.paused })}>
              Pause Lens everywhere (no marks on any page)
            </Toggle>
            <Toggle
              checked={settings.markEverywhere}
              onChange={() => void change({ markEverywhere: !settings.markEverywhere })}
            >
              Mark everything on every page (the US, China, Russia, Putin … also on pages not about Russia–North Korea
              relations)
            </Toggle>
            <Toggle
              checked={settings.mainTextOnly}
              onChange={() => void change({ mainTextOnly: !settings.mainTextOnly })}
            >
              Mark only the article (not menus, headers, footers and link lists)
            </Toggle>
            <Choice
              legend="Which mentions"
              name="density"
              value={settings.density}
              options={[
                ['every', 'Every mention'],
                ['first-per-paragraph', 'Only the first mention of each in a paragraph'],
              ]}
              onChange={(density) => void change({ density })}
            />
            <Choice
              legend="Mark style"
              name="markStyle"
              value={settings.markStyle}
              options={[
                ['underline', 'Dotted underline'],
                ['tint', 'Light tint'],
              ]}
              onChange={(markStyle) => void change({ markStyle })}
            />
            <fieldset>
              <legend>What is marked</legend>
              {ALL_KINDS.map((kind) => (
                <label class="row" key={kind}>
                  <input
                    type="checkbox"
                    checked={settings.kinds.includes(kind)}
                    onChange={() =>
                      void change({
                        kinds: settings.kinds.includes(kind)
                          ? settings.kinds.filter((k) => k !== kind)
                          : ALL_KINDS.filter((k) => k === kind || settings.kinds.includes(k)),
                      })
                    }
                  />
                  {KIND_LABELS[kind]}
                </label>
              ))}
            </fieldset>
            <label class="row">
              <input
                type="checkbox"
                checked={settings.claims}
                onChange={() => void change({ claims: !settings.claims })}
              />
              Mark sentences that state what the sources have views on (claims)
            </label>
          </Section>

          <Section title="Appearance">
            <Choice
              legend="Cards and panels"
              name="theme"
              value={settings.theme}
              options={[
                ['auto', 'Follow the page (and the system)'],
                ['light', 'Light'],
                ['dark', 'Dark'],
              ]}
              onChange={(theme) => void change({ theme })}
            />
          </Section>

          <Section title="Sites where Lens is off">
            {settings.disabledSites.length === 0 ? (
              <p class="empty">None: Lens runs on every site. Switch it off for one from the popup, or add it here.</p>
            ) : (
              <ul class="sites" aria-label="Sites where Lens is off">
                {settings.disabledSites.map((site) => (
                  <li key={site}>
                    <span>{site}</span>
                    <button
                      type="button"
                      class="link"
                      aria-label={`Switch Lens back on for ${site}`}
                      onClick={() => void change({ disabledSites: settings.disabledSites.filter((s) => s !== site) })}
                    >
                      Switch back on
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <form class="add-site" onSubmit={addSite}>
              <input
                type="text"
                aria-label="Site to switch Lens off for"
                placeholder="example.com"
                value={newSite}
                onInput={(e) => setNewSite((e.target as HTMLInputElement).value)}
              />
              <button type="submit" class="tool">
                Switch off here
              </button>
            </form>
          </Section>

          <Section title="Developer">
            <label class="row">
              <input
                type="checkbox"
                data-setting="measures"
                checked={settings.measures}
                onChange={() => void change({ measures: !settings.measures })}
              />
              Write performance measures (rdl:scan) on pages. Off unless you measure Lens: a page’s own scripts can read
              them, and they tell what Lens found there.
            </label>
          </Section>
        </>
      ) : (
        !settingsMessage && <p class="empty">Loading…</p>
      )}
      {settingsMessage && <Notice message={settingsMessage} />}

      <Section title="Corpus">
        <ul class="packs" aria-label="Installed corpora">
          {bundled && (
            <li>
              <strong>Bundled corpus</strong> <span class="muted">· ships with Lens, cannot be removed</span>
              <div class="counts">{countsText(bundled.counts)}</div>
            </li>
          )}
          {packs?.map((pack) => (
            <li key={pack.id} data-pack={pack.id}>
              <strong>{pack.name}</strong>{' '}
              <span class="muted">
                · {pack.own ? 'yours, updated' : 'imported'} {new Date(pack.importedAt).toLocaleDateString()}
              </span>
              {pack.description && <div class="muted">{pack.description}</div>}
              <div class="counts">{countsText(pack.counts)}</div>
              {download && (
                <button
                  type="button"
                  class="link"
                  aria-label={`Export ${pack.name}`}
                  onClick={() => void exportPack(pack)}
                >
                  Export
                </button>
              )}{' '}
              <button
                type="button"
                class="link danger"
                aria-label={`Remove ${pack.name}`}
                onClick={() => void removePack(pack)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
        <FilePicker
          label="Import a pack…"
          accept=".json,application/json"
          ariaLabel={`Import a corpus pack (JSON, up to ${formatMegabytes(MAX_PACK_BYTES)})`}
          onFile={(file) => void importPack(file)}
        />
        {pending && (
          <ReplaceConfirm
            preview={pending.preview}
            onReplace={() => void install(pending.file, pending.json)}
            onKeep={() => {
              setPending(null);
              setPackMessage({ kind: 'ok', text: `Kept the installed “${pending.preview.name}”; nothing changed.` });
            }}
          />
        )}
        {packMessage && <Notice message={packMessage} />}
      </Section>
    </main>
  );
}

const KIND_NAMES: Record<keyof PackPreview['diff'], [string, string]> = {
  sources: ['source', 'sources'],
  people: ['person', 'people'],
  entities: ['entity', 'entities'],
  claims: ['claim', 'claims'],
  topics: ['topic', 'topics'],
  events: ['event', 'events'],
};

/** What importing a pack over the installed one of the same id changes, and a choice to go ahead. */
function ReplaceConfirm(props: { preview: PackPreview; onReplace(): void; onKeep(): void }) {
  const { preview } = props;
  const lines = (['added', 'changed', 'removed'] as const).flatMap((change) =>
    (Object.keys(KIND_NAMES) as (keyof PackPreview['diff'])[]).flatMap((kind) => {
      const records = preview.diff[kind][change];
      if (records.length === 0) return [];
      const [one, many] = KIND_NAMES[kind];
      return [
        {
          key: `${change}-${kind}`,
          text: `${change} ${records.length} ${records.length === 1 ? one : many}`,
          names: records.map((r) => r.name),
        },
      ];
    }),
  );
  return (
    <div class="replace" role="group" aria-label={`Replace ${preview.name}?`} data-replace={preview.id}>
      <p>
        This file replaces the installed “{preview.name}”.
        {preview.older && <strong> It is older than the installed copy.</strong>} It would:
      </p>
      <ul>
        {lines.map((line) => (
          <li key={line.key}>
            {line.text}: {line.names.join('; ')}
          </li>
        ))}
      </ul>
      <button type="button" class="tool" data-action="replace" onClick={props.onReplace}>
        Replace
      </button>{' '}
      <button type="button" class="tool" data-action="keep" onClick={props.onKeep}>
        Keep the installed one
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

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, '-')}`;
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
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    plural(counts.entities, 'entity', 'entities'),
    plural(counts.claims, 'claim', 'claims'),
    plural(counts.sources, 'source', 'sources'),
    plural(counts.people, 'person or organisation', 'people and organisations'),
  ].join(' · ');
}
