import { describe, expect, it } from 'vitest';
import { errorBackoff, MAX_INTERVAL_MS, MIN_INTERVAL_MS, nextInterval } from './schedule-policy.js';

const hoursAgo = (...hours: number[]) => hours.map((h) => new Date(Date.UTC(2026, 0, 30, 12) - h * 3600_000));

describe('nextInterval', () => {
  it.each([
    ['a wire feed publishing every 2 minutes', hoursAgo(0, 1 / 30, 2 / 30, 3 / 30), MIN_INTERVAL_MS],
    ['a blog posting every 2 hours', hoursAgo(0, 2, 4, 6), 3600_000],
    ['a weekly newsletter', hoursAgo(0, 168, 336), MAX_INTERVAL_MS],
    ['a feed with a single dated item', hoursAgo(0), 3600_000],
  ])('%s', (_name, dates, expected) => {
    expect(nextInterval(dates)).toBe(expected);
  });
});

describe('errorBackoff', () => {
  it('doubles from 5 minutes and stops at 6 hours', () => {
    expect([1, 2, 3, 10].map(errorBackoff)).toEqual([
      MIN_INTERVAL_MS,
      2 * MIN_INTERVAL_MS,
      4 * MIN_INTERVAL_MS,
      MAX_INTERVAL_MS,
    ]);
  });
});
