/**
 * "On this page": the entities Lens marked on the reader's current tab, with
 * counts. Choosing one scrolls the page to it and opens its card there.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Client, ResponseOf, TabProtocol } from '../../messages';
import { formatKind } from '../format';

type PageEntities = ResponseOf<'getPageEntities', TabProtocol>;

export function PageTab({ askTab, onShown }: { askTab: Client<TabProtocol> | null; onShown(): void }) {
  const [entities, setEntities] = useState<PageEntities | null>(null);
  const [unavailable, setUnavailable] = useState(false);

  useEffect(() => {
    if (!askTab) {
      setUnavailable(true);
      return;
    }
    askTab('getPageEntities', null).then(setEntities, () => setUnavailable(true));
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
  if (entities.length === 0) {
    return <p class="empty">Lens found no one and nothing from its corpus on this page.</p>;
  }
  return (
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
  );
}
