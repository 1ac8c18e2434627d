// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import {
  BlockBuilder,
  blockAt,
  blockContainer,
  isInsideSkipped,
  locateIn,
  readTextBlocks,
  walkBlocks,
} from '../../../lib/dom/text-blocks';
import { BLOCK_BREAK } from '../../../lib/text/matcher';
import { documentText } from '../../../lib/anchoring/text-range';
import { HOST_TAG, NEVER_MARKED, NOT_PAGE_TEXT } from '../../../lib/anchoring/skip-policy';

/** Each block of a read of `root` (readTextBlocks) on its own: its text, its nodes and where they start, its container, whether it is main text. */
function eachBlock(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void) {
  const blocks = readTextBlocks(root, onShadowRoot);
  return blocks.main.map((main, b) => {
    const block = blockAt(blocks, b);
    return { ...block, container: blockContainer(block.nodes[0]!), main };
  });
}

function blocksOf(html: string): string[] {
  document.body.innerHTML = html;
  return eachBlock(document.body).map((block) => block.text);
}

describe('readTextBlocks: the blocks of a page', () => {
  test.each([
    [
      'inline elements join one block',
      '<p>North <em>Korea</em> and <a href="#">Russia</a></p>',
      ['North Korea and Russia'],
    ],
    ['paragraphs are separate blocks', '<p>North</p><p>Korea</p>', ['North', 'Korea']],
    [
      'a div inside a paragraph-like element splits it',
      '<div>North<div>Korea</div>Russia</div>',
      ['North', 'Korea', 'Russia'],
    ],
    ['a line break splits a block', '<p>North<br>Korea</p>', ['North', 'Korea']],
    ['list items are blocks', '<ul><li>Putin</li><li>Kim</li></ul>', ['Putin', 'Kim']],
    ['table cells are blocks', '<table><tr><td>Putin</td><td>Kim</td></tr></table>', ['Putin', 'Kim']],
    ['whitespace-only blocks are skipped', '<p> </p><p>Kim</p>\n', ['Kim']],
    ['a block of only no-break and ideographic spaces is skipped', '<p>&nbsp;\u3000</p><p>Kim</p>', ['Kim']],
    [
      'a block of only the other white space (tab, form feed, Unicode spaces, separators, BOM) is skipped',
      '<p>\t\f\u1680\u2000\u200a\u2028\u2029\u202f\u205f\ufeff</p><p>Kim</p>',
      ['Kim'],
    ],
    [
      'a zero-width space is not white space (as \\s has it): its block is kept',
      '<p>\u200b</p><p>Kim</p>',
      ['\u200b', 'Kim'],
    ],
    [
      'script, style, noscript and template are not read',
      '<p>a</p><script>Putin</script><style>.x{}</style><noscript>Kim</noscript><template>Lavrov</template>',
      ['a'],
    ],
    ['form fields are not read', '<p>a</p><textarea>Putin</textarea><select><option>Kim</option></select>', ['a']],
    ['code and pre are not read', '<p>a</p><pre>Putin</pre><code>Kim</code>', ['a']],
    [
      'contenteditable is not read',
      '<div contenteditable="true"><p>Putin</p></div><div contenteditable="false">Kim</div>',
      ['Kim'],
    ],
    ['our own UI is not read', '<p>a</p><rdl-ui>Putin</rdl-ui>', ['a']],
  ])('%s', (_, html, expected) => {
    expect(blocksOf(html)).toEqual(expected);
  });

  test("both text walkers leave out the skip policy's elements (Lens's host by HOST_TAG); the marks' walk also what is never marked", () => {
    const withHidden = (name: string) => {
      document.body.innerHTML = '<p>before</p><p>after</p>';
      const element = document.createElement(name);
      element.append('hidden words');
      document.body.insertBefore(element, document.body.lastChild);
    };
    expect(NOT_PAGE_TEXT).toContain(HOST_TAG);
    for (const name of NOT_PAGE_TEXT) {
      withHidden(name);
      expect(readTextBlocks(document.body).text, name).not.toContain('hidden');
      expect(documentText(document.body).text, name).toBe('beforeafter');
    }
    for (const name of NEVER_MARKED) {
      withHidden(name);
      expect(readTextBlocks(document.body).text, name).not.toContain('hidden');
      expect(documentText(document.body).text, name).toBe('beforehidden wordsafter');
    }
  });

  test('open shadow roots are read as blocks of their own', () => {
    document.body.innerHTML = '<p>Light</p><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Shadow <b>Pyongyang</b></p>';
    const roots: ShadowRoot[] = [];
    const texts = eachBlock(document.body, (s) => roots.push(s)).map((b) => b.text);
    expect(texts).toEqual(['Light', 'Shadow Pyongyang']);
    expect(roots).toEqual([shadow]);
  });

  test.each([
    ['a custom element', 'x-card', '<p>Light</p><x-card id="host"><span>slotted</span></x-card>', ['Light', 'slotted']],
    ['an inline span', 'span', '<p>Light <span id="host">slotted</span></p>', ['Light slotted']],
    ['a section', 'section', '<section id="host"><p>slotted</p></section>', ['slotted']],
  ])('the shadow root of %s is read after the light tree', (_, __, html, light) => {
    document.body.innerHTML = html;
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Shadow <b>Kim</b></p>';
    expect(eachBlock(document.body).map((b) => b.text)).toEqual([...light, 'Shadow Kim']);
  });

  test('contenteditable="false" inside an editable element stays unread; next to it, read', () => {
    expect(
      blocksOf('<div contenteditable><p contenteditable="false">a</p></div><p contenteditable="false">b <b>c</b></p>'),
    ).toEqual(['b c']);
  });

  test('readTextBlocks gives every block in one string, each ended by the block break', () => {
    document.body.innerHTML = '<p>North <em>Korea</em></p>\n<p> </p><div>Kim<br>Jong Un</div>';
    const blocks = readTextBlocks(document.body);
    expect(blocks.text).toBe(['North Korea', 'Kim', 'Jong Un', ''].join(BLOCK_BREAK));
    expect(blocks.count).toBe(3);
    expect(blocks.chars).toBe('North KoreaKimJong Un'.length);
    expect(blocks.blockStarts).toEqual([0, 12, 16, 24]);
    expect(blocks.nodes.map((n) => n.data)).toEqual(['North ', 'Korea', 'Kim', 'Jong Un']);
    expect(blocks.starts).toEqual([0, 6, 12, 16, 24]);
    expect(blocks.blockNodes).toEqual([0, 2, 3, 4]);
  });

  test('a text node as root is one block', () => {
    document.body.innerHTML = '<p>Putin</p>';
    expect(readTextBlocks(document.body.firstChild!.firstChild!).text).toBe(`Putin${BLOCK_BREAK}`);
  });

  test('each block knows the element that bounds it', () => {
    document.body.innerHTML = '<section><p id="p">North <em>Korea</em></p></section>';
    expect(eachBlock(document.body).map((b) => (b.container as Element).id)).toEqual(['p']);
  });
});

