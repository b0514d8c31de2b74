import { describe, expect, it } from 'vitest';
import { cutWords, rouge, rougeTokens } from './rouge.js';

describe('rouge', () => {
  it('tokenizes like rouge-score: lower case, alphanumeric runs, Porter stems above three letters', () => {
    expect(rougeTokens("The Rockies' jerseys were misspelled, 15,000 of them.")).toEqual([
      'the',
      'rocki',
      'jersei',
      'were',
      'misspel',
      '15',
      '000',
      'of',
      'them',
    ]);
  });

  it.each([
    // Worked by hand: "mats" stems to "mat", so 5 of 5 unigrams match 5 of 6, 3 of 4 bigrams match
    // 3 of 5, and the longest common subsequence is 5 tokens.
    ['the cat sat on mats', 'the cat sat on the mat', { rouge1: 0.9091, rouge2: 0.6667, rougeL: 0.9091 }],
    ['police arrested two men', 'police arrested two men', { rouge1: 1, rouge2: 1, rougeL: 1 }],
    ['', 'anything at all', { rouge1: 0, rouge2: 0, rougeL: 0 }],
    ['completely different words', 'nothing shared here', { rouge1: 0, rouge2: 0, rougeL: 0 }],
  ])('scores %j against %j', (output, reference, expected) => {
    const scores = rouge(output, reference);
    expect(scores.rouge1).toBeCloseTo(expected.rouge1, 3);
    expect(scores.rouge2).toBeCloseTo(expected.rouge2, 3);
    expect(scores.rougeL).toBeCloseTo(expected.rougeL, 3);
  });

  it('counts a repeated n-gram only as often as the reference has it', () => {
    expect(rouge('fire fire fire fire', 'fire broke out').rouge1).toBeCloseTo(
      (2 * 0.25 * (1 / 3)) / (0.25 + 1 / 3),
      4,
    );
  });

  it('cuts a text to its first N words', () => {
    expect(cutWords('one two  three\nfour five', 3)).toBe('one two three');
  });
});
