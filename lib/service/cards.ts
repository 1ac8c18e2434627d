/**
 * What the corpus says about one thing, from its read model: an entity's card,
 * a claim card, the list of entities, and what the "Add to my corpus" form
 * offers. Each is a few lookups in the model's indexes.
 */
import { entityCard } from '../corpus/card-model';
import { buildClaimCard } from '../corpus/claim-card-model';
import type { CorpusReadModel } from '../corpus/read-model';
import { MAX_PAGE_ENTITY_IDS } from '../messages';
import type { HandlerGroup, ServiceContext } from './context';

export function cardHandlers({
  db,
  corpus,
}: ServiceContext): HandlerGroup<'getCard' | 'getClaimCard' | 'listEntities' | 'getReadingChoices'> {
  /** The reader's claims naming `entityId` whose highlight was deleted: their card says so. */
  async function highlightsGone(model: CorpusReadModel, entityId: string): Promise<Set<string>> {
    const resting = model
      .claimsNaming(entityId)
      .flatMap((c) =>
        model.isYours(c.id) && c.passage?.highlightId !== undefined ? [[c.id, c.passage.highlightId] as const] : [],
      );
    if (resting.length === 0) return new Set();
    const rows = await db.highlights.bulkGet(resting.map(([, id]) => id));
    return new Set(resting.filter((_, i) => rows[i] === undefined).map(([claimId]) => claimId));
  }

  return {
    async getCard({ entityId, pageEntityIds }) {
      const onPage = checkPageEntityIds(pageEntityIds);
      const model = await corpus.read();
      // Another reader's record of the same person opens the one card they share.
      const id = model.canonical(entityId);
      return entityCard(model, id, onPage, await highlightsGone(model, id));
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
