import { describe, expect, it } from 'vitest';
import { SUPPORT_THRESHOLD } from './policy.js';
import { rarity } from './rarity.js';
import { scoreSupport } from './support.js';
import { buildSupportIndex } from './support-index.js';
import { claimFeatures } from './support-features.js';
import { stem } from './text.js';
import { splitLoose } from './text.js';

// Shaped on the FactCC validation records: a CNN sentence copied, then edited the way summarizers err.
const SOURCE =
  'Trey Moses asked Ellie Meredith to be his prom date on Thursday. ' +
  'Trey, a star on the basketball team, said she was his best friend. ' +
  'The school has 1,200 students. The family did not expect the video to spread.';

describe('scoreSupport', () => {
  const index = buildSupportIndex([{ id: 7, text: SOURCE }]);
  const cases: { name: string; claim: string; supported: boolean }[] = [
    {
      name: 'copied sentence',
      claim: 'Trey Moses asked Ellie Meredith to be his prom date.',
      supported: true,
    },
    {
      name: 'reworded morphology',
      claim: 'Trey Moses is asking Ellie Meredith to be his prom date.',
      supported: true,
    },
    {
      name: 'roles swapped',
      claim: 'Ellie Meredith asked Trey Moses to be her prom date.',
      supported: false,
    },
    { name: 'number changed', claim: 'The school has 2,400 students.', supported: false },
    {
      name: 'count in words added',
      claim: 'Trey Moses asked seven girls to be his prom date.',
      supported: false,
    },
    { name: 'negation dropped', claim: 'The family did expect the video to spread.', supported: false },
    { name: 'unrelated claim', claim: 'The mayor closed the harbour after the storm.', supported: false },
  ];
  it.each(cases)('$name', ({ claim, supported }) => {
    const result = scoreSupport(index, claim);
    expect(result.score >= SUPPORT_THRESHOLD).toBe(supported);
  });

  it('points at the best-matching sentence', () => {
    const result = scoreSupport(index, 'The school has 1,200 students.');
    const evidence = result.evidence[0]!;
    expect(evidence.article_id).toBe(7);
    expect(SOURCE.slice(evidence.start, evidence.end)).toBe('The school has 1,200 students.');
  });

  it('counts a figure written in words as a figure', () => {
    expect(scoreSupport(index, 'Trey Moses asked seven girls to be his prom date.').missingNumbers).toEqual([
      'seven',
    ]);
  });
});

describe('splitLoose', () => {
  it('splits lower-cased text at end punctuation and line breaks', () => {
    const text = 'the bank raised rates . critics objected !\nexporters got support';
    expect(splitLoose(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'the bank raised rates .',
      'critics objected !',
      'exporters got support',
    ]);
  });
});

describe('scoreSupport on lower-cased multi-sentence claims', () => {
  const index = buildSupportIndex([{ id: 1, text: SOURCE.toLowerCase() }]);
  it('is as weak as the weakest sentence', () => {
    const good = 'trey moses asked ellie meredith to be his prom date .';
    expect(scoreSupport(index, good).score).toBeGreaterThanOrEqual(SUPPORT_THRESHOLD);
    const mixed = `${good} the mayor closed the harbour after the storm .`;
    expect(scoreSupport(index, mixed).score).toBeLessThan(SUPPORT_THRESHOLD);
  });
  // The hard cases: near-copies whose meaning an edit turned, which word overlap alone lets through.
  const hard: { name: string; claim: string }[] = [
    {
      name: 'an antonym swapped into a copied sentence',
      claim: 'trey , a star on the basketball team , said she was his worst friend .',
    },
    {
      name: 'a clause of everyday words appended to a true sentence',
      claim: 'the family did not expect the video to spread and the school lost',
    },
    {
      name: 'an invented clause appended to a true sentence',
      claim:
        'trey moses asked ellie meredith to be his prom date on thursday and the school banned the video .',
    },
    {
      name: 'a negation dropped from a copied sentence',
      claim: 'the family did expect the video to spread .',
    },
    {
      name: 'a weekday changed in a copied sentence',
      claim: 'trey moses asked ellie meredith to be his prom date on friday .',
    },
  ];
  it.each(hard)('flags $name', ({ claim }) => {
    expect(scoreSupport(index, claim).score).toBeLessThan(SUPPORT_THRESHOLD);
  });
  it('flags an antonym swapped into a copied sentence', () => {
    const sports = buildSupportIndex([{ id: 2, text: 'the home team won the cup final on sunday .' }]);
    expect(scoreSupport(sports, 'the home team won the cup final on sunday .').score).toBe(1);
    expect(scoreSupport(sports, 'the home team lost the cup final on sunday .').score).toBeLessThan(
      SUPPORT_THRESHOLD,
    );
  });
});

describe('claim words new to the sources', () => {
  const index = buildSupportIndex([{ id: 1, text: SOURCE }]);
  it('weigh by how rare they are in English: paraphrase is cheap, a new name is not', () => {
    const paraphrase = claimFeatures(
      index,
      'Trey Moses invited Ellie Meredith to be his prom date.',
    )!.features;
    const invention = claimFeatures(index, 'Trey Moses asked Ellie Kowalczyk to be his prom date.')!.features;
    expect(paraphrase.novelWords).toBe(invention.novelWords);
    expect(paraphrase.rareNovel).toBe(0);
    expect(invention.rareNovel).toBe(1);
    expect(paraphrase.rareGlobal).toBeGreaterThan(invention.rareGlobal);
  });
  it('rates everyday words below names', () => {
    expect(rarity(stem('the'))).toBeLessThan(1);
    expect(rarity(stem('announced'))).toBeLessThan(rarity(stem('Kowalczyk')));
  });
});