describe('locateIn', () => {
  test('maps block offsets to text nodes, preferring the next node at a start and the previous at an end', () => {
    document.body.innerHTML = '<p>North <em>Korea</em>!</p>';
    const [block] = eachBlock(document.body);
    const locate = (offset: number, preferEnd: boolean) =>
      locateIn(block!.nodes, block!.starts, 0, block!.nodes.length, offset, preferEnd);
    const [north, korea] = block!.nodes;
    // "North " is 6 characters: offset 6 is the end of the first node and the start of the second.
    expect(locate(6, false)).toEqual({ node: korea, offset: 0 });
    expect(locate(6, true)).toEqual({ node: north, offset: 6 });
    expect(locate(11, true)).toEqual({ node: korea, offset: 5 });
    expect(locate(0, false)).toEqual({ node: north, offset: 0 });
  });
});

describe('helpers', () => {
  test('isInsideSkipped looks through ancestors and shadow hosts', () => {
    document.body.innerHTML = '<textarea id="t">x</textarea><p id="p">y</p><div contenteditable id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>z</span>';
    expect(isInsideSkipped(document.getElementById('t')!.firstChild!)).toBe(true);
    expect(isInsideSkipped(document.getElementById('p')!.firstChild!)).toBe(false);
    expect(isInsideSkipped(shadow.querySelector('span')!.firstChild!)).toBe(true);
  });

  test('blockContainer climbs out of inline elements', () => {
    document.body.innerHTML = '<div id="d"><span><b id="b">x</b></span></div>';
    expect((blockContainer(document.getElementById('b')!.firstChild!) as Element).id).toBe('d');
    expect((blockContainer(document.getElementById('d')!) as Element).id).toBe('d');
  });
});

