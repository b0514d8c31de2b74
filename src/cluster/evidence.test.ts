import { describe, expect, it } from 'vitest';
import { evidenceFor } from './evidence.js';
import type { ArticleFeatures } from './features.js';
import { evidenceWeights } from './place.js';
import { addToProfile, newProfile } from './profile.js';
import { defaultClusterSettings } from './settings.js';

const rare = () => 6;
const weights = evidenceWeights(defaultClusterSettings);

/** A full report (twelve words) naming `names`, each with the same weight. */
function report(id: number, names: string[]): ArticleFeatures {
  const words = [
    'budget',
    'vote',
    'bill',
    'spending',
    'deal',
    'leader',
    'floor',
    'debt',
    'tax',
    'plan',
    'house',
    'week',
  ];
  return {
    id,
    sourceId: id,
    title: `report ${id}`,
    time: null,
    seen: 0,
    terms: new Map(words.map((w) => [w, 1 / Math.sqrt(words.length)])),
    names: new Map(names.map((n) => [n, 10])),
    figures: new Set(),
  };
}

describe('evidenceFor: who and where', () => {
  it('does not let a story whose reports share one name claim a report that names it among many', () => {
    // Four budget reports of different weeks: only "senate" is named by more than one.
    let story = newProfile(report(1, ['senate', 'boehner', 'reid', 'ohio']));
    for (const [id, names] of [
      [2, ['senate', 'mcconnell', 'schumer', 'kentucky']],
      [3, ['senate', 'pelosi', 'caucus', 'california']],
      [4, ['senate', 'ryan', 'wisconsin', 'speaker']],
    ] as const)
      story = addToProfile(story, report(id, [...names]));
    const other = report(5, [
      'senate',
      'blagojevich',
      'illinois',
      'fitzgerald',
      'zagel',
      'chicago',
      'subpoena',
      'springfield',
    ]);
    const evidence = evidenceFor(other, story, rare, weights);
    expect(evidence.sharedNames).toEqual(['senate']);
    expect(evidence.names).toBeLessThan(0.2);
    // A report that names the story's core and little else still fits it fully on that side.
    expect(evidenceFor(report(6, ['senate', 'mcconnell']), story, rare, weights).names).toBeGreaterThan(0.7);
  });
});
