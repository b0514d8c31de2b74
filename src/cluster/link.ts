import { type EvidenceWeights, isRareName } from './evidence.js';
import { type ArticleFeatures, isHeadline, type Rarity } from './features.js';
import { TermNumbering, type TermVector } from './term-vectors.js';

// Two stories are one event when their full reports, pair by pair, agree this much on average:
// reports of one topic each share a little with most of the others, reports of two topics share
// almost nothing.
const LINK_BAR = 0.06;
// A mean over few pairs is noisy: it must clear more (0.11 for one pair, 0.085 for four).
const LINK_NOISE = 0.05;
// Above this cosine two reports are of one kind of event; then who or where must agree as well.
// Below it, reports of one topic that runs for months (aid after a tsunami: a US tax law, a
// Canadian town's donation) are alike in words and name different people and places.
const SAME_KIND = 0.3;
// Two stories are joined only when their reports agree with each other at least this share of
// how much the reports within the looser of the two agree among themselves: reports of one event
// agree much more with each other than with a same-kind event's (two budget fights, two rehab
// stays), while a topic's follow-ups agree with each other about as little as with the topic.
const COHERENCE = 0.5;
// A report told from another angle (a blog post, a profile of the pilot, the letter or the paper
// behind a story) agrees less in words with a story's reports than they do among themselves, but
// names the same people and places: a single report that names this many of a group's distinctive
// core names is held to LINK_BAR alone, neither to the allowance for few pairs (two distinctive
// names in common are no chance agreement) nor to the group's coherence.
const CORE_NAMED = 2;
// A distinctive name is in at most about one article in fifty (the common-name cut is one in
// twenty): the event's own people and places, not its topic's institutions ("Senate", "GOP").
const DISTINCT_NAME_IDF = 1 + Math.log(50);
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
 * up together. Two groups are not joined when their reports agree much less with each other than
 * within the looser group or their mean is under the bar for few pairs (unless one is a single
 * report that names two of the other's distinctive core names), nor when each has its own who and
 * where (names most of its reports give) that the other never names. Returns the groups of two or more story keys that are one event.
 * `coherence` is the share of the looser group's own agreement that two groups must reach (COHERENCE).
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
  coherence = COHERENCE,
): number[][] {
  const full = stories
    .map((s) => ({ key: s.key, articles: s.articles.filter((a) => !isHeadline(a)) }))
    .filter((s) => s.articles.length > 0)
    .sort((a, b) => a.key - b.key);
  if (full.length < 2) return [];
  // Every pair of reports across the stories is compared: their keywords are numbered once.
  const numbering = new TermNumbering();
  const live = full.map((s) => ({ key: s.key, reports: s.articles.map((a) => asReport(a, numbering)) }));
  const similarity = (x: Report, y: Report) => similarityOf(x, y, numbering, rarity, weights);
  const groups = live.map((s, i) =>
    group([s.key], full[i]!.articles, innerSum(s.reports, similarity), rarity),
  );
  // sums[i][j]: the summed similarity of every pair of reports across groups i and j.
  const sums = live.map(() => live.map(() => 0));
  for (let i = 0; i < live.length; i++)
    for (let j = i + 1; j < live.length; j++) {
      sums[i]![j] = pairSum(live[i]!.reports, live[j]!.reports, similarity);
      sums[j]![i] = sums[i]![j]!;
    }
  const alive = live.map(() => true);
  for (;;) {
    let best: [number, number] | undefined;
    let bestMean = 0;
    for (let i = 0; i < groups.length; i++) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < groups.length; j++) {
        if (!alive[j] || sums[i]![j]! <= 0) continue;
        const [a, b] = [groups[i]!, groups[j]!];
        const pairs = a.articles.length * b.articles.length;
        const mean = sums[i]![j]! / pairs;
        if (mean <= bestMean || mean < LINK_BAR) continue;
        // A report that names the group's own people is held to the plain bar (see CORE_NAMED).
        const named = namesCoreOf(a, b, rarity) || namesCoreOf(b, a, rarity);
        if (!named && (mean < LINK_BAR + LINK_NOISE / Math.sqrt(pairs) || mean < coherence * looser(a, b)))
          continue;
        if (distinctWho(a, b) || a.keys.some((x) => b.keys.some((y) => apart(x, y)))) continue;
        best = [i, j];
        bestMean = mean;
      }
    }
    if (!best) break;
    const [i, j] = best;
    const [a, b] = [groups[i]!, groups[j]!];
    const inner = a.inner + b.inner + sums[i]![j]!;
    groups[i] = group([...a.keys, ...b.keys], [...a.articles, ...b.articles], inner, rarity);
    alive[j] = false;
    for (let k = 0; k < groups.length; k++) {
      if (k === i || !alive[k]) continue;
      sums[i]![k]! += sums[j]![k]!;
      sums[k]![i] = sums[i]![k]!;
    }
  }
  return groups.filter((g, i) => alive[i] && g.keys.length > 1).map((g) => g.keys.sort((a, b) => a - b));
}

