// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Card, type CardProps } from '../../../lib/ui/card';
import { buildCard, type CardClaim, type CardData } from '../../../lib/corpus/card-model';
import { curatedRecords } from '../../fixtures/curated-corpus';
import { useRenderRoot } from './render-root';

const XSS = '<img src=x onerror=alert(1)>';

function corpusCard(entityId: string, pageEntityIds?: string[]): CardData {
  const corpus = curatedRecords();
  const entity = corpus.entities.find((e) => e.id === entityId)!;
  return buildCard(entityId, {
    ...corpus,
    entity,
    claims: corpus.claims.filter((c) => c.entityIds.includes(entityId)),
    ...(pageEntityIds && { pageEntityIds }),
  })!;
}

const claim = (id: string, extra: Partial<CardClaim> = {}): CardClaim => ({
  id,
  text: `Paraphrase of ${id}.`,
  quote: `Quote of ${id}`,
  speaker: { id: 'p-a', name: 'Ann Expert', role: 'professor, Somewhere University', kind: 'expert', ownVoice: false },
  sourceId: 's-1',
  outlet: 'The Outlet',
  sourceUrl: 'https://news.example/a',
  date: { value: '2024-06-19', inferred: false },
  ...extra,
});

/** A small card, every section present, with markup-looking text in every corpus field. */
const hostile: CardData = {
  entity: { id: 'e-x', label: `X ${XSS}`, kind: 'concept', summary: `Summary ${XSS}`, definition: `Summary ${XSS}` },
  claimCount: 1,
  onPage: [],
  topics: [
    {
      id: 't',
      question: `Question ${XSS}?`,
      viewsDiffer: false,
      claims: [
        claim('c-1', {
          text: `Text ${XSS}`,
          quote: `Quote ${XSS}`,
          speaker: { id: 'p', name: `Name ${XSS}`, role: `Role ${XSS}`, kind: 'expert', ownVoice: false },
          outlet: `Outlet ${XSS}`,
          sourceUrl: 'javascript:alert(1)',
          positionLabel: `Position ${XSS}`,
        }),
      ],
    },
  ],
  viewsDiffer: [],
  figures: [
    {
      id: 'f',
      claimId: 'c-1',
      value: 1,
      unit: 'USD',
      measures: `Measures ${XSS}`,
      year: 2023,
      qualifier: `Qualifier ${XSS}`,
      speakerName: `Name ${XSS}`,
      date: { value: '2024', inferred: false },
    },
  ],
  events: [{ id: 'ev', label: `Event ${XSS}`, date: '2024' }],
  sources: [
    {
      id: 's',
      title: `Title ${XSS}`,
      outlet: `Outlet ${XSS}`,
      date: { value: '2024', inferred: true },
      dateInferredFrom: `Inferred ${XSS}`,
      claimCount: 1,
    },
  ],
  searchQuery: `X ${XSS}`,
};

const ui = useRenderRoot();

function show(props: Partial<CardProps> & { data: CardData }) {
  const handlers = { onClose: vi.fn(), onSearch: vi.fn(), onToggleQuote: vi.fn() };
  act(() => {
    render(<Card {...handlers} {...props} />, ui.root);
  });
  return handlers;
}

const $ = <E extends Element = HTMLElement>(selector: string) => ui.root.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(selector: string) => [...ui.root.querySelectorAll<E>(selector)];
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();
const click = (el: Element | null) =>
  act(() => {
    el?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  });

