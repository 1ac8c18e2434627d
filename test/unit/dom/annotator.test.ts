// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { createAnnotator, SLICE_TEXT, TERM_HIGHLIGHT } from '../../../lib/dom/annotator';
import { StaleWalk } from '../../../lib/dom/text-blocks';
import { compileMatcher } from '../../../lib/text/matcher';
import { matchWith } from './local-match';
import { FakeHighlight, FakeStaticRange, installHighlightShim, textsOf } from './highlight-shim';

const matcher = compileMatcher([
  { id: 'nk', text: 'North Korea', lang: 'en' },
  { id: 'pyongyang', text: 'Pyongyang', lang: 'en' },
  { id: 'putin', text: 'Putin', lang: 'en' },
]);
const match = matchWith(matcher);

let registry: Map<string, FakeHighlight>;
beforeEach(() => {
  registry = installHighlightShim();
});

async function annotate(html: string, density: 'every' | 'first-per-paragraph' = 'every') {
  document.body.innerHTML = html;
  const annotator = createAnnotator({
    match,
    registry: () => registry as unknown as HighlightRegistry,
    density,
    followBlocks: true,
  });
  const stats = await annotator.scan(document.body);
  return { annotator, stats, marked: () => textsOf(registry.get(TERM_HIGHLIGHT)) };
}

