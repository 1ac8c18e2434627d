/**
 * Pages for the benchmarks, written deterministically: about 5 MB of article
 * text, a page of 200,000 text nodes, and two pages of one paragraph, with and
 * without entities, where Lens's cost is its start: what every load pays.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SENTENCES = [
  'Officials in Moscow said the talks with Pyongyang would continue next month.',
  'The market closed higher on Tuesday as investors weighed new data on inflation.',
  'Kim Jong Un inspected a factory, state media reported, without giving details.',
  'Local councils are consulting residents on plans for new cycle lanes and bus routes.',
  'Analysts said trade between Russia and North Korea remained small next to China.',
  'The festival returns this summer with more than two hundred performers.',
  'Переговоры в Пхеньяне продолжились, сообщили в МИД России.',
  '북한과 러시아의 협력은 우크라이나 전쟁 이후에도 계속될 것으로 보인다.',
  'Weather forecasters expect rain across the north, with brighter spells later.',
  'Vladimir Putin and Sergei Lavrov met the delegation at the Kremlin.',
];

/** A deterministic stream of sentences (a fixed linear congruential generator). */
function* sentences(seed: number): Generator<string> {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2147483648;
    yield SENTENCES[x % SENTENCES.length]!;
  }
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

export function generatePages(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const text = sentences(7);
  // ~5 MB of text: 20,000 paragraphs of about 250 characters.
  const paragraphs: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    paragraphs.push(`<p>${text.next().value} ${text.next().value} ${text.next().value}</p>`);
  }
  writeFileSync(
    join(dir, 'gen-5MB-text.html'),
    page('Generated: 5 MB of text', `<article>${paragraphs.join('\n')}</article>`),
  );

  // About 200,000 text nodes: 28,600 paragraphs of seven (the words, the spaces between inline pieces, the line break).
  const nodes = sentences(11);
  const deep: string[] = [];
  for (let i = 0; i < 28_600; i++) {
    const words = nodes.next().value.split(' ');
    deep.push(
      `<p>${words.slice(0, 2).join(' ')} <b>${words[2]}</b> <i>${words[3]}</i> <a href="#">${words.slice(4).join(' ')}</a></p>`,
    );
  }
  writeFileSync(
    join(dir, 'gen-200k-text-nodes.html'),
    page('Generated: 200,000 text nodes', `<main>${deep.join('\n')}</main>`),
  );

  writeFileSync(
    join(dir, 'gen-start-marks.html'),
    page('Generated: one paragraph to mark', `<article><p>${SENTENCES[4]} ${SENTENCES[9]}</p></article>`),
  );
  writeFileSync(
    join(dir, 'gen-start-none.html'),
    page('Generated: one paragraph, nothing to mark', `<article><p>${SENTENCES[1]} ${SENTENCES[5]}</p></article>`),
  );
}
