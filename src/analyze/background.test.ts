import { describe, expect, it } from 'vitest';
import { BACKGROUND_DOCS, backgroundFrequencies, withBackground } from './background.js';
import { idf, stem } from './keywords.js';

describe('backgroundFrequencies', () => {
  const background = backgroundFrequencies();

  it('counts everyday words as common and event words as rare', () => {
    const people = background.terms.get('people') ?? 0;
    const government = background.terms.get('government') ?? 0;
    const tsunami = background.terms.get('tsunami') ?? 0;
    expect(people).toBeGreaterThan(government);
    expect(government).toBeGreaterThan(20 * tsunami);
    expect(people).toBeLessThanOrEqual(BACKGROUND_DOCS);
    // Names of places and people are rare in everyday speech: they keep nearly their full weight.
    expect(background.terms.get('sumatra') ?? 0).toBeLessThan(2);
  });

  it('keys words the way keywords are keyed (folded and stemmed)', () => {
    expect(background.terms.get(stem('donations'))).toBe(background.terms.get('donation'));
    expect(background.terms.has('Police')).toBe(false);
  });

  it('keeps the words that define a young archive’s few events weighty', () => {
    // Thirty articles about three events: "tsunami" is in nine of them.
    const young = { docs: 30, get: (t: string) => ({ tsunami: 9, people: 9 })[t] ?? 0 };
    expect(idf(young, 'tsunami')).toBe(idf(young, 'people'));
    const prior = withBackground(young, background);
    expect(prior.docs).toBe(30 + BACKGROUND_DOCS);
    expect(idf(prior, 'tsunami')).toBeGreaterThan(1.5 * idf(prior, 'people'));
  });
});