/** Stories being linked: their keys, their full reports, and what holds those reports together. */
interface Group {
  keys: number[];
  articles: readonly ArticleFeatures[];
  /** The summed similarity of every pair of the group's own reports. */
  inner: number;
  /** Rare names that most of the group's reports, and at least two, give: its own who and where. */
  core: ReadonlySet<string>;
  /** Every name any of its reports gives. */
  named: ReadonlySet<string>;
}

/** A group of stories with what its reports hold together: the sum of their agreements, its core names. */
function group(keys: number[], articles: readonly ArticleFeatures[], inner: number, rarity: Rarity): Group {
  const counts = new Map<string, number>();
  for (const a of articles) for (const n of a.names.keys()) counts.set(n, (counts.get(n) ?? 0) + 1);
  const core = new Set<string>();
  for (const [n, c] of counts) if (c >= 2 && c * 2 >= articles.length && isRareName(n, rarity)) core.add(n);
  return { keys, articles, inner, core, named: new Set(counts.keys()) };
}

/**
 * How much the reports within the looser of two groups agree among themselves on average; a single
 * report has nothing to go by, so 0 when neither group has two.
 */
function looser(a: Group, b: Group): number {
  const cohesion = (g: Group) => {
    const n = g.articles.length;
    return n < 2 ? Number.POSITIVE_INFINITY : g.inner / ((n * (n - 1)) / 2);
  };
  const m = Math.min(cohesion(a), cohesion(b));
  return m === Number.POSITIVE_INFINITY ? 0 : m;
}

/**
 * Whether `report` is a single report that names at least CORE_NAMED of the group's distinctive core
 * names (its own who and where, rarer than a topic's institutions).
 */
function namesCoreOf(report: Group, group: Group, rarity: Rarity): boolean {
  if (report.articles.length !== 1) return false;
  let named = 0;
  for (const name of group.core)
    if (report.named.has(name) && rarity(name) >= DISTINCT_NAME_IDF && ++named >= CORE_NAMED) return true;
  return false;
}

/**
 * Whether two groups each have their own who and where and neither names the other's: two rehab
 * stays, two fires of one week, each told by several reports.
 */
function distinctWho(a: Group, b: Group): boolean {
  if (a.core.size === 0 || b.core.size === 0) return false;
  for (const n of a.core) if (b.named.has(n)) return false;
  for (const n of b.core) if (a.named.has(n)) return false;
  return true;
}

/** A full report with its keywords as numbered vectors (see term-vectors.ts). */
interface Report {
  features: ArticleFeatures;
  terms: TermVector;
  words: TermVector;
}

function asReport(features: ArticleFeatures, numbering: TermNumbering): Report {
  const terms = numbering.vector(features.terms);
  return { features, terms, words: features.words ? numbering.vector(features.words) : terms };
}

function innerSum(reports: readonly Report[], similarity: (x: Report, y: Report) => number): number {
  let sum = 0;
  for (let i = 0; i < reports.length; i++)
    for (let j = i + 1; j < reports.length; j++) sum += similarity(reports[i]!, reports[j]!);
  return sum;
}

function pairSum(
  a: readonly Report[],
  b: readonly Report[],
  similarity: (x: Report, y: Report) => number,
): number {
  let sum = 0;
  for (const x of a) for (const y of b) sum += similarity(x, y);
  return sum;
}

/**
 * How much two full reports agree: the cosine of all their keywords with each keyword's part capped, fading with the time between them (not
 * at all when either is undated), and nothing when they are alike enough to be one kind of event
 * but share no rare name and no figure (two fires, two recalls).
 */
export function reportSimilarity(
  a: ArticleFeatures,
  b: ArticleFeatures,
  rarity: Rarity,
  weights: EvidenceWeights,
): number {
  const numbering = new TermNumbering();
  return similarityOf(asReport(a, numbering), asReport(b, numbering), numbering, rarity, weights);
}

/** `reportSimilarity` of two reports whose keywords one numbering holds (a batch's reports share one). */
function similarityOf(
  x: Report,
  y: Report,
  numbering: TermNumbering,
  rarity: Rarity,
  weights: EvidenceWeights,
): number {
  const cosine = numbering.dot(x.terms, y.terms);
  if (cosine >= SAME_KIND && !sharesWhoOrWhere(x.features, y.features, rarity)) return 0;
  return faded(numbering.dot(x.words, y.words, TERM_CAP), x.features, y.features, weights);
}

/** A similarity faded with the time between two reports (not at all when either is undated). */
function faded(similarity: number, a: ArticleFeatures, b: ArticleFeatures, weights: EvidenceWeights): number {
  if (a.time === null || b.time === null) return similarity;
  const hours = Math.abs(a.time - b.time) / 3_600_000;
  if (hours > weights.windowHours) return 0;
  return similarity * 0.5 ** (hours / (weights.halfLifeHours * FULL_TEXT_HALF_LIFE));
}

function sharesWhoOrWhere(a: ArticleFeatures, b: ArticleFeatures, rarity: Rarity): boolean {
  for (const f of a.figures) if (b.figures.has(f)) return true;
  for (const name of a.names.keys()) if (b.names.has(name) && isRareName(name, rarity)) return true;
  return false;
}
