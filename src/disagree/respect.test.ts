import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../analyze/analyze.js';
import { prepareSources } from '../verify/prepare.js';
import type { SourceArticle } from '../verify/types.js';
import { verifyDraft } from '../verify/verify.js';
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

const RECALL = [
  source(
    11,
    'Signal & Circuit',
    '2026-11-14T08:00:00Z',
    'Lumora recalls 410,000 smart heaters over firmware fault',
    'Lumora Systems is recalling 410,000 HearthLink smart heaters because of a software fault that can cause them to overheat. The fault has been linked to nine house fires across Calvera. Customers can choose a full refund or a replacement heater from Lumora. The Consumer Product Safety Board said it acted as soon as it had enough evidence.',
  ),
  source(
    12,
    'Meridian Wire',
    '2026-11-15T09:00:00Z',
    'Lumora heater owners told to unplug devices',
    'The Consumer Product Safety Board told owners of HearthLink smart heaters to unplug them until the Lumora firmware update arrives. The recall of 410,000 heaters is the largest of a household appliance in Calvera this year. Lumora Systems opened a hotline for customers on Sunday. Retailers across Calvera removed the HearthLink heaters from their shelves.',
  ),
  source(
    13,
    'The Ledger',
    '2026-11-16T07:00:00Z',
    'Lumora heater recall widens to 480,000 units',
    'Lumora Systems expects its recall of HearthLink smart heaters to cost about $62 million, the company said on Monday, as it raised the number of units covered to 480,000 to include heaters sold through a discount channel. Lumora shares fell 9 percent in early trading in Sable City.',
  ),
];

describe('a revised fact in a dated line', () => {
  const facts = detectDisagreements(RECALL);
  const day = (iso: string) => Math.floor(Date.parse(iso) / 86_400_000);

  it('finds the recall revised to its newer size', () => {
    expect(facts.map((f) => [f.disagreement.status, f.disagreement.values.map((v) => v.value)])).toEqual([
      ['revised', ['480,000', '410,000']],
    ]);
  });

  it('lets the earlier value stand on the days it was current, and only then', () => {
    const text = 'Lumora Systems is recalling 410,000 HearthLink smart heaters.';
    expect(unsettledValues(text, facts)).toHaveLength(1);
    expect(unsettledValues(text, facts, { on: day('2026-11-14') })).toEqual([]);
    expect(unsettledValues(text, facts, { on: day('2026-11-15') })).toEqual([]);
    expect(unsettledValues(text, facts, { on: day('2026-11-16') })).toHaveLength(1);
    // Before anyone reported the recall, neither value was yet true.
    expect(unsettledValues(text, facts, { on: day('2026-11-13') })).toHaveLength(1);
  });

  it('gives the timeline the recall as first reported, dated, and keeps the body to the current size', () => {
    const prepared = { ...prepareSources(RECALL), disagreements: facts };
    const result = writeExtractive(RECALL, prepared);
    if (!result.ok) throw new Error(result.reason);
    const { body } = result.draft;
    const first = body.timeline?.find((t) => t.date === '2026-11-14');
    expect(first?.text).toContain('410,000');
    const told = [...body.lede, ...body.sections.flatMap((s) => s.sentences)].map((s) => s.text).join(' ');
    expect(told).not.toContain('410,000');
    expect(verifyDraft(result.draft, RECALL, prepared).failing.size).toBe(0);
  });
});

describe('an earlier figure of a disputed fact in a dated line', () => {
  const RECOUNT = [
    source(
      21,
      'Meridian Wire',
      '2026-11-12T16:00:00Z',
      'Recount ordered in mayoral race',
      'Officials ordered a full recount after the count gave Mayor Ada Quill a margin of 214 votes over challenger Tom Brent.',
    ),
    source(
      22,
      'Signal & Circuit',
      '2026-11-17T11:00:00Z',
      'Recount under way',
      'The first count gave Mayor Ada Quill a margin of 214 votes over challenger Tom Brent.',
    ),
    source(
      23,
      'Harrow Courier',
      '2026-11-21T18:00:00Z',
      'Recount confirms Quill',
      'A full recount confirmed Ada Quill as mayor, with her margin over challenger Tom Brent narrowed to 187 votes from 214 in the original count.',
    ),
    source(
      24,
      'The Commons Post',
      '2026-11-22T17:00:00Z',
      'Brent concedes',
      "Tom Brent conceded a day after the recount confirmed Mayor Ada Quill's victory by 178 votes. The recount narrowed Quill's lead from the original 214 votes.",
    ),
  ];
  const facts = detectDisagreements(RECOUNT);
  const day = (iso: string) => Math.floor(Date.parse(iso) / 86_400_000);

  it('lets it stand on the days before the disputed figures, and only then', () => {
    const text = 'The count gave Mayor Ada Quill a margin of 214 votes over challenger Tom Brent.';
    expect(unsettledValues(text, facts)).toHaveLength(1);
    expect(unsettledValues(text, facts, { on: day('2026-11-12') })).toEqual([]);
    expect(unsettledValues(text, facts, { on: day('2026-11-21') })).toHaveLength(1);
    // The disputed figures stay disputed on every day.
    const later = 'The recount confirmed Mayor Ada Quill as the winner by 187 votes over Tom Brent.';
    expect(unsettledValues(later, facts, { on: day('2026-11-21') })).toHaveLength(1);
  });
});
