// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { createAnnotator, TERM_HIGHLIGHT } from '../../../lib/dom/annotator';
import { compileMatcher } from '../../../lib/text/matcher';
import { installHighlightShim, textsOf, type FakeHighlight } from './highlight-shim';

const matcher = compileMatcher([
  { id: 'nk', text: 'North Korea', lang: 'en' },
  { id: 'pyongyang', text: 'Pyongyang', lang: 'en' },
  { id: 'putin', text: 'Putin', lang: 'en' },
]);

let registry: Map<string, FakeHighlight>;
beforeEach(() => {
  registry = installHighlightShim();
});

function annotate(html: string, density: 'every' | 'first-per-paragraph' = 'every') {
  document.body.innerHTML = html;
  const annotator = createAnnotator({ matcher, registry: registry as unknown as HighlightRegistry, density });
  const stats = annotator.scan(document.body);
  return { annotator, stats, marked: () => textsOf(registry.get(TERM_HIGHLIGHT)) };
}

describe('annotator', () => {
  test('registers one highlight with a range per mention, across inline elements', () => {
    const { marked, stats } = annotate('<p>Putin in <b>North</b> Korea, then Pyongyang.</p><p>Putin again.</p>');
    expect(marked()).toEqual(['Putin', 'North Korea', 'Pyongyang', 'Putin']);
    expect(stats).toEqual({
      chars: 'Putin in North Korea, then Pyongyang.'.length + 'Putin again.'.length,
      matches: 4,
    });
  });

  test('first-per-paragraph marks an entity once per block', () => {
    const { marked } = annotate('<p>Putin and Putin in Pyongyang.</p><p>Putin.</p>', 'first-per-paragraph');
    expect(marked()).toEqual(['Putin', 'Pyongyang', 'Putin']);
  });

  test('rescanning a block replaces its marks instead of adding to them', () => {
    const { annotator, marked } = annotate('<p id="a">Putin</p><p id="b">Pyongyang</p>');
    const a = document.getElementById('a')!;
    a.firstChild!.textContent = 'North Korea and Putin';
    annotator.rescan([a]);
    expect(marked().sort()).toEqual(['North Korea', 'Putin', 'Pyongyang']);
    expect(annotator.marks()).toHaveLength(3);
  });

  test('a removed subtree is forgotten, its ranges dropped', () => {
    const { annotator, marked } = annotate('<div id="feed"><p id="a">Putin</p><p id="b">Pyongyang</p></div>');
    const a = document.getElementById('a')!;
    a.remove();
    annotator.forget(a);
    expect(marked()).toEqual(['Pyongyang']);
    expect(annotator.counts()).toEqual(new Map([['pyongyang', 1]]));
  });

  test('the counts per entity follow rescans, and clear empties them', () => {
    const { annotator } = annotate('<p id="a">Putin and Putin</p><p id="b">Pyongyang</p>');
    expect(annotator.counts()).toEqual(
      new Map([
        ['putin', 2],
        ['pyongyang', 1],
      ]),
    );
    const a = document.getElementById('a')!;
    a.firstChild!.textContent = 'North Korea';
    annotator.rescan([a]);
    expect(annotator.counts()).toEqual(
      new Map([
        ['pyongyang', 1],
        ['nk', 1],
      ]),
    );
    annotator.clear();
    expect(annotator.counts()).toEqual(new Map());
  });

  test('a root inside another root in the same batch is scanned once', () => {
    const { annotator } = annotate('<div id="outer"><p id="inner">Putin</p></div>');
    const stats = annotator.rescan([document.getElementById('inner')!, document.getElementById('outer')!]);
    expect(stats.matches).toBe(1);
    expect(annotator.marks()).toHaveLength(1);
  });

  test('marksAt finds the marks covering a text position', () => {
    const { annotator } = annotate('<p>Hi <i>North</i> Korea</p>');
    const north = document.querySelector('i')!.firstChild!;
    const korea = document.querySelector('i')!.nextSibling!;
    expect(annotator.marksAt(north, 2).map((m) => m.entityId)).toEqual(['nk']);
    expect(annotator.marksAt(korea, 3).map((m) => m.entityId)).toEqual(['nk']);
    const hi = document.querySelector('p')!.firstChild!;
    expect(annotator.marksAt(hi, 1)).toEqual([]);
  });

  test('destroy unregisters the highlight', () => {
    const { annotator } = annotate('<p>Putin</p>');
    annotator.destroy();
    expect(registry.has(TERM_HIGHLIGHT)).toBe(false);
  });
});
