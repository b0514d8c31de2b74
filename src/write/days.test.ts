import { describe, expect, it } from 'vitest';
import { sourceArticle } from '../verify/fixtures.js';
import { collectCandidates } from './candidates.js';
import { eventDay } from './days.js';

// 12 November 2026 is a Thursday.
const dayOf = (text: string) => {
  const [c] = collectCandidates([sourceArticle(1, 'Merrow port', text, new Date(Date.UTC(2026, 10, 12, 9)))]);
  return eventDay(c!);
};

describe('the day a sentence reports', () => {
  it.each([
    'The strike that began at the port of Merrow on Tuesday left 40 ships waiting, according to a count released on Thursday.',
    'The Halcyon-2 satellite is on its way to orbit after a successful launch on Tuesday, but critics say it ran late.',
  ])('is not the day of something a clause of it recalls: %s', (text) => {
    expect(dayOf(text)).toBe('2026-11-12');
  });

  it.each([
    'The dockers union, which represents 2,000 workers, walked out at the port of Merrow on Tuesday.',
    'The port authority said that dockworkers walked off the job at the port of Merrow on Tuesday.',
    'Dockworkers walked off the job at the port of Merrow on Tuesday after talks failed.',
  ])('is the day its main clause names: %s', (text) => {
    expect(dayOf(text)).toBe('2026-11-10');
  });
});
