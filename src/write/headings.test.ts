import { describe, expect, it } from 'vitest';
import { nounPhraseHeading } from './headings.js';
import { tagWords } from './nlp.js';

const heading = (...texts: string[]) =>
  nounPhraseHeading(
    texts.map((text) => ({ text, words: tagWords(text) })),
    new Set(),
  );

describe('nounPhraseHeading', () => {
  it('names what a section is about, not who speaks in it', () => {
    const name = heading(
      "The board's chair said the recall of the battery packs should have come sooner.",
      "The board's chair asked owners to return the battery packs to their dealers.",
    );
    expect(name).toBeDefined();
    expect(name).not.toMatch(/chair$/i);
    expect(name).toMatch(/battery packs/i);
  });

  it('leaves no phrase open at its end', () => {
    const name = heading(
      'The economic relationship worth $90 billion a year depends on steel exports and vehicle parts.',
    );
    expect(name).not.toMatch(/worth$/i);
  });

  it('does not take the tail of a figure for a heading', () => {
    const name = heading(
      'A 15 percent tariff would add about 0.15 percentage points to consumer prices, the central bank said.',
      'The central bank expects consumer prices to rise more slowly next year.',
    );
    expect(name).not.toMatch(/^percentage/i);
  });
});
