import { describe, expect, it } from 'vitest';
import { sourceArticle } from '../verify/fixtures.js';
import { collectCandidates } from './candidates.js';
import { eligibleCandidates } from './eligible.js';

const TEXT =
  '"Stop charging these batteries now," said the board\'s chair, Miriam Osei. "Do not wait for the replacement to arrive." Vantor said replacement batteries will ship from December 7 to every owner.';

const article = sourceArticle(
  1,
  'E-bike maker Vantor recalls battery packs after fires',
  TEXT,
  new Date('2026-11-25T14:15:00Z'),
  'Meridian Wire',
);

describe('eligibleCandidates', () => {
  it('keeps a quotation out of the body when the sentence does not say who speaks', () => {
    const texts = eligibleCandidates(collectCandidates([article]), { headline: '', quotes: [] }).map(
      (c) => c.text,
    );
    expect(texts).not.toContain('"Do not wait for the replacement to arrive."');
    expect(texts).toContain('Vantor said replacement batteries will ship from December 7 to every owner.');
  });
});
