/**
 * Older shapes of corpus records, read as the current ones. Free of zod, so
 * that the store's upgrade can use it without loading the validator.
 */

/**
 * Packs written before 0.3 gave a claim one `speakerId` and at most one
 * `topicId`/`positionId`; they still import, read as the fields that replaced them.
 */
export function upgradeLegacyClaim(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const { speakerId, topicId, positionId, ...rest } = input as Record<string, unknown>;
  const legacy = speakerId !== undefined || topicId !== undefined || positionId !== undefined;
  // Not an old claim, or both shapes at once: let the schema name the stray field.
  if (!legacy || 'speakerIds' in rest || 'stances' in rest) return input;
  return {
    ...rest,
    ...(speakerId !== undefined && { speakerIds: [speakerId] }),
    stances:
      topicId !== undefined || positionId !== undefined
        ? [{ topicId, ...(positionId !== undefined && { positionId }) }]
        : [],
  };
}
