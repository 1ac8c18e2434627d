import { describe, expect, test } from 'vitest';
import type { OutputBundle } from 'rollup';
import { COMPILE_HINT, compileHintPlugin } from '../../../build/compile-hint';

const FILE = 'content-scripts/lens.js';

/** A bundle as Rollup hands it to `generateBundle`: the content script, its source map, and another script. */
function bundle(): OutputBundle {
  const chunk = (fileName: string, code: string) => ({ type: 'chunk', fileName, code, map: { mappings: 'AAAA,CAAC' } });
  return {
    [FILE]: chunk(FILE, 'var lens=(function(){})();'),
    [`${FILE}.map`]: {
      type: 'asset',
      fileName: `${FILE}.map`,
      source: JSON.stringify({ version: 3, mappings: 'AAAA,CAAC' }),
    },
    'lens-ui.js': chunk('lens-ui.js', '(function(){})();'),
  } as unknown as OutputBundle;
}

function run(out: OutputBundle): void {
  const hook = compileHintPlugin(FILE).generateBundle as (options: unknown, bundle: OutputBundle) => void;
  hook.call({}, {}, out);
}

describe('compileHintPlugin', () => {
  test('puts the hint on the first line of the content script, and moves its source map down a line', () => {
    const out = bundle();
    run(out);
    const script = out[FILE] as { code: string };
    expect(script.code.split('\n')).toEqual([COMPILE_HINT, 'var lens=(function(){})();']);
    // What is written is the .map asset (Rollup has already written the chunk's own map into it).
    const map = JSON.parse((out[`${FILE}.map`] as { source: string }).source) as { mappings: string; version: number };
    expect(map).toEqual({ version: 3, mappings: ';AAAA,CAAC' });
  });

  test('leaves the other scripts as they are', () => {
    const out = bundle();
    run(out);
    expect((out['lens-ui.js'] as { code: string }).code).toBe('(function(){})();');
  });

  test('is the comment V8 reads as "compile every function now"', () => {
    expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad');
  });
});