describe('main text: which blocks are the article, which the page’s furniture', () => {
  const LONG = 'North Korea said on Monday that its envoy met Russian officials. '.repeat(10);

  function mainOf(html: string, root: () => Node = () => document.body): [string, boolean][] {
    document.body.innerHTML = html;
    const out: [string, boolean][] = [];
    for (const block of eachBlock(root())) out.push([block.text.trim(), block.main]);
    return out;
  }

  test.each<[string, string, [string, boolean][]]>([
    ['a paragraph', '<p>Kim met Putin.</p>', [['Kim met Putin.', true]]],
    [
      'nav, header, footer, aside, menu',
      '<nav>a</nav><header>b</header><footer>c</footer><aside>d</aside><menu><li>e</li></menu><p>f</p>',
      [
        ['a', false],
        ['b', false],
        ['c', false],
        ['d', false],
        ['e', false],
        ['f', true],
      ],
    ],
    [
      'ARIA roles',
      '<div role="navigation">a</div><div role="banner">b</div><div role="contentinfo">c</div><div role="complementary">d</div><div role="menubar">e</div><div role="main">f</div>',
      [
        ['a', false],
        ['b', false],
        ['c', false],
        ['d', false],
        ['e', false],
        ['f', true],
      ],
    ],
    [
      'the menu and search roles are furniture; other roles are not; an article’s header with a banner role is the article’s',
      '<div role="menu">a</div><form role="search">b</form><div role="note">c</div><div role="navigation menu">d</div><article><header role="banner"><h1>e</h1></header><p>f</p></article>',
      [
        ['a', false],
        ['b', false],
        ['c', true],
        ['d', true],
        ['e', true],
        ['f', true],
      ],
    ],
    [
      'a block that is mostly a link is a link list’s item; a sentence with a link is not',
      '<ul><li><a href="/x">Kim fires a missile</a></li></ul><p>Officials in <a href="/p">Pyongyang</a> said so on Monday.</p>',
      [
        ['Kim fires a missile', false],
        ['Officials in Pyongyang said so on Monday.', true],
      ],
    ],
    [
      'a teaser card: a link around block elements',
      '<a href="/t"><div><h3>Kim in Moscow</h3><p>The leader arrived.</p></div></a>',
      [
        ['Kim in Moscow', false],
        ['The leader arrived.', false],
      ],
    ],
    [
      'the article’s own header and footer are the article’s',
      '<article><header><h1>Kim in Moscow</h1></header><p>He arrived.</p><footer>Reporting by A.</footer></article>',
      [
        ['Kim in Moscow', true],
        ['He arrived.', true],
        ['Reporting by A.', true],
      ],
    ],
    [
      'with one long article, what is outside it is furniture',
      `<div><p>Teaser: Kim in Moscow</p></div><article><p>${LONG}</p></article><div><p>Stream: sanctions</p></div>`,
      [
        ['Teaser: Kim in Moscow', false],
        [LONG.trim(), true],
        ['Stream: sanctions', false],
      ],
    ],
    [
      'a short article is a teaser: it does not make the rest furniture',
      '<p>Kim in Moscow</p><article><p>Teaser text</p></article>',
      [
        ['Kim in Moscow', true],
        ['Teaser text', true],
      ],
    ],
    [
      'the short title of a link list goes with the list; a headline does not',
      '<div>News Focus North Korea</div><ul><li><a href="/a">Kim fires a missile again today</a></li></ul><h1>Kim in Moscow</h1><p><a href="/b">By A. Reporter</a></p>',
      [
        ['News Focus North Korea', false],
        ['Kim fires a missile again today', false],
        ['Kim in Moscow', true],
        ['By A. Reporter', false],
      ],
    ],
  ])('%s', (_name, html, expected) => {
    expect(mainOf(html)).toEqual(expected);
  });

  test('a page without one article is searched for it once per task: a batch of rescans searches once, a later one again', async () => {
    document.body.innerHTML = '<p id="a">Kim met Putin.</p><p id="b">Lavrov met Choe.</p>';
    const searches = vi.spyOn(document, 'querySelectorAll');
    const searched = () => searches.mock.calls.filter(([selector]) => selector.includes('article')).length;
    for (const id of ['a', 'b', 'a']) readTextBlocks(document.getElementById(id)!);
    expect(searched()).toBe(1);
    await Promise.resolve();
    // An article the page brought later is found: the paragraphs outside it are furniture now.
    document.body.insertAdjacentHTML('beforeend', `<article><p>${LONG}</p></article>`);
    expect(readTextBlocks(document.getElementById('a')!).main).toEqual([false]);
    expect(searched()).toBe(2);
    searches.mockRestore();
  });

  test('a rescan of a block inside furniture, a link or outside the one article knows where it is', () => {
    const html = `<nav><p id="n">Kim</p></nav><a href="/x"><p id="l">Kim</p></a><article><p id="a">${LONG}</p></article><p id="o">Kim</p>`;
    expect(mainOf(html, () => document.getElementById('n')!)).toEqual([['Kim', false]]);
    expect(mainOf(html, () => document.getElementById('l')!)).toEqual([['Kim', false]]);
    expect(mainOf(html, () => document.getElementById('a')!)).toEqual([[LONG.trim(), true]]);
    expect(mainOf(html, () => document.getElementById('o')!)).toEqual([['Kim', false]]);
  });
});

