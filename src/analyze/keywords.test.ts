import { describe, expect, it } from 'vitest';
import { type DocumentFrequencies, idf, topKeywords } from './keywords.js';

/** The ranking spelled out: weigh every term, sort them all, keep the first `limit`. */
function fullSort(counts: Map<string, number>, df: DocumentFrequencies | undefined, limit: number) {
  const scored = [...counts].map(([term, tf]) => ({ term, weight: tf * idf(df, term) }));
  scored.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
  return scored.slice(0, limit).map((k) => ({ term: k.term, weight: Math.round(k.weight * 1000) / 1000 }));
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

describe('topKeywords', () => {
  it('ranks exactly as weighing and sorting every term would, ties by term', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      const counts = new Map<string, number>();
      const terms = 1 + Math.floor(next() * 400);
      // Few distinct counts and frequencies, so equal weights (and the tie order) come up often.
      for (let i = 0; i < terms; i++)
        counts.set(`t${Math.floor(next() * 1000)}`, 1 + Math.floor(next() * 4) * 0.5);
      const known = new Map([...counts.keys()].map((t) => [t, Math.floor(next() * 3) * 40]));
      const df: DocumentFrequencies = {
        docs: 100 + Math.floor(next() * 5000),
        get: (t) => known.get(t) ?? 0,
      };
      for (const limit of [0, 1, 5, 30, 500]) {
        expect(topKeywords(counts, df, limit)).toEqual(fullSort(counts, df, limit));
        expect(topKeywords(counts, undefined, limit)).toEqual(fullSort(counts, undefined, limit));
      }
    }
  });

  it('looks up the frequency of fewer terms than it ranks once the list is full', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 300; i++) counts.set(`w${i}`, i < 40 ? 6 : 1);
    let lookups = 0;
    const df: DocumentFrequencies = {
      docs: 10_000,
      get: () => {
        lookups++;
        return 5;
      },
    };
    expect(topKeywords(counts, df, 30)).toEqual(fullSort(counts, { docs: 10_000, get: () => 5 }, 30));
    expect(lookups).toBeLessThan(100);
  });
});