describe('Card on the curated corpus (Kim Jong Un)', () => {
  const kim = corpusCard('e-kim-jong-un');

  test('a non-modal dialog labelled by its title', () => {
    show({ data: kim, theme: 'dark' });
    const dialog = $('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    const title = ui.root.querySelector(`[id="${dialog.getAttribute('aria-labelledby')}"]`);
    expect(title?.tagName).toBe('H2');
    expect(text(title)).toBe('Kim Jong Un');
    expect(text($('.rdl-kind'))).toBe('Person');
    expect(text($('.rdl-summary'))).toContain('Leader of North Korea');
    expect(dialog.dataset.theme).toBe('dark');
  });

  test('sections in order, each labelled by its heading', () => {
    show({ data: kim });
    const sections = $$('section.rdl-section');
    expect(sections.map((s) => text(ui.root.querySelector(`[id="${s.getAttribute('aria-labelledby')}"]`)))).toEqual([
      'Views differ',
      'What the sources say',
      'Timeline',
      'Sources',
    ]); // no Figures: no claim about him states one
  });

  test('"On this page" comes first with the claims that name the page\'s other entities, and only then', () => {
    const onPage = corpusCard('e-kim-jong-un', ['e-vladimir-putin']);
    show({ data: onPage });
    const headings = $$('section.rdl-section > .rdl-section-title').map(text);
    expect(headings[0]).toBe('On this page');
    expect($$('section.rdl-section')[0]!.querySelectorAll('.rdl-claim-text').length).toBe(
      Math.min(3, onPage.onPage.length),
    );
    expect(text($$('section.rdl-section')[0]!.querySelector('.rdl-claim-text'))).toBe(onPage.onPage[0]!.text);
    // No page entity in any of his claims: no section.
    show({ data: corpusCard('e-kim-jong-un', ['e-no-such-entity']) });
    expect($$('section.rdl-section > .rdl-section-title').map(text)).not.toContain('On this page');
  });

  test('"What the sources say": topics in order, claims with who, outlet and date; the role on expand', () => {
    show({ data: kim, claimsPerTopic: 50 });
    const groups = $$('.rdl-topic-group');
    expect(groups.map((g) => text(g.querySelector('.rdl-topic')))).toEqual([
      'How close are Russia and North Korea really?',
      'Will the partnership outlast the Ukraine war?',
      'How independent is North Korea of China and Russia?',
      'Other claims',
    ]);
    const first = groups[0]!.querySelector('.rdl-claim')!;
    expect(first.getAttribute('data-claim-id')).toBe('c-003-14');
    expect(text(first.querySelector('.rdl-badge'))).toBe('De facto alliance');
    // short: who (and how their words were translated), outlet, date; the role with the quote
    expect(text(first.querySelector('.rdl-meta'))).toBe(
      'Kim Jong Un (from Korean via Chinese) — Zhi News (on Toutiao), c. July 2025',
    );
    expect(text(first.querySelector('.rdl-quote .rdl-note'))).toBe('Kim Jong Un, North Korean leader');
    const link = first.querySelector<HTMLAnchorElement>('.rdl-meta a')!;
    expect(link.getAttribute('href')).toBe('https://www.toutiao.com/article/7526550289370874395/');
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener noreferrer');
    // An outlet's own voice: named once, as the outlet
    const own = ui.root.querySelector('[data-claim-id="c-002-08"] .rdl-meta');
    expect(text(own)).toBe('an unsigned explainer (2024), in its own words, c. June 2024');
    // The Economist's English, read through News1's Korean
    expect(text(ui.root.querySelector('[data-claim-id="c-004-03"] .rdl-meta'))).toBe(
      'The Economist (back-translated via Korean) — News1, c. 16 June 2024',
    );
  });

  test('the verbatim quote opens on demand, and the container hears of it', () => {
    const { onToggleQuote } = show({ data: kim });
    const details = ui.root.querySelector<HTMLDetailsElement>('[data-claim-id="c-003-14"] details')!;
    expect(details.open).toBe(false);
    expect(text(details.querySelector('blockquote'))).toContain('alliance relationship');
    click(details.querySelector('summary'));
    expect(details.open).toBe(true);
    expect(onToggleQuote).toHaveBeenCalledWith('c-003-14', true);
  });

  test('"Views differ": the positions side by side in scale order, with place, who and when', () => {
    show({ data: kim });
    const views = $('.rdl-views')!;
    expect(text(views.querySelector('.rdl-topic'))).toBe('How close are Russia and North Korea really?');
    expect(views.querySelectorAll('.rdl-scale-step')).toHaveLength(5);
    expect([...views.querySelectorAll('.rdl-scale-step')].map((s) => s.classList.contains('rdl-taken'))).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    expect(text(views.querySelector('.rdl-scale-ends'))).toBe('A myth De facto alliance');
    const positions = [...views.querySelectorAll('.rdl-position')];
    expect(positions.map((p) => text(p.querySelector('.rdl-position-label')))).toEqual([
      'Pragmatic partnership',
      'Alliance in the making',
      'De facto alliance',
    ]);
    expect(positions.map((p) => text(p.querySelector('.rdl-position-place')))).toEqual(['3 of 5', '4 of 5', '5 of 5']);
    expect(text(positions[2]!.querySelector('.rdl-stance'))).toBe('Kim Jong Un, c. July 2025');
    expect(
      [...positions[1]!.querySelectorAll('.rdl-meter-step')].map((s) => s.classList.contains('rdl-taken')),
    ).toEqual([false, false, false, true, false]);
  });

  test('a long topic shows its first claims, then all on request', () => {
    show({ data: kim, claimsPerTopic: 3 });
    const other = $$('.rdl-topic-group')[3]!;
    expect(other.querySelectorAll('.rdl-claim')).toHaveLength(3);
    const more = other.querySelector('.rdl-more')!;
    expect(text(more)).toBe('Show 7 more');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    click(more);
    expect(other.querySelectorAll('.rdl-claim')).toHaveLength(10);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(text(more)).toBe('Show fewer');
  });

  test('timeline and sources', () => {
    show({ data: kim });
    expect($$('.rdl-event').map(text)).toEqual([
      '2000 Treaty of Friendship, Good-Neighborliness and Cooperation',
      "Sept 2023 Kim Jong Un's visit to Russia",
      "2024 Lavrov's previous visit to North Korea",
      "Jun 2024 Putin's visit to Pyongyang",
      '16 Jun 2024 The Economist\'s "Putin and Kim Jong Un\'s Dangerous Bromance"',
      'Jun 2025 Goma Coast (Kalma) resort opens',
      "Jul 2025 Lavrov's visit to Wonsan",
    ]);
    const sources = $$('.rdl-source');
    expect(sources).toHaveLength(4);
    const linked = sources[0]!.querySelector('a')!;
    expect(linked.getAttribute('href')).toBe('https://www.toutiao.com/article/7526550289370874395/');
    expect(linked.rel).toBe('noopener noreferrer');
    expect(sources[1]!.querySelector('a')).toBeNull(); // s-002 has no URL
  });

  test('close button, Esc and "Search in Lens"', () => {
    const { onClose, onSearch } = show({ data: kim });
    click($('.rdl-close'));
    expect(onClose).toHaveBeenCalledTimes(1);
    act(() => {
      $('.rdl-summary')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onClose).toHaveBeenCalledTimes(2);
    // A page's script clicking it opens nothing; the reader's click searches.
    click($('.rdl-search'));
    expect(onSearch).not.toHaveBeenCalled();
    readerClick($('.rdl-search'));
    expect(onSearch).toHaveBeenCalledWith('Kim Jong Un');
    expect($('.rdl-close')!.getAttribute('aria-label')).toBe('Close');
  });
});

describe("the project's notes are set apart from what the sources say", () => {
  test('on the entity: Matsegora, whom the source calls "Maltsev"', () => {
    show({ data: corpusCard('e-alexander-matsegora') });
    expect(text($('.rdl-card-title'))).toBe('Alexander Matsegora');
    expect(text($('.rdl-summary + .rdl-project-note'))).toMatch(
      /^Project note: .*"Alexander Maltsev".*error for Matsegora/,
    );
    expect(text($('[data-claim-id="c-003-10"] .rdl-project-note'))).toMatch(/^Project note: Russia's ambassador/);
  });

  test('on a claim and its figure: the 2012 debt deal the source inverts', () => {
    show({ data: corpusCard('e-russia'), claimsPerTopic: 50 });
    expect(text($('[data-claim-id="c-000-11"] .rdl-project-note'))).toMatch(/wrote off about 90%.*\$11 billion/);
    expect(text($('.rdl-figure[data-claim-id="c-000-11"] .rdl-note'))).toMatch(/^Project note: The 2012 agreement/);
  });
});

describe('Card with figures (Russia)', () => {
  test('grouped by what they measure, each with its year', () => {
    show({ data: corpusCard('e-russia') });
    const groups = $$('.rdl-figure-group');
    const trade = groups.find((g) => text(g.querySelector('dt')) === 'Russia–North Korea trade volume')!;
    const rows = [...trade.querySelectorAll('dd')];
    expect(rows).toHaveLength(1); // one record per datum, though Devyatov repeats it
    expect(text(rows[0]!.querySelector('.rdl-figure-value'))).toBe('$29 million');
    expect(text(rows[0])).toBe('$29 million as of 2023 — Toutiao, c. 9 June 2024');
    const containers = groups.find(
      (g) => text(g.querySelector('dt')) === 'containers sent from Russia to North Korea',
    )!;
    expect(text(containers.querySelector('.rdl-figure-year'))).toBe('2023–2024');
    expect($$('.rdl-figure-value').map(text)).toContain('2%');
    expect($$('.rdl-figure-value').map(text)).toContain('9,000 containers');
  });

  test('one speaker taking a position several times on one date is one line', () => {
    show({ data: corpusCard('e-russia') });
    const leverage = $$('.rdl-views')[0]!.querySelectorAll('.rdl-position')[1]!;
    expect([...leverage.querySelectorAll('.rdl-stance')].map(text)).toEqual([
      'Toutiao, c. 9 June 2024',
      'Fang Liang, c. 27 April 2017 (3 claims)',
    ]);
  });
});

describe('a context entity’s card', () => {
  test('opens with a one-line definition, then what the sources say about it in the relationship', () => {
    const base = corpusCard('e-russia');
    show({ data: { ...base, entity: { ...base.entity, tier: 'context' } } });
    expect(text($('.rdl-summary'))).toBe(base.entity.definition);
    expect(base.entity.summary.startsWith(base.entity.definition)).toBe(true);
    expect(base.entity.definition.length).toBeLessThan(base.entity.summary.length);
    expect($$('.rdl-section-title').map(text)).toContain('In Russia–North Korea relations');
  });
});

describe('corpus text is never HTML', () => {
  test('markup in any field shows literally and creates no element', () => {
    show({ data: hostile });
    expect(ui.root.querySelector('img')).toBeNull();
    expect(ui.root.querySelectorAll('[onerror]')).toHaveLength(0);
    const all = ui.root.textContent ?? '';
    for (const field of [
      'X',
      'Summary',
      'Question',
      'Text',
      'Quote',
      'Name',
      'Role',
      'Outlet',
      'Position',
      'Measures',
      'Qualifier',
      'Event',
      'Title',
      'Inferred',
    ]) {
      expect(all).toContain(`${field} ${XSS}`);
    }
    expect(text($('blockquote'))).toBe(`Quote ${XSS}`);
  });

  test('a javascript: URL is not a link', () => {
    show({ data: hostile });
    expect(ui.root.querySelector('a[href^="javascript"]')).toBeNull();
    expect(ui.root.querySelectorAll('a')).toHaveLength(0);
  });

  test('"Search in Lens" passes the query as given', () => {
    const { onSearch } = show({ data: hostile });
    readerClick($('.rdl-search'));
    expect(onSearch).toHaveBeenCalledWith(`X ${XSS}`);
  });
});

test('an inferred date is marked, a printed one is not', () => {
  show({ data: { ...hostile, topics: [{ ...hostile.topics[0]!, claims: [claim('c-1')] }] } });
  expect(text($('.rdl-claim .rdl-meta .rdl-date'))).toBe('19 June 2024');
  expect(text($('.rdl-source .rdl-date'))).toBe('c. 2024');
  expect($('.rdl-source .rdl-date abbr')?.getAttribute('title')).toMatch(/inferred/);
  expect($('.rdl-claim time')?.getAttribute('datetime')).toBe('2024-06-19');
});

/** A click as the reader's input makes it (isTrusted), which a page's script cannot forge. */
function readerClick(element: Element | null) {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  act(() => {
    element!.dispatchEvent(event);
  });
}
