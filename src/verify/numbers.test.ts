import { describe, expect, it } from 'vitest';
import { findNumbers, valuePresent } from './numbers.js';

describe('findNumbers', () => {
  const cases: { text: string; values: number[] }[] = [
    { text: 'a $350 billion package', values: [350e9] },
    { text: 'a 350bn dollars package', values: [350e9] },
    { text: 'costs $1.2m', values: [1.2e6] },
    { text: '12,500 people', values: [12500] },
    { text: 'up 3.5% or 3.5 per cent', values: [3.5, 3.5] },
    { text: 'in 2026', values: [2026] },
    { text: 'the 5G model', values: [] },
  ];
  it.each(cases)('$text', ({ text, values }) => {
    expect(findNumbers(text).map((n) => n.value)).toEqual(values);
  });

  it('reads number words only when asked', () => {
    expect(findNumbers('three million people').map((n) => n.value)).toEqual([]);
    expect(findNumbers('three million people', { words: true }).map((n) => n.value)).toEqual([3e6]);
  });
});

describe('valuePresent', () => {
  it('accepts a rounded form of a precise figure, not a different figure', () => {
    expect(valuePresent(3.5e9, [3.46e9])).toBe(true);
    expect(valuePresent(4e9, [3.46e9])).toBe(false);
    expect(valuePresent(350e9, [350e9])).toBe(true);
  });
});