describe('a main-text-only walk (the default marking) reads only what can be main text', () => {
  const LONG = 'North Korea said on Monday that its envoy met Russian officials. '.repeat(10);

  /** Each block of a read of the body: its text and whether it is main text. */
  function read(mainOnly: boolean): [string, boolean][] {
    const blocks = readTextBlocks(document.body, undefined, mainOnly);
    return blocks.main.map((main, b) => [
      blocks.text.slice(blocks.blockStarts[b]!, blocks.blockStarts[b + 1]! - 1).trim(),
      main,
    ]);
  }

  test.each<[string, string, string[], string[]]>([
    [
      'furniture elements and ARIA roles are not read',
      '<nav>Putin</nav><header>Kim</header><p>Officials met on Monday in the capital, Pyongyang.</p><div role="complementary"><p>Lavrov</p></div><aside>Shoigu</aside>',
      ['Officials met on Monday in the capital, Pyongyang.'],
      ['Putin', 'Kim', 'Lavrov', 'Shoigu'],
    ],
    [
      'with one long article, nothing outside it is read',
      `<div><p>Teaser: Kim in Moscow</p></div><article><p>${LONG}</p></article><div><p>Stream: sanctions</p></div>`,
      [LONG.trim()],
      ['Teaser: Kim in Moscow', 'Stream: sanctions'],
    ],
    [
      'the article’s own header and footer are read',
      `<header>Site</header><article><header><h1>Kim in Moscow</h1></header><p>${LONG}</p><footer>Reporting by A.</footer></article>`,
      ['Kim in Moscow', LONG.trim(), 'Reporting by A.'],
      ['Site'],
    ],
    [
      'a short title before furniture goes with it, as when the furniture is read',
      '<p>Kim met Putin in Vladivostok on Monday, officials said.</p><div>More on Korea</div><nav><a href="/a">Kim fires a missile</a></nav>',
      ['Kim met Putin in Vladivostok on Monday, officials said.'],
      ['Kim fires a missile'],
    ],
    [
      'a short title before furniture with no text of its own (only a script) stays',
      '<p>Kim met Putin in Vladivostok on Monday, officials said.</p><div>More on Korea</div><nav><script>var x = 1;</script> </nav><p>And then he left for Pyongyang by train.</p>',
      [
        'Kim met Putin in Vladivostok on Monday, officials said.',
        'More on Korea',
        'And then he left for Pyongyang by train.',
      ],
      [],
    ],
    [
      'a short title at the end of the one article goes with the page text after it',
      `<article><p>${LONG}</p><h3>Related</h3></article><ul><li><a href="/a">Kim fires a missile</a></li></ul>`,
      [LONG.trim()],
      ['Kim fires a missile'],
    ],
    [
      'a short title at the end of the one article stays when nothing follows it',
      `<article><p>${LONG}</p><p>Kim in Moscow</p></article><footer><script>1</script></footer>`,
      [LONG.trim(), 'Kim in Moscow'],
      [],
    ],
  ])('%s', (_name, html, main, unread) => {
    document.body.innerHTML = html;
    const full = read(false);
    const only = read(true);
    // The same main text as a walk of everything finds…
    expect(only.filter(([, m]) => m).map(([text]) => text)).toEqual(main);
    expect(full.filter(([, m]) => m).map(([text]) => text)).toEqual(main);
    // …reading none of the furniture, which a walk of everything reads.
    for (const text of unread) {
      expect(full.map(([t]) => t)).toContain(text);
      expect(only.map(([t]) => t)).not.toContain(text);
    }
  });

  test('a rescan inside furniture or outside the one article reads nothing', () => {
    document.body.innerHTML = `<nav><p id="n">Kim</p></nav><article><p id="a">${LONG}</p></article><p id="o">Kim</p>`;
    for (const id of ['n', 'o']) expect(readTextBlocks(document.getElementById(id)!, undefined, true).count).toBe(0);
    expect(readTextBlocks(document.getElementById('a')!, undefined, true).count).toBe(1);
  });
});

