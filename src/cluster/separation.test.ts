import { describe, expect, it } from 'vitest';
import type { ArticleFeatures } from './features.js';
import { placeAll } from './link-passes.js';
import { newProfile } from './profile.js';
import { defaultClusterSettings } from './settings.js';
import { WorkingSet } from './working-set.js';

// An editor's split keeps two stories apart: the merge the clusterer would otherwise make is skipped.
const features = (
  id: number,
  terms: Record<string, number>,
  names = ['caldmoor', 'hartwell'],
): ArticleFeatures => {
  const norm = Math.sqrt(Object.values(terms).reduce((a, w) => a + w * w, 0));
  return {
    id,
    sourceId: id,
    title: `a${id}`,
    time: null,
    seen: 0,
    terms: new Map(Object.entries(terms).map(([t, w]) => [t, w / norm])),
    names: new Map(names.map((n) => [n, 10])),
    figures: new Set(),
  };
};

function converging(): WorkingSet {
  const set = new WorkingSet();
  set.load(1, newProfile(features(1, { sailors: 1, iran: 1, navy: 1 })));
  set.load(2, newProfile(features(2, { sailors: 1, iran: 1, captured: 1 })));
  return set;
}
const bridge = [features(3, { sailors: 1, iran: 1, navy: 1, captured: 1 })];
const settings = defaultClusterSettings;

describe('stories an editor split apart', () => {
  it('merge without a separation, and stay apart with one', () => {
    expect(placeAll(converging(), bridge, new Map(), new Map(), settings, () => 6).merges).toEqual([
      { from: 2, into: 1 },
    ]);
    const set = converging();
    set.keepApart(2, 1);
    const result = placeAll(set, bridge, new Map(), new Map(), settings, () => 6);
    expect(result.merges).toEqual([]);
    expect(result.assignments).toHaveLength(1);
  });

  it('stay apart after one of them merged into a third story', () => {
    const set = converging();
    set.load(7, newProfile(features(7, { sailors: 1, iran: 1 })));
    set.keepApart(2, 7);
    set.retire(7, 1);
    expect(set.isApart(1, 2)).toBe(true);
    expect(set.isApart(2, 1)).toBe(true);
    expect(placeAll(set, bridge, new Map(), new Map(), settings, () => 6).merges).toEqual([]);
  });
});
