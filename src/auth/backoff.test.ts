import { describe, expect, it } from 'vitest';
import { backoffSeconds } from './backoff.js';

describe('sign-in back-off', () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 1],
    [6, 2],
    [9, 16],
    [15, 900],
    [40, 900],
  ])('after %i consecutive failures waits %i s', (failures, seconds) => {
    expect(backoffSeconds(failures)).toBe(seconds);
  });
});
