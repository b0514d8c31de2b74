import { describe, expect, it } from 'vitest';
import type { AnalysisDigest } from '../analyze/types.js';
import { featuresOf } from './features.js';

const article = { id: 1, source_id: 1, title: 't', published_at: null, fetched_at: new Date(0) };

function digest(keywords: number): AnalysisDigest {
  return {
    keywords: Array.from({ length: keywords }, (_, i) => ({ term: `w${i}`, weight: keywords - i })),
    title_entities: [],
    entities: [],
    figures: [],
  };
}

const norm = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((s, w) => s + w * w, 0));

describe('featuresOf', () => {
  it('keeps the 30 heaviest keywords for the story profile and all of them for comparing reports', () => {
    const f = featuresOf(article, digest(100));
    expect([...f.terms.keys()]).toEqual(Array.from({ length: 30 }, (_, i) => `w${i}`));
    expect(f.words?.size).toBe(100);
    expect(norm(f.terms)).toBeCloseTo(1);
    expect(norm(f.words!)).toBeCloseTo(1);
  });

  it('reads an analysis stored with 30 keywords as before', () => {
    const f = featuresOf(article, digest(30));
    expect(f.terms.size).toBe(30);
    expect(f.words).toBeUndefined();
  });
});
