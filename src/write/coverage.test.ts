import { describe, expect, it } from 'vitest';
import { sourceArticle } from '../verify/fixtures.js';
import { collectCandidates } from './candidates.js';
import { sameFact } from './coverage.js';

describe('sameFact', () => {
  const [fell, was, forecast] = collectCandidates([
    sourceArticle(
      1,
      'Rate cut',
      'Consumer price inflation fell to 2.6 percent in October from 3.1 percent in September, the statistics office reported. ' +
        "Consumer price inflation was 2.6 percent in October, still above the bank's target, and wage growth is running at 4.8 percent. " +
        'Consumer spending grew 1.1 percent in October as shoppers returned to city centre stores.',
      new Date('2026-11-20T08:00:00Z'),
    ),
  ]);

  it('holds two sentences that give one figure about the same thing as one fact', () => {
    expect(sameFact(fell!, was!)).toBe(true);
  });

  it('keeps apart sentences that share words but not a figure', () => {
    expect(sameFact(was!, forecast!)).toBe(false);
    expect(sameFact(fell!, forecast!)).toBe(false);
  });
});
