import { describe, expect, it } from 'vitest';
import { sourceArticle } from '../verify/fixtures.js';
import { collectCandidates } from './candidates.js';
import { topicSimilarity } from './topic-similarity.js';

const at = (date: string) => new Date(`2026-11-${date}T08:00:00Z`);

describe('topicSimilarity', () => {
  const report = sourceArticle(
    1,
    'Museum theft',
    [
      'Thieves entered the museum through a skylight on the roof of the museum.',
      'The skylight had no alarm, the museum said.',
      'The museum cut its overnight guards from five to two in March.',
      'The museum said two guards were on duty that night.',
      'The museum reopened to visitors on Thursday morning.',
    ].join(' '),
    at('20'),
  );
  const picks = collectCandidates([report]);
  const similarity = topicSimilarity(picks, new Set());
  const find = (needle: string) => picks.find((c) => c.text.includes(needle))!;

  it('weighs a word by how few of the story’s sentences hold it', () => {
    // "skylight" marks a sub-topic; "museum", in every sentence, marks none.
    expect(similarity(find('Thieves entered'), find('no alarm'))).toBeGreaterThan(
      similarity(find('Thieves entered'), find('reopened')),
    );
  });

  it('does not find two sentences alike by their standing side by side alone', () => {
    // The guards on duty stand next to the reopening, but share their sub-topic with the cut.
    expect(similarity(find('two guards were on duty'), find('reopened'))).toBeLessThan(
      similarity(find('two guards were on duty'), find('cut its overnight guards')),
    );
  });
});

describe('topicSimilarity of a quote', () => {
  const guards = sourceArticle(
    1,
    'Museum cut guards before theft',
    [
      'The museum cut its overnight guards from five to two in March to save money.',
      'Union leaders said two guards could not watch four floors of galleries.',
      '"Nobody should blame the people who were on duty that night," said Harriet Ossei.',
      'The thieves entered through a skylight above the east wing.',
    ].join(' '),
    at('21'),
  );
  const police = sourceArticle(
    2,
    'Museum theft: police hunt',
    [
      'Police said the skylight above the east wing had been forced open from the roof.',
      'The museum said it had asked the ministry for more guards last year.',
    ].join(' '),
    at('22'),
  );
  const picks = collectCandidates([guards, police]);
  const similarity = topicSimilarity(picks, new Set());
  const find = (needle: string) => picks.find((c) => c.text.includes(needle))!;

  it('is like what the sentence that introduced it in its report is about', () => {
    const quote = find('"Nobody should blame');
    // The quote's own words tell neither; the sentence before it, on the guards, does.
    expect(similarity(quote, find('more guards last year'))).toBeGreaterThan(
      similarity(quote, find('forced open from the roof')),
    );
    expect(similarity(quote, find('two guards could not watch'))).toBeGreaterThan(0.15);
  });
});
