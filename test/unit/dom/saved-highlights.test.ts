// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { pageAnchoring } from '../../../lib/anchoring/page';
import { rangeOver } from '../range-over';
import type { HighlightRow } from '../../../lib/db/schema';
import { createSavedHighlights } from '../../../lib/dom/saved-highlights';
import { installHighlightShim, textsOf, type FakeHighlight } from './highlight-shim';

const ARTICLE =
  '<p id="lead">Vladimir Putin arrived in Pyongyang on 19 June 2024.</p>' +
  '<p id="pact">The two leaders signed a mutual defence pact.</p>' +
  '<p id="trade">Trade remains small, at about $29 million a year.</p>';

let registry: Map<string, FakeHighlight>;
let controller: AbortController;
beforeEach(() => {
  registry = installHighlightShim();
  controller = new AbortController();
  document.body.innerHTML = ARTICLE;
});
afterEach(() => controller.abort());

let n = 0;
/** A row for `text` as it is on the page now, as the content script would save it. */
function rowFor(text: string, colour = 'yellow'): HighlightRow {
  const { quote, position } = pageAnchoring.describe(document.body, rangeOver(text));
  return {
    id: `h-${++n}`,
    url: 'https://example.org/a',
    title: 'A',
    quote,
    position,
    note: '',
    colour,
    entityIds: [],
    createdAt: 1,
    updatedAt: 1,
  };
}

function start(orphanInterval = 0) {
  const loadAnchoring = vi.fn(() => Promise.resolve(pageAnchoring));
  const saved = createSavedHighlights({
    document,
    registry: registry as unknown as HighlightRegistry,
    signal: controller.signal,
    root: () => document.body,
    loadAnchoring,
    orphanInterval,
  });
  return { saved, loadAnchoring, drawn: (colour = 'yellow') => textsOf(registry.get(`rdl-saved-${colour}`)) };
}

describe('saved highlights', () => {
  test('a page without highlights never loads the anchoring code', async () => {
    const { saved, loadAnchoring } = start();
    saved.show([]);
    saved.pageChanged();
    await saved.settled();
    expect(loadAnchoring).not.toHaveBeenCalled();
    expect(registry.size).toBe(0);
  });

  test('each highlight is drawn in its colour; one whose text is gone is an orphan, not drawn', async () => {
    const lead = rowFor('Putin arrived in Pyongyang');
    const trade = rowFor('Trade remains small', 'green');
    const gone = { ...rowFor('signed a mutual defence pact'), id: 'gone' };
    document.querySelector('#pact')!.remove();
    const { saved, drawn } = start();
    saved.show([lead, trade, gone]);
    await saved.settled();
    expect(drawn('yellow')).toEqual(['Putin arrived in Pyongyang']);
    expect(drawn('green')).toEqual(['Trade remains small']);
    expect(saved.status()).toEqual({ anchored: [lead.id, trade.id], orphans: ['gone'] });
    expect(saved.rangeOf('gone')).toBeNull();
    expect(saved.row('gone')).toEqual(gone);
  });

  test('a colour it does not know (an import) is drawn yellow', async () => {
    const { saved, drawn } = start();
    saved.show([rowFor('Trade remains small', '#ff0000')]);
    await saved.settled();
    expect(drawn('yellow')).toEqual(['Trade remains small']);
  });

  test('a paragraph the page renders again is anchored again; one that did not change is left alone', async () => {
    const lead = rowFor('Putin arrived in Pyongyang');
    const trade = rowFor('Trade remains small');
    const { saved, drawn } = start();
    saved.show([lead, trade]);
    await saved.settled();
    const tradeRange = saved.rangeOf(trade.id);

    const old = document.querySelector('#lead')!;
    old.replaceWith(old.cloneNode(true));
    saved.pageChanged();
    await saved.settled();
    expect(drawn()).toEqual(['Trade remains small', 'Putin arrived in Pyongyang']);
    expect(saved.rangeOf(lead.id)!.startContainer.isConnected).toBe(true);
    expect(saved.rangeOf(trade.id)).toBe(tradeRange);
  });

  test('an orphan is drawn when its text arrives, no sooner than the orphan interval allows', async () => {
    const pact = rowFor('signed a mutual defence pact');
    const paragraph = document.querySelector('#pact')!;
    paragraph.remove();
    const { saved, drawn } = start(200);
    saved.show([pact]);
    await saved.settled();
    const shownAt = performance.now();
    expect(saved.status().orphans).toEqual([pact.id]);

    document.body.append(paragraph);
    saved.pageChanged();
    saved.pageChanged(); // one pass is due, not two
    await Promise.resolve();
    expect(saved.status().orphans).toEqual([pact.id]);
    await saved.settled();
    expect(performance.now() - shownAt).toBeGreaterThanOrEqual(150);
    expect(drawn()).toEqual(['signed a mutual defence pact']);
    expect(saved.status()).toEqual({ anchored: [pact.id], orphans: [] });
  });

  test('a new colour moves the highlight; a removed one is no longer drawn nor reported', async () => {
    const lead = rowFor('Putin arrived in Pyongyang');
    const { saved, drawn } = start();
    saved.show([lead]);
    await saved.settled();
    saved.update({ ...lead, colour: 'pink' });
    expect([drawn('yellow'), drawn('pink')]).toEqual([[], ['Putin arrived in Pyongyang']]);
    // a note given: the same tint, drawn as a highlight with a note
    saved.update({ ...lead, colour: 'pink', note: 'n' });
    expect([drawn('pink'), drawn('pink-noted')]).toEqual([[], ['Putin arrived in Pyongyang']]);
    expect(saved.row(lead.id)?.note).toBe('n');
    saved.remove(lead.id);
    expect(drawn('pink-noted')).toEqual([]);
    expect(saved.status()).toEqual({ anchored: [], orphans: [] });
  });

  test('a highlight just saved is drawn over its range at once', () => {
    const { saved, drawn } = start();
    const row = rowFor('Trade remains small', 'blue');
    saved.add(row, pageAnchoring.anchor(document.body, [row])[0]!);
    expect(drawn('blue')).toEqual(['Trade remains small']);
    expect(saved.status().anchored).toEqual([row.id]);
  });

  test('stopping removes what it registered', async () => {
    const { saved } = start();
    saved.show([rowFor('Trade remains small')]);
    await saved.settled();
    expect([...registry.keys()]).toEqual(['rdl-saved-yellow']);
    controller.abort();
    expect(registry.size).toBe(0);
  });

  test('an anchoring script that fails to load leaves the highlights pending, and the next change tries again', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const loadAnchoring = vi
      .fn<() => Promise<typeof pageAnchoring>>()
      .mockRejectedValueOnce(new Error('blocked'))
      .mockResolvedValue(pageAnchoring);
    const saved = createSavedHighlights({
      document,
      registry: registry as unknown as HighlightRegistry,
      signal: controller.signal,
      root: () => document.body,
      loadAnchoring,
    });
    const row = rowFor('Trade remains small');
    saved.show([row]);
    await saved.settled();
    expect(saved.status()).toEqual({ anchored: [], orphans: [] });
    expect(error).toHaveBeenCalled();
    saved.pageChanged();
    await saved.settled();
    expect(saved.status()).toEqual({ anchored: [row.id], orphans: [] });
    error.mockRestore();
  });
});
