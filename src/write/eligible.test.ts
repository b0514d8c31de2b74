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

describe('what an earlier report could not yet say', () => {
  const untold = sourceArticle(
    2,
    'Lumora recalls heaters',
    'Lumora, which listed on the Sable City exchange in 2023, did not say how much the recall would cost. ' +
      'The recall covers every HearthLink 2 heater sold since August 2025.',
    new Date('2026-11-14T08:00:00Z'),
  );
  const candidates = collectCandidates([untold]);
  const texts = (newest?: number) =>
    eligibleCandidates(candidates, { headline: '', quotes: [], newest }).map((c) => c.text);

  it('stays out of the body once a later report is in the story', () => {
    expect(texts(Date.parse('2026-11-16T07:00:00Z'))).toEqual([
      'The recall covers every HearthLink 2 heater sold since August 2025.',
    ]);
  });

  it('stays in while its report is the newest', () => {
    expect(texts(Date.parse('2026-11-14T08:00:00Z'))).toHaveLength(2);
    expect(texts(undefined)).toHaveLength(2);
  });
});

describe('a plan whose day has come', () => {
  // 16 November 2026 is a Monday: "on Friday" is the 20th.
  const monday = sourceArticle(
    3,
    'Tariff talks open in Varnholm',
    'Trade negotiators from Calvera and Estmark opened talks in Varnholm on Monday. The talks are due to conclude on Friday.',
    new Date('2026-11-16T09:00:00Z'),
  );
  const candidates = collectCandidates([monday]);
  const texts = (newest: string) =>
    eligibleCandidates(candidates, { headline: '', quotes: [], newest: Date.parse(newest) }).map(
      (c) => c.text,
    );

  it('stays out once the story holds a report from that day or later', () => {
    expect(texts('2026-11-20T18:00:00Z')).not.toContain('The talks are due to conclude on Friday.');
    expect(texts('2026-11-20T18:00:00Z')).toHaveLength(1);
  });

  it('stays in while the day is still ahead of the newest report', () => {
    expect(texts('2026-11-18T18:00:00Z')).toContain('The talks are due to conclude on Friday.');
  });

  it("runs to the last day a plan names: today and tomorrow in Tuesday's paper", () => {
    // 24 November 2026 is a Tuesday.
    const tuesday = sourceArticle(
      4,
      'Museum theft',
      'Thieves took an astrolabe from the national museum overnight. The museum will be closed on Tuesday and Wednesday while police search the building.',
      new Date('2026-11-24T09:00:00Z'),
    );
    const plans = collectCandidates([tuesday]);
    const kept = (newest: string) =>
      eligibleCandidates(plans, { headline: '', quotes: [], newest: Date.parse(newest) }).map((c) => c.text);
    expect(kept('2026-11-26T16:00:00Z')).toHaveLength(1);
    expect(kept('2026-11-24T18:00:00Z')).toHaveLength(2);
  });
});
