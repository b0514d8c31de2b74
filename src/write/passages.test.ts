import { describe, expect, it } from 'vitest';
import { sampleSources } from '../verify/fixtures.js';
import { buildPassages, formatPassages } from './passages.js';

describe('buildPassages', () => {
  const sources = sampleSources();

  it('numbers every sentence of both sources in source order when the budget allows', () => {
    const passages = buildPassages(sources, 10_000);
    expect(passages.map((p) => [p.id, p.article.id])).toEqual([
      [1, 11],
      [2, 11],
      [3, 11],
      [4, 11],
      [5, 12],
      [6, 12],
      [7, 12],
      [8, 12],
    ]);
    for (const p of passages)
      expect(p.article.text.slice(p.citation.start, p.citation.end).trim()).toBe(p.text);
    expect(formatPassages(passages)).toMatch(
      /^Source: Daily Ledger: "Freedonia raises rates to 4.5%" \(2026-01-30\)\n\[1\] The central bank/,
    );
  });

  it('keeps within a small budget and still hears every outlet', () => {
    const passages = buildPassages(sources, 50);
    expect(new Set(passages.map((p) => p.article.id))).toEqual(new Set([11, 12]));
    expect(passages.length).toBeLessThan(8);
  });
});
