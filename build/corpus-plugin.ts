/**
 * Build-time corpus: reads data/corpus/*.json and data/sources/*.txt, validates
 * them with lib/corpus (a corpus that fails validation fails the build), and
 * serves them as the virtual module `virtual:rdl-corpus` with a content hash as
 * its version. Only the background imports it, so the corpus is not in the
 * content script's bundle.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { type CorpusBundle, mergePack } from '../lib/corpus/bundle';
import { formatIssues, validateCorpus, validatePack } from '../lib/corpus/validate';

const VIRTUAL_ID = 'virtual:rdl-corpus';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
const RECORD_FILES = ['sources', 'people', 'entities', 'claims', 'topics', 'events'] as const;

export function readCorpusDir(dataDir: string): { records: unknown; texts: Record<string, string> } {
  const records: Record<string, unknown> = {};
  for (const name of RECORD_FILES) {
    records[name] = JSON.parse(readFileSync(join(dataDir, 'corpus', `${name}.json`), 'utf8'));
  }
  const texts: Record<string, string> = {};
  for (const file of readdirSync(join(dataDir, 'sources'))) {
    if (file.endsWith('.txt')) texts[file] = readFileSync(join(dataDir, 'sources', file), 'utf8');
  }
  return { records, texts };
}

/** Reads, validates and hashes the corpus; throws with every problem listed. */
export function buildCorpusBundle(dataDir: string, extraPackPath?: string): CorpusBundle {
  const { records, texts } = readCorpusDir(dataDir);
  const checked = validateCorpus(records, texts);
  if (!checked.ok) throw new Error(`The corpus in ${dataDir} is invalid:\n${formatIssues(checked.issues)}`);
  let corpus = checked.value;
  if (extraPackPath) {
    const pack = validatePack(JSON.parse(readFileSync(extraPackPath, 'utf8')), corpus);
    if (!pack.ok) throw new Error(`The pack ${extraPackPath} is invalid:\n${formatIssues(pack.issues)}`);
    corpus = mergePack(corpus, pack.value);
  }
  const version = createHash('sha256').update(JSON.stringify(corpus)).digest('hex').slice(0, 16);
  return { version, records: corpus };
}

export function corpusPlugin(options: { dataDir?: string; extraPack?: string } = {}): Plugin {
  const dataDir = resolve(options.dataDir ?? 'data');
  return {
    name: 'rdl-corpus',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      for (const name of RECORD_FILES) this.addWatchFile(join(dataDir, 'corpus', `${name}.json`));
      const bundle = buildCorpusBundle(dataDir, options.extraPack && resolve(options.extraPack));
      return `export default ${JSON.stringify(bundle)};`;
    },
  };
}
