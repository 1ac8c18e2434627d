/**
 * The corpus as the extension ships it: validated records plus a version that
 * is a hash of their content, computed at build time (build/corpus-plugin.ts).
 */
import type { CorpusRecords, Pack } from './schema';

export interface CorpusBundle {
  /** content hash: any change to the records changes it, and the background reseeds */
  version: string;
  records: CorpusRecords;
}

/** A pack's records appended to a corpus (the pack is already validated against it). */
export function mergePack(base: CorpusRecords, pack: Pack): CorpusRecords {
  return {
    sources: [...base.sources, ...pack.sources],
    people: [...base.people, ...pack.people],
    entities: [...base.entities, ...pack.entities],
    claims: [...base.claims, ...pack.claims],
    topics: [...base.topics, ...pack.topics],
    events: [...base.events, ...pack.events],
  };
}