describe('annotator', () => {
  test('registers one highlight with a range per mention, across inline elements', async () => {
    const { marked, stats } = await annotate('<p>Putin in <b>North</b> Korea, then Pyongyang.</p><p>Putin again.</p>');
    expect(marked()).toEqual(['Putin', 'North Korea', 'Pyongyang', 'Putin']);
    expect(stats).toEqual({
      chars: 'Putin in North Korea, then Pyongyang.'.length + 'Putin again.'.length,
      matches: 4,
    });
  });

  test('first-per-paragraph marks an entity once per block', async () => {
    const { marked } = await annotate('<p>Putin and Putin in Pyongyang.</p><p>Putin.</p>', 'first-per-paragraph');
    expect(marked()).toEqual(['Putin', 'Pyongyang', 'Putin']);
  });

  test('rescanning a block replaces its marks instead of adding to them', async () => {
    const { annotator, marked } = await annotate('<p id="a">Putin</p><p id="b">Pyongyang</p>');
    const a = document.getElementById('a')!;
    a.firstChild!.textContent = 'North Korea and Putin';
    await annotator.rescan([a]);
    expect(marked().sort()).toEqual(['North Korea', 'Putin', 'Pyongyang']);
    expect(annotator.marks()).toHaveLength(3);
  });

  test('a removed subtree is forgotten, its ranges dropped', async () => {
    const { annotator, marked } = await annotate('<div id="feed"><p id="a">Putin</p><p id="b">Pyongyang</p></div>');
    const a = document.getElementById('a')!;
    a.remove();
    annotator.forget(a);
    expect(marked()).toEqual(['Pyongyang']);
    expect(annotator.counts()).toEqual(new Map([['pyongyang', 1]]));
  });

  test('the counts per entity follow rescans, and clear empties them', async () => {
    const { annotator } = await annotate('<p id="a">Putin and Putin</p><p id="b">Pyongyang</p>');
    expect(annotator.counts()).toEqual(
      new Map([
        ['putin', 2],
        ['pyongyang', 1],
      ]),
    );
    const a = document.getElementById('a')!;
    a.firstChild!.textContent = 'North Korea';
    await annotator.rescan([a]);
    expect(annotator.counts()).toEqual(
      new Map([
        ['pyongyang', 1],
        ['nk', 1],
      ]),
    );
    annotator.clear();
    expect(annotator.counts()).toEqual(new Map());
  });

  test('a root inside another root in the same batch is scanned once', async () => {
    const { annotator } = await annotate('<div id="outer"><p id="inner">Putin</p></div>');
    const stats = await annotator.rescan([document.getElementById('inner')!, document.getElementById('outer')!]);
    expect(stats?.matches).toBe(1);
    expect(annotator.marks()).toHaveLength(1);
  });

  test('a batch of changed blocks is matched in one request, each block marked in its own place', async () => {
    const { annotator, marked } = await annotate('<p id="a">Putin</p><p id="b">Pyongyang</p><p id="c">Putin</p>');
    const [a, b] = ['a', 'b'].map((id) => document.getElementById(id)!) as [HTMLElement, HTMLElement];
    a.textContent = 'Pyongyang, then North Korea';
    b.textContent = 'Putin in North Korea';
    const sent: string[] = [];
    const counted = createAnnotator({
      match: (text) => (sent.push(text), match(text)),
      registry: () => registry as unknown as HighlightRegistry,
    });
    annotator.destroy();
    await counted.scan(document.body);
    expect(sent).toHaveLength(1);
    b.textContent = 'Putin, North Korea and Putin';
    a.textContent = 'Nothing now';
    const stats = await counted.rescan([b, a]);
    expect(sent).toHaveLength(2);
    expect(stats).toMatchObject({ matches: 3 });
    expect(marked().sort()).toEqual(['North Korea', 'Putin', 'Putin', 'Putin']);
    expect(counted.marksAt(b.firstChild!, 1).map((m) => m.entityId)).toEqual(['putin']);
    expect(counted.marksAt(b.firstChild!, 10).map((m) => m.entityId)).toEqual(['nk']);
  });

  test('a scan whose mentions come after the page was cleared marks nothing; the marks of before stay until the new ones come', async () => {
    document.body.innerHTML = '<p id="a">Putin</p>';
    let answer: (() => void) | null = null;
    const annotator = createAnnotator({
      // Mentions that come when the test says so.
      match: (text) => new Promise((resolve) => (answer = () => resolve(matcher.scan(text)))),
      registry: () => registry as unknown as HighlightRegistry,
    });
    const first = annotator.scan(document.body);
    answer!();
    await first;
    const a = document.getElementById('a')!;
    a.textContent = 'North Korea';
    const rescan = annotator.rescan([a]);
    // Still the old mark while the new ones are being found.
    expect(annotator.marks().map((m) => m.entityId)).toEqual(['putin']);
    annotator.clear();
    answer!();
    expect(await rescan).toBeNull();
    expect(annotator.marks()).toEqual([]);
  });

  test('text the page replaces while its mentions are being found is not marked; the rescan of the change marks what replaced it, and no mark is left behind', async () => {
    const { annotator, marked } = await annotate('<p id="static">Pyongyang</p><p id="ticker">Putin</p>');
    const ticker = document.getElementById('ticker')!;
    ticker.textContent = 'Putin in North Korea';
    const rescan = annotator.rescan([ticker]);
    // Before the answer, the page replaces the ticker's text node (as a live ticker does).
    ticker.textContent = 'Now Pyongyang';
    await rescan;
    expect(annotator.marks().map((m) => m.entityId)).toEqual(['pyongyang']);
    await annotator.rescan([ticker]);
    expect(marked()).toEqual(['Pyongyang', 'Pyongyang']);
    expect(annotator.counts()).toEqual(new Map([['pyongyang', 2]]));
    annotator.forget(ticker);
    expect(marked()).toEqual(['Pyongyang']);
  });

  test('marksAt finds the marks covering a text position', async () => {
    const { annotator } = await annotate('<p>Hi <i>North</i> Korea</p>');
    const north = document.querySelector('i')!.firstChild!;
    const korea = document.querySelector('i')!.nextSibling!;
    expect(annotator.marksAt(north, 2).map((m) => m.entityId)).toEqual(['nk']);
    expect(annotator.marksAt(korea, 3).map((m) => m.entityId)).toEqual(['nk']);
    const hi = document.querySelector('p')!.firstChild!;
    expect(annotator.marksAt(hi, 1)).toEqual([]);
  });

  test('marksAt: a node between the ends of a mark, the ends themselves, and another block of the same container', async () => {
    const { annotator } = await annotate(
      '<p>Hi <b>No</b><i>rth</i> Kor<u>ea</u> and Putin<br>Pyongyang, then Putin.</p>',
    );
    const [b, i, u] = ['b', 'i', 'u'].map((name) => document.querySelector(name)!.firstChild!) as [
      ChildNode,
      ChildNode,
      ChildNode,
    ];
    const between = u.parentNode!.previousSibling!; // " Kor": neither end of the mark
    const ids = (node: Node, offset: number) => annotator.marksAt(node, offset).map((m) => m.entityId);
    expect(ids(b, 0)).toEqual(['nk']);
    expect(ids(i, 1)).toEqual(['nk']);
    expect(ids(between, 2)).toEqual(['nk']);
    expect(ids(u, 2)).toEqual(['nk']);
    // After the mark's end, in its last node; and the first block's "Putin" is not the second block's.
    const tail = u.parentNode!.nextSibling!; // " and Putin"
    expect(ids(tail, 2)).toEqual([]);
    expect(ids(tail, 7)).toEqual(['putin']);
    const second = document.querySelector('br')!.nextSibling!; // "Pyongyang, then Putin."
    expect(ids(second, 3)).toEqual(['pyongyang']);
    expect(ids(second, 12)).toEqual([]);
    expect(ids(second, 18)).toEqual(['putin']);
  });

  // Issue 17: a live page costs Lens in proportion to what changed. Counted, never timed: the text a
  // rescan reads, the subtrees it walks, and the blocks it hands on to the claims (`addedBlocks`).
  test.each([10, 300])(
    'a paragraph added to a page of %i paragraphs is all a rescan reads, walks and hands on',
    async (paragraphs) => {
      const { annotator } = await annotate('<p>Putin visited Pyongyang again.</p>'.repeat(paragraphs));
      const first = annotator.addedBlocks();
      expect(first).toHaveLength(paragraphs);
      expect(first.flatMap((block) => block.spans)).toHaveLength(2 * paragraphs);
      // Handed over once: the annotator keeps none of them.
      expect(annotator.addedBlocks()).toEqual([]);
      const added = document.createElement('p');
      added.textContent = 'Update: Putin left North Korea.';
      document.body.append(added);
      const walked: Node[] = [];
      const createTreeWalker = document.createTreeWalker.bind(document);
      document.createTreeWalker = ((root: Node, ...rest: [number?, NodeFilter?]) => {
        walked.push(root);
        return createTreeWalker(root, ...rest);
      }) as typeof document.createTreeWalker;
      try {
        const stats = await annotator.rescan([added]);
        expect(stats).toMatchObject({ chars: added.textContent.length, matches: 2 });
      } finally {
        delete (document as { createTreeWalker?: unknown }).createTreeWalker;
      }
      expect(walked.length).toBeGreaterThan(0);
      expect(walked.every((root) => added.contains(root))).toBe(true);
      expect(annotator.addedBlocks()).toEqual([
        {
          text: added.textContent,
          nodes: [added.firstChild],
          starts: [0],
          container: added,
          spans: [
            { start: 8, end: 13, id: 'putin' },
            { start: 19, end: 30, id: 'nk' },
          ],
        },
      ]);
      expect(annotator.marks()).toHaveLength(2 * paragraphs + 2);
      expect(annotator.entityCount()).toBe(3);
      // A container handed over once is not again: the page changing it redraws its marks only.
      added.textContent = 'Update: Putin is back in Pyongyang.';
      await annotator.rescan([added]);
      expect(annotator.marks()).toHaveLength(2 * paragraphs + 2);
      expect(annotator.addedBlocks()).toEqual([]);
    },
  );

  test('the blocks handed to the claims are the scan’s own: text, nodes and where each starts, the marks’ spans', async () => {
    const { annotator } = await annotate(
      '<p>Putin in <b>North</b> Korea, then Pyongyang.</p><div>No one here.</div><p>Putin and Putin.</p>',
      'first-per-paragraph',
    );
    const [one, two, ...rest] = annotator.addedBlocks();
    expect(rest).toEqual([]);
    const p = document.querySelectorAll('p');
    expect(one!.text).toBe(p[0]!.textContent);
    expect(one!.container).toBe(p[0]);
    expect(one!.nodes).toEqual([p[0]!.firstChild, p[0]!.querySelector('b')!.firstChild, p[0]!.lastChild]);
    // Each node's text is at its start in the block's text.
    one!.nodes.forEach((node, i) => expect(one!.text.startsWith(node.data, one!.starts[i])).toBe(true));
    const spanned = (block: typeof one) => block!.spans.map((s) => [block!.text.slice(s.start, s.end), s.id]);
    expect(spanned(one)).toEqual([
      ['Putin', 'putin'],
      ['North Korea', 'nk'],
      ['Pyongyang', 'pyongyang'],
    ]);
    // Only what is marked: the second Putin is not (first per paragraph).
    expect(spanned(two)).toEqual([['Putin', 'putin']]);
  });

  test('only main text is handed to the claims, and nothing without followBlocks', async () => {
    document.body.innerHTML = '<nav>Pyongyang</nav><p>Pyongyang</p>';
    const everywhere = createAnnotator({
      match,
      registry: () => registry as unknown as HighlightRegistry,
      mainTextOnly: false,
      followBlocks: true,
    });
    await everywhere.scan(document.body);
    expect(everywhere.marks()).toHaveLength(2);
    expect(everywhere.addedBlocks().map((block) => block.container)).toEqual([document.querySelector('p')]);
    everywhere.destroy();

    const unfollowed = createAnnotator({ match, registry: () => registry as unknown as HighlightRegistry });
    await unfollowed.scan(document.body);
    expect(unfollowed.marks()).toHaveLength(1);
    expect(unfollowed.addedBlocks()).toEqual([]);
  });

  test('a page with nothing to mark is left without a highlight: none is made, and its registry is not even asked for', async () => {
    document.body.innerHTML = '<p>Weather: sunny in Lisbon.</p>';
    let asked = 0;
    let made = 0;
    Object.assign(globalThis, {
      Highlight: class extends FakeHighlight {
        constructor() {
          super();
          made++;
        }
      },
    });
    const annotator = createAnnotator({
      match,
      registry: () => {
        asked++;
        return registry as unknown as HighlightRegistry;
      },
    });
    await annotator.scan(document.body);
    expect(asked).toBe(0);
    expect(made).toBe(0);
    expect(registry.has(TERM_HIGHLIGHT)).toBe(false);
    // The page's first mention makes and registers it, once.
    document.body.insertAdjacentHTML('beforeend', '<p>Then Putin.</p><p>And Putin again.</p>');
    await annotator.scan(document.body);
    expect(textsOf(registry.get(TERM_HIGHLIGHT))).toEqual(['Putin', 'Putin']);
    expect(asked).toBe(1);
    document.body.insertAdjacentHTML('beforeend', '<p>Putin once more.</p>');
    await annotator.scan(document.body);
    expect(textsOf(registry.get(TERM_HIGHLIGHT))).toHaveLength(3);
    expect(made).toBe(1);
    annotator.destroy();
    expect(registry.has(TERM_HIGHLIGHT)).toBe(false);
  });

  test('destroy unregisters the highlight', async () => {
    const { annotator } = await annotate('<p>Putin</p>');
    annotator.destroy();
    expect(registry.has(TERM_HIGHLIGHT)).toBe(false);
  });
});

