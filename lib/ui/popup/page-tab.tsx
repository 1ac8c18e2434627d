/**
 * "On this page": the entities Lens marked on the reader's current tab, with
 * counts. Choosing one scrolls the page to it and opens its card there.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Client, PageScope, ResponseOf, TabProtocol } from '../../messages';
import { formatKind } from '../format';

type PageEntities = ResponseOf<'getPageEntities', TabProtocol>;

export function PageTab({
  askTab,
  onShown,
  openOptions,
}: {
  askTab: Client<TabProtocol> | null;
  onShown(): void;
  openOptions(): void;
}) {
  const [entities, setEntities] = useState<PageEntities | null>(null);
  const [scope, setScope] = useState<PageScope | null>(null);
  const [unavailable, setUnavailable] = useState(false);

  useEffect(() => {
    if (!askTab) {
      setUnavailable(true);
      return;
    }
    askTab('getPageEntities', null).then(setEntities, () => setUnavailable(true));
    askTab('getPageScope', null).then(setScope, () => undefined /* the list says enough */);
  }, [askTab]);

  if (unavailable) {
    return (
      <p class="empty">
        Lens does not run on this tab (a browser page, an extension store, or a page Lens is switched off for). Open a
        news article to see what it mentions.
      </p>
    );
  }
  if (!entities) return <p class="empty">Reading the page…</p>;
  const why = scope && <ScopeNote scope={scope} openOptions={openOptions} />;
  if (entities.length === 0) {
    return (
      <>
        {why}
        <p class="empty">Lens found no one and nothing from its corpus on this page.</p>
      </>
    );
  }
  return (
    <>
      {why}
      <ul class="page-entities" aria-label="Found on this page">
        {entities.map((entity) => (
          <li key={entity.id}>
            <button
              type="button"
              class="page-entity"
              data-entity-id={entity.id}
              onClick={() => askTab!('showEntity', { entityId: entity.id }).then(onShown, () => setUnavailable(true))}
            >
              <span class="label">{entity.label}</span> <span class="kind">{formatKind(entity.kind)}</span>
              <span class="count" aria-label={`${entity.count} mentions`}>
                {entity.count}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Why a page may have few marks: it is not about the relationship, so only core entities are marked. */
function ScopeNote({ scope, openOptions }: { scope: PageScope; openOptions(): void }) {
  if (scope.relevant || scope.markEverywhere) return null;
  return (
    <p class="scope-note">
      This page isn’t about Russia–North Korea relations: only the relationship’s own people, places and treaties are
      marked{scope.mainTextOnly ? ', in the article' : ''}.{' '}
      <button type="button" class="link" onClick={openOptions}>
        Mark everything…
      </button>
    </p>
  );
}
