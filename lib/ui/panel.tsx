/**
 * The page panel: every entity found on this page, with its number of
 * mentions, for readers who use the keyboard. Render-only: the container
 * opens it (a shortcut), scrolls to the next mention and opens its card when
 * an entity is chosen, and gives focus back to where it was when it closes.
 *
 * A listbox with aria-activedescendant (WAI-ARIA APG "Listbox"): focus stays
 * on the list while ↑/↓/Home/End move the active option, so a screen reader
 * announces each entity without the list losing focus on re-render.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { EntityKind } from '../corpus/schema';
import { formatKind } from './format';
import { closeOnEscape } from './keys';
import { plural, t } from '../i18n/translate';

export interface PanelEntity {
  id: string;
  label: string;
  kind: EntityKind;
  /** mentions on this page */
  count: number;
}

export interface PanelProps {
  /** in the order the panel lists them (the container decides: page order, or most mentioned first) */
  entities: PanelEntity[];
  /** Enter or click: called again on each Enter, so the container can step to the next mention */
  onChoose: (id: string) => void;
  /** Esc or the close button; the container restores focus */
  onClose: () => void;
  theme?: 'light' | 'dark';
}

export function Panel({ entities, onChoose, onClose, theme }: PanelProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const rootRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // Kept by id so a rescan that reorders or adds entities does not move the
  // reader; the index is the fallback when the active entity went away.
  const [active, setActive] = useState<{ id: string | null; index: number }>({ id: entities[0]?.id ?? null, index: 0 });

  const found = entities.findIndex((e) => e.id === active.id);
  const activeIndex = entities.length === 0 ? -1 : found !== -1 ? found : Math.min(active.index, entities.length - 1);
  const activeEntity = entities[activeIndex];
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => {
    (listRef.current ?? rootRef.current)?.focus();
  }, []);

  useEffect(() => {
    if (activeIndex === -1) return;
    const option = rootRef.current?.querySelector(`[id="${optionId(activeIndex)}"]`);
    // Not every DOM implements scrollIntoView options (happy-dom, older engines).
    option?.scrollIntoView?.({ block: 'nearest' });
  }, [activeIndex]);

  const moveTo = (index: number) => {
    const entity = entities[index];
    if (entity) setActive({ id: entity.id, index });
  };

  const onListKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const last = entities.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(Math.min(activeIndex + 1, last));
        break;
      case 'ArrowUp':
        moveTo(Math.max(activeIndex - 1, 0));
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(last);
        break;
      case 'Enter':
        if (activeEntity) onChoose(activeEntity.id);
        break;
      default: {
        // Type-ahead, one letter at a time: the next entity starting with it.
        if (event.key.length !== 1 || event.key === ' ') return;
        const letter = event.key.toLocaleLowerCase();
        for (let step = 1; step <= entities.length; step++) {
          const index = (activeIndex + step) % entities.length;
          if (entities[index]?.label.toLocaleLowerCase().startsWith(letter)) {
            moveTo(index);
            break;
          }
        }
        break;
      }
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <section
      ref={rootRef}
      class="rdl-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      data-theme={theme}
      tabIndex={-1}
      onKeyDown={closeOnEscape(onClose)}
    >
      <header class="rdl-panel-header">
        <h2 class="rdl-panel-title" id={titleId}>
          {t('cardOnPage')}
        </h2>
        <button type="button" class="rdl-close" aria-label={t('close')} title={t('closeEsc')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {entities.length === 0 ? (
        <p class="rdl-empty">{t('panelNothing')}</p>
      ) : (
        <ul
          ref={listRef}
          class="rdl-listbox"
          role="listbox"
          tabIndex={0}
          aria-labelledby={titleId}
          aria-activedescendant={activeIndex === -1 ? undefined : optionId(activeIndex)}
          onKeyDown={onListKeyDown}
        >
          {entities.map((entity, index) => (
            <li
              key={entity.id}
              id={optionId(index)}
              class="rdl-option"
              role="option"
              aria-selected={index === activeIndex}
              data-entity-id={entity.id}
              onClick={() => {
                moveTo(index);
                onChoose(entity.id);
              }}
            >
              <span class="rdl-option-label">{entity.label}</span>{' '}
              <span class="rdl-kind">{formatKind(entity.kind)}</span>{' '}
              <span class="rdl-count">
                {entity.count}
                <span class="rdl-sr-only"> {plural('panelMentions', entity.count)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p class="rdl-hint" aria-hidden="true">
        {t('panelHint')}
      </p>
    </section>
  );
}
