import nlp from 'compromise/two';
import { describe, expect, it } from 'vitest';
import { tagTexts, tagWords, textTagger } from './nlp.js';

/** Tags as compromise gives them for one text on its own. */
function alone(text: string): string[] {
  const doc = nlp(text) as unknown as { docs: { text: string; tags: Set<string> }[][] };
  return doc.docs.flat().map((t) => `${t.text}/${[...t.tags].sort().join(',')}`);
}
const shown = (words: { text: string; tags: ReadonlySet<string> }[]) =>
  words.map((w) => `${w.text}/${[...w.tags].sort().join(',')}`);

const TEXTS = [
  'The union said 6,800 drivers walked out on Monday.',
  // An open quotation mark and a bracket left open must not pull the next text into this one.
  '"We will not go back until the offer is fair, said Ana Ruiz',
  'Officials (speaking on condition of anonymity said the plan',
  'Rates rose. Markets fell sharply after the decision!',
  '',
  'strike',
  'They strike at dawn.',
];

describe('tagTexts', () => {
  it('gives each text the tags it gets when tagged alone', () => {
    const together = tagTexts(TEXTS);
    expect(together).toHaveLength(TEXTS.length);
    for (const [i, text] of TEXTS.entries()) expect(shown(together[i]!)).toEqual(alone(text));
  });

  it('keeps each word at its offsets in its own text', () => {
    const [first, second] = tagTexts([TEXTS[0]!, TEXTS[3]!]);
    for (const [words, text] of [
      [first!, TEXTS[0]!],
      [second!, TEXTS[3]!],
    ] as const)
      for (const w of words) expect(text.slice(w.start, w.end)).toBe(w.text);
  });

  it('tags nothing for no texts', () => {
    expect(tagTexts([])).toEqual([]);
  });
});

describe('textTagger', () => {
  it('answers a primed text from the pass that tagged it, the same as tagging it alone', () => {
    const tag = textTagger();
    tag.prime(TEXTS);
    const first = tag(TEXTS[0]!);
    expect(tag(TEXTS[0]!)).toBe(first);
    expect(first).toEqual(tagWords(TEXTS[0]!));
  });
});
