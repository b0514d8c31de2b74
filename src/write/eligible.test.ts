import { describe, expect, it } from 'vitest';
import { fallbackAnalysis } from '../verify/extract.js';
import type { SourceArticle } from '../verify/types.js';
import { collectCandidates } from './candidates.js';
import { eligibleCandidates } from './eligible.js';

const TEXT =
  '"Stop charging these batteries now," said the board\'s chair, Miriam Osei. "Do not wait for the replacement to arrive." Vantor said replacement batteries will ship from December 7 to every owner.';

const article: SourceArticle = {
  id: 1,
  source_id: 1,
  outlet: 'Meridian Wire',
  title: 'E-bike maker Vantor recalls battery packs after fires',
  text: TEXT,
  published_at: new Date('2026-11-25T14:15:00Z'),
  analysis: fallbackAnalysis(TEXT),
};

describe('eligibleCandidates', () => {
  it('keeps a quotation out of the body when the sentence does not say who speaks', () => {
    const texts = eligibleCandidates(collectCandidates([article]), { headline: '', quotes: [] }).map(
      (c) => c.text,
    );
    expect(texts).not.toContain('"Do not wait for the replacement to arrive."');
    expect(texts).toContain('Vantor said replacement batteries will ship from December 7 to every owner.');
  });
});
