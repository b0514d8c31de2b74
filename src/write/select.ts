import { type Candidate, overlap } from './candidates.js';

const NEAR_DUPLICATE = 0.5;
const REDUNDANCY = 0.8;
const SAME_OUTLET = 0.15;

/**
 * Picks up to `count` candidates greedily by score, minus redundancy with what is already picked
 * (maximal marginal relevance), skipping near-duplicates (wire copy reworded by several outlets) and
 * favouring outlets not yet used.
 */
export function selectSentences(
  candidates: readonly Candidate[],
  count: number,
  already: Candidate[] = [],
): Candidate[] {
  const picked: Candidate[] = [];
  const used = new Map<number, number>();
  const pool = candidates.filter((c) => !already.includes(c));
  // Redundancy with the picked set only grows, so it is updated once per pick, not recomputed.
  const redundancy = pool.map(() => 0);
  const take = (chosen: Candidate) => {
    used.set(chosen.article.source_id, (used.get(chosen.article.source_id) ?? 0) + 1);
    pool.forEach((c, i) => {
      redundancy[i] = Math.max(redundancy[i]!, c === chosen ? 1 : overlap(c, chosen));
    });
  };
  for (const c of already) take(c);
  while (picked.length < count) {
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    pool.forEach((c, i) => {
      if (redundancy[i]! >= NEAR_DUPLICATE) return;
      const value =
        c.score - REDUNDANCY * redundancy[i]! - SAME_OUTLET * (used.get(c.article.source_id) ?? 0);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    });
    if (best < 0) break;
    picked.push(pool[best]!);
    take(pool[best]!);
  }
  return picked;
}

/** How many body sentences a story with this much material gets. */
export function bodySize(candidates: number, sources: number): number {
  return Math.max(2, Math.min(14, Math.round(4 + sources * 1.2), candidates - 1));
}
