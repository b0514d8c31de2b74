import { describe, expect, it } from 'vitest';
import { textCosine } from './evidence.js';
import { TermNumbering } from './term-vectors.js';

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

/** Unit-length weights over words drawn from a small vocabulary, heaviest first as analyses give them. */
function weights(next: () => number, size: number): Map<string, number> {
  const words = new Set<string>();
  while (words.size < size) words.add(`w${Math.floor(next() * 90)}`);
  const raw = [...words].map((w) => [w, next() * 5] as [string, number]).sort((a, b) => b[1] - a[1]);
  const norm = Math.sqrt(raw.reduce((s, [, x]) => s + x * x, 0));
  return new Map(raw.map(([w, x]) => [w, x / norm]));
}

function cappedLoop(a: Map<string, number>, b: Map<string, number>, cap: number): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [t, w] of small) sum += Math.min(cap, w * (large.get(t) ?? 0));
  return sum;
}

describe('numbered term vectors', () => {
  it('sum exactly what the loop over the smaller map sums, capped or not', () => {
    const next = random(7);
    const numbering = new TermNumbering();
    for (let k = 0; k < 300; k++) {
      const a = weights(next, 1 + Math.floor(next() * 60));
      const b = weights(next, k % 5 === 0 ? a.size : 1 + Math.floor(next() * 60));
      const [va, vb] = [numbering.vector(a), numbering.vector(b)];
      expect(Object.is(numbering.dot(va, vb), textCosine(a, b))).toBe(true);
      expect(Object.is(numbering.dot(vb, va), textCosine(b, a))).toBe(true);
      expect(Object.is(numbering.dot(va, vb, 0.05), cappedLoop(a, b, 0.05))).toBe(true);
    }
  });

  it('give 0 for vectors that share no term, and nothing for an empty one', () => {
    const numbering = new TermNumbering();
    const a = numbering.vector(
      new Map([
        ['fire', 0.8],
        ['smoke', 0.6],
      ]),
    );
    const b = numbering.vector(new Map([['budget', 1]]));
    expect(numbering.dot(a, b)).toBe(0);
    expect(numbering.dot(a, numbering.vector(new Map()))).toBe(0);
    expect(numbering.dot(a, a)).toBeCloseTo(1, 12);
  });
});
