import { describe, expect, it } from 'vitest';
import { scoreClusters } from './metrics.js';

const map = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('scoreClusters', () => {
  it('scores a perfect clustering 1 everywhere', () => {
    const gold = map({ a: 'x', b: 'x', c: 'y' });
    const s = scoreClusters(map({ a: '1', b: '1', c: '2' }), gold);
    expect(s.bcubed).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(s.pairwise).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect([s.items, s.predicted_clusters, s.gold_clusters]).toEqual([3, 2, 2]);
  });

  it('scores everything in one cluster (Amigó et al. 2009, worked by hand)', () => {
    // Gold {a,b,c} {d,e}; predicted one cluster of 5.
    const s = scoreClusters(
      map({ a: '1', b: '1', c: '1', d: '1', e: '1' }),
      map({ a: 'x', b: 'x', c: 'x', d: 'y', e: 'y' }),
    );
    // Precision per item: 3/5 for a,b,c and 2/5 for d,e → (9/5 + 4/5) / 5 = 13/25.
    expect(s.bcubed.precision).toBeCloseTo(13 / 25, 10);
    expect(s.bcubed.recall).toBe(1);
    // Pairs together: 3 + 1 true out of 10 predicted; 4 gold pairs.
    expect(s.pairwise.precision).toBeCloseTo(4 / 10, 10);
    expect(s.pairwise.recall).toBe(1);
    expect(s.pairwise.f1).toBeCloseTo((2 * 0.4) / 1.4, 10);
  });

  it('scores all singletons', () => {
    const s = scoreClusters(map({ a: '1', b: '2', c: '3', d: '4' }), map({ a: 'x', b: 'x', c: 'y', d: 'y' }));
    expect(s.bcubed.precision).toBe(1);
    expect(s.bcubed.recall).toBe(0.5);
    expect(s.bcubed.f1).toBeCloseTo(2 / 3, 10);
    expect(s.pairwise).toEqual({ precision: 1, recall: 0, f1: 0 });
  });

  it('scores a split and a wrong join', () => {
    // Gold {a,b,c,d} {e}; predicted {a,b} {c,d,e}.
    const s = scoreClusters(
      map({ a: '1', b: '1', c: '2', d: '2', e: '2' }),
      map({ a: 'x', b: 'x', c: 'x', d: 'x', e: 'y' }),
    );
    // Precision: a,b 1; c,d 2/3; e 1/3 → (2 + 4/3 + 1/3)/5 = 11/15. Recall: a..d 2/4; e 1 → 3/5.
    expect(s.bcubed.precision).toBeCloseTo(11 / 15, 10);
    expect(s.bcubed.recall).toBeCloseTo(3 / 5, 10);
    // Pairs: predicted 1 + 3 = 4, correct 1 + 1 = 2; gold pairs 6.
    expect(s.pairwise.precision).toBeCloseTo(2 / 4, 10);
    expect(s.pairwise.recall).toBeCloseTo(2 / 6, 10);
  });

  it('ignores items the prediction does not name and handles no items', () => {
    const s = scoreClusters(map({ a: '1' }), map({ a: 'x', b: 'x' }));
    expect(s.items).toBe(1);
    expect(scoreClusters(new Map(), new Map()).bcubed.f1).toBe(0);
  });
});
