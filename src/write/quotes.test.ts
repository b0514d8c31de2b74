import { describe, expect, it } from 'vitest';
import { sourceArticle } from '../verify/fixtures.js';
import { prepareSources } from '../verify/prepare.js';
import { pickQuotes } from './quotes.js';

/** The pull quotes of one article, each ranked alike. */
function quotesOf(text: string): string[] {
  const sources = [sourceArticle(1, 'Council budget vote', text, new Date('2026-11-20T10:00:00Z'))];
  return pickQuotes(sources, prepareSources(sources), () => 1).map((q) => q.text);
}

describe('pull quotes', () => {
  it('leaves out a phrase the writer built a sentence around, and keeps what the speaker said whole', () => {
    const quotes = quotesOf(
      [
        'Mayor Ana Ruiz said the council would "look again at every line of the budget before the vote" next week.',
        'Councillor Tom Hale said the plan "to close two libraries and the" would not pass.',
        '"We will not close a single library while I am on this council," said Councillor Tom Hale.',
        '"The board gave him everything he asked for," said Councillor Mira Osei.',
      ].join(' '),
    );
    expect(quotes).not.toContain('look again at every line of the budget before the vote');
    expect(quotes).not.toContain('to close two libraries and the');
    expect(quotes).toContain('We will not close a single library while I am on this council');
    // A sentence may end on a preposition.
    expect(quotes).toContain('The board gave him everything he asked for');
  });

  it('leaves out either part of a quotation its attribution splits, and keeps one that ends before it', () => {
    const quotes = quotesOf(
      [
        '"When you actually see your house," Leslie Dull said, "and you know it is not just your basement, it is your whole house."',
        '"An icky experience," said Mara Lind, "would hurt any brand that brought it to market."',
        '"We will rebuild every home on this street." Mayor Ana Ruiz said, "Nobody here will be left without a roof."',
      ].join('\n'),
    );
    expect(quotes).not.toContain('When you actually see your house');
    expect(quotes).not.toContain('and you know it is not just your basement, it is your whole house.');
    expect(quotes).not.toContain('would hurt any brand that brought it to market.');
    expect(quotes).toContain('Nobody here will be left without a roof.');
  });
});
