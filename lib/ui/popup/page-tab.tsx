/**
 * "On this page": the entities Lens marked on the reader's current tab, with
 * counts. Choosing one scrolls the page to it and opens its card there.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Client, PageScope, ResponseOf, TabProtocol } from '../../messages';
import { formatKind } from '../format';
import { plural, t } from '../../i18n/translate';

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
    return <p class="empty">{t('pageUnavailable')}</p>;
  }
  if (!entities) return <p class="empty">{t('pageReading')}</p>;
  const why = scope && <ScopeNote scope={scope} openOptions={openOptions} />;
  if (entities.length === 0) {
    return (
      <>
        {why}
        <p class="empty">{t('pageNothing')}</p>
      </>
    );
  }
  return (
    <>
      {why}
      <ul class="page-entities" aria-label={t('pageFoundList')}>
        {entities.map((entity) => (
          <li key={entity.id}>
            <button
              type="button"
              class="page-entity"
              data-entity-id={entity.id}
              onClick={() => askTab!('showEntity', { entityId: entity.id }).then(onShown, () => setUnavailable(true))}
            >
              <span class="label">{entity.label}</span> <span class="kind">{formatKind(entity.kind)}</span>
              <span class="count" aria-label={plural('pageMentions', entity.count)}>
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
      {t(scope.mainTextOnly ? 'pageScopeNoteArticle' : 'pageScopeNote')}{' '}
      <button type="button" class="link" onClick={openOptions}>
        {t('pageMarkEverything')}
      </button>
    </p>
  );
}
