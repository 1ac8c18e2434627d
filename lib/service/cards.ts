/**
 * What the corpus says about one thing, from its read model: an entity's card,
 * a claim card, the list of entities, and what the "Add to my corpus" form
 * offers. Each is a few lookups in the model's indexes.
 */
import { entityCard } from '../corpus/card-model';
import { buildClaimCard } from '../corpus/claim-card-model';
import { MAX_PAGE_ENTITY_IDS } from '../messages';
import type { HandlerGroup, ServiceContext } from './context';

export function cardHandlers({
  corpus,
}: ServiceContext): HandlerGroup<'getCard' | 'getClaimCard' | 'listEntities' | 'getReadingChoices'> {
  return {
    async getCard({ entityId, pageEntityIds }) {
      const onPage = checkPageEntityIds(pageEntityIds);
      return entityCard(await corpus.read(), entityId, onPage);
    },
    async getClaimCard(target) {
      return buildClaimCard(target, (await corpus.read()).records);
    },
    async listEntities() {
      const { records } = await corpus.read();
      return records.entities
        .map(({ id, label, kind, tier }) => ({ id, label, kind, tier: tier ?? 'core' }))
        .sort((a, b) => a.label.localeCompare(b.label));
    },
    async getReadingChoices({ entityIds }) {
      const model = await corpus.read();
      return {
        entities: entityIds.flatMap((id) => {
          const e = model.entity(id);
          return e ? [{ id: e.id, label: e.label }] : [];
        }),
        people: model.records.people
          .map(({ id, name, role, kind }) => ({ id, name, role, kind }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        // By question, so that a reader (and type-ahead) finds one where they expect it.
        topics: [...model.records.topics]
          .sort((a, b) => a.question.localeCompare(b.question))
          .map(({ id, question, positions }) => ({
            id,
            question,
            positions: positions.map(({ id: pid, label }) => ({ id: pid, label })),
          })),
      };
    },
  };
}

/** `getCard`'s page entities, as a page's content script sends them: absent, or a short list of short ids. */
function checkPageEntityIds(ids: unknown): string[] {
  if (ids === undefined) return [];
  if (
    !Array.isArray(ids) ||
    ids.length > MAX_PAGE_ENTITY_IDS ||
    !ids.every((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 100)
  )
    throw new Error(`pageEntityIds must be a list of at most ${MAX_PAGE_ENTITY_IDS} entity ids`);
  return ids;
}
