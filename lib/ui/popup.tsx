/**
 * The popup. At this stage: what the corpus holds, read from the store through
 * the background. Search, "on this page" and highlights come with their issues.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Client, EntitySummary, ResponseOf } from '../messages';

type Status = ResponseOf<'getStatus'>;

export function Popup({ ask }: { ask: Client }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [entities, setEntities] = useState<EntitySummary[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([ask('getStatus', null), ask('listEntities', null)]).then(
      ([s, e]) => {
        setStatus(s);
        setEntities(e);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [ask]);

  return (
    <main class="popup" aria-busy={status === null && error === null}>
      <header>
        <h1>RU–DPRK Lens</h1>
      </header>
      {error && (
        <p role="alert" class="error">
          Lens could not reach its store: {error}
        </p>
      )}
      {status?.loadError && (
        <p role="alert" class="error">
          {status.loadError}
        </p>
      )}
      {status && (
        <section aria-label="Corpus">
          <p class="counts" data-testid="corpus-counts">
            {status.status.counts.entities} entities · {status.status.counts.claims} claims ·{' '}
            {status.status.counts.sources} sources · {status.status.counts.people} people
          </p>
          <ul class="entities" aria-label="Entities">
            {entities.map((entity) => (
              <li key={entity.id} data-entity-id={entity.id}>
                <span class="label">{entity.label}</span> <span class="kind">{entity.kind}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
