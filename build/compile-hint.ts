/**
 * V8's explicit compile hint for the content script (issue 17): the magic
 * comment `//# allFunctionsCalledOnLoad` at the top of a script makes V8
 * compile all its functions with the script, in one pass, rather than parse
 * each again and compile it on its first call (https://v8.dev/blog/explicit-compile-hints).
 * Nearly every function of the content script runs on every page load (the
 * session, the walk, the matcher, the annotator, the observers), so a page
 * pays for compiling them anyway: up front it pays less. Other engines read
 * it as a comment. Only the content script: the scripts it loads when needed
 * (the card UI, anchoring, claims) keep V8's lazy compilation.
 *
 * Added to the finished file (the minifier drops comments), with its source
 * map moved down a line.
 */
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** The plugin that puts the hint at the top of the built file `fileName` (its path in the package). */
export function compileHintPlugin(fileName: string): Plugin {
  return {
    name: 'rdl-compile-hint',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunk = bundle[fileName];
      if (chunk?.type !== 'chunk') return;
      chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
      // A source map is only built for the whole-cost bench (RDL_SOURCEMAP): one more line before the code.
      // By now it is the .map asset's text (the chunk's own map was already written into it).
      const map = bundle[`${fileName}.map`];
      if (map?.type === 'asset' && typeof map.source === 'string') {
        const parsed = JSON.parse(map.source) as { mappings: string };
        map.source = JSON.stringify({ ...parsed, mappings: `;${parsed.mappings}` });
      }
    },
  };
}