describe('what is marked: tiers, the page’s relevance and its main text (issue 13)', () => {
  // North Korea and Pyongyang belong to the relationship (core); Putin is a context entity.
  const tierOf = (id: string) => (id === 'putin' ? 'context' : 'core');
  const ABOUT = '<p>North Korea and Pyongyang.</p><p>Putin went to Pyongyang.</p>';
  const NOT_ABOUT = '<p>Putin spoke in Moscow.</p><p>A whale in Pyongyang.</p>';

  async function annotateWith(html: string, options: { markEverywhere?: boolean; mainTextOnly?: boolean } = {}) {
    document.body.innerHTML = html;
    const annotator = createAnnotator({
      match,
      registry: () => registry as unknown as HighlightRegistry,
      tierOf,
      ...options,
    });
    await annotator.scan(document.body);
    return { annotator, marked: () => textsOf(registry.get(TERM_HIGHLIGHT)) };
  }

  test.each<[string, string, { markEverywhere?: boolean; mainTextOnly?: boolean }, string[], boolean]>([
    [
      'a page about the relationship: every entity',
      ABOUT,
      {},
      ['North Korea', 'Pyongyang', 'Putin', 'Pyongyang'],
      true,
    ],
    ['a page that is not: core entities only', NOT_ABOUT, {}, ['Pyongyang'], false],
    ['…unless the reader marks everything', NOT_ABOUT, { markEverywhere: true }, ['Putin', 'Pyongyang'], true],
    [
      'navigation, header, footer, aside and a menu role are not marked',
      '<nav>Pyongyang</nav><header>North Korea</header><aside>Pyongyang</aside><div role="menu">Pyongyang</div><footer>North Korea</footer><p>Pyongyang</p>',
      {},
      ['Pyongyang'],
      false,
    ],
    [
      '…unless the reader turns main text off',
      '<nav>Pyongyang</nav><p>Pyongyang</p>',
      { mainTextOnly: false },
      ['Pyongyang', 'Pyongyang'],
      false,
    ],
    [
      'a list of links is not main text; a sentence with a link is',
      '<ul><li><a href="/a">Pyongyang fires a missile</a></li></ul><p>Officials in <a href="/p">Pyongyang</a> said so on Monday.</p>',
      {},
      ['Pyongyang'],
      false,
    ],
    [
      'an article’s own header (its headline) is main text',
      '<article><header><h1>Pyongyang</h1></header><p>North Korea</p></article>',
      {},
      ['Pyongyang', 'North Korea'],
      false,
    ],
    [
      'core mentions outside main text do not make a page relevant',
      '<nav>North Korea, Pyongyang, North Korea</nav><p>Putin spoke.</p>',
      {},
      [],
      false,
    ],
  ])('%s', async (_name, html, options, expected, relevant) => {
    const { annotator, marked } = await annotateWith(html, options);
    expect(marked()).toEqual(expected);
    expect(annotator.relevant()).toBe(relevant);
  });

  test('a rescan that makes the page relevant says so; the full scan then marks its context entities; it stays relevant until scanned anew', async () => {
    const { annotator, marked } = await annotateWith('<p>Putin spoke.</p><p id="live">Nothing yet.</p>');
    expect(marked()).toEqual([]);
    const live = document.getElementById('live')!;
    live.textContent = 'North Korea, Pyongyang and North Korea.';
    expect((await annotator.rescan([live]))?.relevanceChanged).toBe(true);
    annotator.clear();
    await annotator.scan(document.body);
    expect(marked()).toEqual(['Putin', 'North Korea', 'Pyongyang', 'North Korea']);
    expect(annotator.relevant()).toBe(true);
    live.textContent = 'Gone.';
    expect((await annotator.rescan([live]))?.relevanceChanged).toBeUndefined();
    expect(marked()).toEqual(['Putin']);
    annotator.clear();
    await annotator.scan(document.body);
    expect(marked()).toEqual([]);
    expect(annotator.relevant()).toBe(false);
  });

  test('a scan anew that keeps the relevance marks context entities though the core mentions are gone', async () => {
    const { annotator, marked } = await annotateWith('<p>Putin spoke.</p><p id="live">Nothing yet.</p>');
    const live = document.getElementById('live')!;
    live.textContent = 'North Korea, Pyongyang and North Korea.';
    expect((await annotator.rescan([live]))?.relevanceChanged).toBe(true);
    live.textContent = 'Gone.';
    annotator.clear(true);
    await annotator.scan(document.body);
    expect(marked()).toEqual(['Putin']);
    expect(annotator.relevant()).toBe(true);
  });

  test('mentions of a kind the reader does not mark still make a page relevant', async () => {
    document.body.innerHTML = '<p>Putin in Pyongyang, North Korea; Pyongyang again.</p>';
    const annotator = createAnnotator({
      match,
      registry: () => registry as unknown as HighlightRegistry,
      tierOf,
      shows: (id) => id !== 'pyongyang',
    });
    await annotator.scan(document.body);
    expect(textsOf(registry.get(TERM_HIGHLIGHT))).toEqual(['Putin', 'North Korea']);
    expect(annotator.relevant()).toBe(true);
  });
});

