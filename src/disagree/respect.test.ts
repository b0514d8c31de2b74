import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../analyze/analyze.js';
import { prepareSources } from '../verify/prepare.js';
import type { SourceArticle } from '../verify/types.js';
import { writeExtractive } from '../write/extractive.js';
import { detectDisagreements } from './detect.js';
import { headlineSources, unsettledValues } from './respect.js';

function source(id: number, outlet: string, at: string, title: string, text: string): SourceArticle {
  return {
    id,
    source_id: id,
    outlet,
    title,
    text,
    published_at: new Date(at),
    analysis: analyzeArticle({ title, text }),
  };
}

const STRIKE = [
  source(
    1,
    'Meridian Wire',
    '2026-11-12T07:00:00Z',
    'Sable City transit workers walk out over pay',
    'Buses and trams across Sable City stood still on Thursday after 6,800 transit workers began a strike over pay. The union is seeking a 14 percent pay increase over three years, and the authority has offered 7.5 percent. Commuters crowded onto the national rail services, which are not affected by the strike. Schools reported lower attendance by mid-morning across the city.',
  ),
  source(
    2,
    'The Ledger',
    '2026-11-13T07:00:00Z',
    'Strike by 7,200 transit workers costs Sable City businesses',
    'Businesses in Sable City lost sales on Thursday as the transit strike shut buses and trams. The strike by 7,200 transit workers began at 4 a.m. on Thursday. The union wants a 14 percent pay rise over three years, and the authority has offered 7.5 percent. Retailers in the central business district said footfall fell sharply.',
  ),
  source(
    3,
    'The Commons Post',
    '2026-11-13T19:00:00Z',
    'Picket lines form at the Northgate depot',
    'Picket lines formed at the Northgate bus depot as the transit strike entered its second day. About 6,800 transit workers walked out at 4 a.m. on Thursday. The union is asking for 14 percent over three years. Drivers said staff shortages had pushed them to work six-day weeks.',
  ),
];

describe('writing that respects disagreements', () => {
  const facts = detectDisagreements(STRIKE);

  it('finds the disputed number of strikers', () => {
    expect(facts.map((f) => f.disagreement.values.map((v) => v.value))).toEqual([['6,800', '7,200']]);
  });

  it('leaves every disputed value out of the extractive article and its headline', () => {
    const prepared = { ...prepareSources(STRIKE), disagreements: facts };
    const result = writeExtractive(STRIKE, prepared);
    if (!result.ok) throw new Error(result.reason);
    const { headline, dek, body } = result.draft;
    const text = [headline, dek, ...body.lede, ...body.sections.flatMap((s) => s.sentences)]
      .map((s) => (typeof s === 'string' ? s : s.text))
      .join(' ');
    expect(text).not.toMatch(/6,800|7,200/);
    expect(body.figures.map((f) => f.text).join(' ')).not.toMatch(/6,800|7,200/);
    expect(text).toContain('14 percent');
  });

  it('keeps titles that state no disputed value for the headline, or all when none is left', () => {
    expect(headlineSources(STRIKE, facts).map((s) => s.id)).toEqual([1, 3]);
    expect(headlineSources([STRIKE[1]!], facts).map((s) => s.id)).toEqual([2]);
  });

  it('tells an attributed statement from a settled one', () => {
    const [plain] = unsettledValues('The strike by 7,200 transit workers began on Thursday.', facts);
    expect(plain).toMatchObject({ value: 1, attributed: false });
    const [said] = unsettledValues(
      'The strike by 7,200 transit workers began on Thursday, The Ledger reported.',
      facts,
    );
    expect(said).toMatchObject({ value: 1, attributed: true });
    expect(unsettledValues('The union wants a 14 percent pay rise.', facts)).toEqual([]);
    // The same count in other words is the disputed figure still.
    const [other] = unsettledValues('About 7,200 strikers marched to the depot.', facts);
    expect(other).toMatchObject({ value: 1, attributed: false });
  });
});