describe('a walk that reads what the reader sees first', () => {
  /** Each block of a walk of the body (reading `first` first): its text and whether it is main text. */
  function walk(first: Node[], mainOnly = false): [string, boolean][] {
    const builder = new BlockBuilder();
    const steps = walkBlocks(document.body, builder, undefined, true, mainOnly, first);
    while (!steps.next().done);
    const blocks = builder.finish();
    return blocks.main.map((main, b) => [
      blocks.text.slice(blocks.blockStarts[b]!, blocks.blockStarts[b + 1]! - 1),
      main,
    ]);
  }

  test('reads that part, then the rest passing over it: every block once, as main as in a walk in order', () => {
    document.body.innerHTML =
      '<p>North Korea and Russia signed a treaty in June.</p><div id="view"><p>Putin flew to Pyongyang for the signing.</p><ul><li><a href="/a">Kim fires a missile</a></li></ul></div><p>Officials in Moscow welcomed the news on Thursday.</p><nav>Menu</nav>';
    const inOrder = walk([]);
    const viewFirst = walk([document.getElementById('view')!]);
    expect(viewFirst.map(([text]) => text)).toEqual([
      'Putin flew to Pyongyang for the signing.',
      'Kim fires a missile',
      'North Korea and Russia signed a treaty in June.',
      'Officials in Moscow welcomed the news on Thursday.',
      'Menu',
    ]);
    expect(new Map(viewFirst)).toEqual(new Map(inOrder));
    // A main-text-only walk too.
    expect(walk([document.getElementById('view')!], true).map(([text]) => text)).toEqual(
      viewFirst.slice(0, 4).map(([t]) => t),
    );
  });

  test('a part inside what is never read (an editor, code) is not read first, nor at all', () => {
    document.body.innerHTML =
      '<p>North Korea and Russia signed a treaty in June.</p><div contenteditable="true"><p id="draft">Putin draft</p></div><pre id="code">Kim code</pre>';
    for (const id of ['draft', 'code'])
      expect(walk([document.getElementById(id)!])).toEqual([['North Korea and Russia signed a treaty in June.', true]]);
  });
});