describe('a full scan in slices (issue 17)', () => {
  const tierOf = (id: string) => (id === 'putin' ? 'context' : 'core');
  /** `n` paragraphs of `text`, enough nodes for the walk to pause between them */
  const paragraphs = (n: number, text: string) => `<p>${text}</p>`.repeat(n);

  /** Scans the body in slices that end at every chance, noting the marked entities at each pause. */
  async function scanSliced(html: string, pause: (at: number) => boolean = () => true) {
    document.body.innerHTML = html;
    const annotator = createAnnotator({
      match,
      registry: () => registry as unknown as HighlightRegistry,
      tierOf,
      followBlocks: true,
    });
    const marked = () => textsOf(registry.get(TERM_HIGHLIGHT));
    const atPauses: string[][] = [];
    /** at each pause, whether the scan waited there for mentions of what it had read */
    const asked: boolean[] = [];
    const stats = await annotator.scanInSlices(document.body, {
      timeUp: () => true,
      pause: async (until) => {
        atPauses.push(annotator.marks().map((m) => m.entityId));
        asked.push(until !== undefined);
        await until;
        return pause(atPauses.length);
      },
    });
    return { annotator, stats, marked, atPauses, asked };
  }

  /** The same page scanned at once, for comparison. */
  async function scanAtOnce(html: string) {
    document.body.innerHTML = html;
    const annotator = createAnnotator({ match, registry: () => registry as unknown as HighlightRegistry, tierOf });
    const stats = await annotator.scan(document.body);
    return { stats, marked: textsOf(registry.get(TERM_HIGHLIGHT)), counts: annotator.counts() };
  }

  test('marks what a scan at once marks, pausing between parts of the page', async () => {
    const html = paragraphs(400, 'North Korea and <b>Putin</b>.') + paragraphs(400, 'Pyongyang, a <i>city</i>.');
    const atOnce = await scanAtOnce(html);
    const { stats, marked, atPauses, annotator } = await scanSliced(html);
    expect(atPauses.length).toBeGreaterThan(1);
    expect(atPauses[0]!.length).toBeLessThan(atOnce.marked.length);
    expect(marked().sort()).toEqual(atOnce.marked.sort());
    expect(stats).toEqual(atOnce.stats);
    expect(annotator.counts()).toEqual(atOnce.counts);
  });

  test('a page that never turns relevant makes no range for its context entities’ mentions, and hands the claims none of their blocks', async () => {
    let ranges = 0;
    Object.assign(globalThis, {
      StaticRange: class extends FakeStaticRange {
        constructor(init: StaticRangeInit) {
          super(init);
          ranges++;
        }
      },
    });
    const { annotator, marked, atPauses } = await scanSliced(
      paragraphs(600, 'Putin spoke in <b>Moscow</b>.') + '<p>North Korea.</p>',
    );
    expect(atPauses.length).toBeGreaterThan(1);
    expect(marked()).toEqual(['North Korea']);
    expect(ranges).toBe(1);
    expect(annotator.addedBlocks().map((block) => block.text)).toEqual(['North Korea.']);
  });

  test('a page that turns relevant late marks the mentions read before, and hands the claims each block once, with all its marks', async () => {
    const html =
      '<p>Putin met North Korea.</p>' + paragraphs(600, 'Putin spoke.') + paragraphs(3, 'North Korea and Pyongyang.');
    const atOnce = await scanAtOnce(html);
    const { annotator, marked, atPauses } = await scanSliced(html);
    // (Its first block was marked before the page turned relevant: North Korea at once, Putin waiting.)
    expect(atPauses).toContainEqual(['nk']);
    expect(marked().sort()).toEqual(atOnce.marked.sort());
    const blocks = annotator.addedBlocks();
    expect(new Set(blocks.map((block) => block.container)).size).toBe(blocks.length);
    expect(
      blocks
        .find((block) => block.text === 'Putin met North Korea.')!
        .spans.map((span) => span.id)
        .sort(),
    ).toEqual(['nk', 'putin']);
    expect(blocks.reduce((n, block) => n + block.spans.length, 0)).toBe(atOnce.marked.length);
  });

  test('a slice asks for the mentions of SLICE_TEXT units at most (and a walk’s step more), however fast it reads', async () => {
    const paragraph = 'North Korea and Putin met in Pyongyang, said the long sentence of the article.';
    document.body.innerHTML = paragraphs(3000, paragraph);
    const sent: number[] = [];
    const annotator = createAnnotator({
      match: (text) => (sent.push(text.length), match(text)),
      registry: () => registry as unknown as HighlightRegistry,
      tierOf,
    });
    // A slice whose time is never up.
    const stats = await annotator.scanInSlices(document.body, { timeUp: () => false, pause: async () => true });
    expect(stats?.matches).toBe(3 * 3000);
    const whole = 3000 * (paragraph.length + 1);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(whole);
    expect(sent.length).toBeGreaterThanOrEqual(Math.floor(whole / (SLICE_TEXT + 16_384 + paragraph.length)));
    expect(Math.max(...sent)).toBeLessThanOrEqual(SLICE_TEXT + 16_384 + paragraph.length + 1);
  });

  test('a list’s title read at a pause still goes with its list', async () => {
    // "North Korea" above a list of links is the list's title, not main text, wherever the walk pauses.
    const section =
      '<p>North Korea and Putin met in Pyongyang, said the long sentence of the article.</p>' +
      '<h3>North Korea</h3><ul><li><a href="#">Pyongyang news</a></li><li><a href="#">More</a></li></ul>';
    const html = section.repeat(300);
    const atOnce = await scanAtOnce(html);
    expect(atOnce.counts.get('nk')).toBe(300);
    const { marked, atPauses } = await scanSliced(html);
    expect(atPauses.length).toBeGreaterThan(1);
    expect(marked().sort()).toEqual(atOnce.marked.sort());
  });

  test('context entities read before the page is known relevant are marked once it is', async () => {
    const html = paragraphs(800, 'Putin spoke.') + '<p>North Korea, Pyongyang and North Korea.</p>';
    const { marked, atPauses, annotator } = await scanSliced(html);
    // Until the core mentions at the end are read, no context entity is marked.
    expect(atPauses.length).toBeGreaterThan(1);
    expect(atPauses.at(-1)).toEqual([]);
    const sliced = marked().sort();
    expect(sliced.filter((t) => t === 'Putin')).toHaveLength(800);
    expect(sliced).toEqual((await scanAtOnce(html)).marked.sort());
    expect(annotator.relevant()).toBe(true);
    // The claims are handed every block, with the context entities' spans that came late.
    const blocks = annotator.addedBlocks();
    expect(blocks).toHaveLength(801);
    expect(blocks[0]!.spans).toEqual([{ start: 0, end: 5, id: 'putin' }]);
  });

  test('a block’s mark drawn at once and its mark that waited for relevance are both found at their text', async () => {
    const html =
      '<p id="first">Pyongyang and Putin.</p>' + paragraphs(800, 'Putin spoke.') + '<p>North Korea, North Korea.</p>';
    const { annotator, atPauses } = await scanSliced(html);
    expect(atPauses.length).toBeGreaterThan(1);
    const first = document.getElementById('first')!.firstChild!;
    expect(annotator.marksAt(first, 2).map((m) => m.entityId)).toEqual(['pyongyang']);
    expect(annotator.marksAt(first, 16).map((m) => m.entityId)).toEqual(['putin']);
    expect(annotator.marksAt(first, 11)).toEqual([]);
    expect(annotator.counts().get('putin')).toBe(801);
  });

  test('on a page that never becomes relevant, context entities stay unmarked', async () => {
    const html = paragraphs(800, 'Putin spoke.') + '<p>North Korea once.</p>';
    const { marked, annotator } = await scanSliced(html);
    expect(marked()).toEqual(['North Korea']);
    expect(annotator.relevant()).toBe(false);
    // Blocks whose only marks never came are not handed to the claims.
    expect(annotator.addedBlocks().map((block) => block.text)).toEqual(['North Korea once.']);
  });

  test('stops when told to at a pause, without a result', async () => {
    const { stats, marked } = await scanSliced(paragraphs(2000, 'Pyongyang.'), () => false);
    expect(stats).toBeNull();
    expect(marked().length).toBeLessThan(2000);
  });

  test('finding the article, finding the furniture and reading the page share no slice: two pauses come before any text is read', async () => {
    const { atPauses, asked, marked } = await scanSliced(paragraphs(2000, 'Pyongyang.'));
    // Nothing read yet at the first two pauses; at the third, the first part's mentions are asked for, and marked after it.
    expect(asked.slice(0, 3)).toEqual([false, false, true]);
    expect(atPauses.slice(0, 3)).toEqual([[], [], []]);
    expect(atPauses[3]!.length).toBeGreaterThan(0);
    expect(marked()).toHaveLength(2000);
  });

  test('says its reading is stale when the page took away the node it had stopped at', async () => {
    document.body.innerHTML = `<div id="feed">${paragraphs(2000, 'Pyongyang.')}</div>`;
    const annotator = createAnnotator({ match, registry: () => registry as unknown as HighlightRegistry, tierOf });
    let pauses = 0;
    const scan = annotator.scanInSlices(document.body, {
      timeUp: () => true,
      pause: async () => {
        // (At the first two pauses the walk has not started: the page's article, then its furniture, were just found.)
        if (++pauses === 3) document.getElementById('feed')!.remove();
        return true;
      },
    });
    await expect(scan).rejects.toBeInstanceOf(StaleWalk);
  });
});
