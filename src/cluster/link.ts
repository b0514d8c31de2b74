import { type EvidenceWeights, isRareName, textCosine } from './evidence.js';
import { type ArticleFeatures, isHeadline, type Rarity } from './features.js';

// Two stories are one event when their full reports, pair by pair, agree this much on average:
// reports of one topic each share a little with most of the others, reports of two topics share
// almost nothing.
const LINK_BAR = 0.06;
// A mean over few pairs is noisy: it must clear more (0.11 for one pair, 0.085 for four).
const LINK_NOISE = 0.05;
// Above this cosine two reports are of one kind of event; then who or where must agree as well.
const SAME_KIND = 0.2;
// No one keyword gives two reports more than this of their agreement: reports of two events that
// share one heavy word ("Trump", "cancer", "anthem") agree on little else, while reports of one
// topic agree a little on many words.
const TERM_CAP = 0.05;
// The words of full reports halve in weight over this many of the placement half-lives (as in evidence.ts).
const FULL_TEXT_HALF_LIFE = 12;

/** A story the batch touched, with its full reports in the batch. */
export interface LinkedStory {
  key: number;
  articles: ArticleFeatures[];
}

/**
 * Average-link clustering of the stories a batch touched, over their full reports (headlines say
 * too little): the two groups whose reports agree most on average are joined first, as long as
 * that average clears a bar that is higher for fewer pairs, and no two stories an editor split end
 * up together. Returns the groups of two or more story keys that are one event.
 *
 * Placement compares an article with a story's centroid and needs shared rare names; follow-ups
 * of a topic that run for months name different people and places, so each report shares only a
 * little with each other one. Taken together those little agreements are what tells a topic.
 */
export function linkStories(
  stories: readonly LinkedStory[],
  rarity: Rarity,
  weights: EvidenceWeights,
  apart: (a: number, b: number) => boolean,
): number[][] {
  const live = stories
    .map((s) => ({ key: s.key, articles: s.articles.filter((a) => !isHeadline(a)) }))
    .filter((s) => s.articles.length > 0)
    .sort((a, b) => a.key - b.key);
  if (live.length < 2) return [];
  const groups = live.map((s) => ({ keys: [s.key], size: s.articles.length }));
  // sums[i][j]: the summed similarity of every pair of reports across groups i and j.
  const sums = live.map((s) =>
    live.map((t) => (s === t ? 0 : pairSum(s.articles, t.articles, rarity, weights))),
  );
  const alive = live.map(() => true);
  for (;;) {
    let best: [number, number] | undefined;
    let bestMean = 0;
    for (let i = 0; i < groups.length; i++) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < groups.length; j++) {
        if (!alive[j] || sums[i]![j]! <= 0) continue;
        const pairs = groups[i]!.size * groups[j]!.size;
        const mean = sums[i]![j]! / pairs;
        if (mean < LINK_BAR + LINK_NOISE / Math.sqrt(pairs) || mean <= bestMean) continue;
        if (groups[i]!.keys.some((a) => groups[j]!.keys.some((b) => apart(a, b)))) continue;
        best = [i, j];
        bestMean = mean;
      }
    }
    if (!best) break;
    const [i, j] = best;
    groups[i]!.keys.push(...groups[j]!.keys);
    groups[i]!.size += groups[j]!.size;
    alive[j] = false;
    for (let k = 0; k < groups.length; k++) {
      if (k === i || !alive[k]) continue;
      sums[i]![k]! += sums[j]![k]!;
      sums[k]![i] = sums[i]![k]!;
    }
  }
  return groups.filter((g, i) => alive[i] && g.keys.length > 1).map((g) => g.keys.sort((a, b) => a - b));
}

function pairSum(
  a: readonly ArticleFeatures[],
  b: readonly ArticleFeatures[],
  rarity: Rarity,
  weights: EvidenceWeights,
): number {
  let sum = 0;
  for (const x of a) for (const y of b) sum += reportSimilarity(x, y, rarity, weights);
  return sum;
}

/**
 * How much two full reports agree: their keyword cosine with each keyword's part capped, fading with the time between them (not
 * at all when either is undated), and nothing when they are alike enough to be one kind of event
 * but share no rare name and no figure (two fires, two recalls).
 */
export function reportSimilarity(
  a: ArticleFeatures,
  b: ArticleFeatures,
  rarity: Rarity,
  weights: EvidenceWeights,
): number {
  const cosine = textCosine(a.terms, b.terms);
  if (cosine >= SAME_KIND && !sharesWhoOrWhere(a, b, rarity)) return 0;
  const broad = cappedCosine(a.terms, b.terms);
  if (a.time === null || b.time === null) return broad;
  const hours = Math.abs(a.time - b.time) / 3_600_000;
  if (hours > weights.windowHours) return 0;
  return broad * 0.5 ** (hours / (weights.halfLifeHours * FULL_TEXT_HALF_LIFE));
}

function cappedCosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [t, w] of small) sum += Math.min(TERM_CAP, w * (large.get(t) ?? 0));
  return sum;
}

function sharesWhoOrWhere(a: ArticleFeatures, b: ArticleFeatures, rarity: Rarity): boolean {
  for (const f of a.figures) if (b.figures.has(f)) return true;
  for (const name of a.names.keys()) if (b.names.has(name) && isRareName(name, rarity)) return true;
  return false;
}
