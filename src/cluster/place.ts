import type { StoryProfile } from '../db/schema.js';
import { type Evidence, type EvidenceWeights, evidenceFor, hoursApart } from './evidence.js';
import { type ArticleFeatures, isHeadline, lookupTerms, type Rarity } from './features.js';
import { merge } from './merge.js';
import { addToProfile, newProfile, profileAsArticle } from './profile.js';
import type { ClusterSettings } from './settings.js';
import type { BatchResult, PlacementEvidence } from './types.js';
import type { WorkingSet } from './working-set.js';

const CANDIDATES_PER_ARTICLE = 30;
// A story that is another's other half shares most of its index terms: the few that share the most.
const STORIES_COMPARED = 10;

/** A scored candidate story for an article. */
export interface Candidate {
  key: number;
  evidence: Evidence;
}

/** Every candidate story of an article with its evidence, best first (vetoed ones last). */
export function candidatesFor(
  set: WorkingSet,
  article: ArticleFeatures,
  settings: ClusterSettings,
  rarity: Rarity,
  explaining = false,
): Candidate[] {
  const weights = evidenceWeights(settings);
  const out: Candidate[] = [];
  for (const key of set.candidates(lookupTerms(article), CANDIDATES_PER_ARTICLE)) {
    const profile = set.stories.get(key)!.profile;
    // Out of the window is out whatever else it shares: no need to weigh it (unless asked why).
    if (!explaining && hoursApart(article.time, profile) > settings.windowHours) continue;
    out.push({ key, evidence: evidenceFor(article, profile, rarity, weights) });
  }
  return out.sort(
    (a, b) =>
      Number(a.evidence.veto !== null) - Number(b.evidence.veto !== null) ||
      b.evidence.score - a.evidence.score ||
      b.key - a.key,
  );
}

/** The evidence weights of the clustering settings. */
export function evidenceWeights(settings: ClusterSettings): EvidenceWeights {
  return {
    text: settings.textWeight,
    halfLifeHours: settings.halfLifeHours,
    windowHours: settings.windowHours,
  };
}

/**
 * Places every article of the batch in memory: a duplicate joins its original's story; any other
 * article joins the candidate story it fits best when the evidence clears the threshold and
 * nothing vetoes it, or starts a story. Then the stories the batch touched are revisited: two that
 * the evidence now says are one event are joined, so the order the articles came in matters as
 * little as it can. Linking comes after (link-passes.ts), once the caller has read the earlier
 * reports of the stored stories the batch touched or came near (storedStoriesTouched,
 * storedStoriesNear).
 */
export function placeBatch(
  set: WorkingSet,
  features: ArticleFeatures[],
  duplicateOf: Map<number, number | null>,
  originals: Map<number, number>,
  settings: ClusterSettings,
  rarity: Rarity = () => 1,
  explain: ReadonlySet<number> = new Set(),
): BatchResult {
  const result: BatchResult = { assignments: [], merges: [], near: [], explained: [] };
  const inBatch = new Map<number, number>();
  for (const article of features) {
    const original = duplicateOf.get(article.id);
    const known = original ? (inBatch.get(original) ?? originals.get(original)) : undefined;
    const home = known !== undefined ? set.resolve(known) : undefined;
    if (home !== undefined && set.stories.has(home)) {
      set.update(home, addToProfile(set.stories.get(home)!.profile, article));
      result.assignments.push(assigned(article.id, home, 1, 'duplicate'));
      inBatch.set(article.id, home);
      continue;
    }
    const candidates = candidatesFor(set, article, settings, rarity, explain.has(article.id));
    const best = candidates[0];
    const joins =
      best !== undefined && best.evidence.veto === null && best.evidence.score >= joinBar(article, settings);
    if (explain.has(article.id)) result.explained.push(explained(set, article.id, candidates, joins));
    const near = nearStored(set, candidates, joins);
    if (near.length > 0) result.near.push({ articleId: article.id, stories: near });
    if (!joins) {
      const key = set.create(newProfile(article));
      result.assignments.push(assigned(article.id, key, 1, 'started', best?.evidence));
      inBatch.set(article.id, key);
      continue;
    }
    set.update(best.key, addToProfile(set.stories.get(best.key)!.profile, article));
    result.assignments.push(assigned(article.id, best.key, best.evidence.score, 'joined', best.evidence));
    inBatch.set(article.id, best.key);
  }
  joinConverged(set, settings, rarity, result);
  return result;
}

// A stored story an article weighed at least this much without joining it is near it (see
// BatchResult.near): the few nearest of each article's, far below what joins a centroid.
const NEAR_BAR = 0.15;
const NEAR_STORIES = 2;

/** The stored stories among an article's candidates that come near it without taking it. */
function nearStored(set: WorkingSet, candidates: readonly Candidate[], joins: boolean): number[] {
  return candidates
    .slice(joins ? 1 : 0)
    .filter((c) => set.isStored(c.key) && c.evidence.veto === null && c.evidence.score >= NEAR_BAR)
    .slice(0, NEAR_STORIES)
    .map((c) => c.key);
}

/** The stored stories (database ids) that the batch's articles went to. */
export function storedStoriesTouched(set: WorkingSet, result: BatchResult): number[] {
  const keys = new Set(result.assignments.map((a) => set.resolve(a.key)));
  return [...keys].filter((k) => set.isStored(k)).sort((a, b) => a - b);
}

// A full report joins a story on its centroid only on this much evidence (or the threshold, when
// higher); below it the reports of the batch are linked pair by pair (link.ts), which tells two
// events of one busy topic (two budget fights of one Congress) apart better than a centroid that
// holds both their words.
const FULL_REPORT_BAR = 0.4;

/** The score an article needs to join a story on its centroid. */
function joinBar(article: ArticleFeatures, settings: ClusterSettings): number {
  return isHeadline(article) ? settings.threshold : Math.max(settings.threshold, FULL_REPORT_BAR);
}

function assigned(
  articleId: number,
  key: number,
  score: number,
  reason: PlacementEvidence['reason'],
  evidence?: Evidence,
): BatchResult['assignments'][number] {
  return {
    articleId,
    key,
    score,
    created: reason === 'started',
    evidence: placementEvidence(reason, evidence),
  };
}

function explained(
  set: WorkingSet,
  articleId: number,
  candidates: Candidate[],
  joins: boolean,
): BatchResult['explained'][number] {
  return {
    articleId,
    candidates: candidates.map((c, i) => ({
      key: c.key,
      title: set.stories.get(c.key)!.profile.title,
      articles: set.stories.get(c.key)!.profile.articles,
      evidence: placementEvidence('joined', c.evidence),
      veto: c.evidence.veto,
      chosen: joins && i === 0,
    })),
  };
}

/** The stored form of an evidence. */
export function placementEvidence(reason: PlacementEvidence['reason'], e?: Evidence): PlacementEvidence {
  return {
    score: e?.score ?? 1,
    text: e?.text ?? 0,
    names: e?.names ?? 0,
    shared_names: e?.sharedNames.slice(0, 8) ?? [],
    shared_figures: e?.sharedFigures.slice(0, 6) ?? [],
    embedding: e?.embedding ?? null,
    hours: e?.hours ?? 0,
    reason,
  };
}

/**
 * Joins stories the batch touched with candidate stories that the evidence says are the same
 * event (the story compared as one article against the other), until nothing changes. Stories an
 * editor split apart stay apart.
 */
function joinConverged(
  set: WorkingSet,
  settings: ClusterSettings,
  rarity: Rarity,
  result: BatchResult,
): void {
  const weights = evidenceWeights(settings);
  let pending = [...set.stories.values()]
    .filter((e) => e.dirty && e.mergedInto === undefined)
    .map((e) => e.key);
  while (pending.length > 0) {
    const next = new Set<number>();
    for (const key of pending.sort((a, b) => a - b)) {
      const entry = set.stories.get(key);
      if (!entry || entry.mergedInto !== undefined) continue;
      const self = profileAsArticle(entry.profile, key, rarity);
      for (const other of set.candidates(lookupTerms(self), STORIES_COMPARED)) {
        if (other === key || set.isApart(key, other)) continue;
        const profile = set.stories.get(other)!.profile;
        if (!sameEvent(entry.profile, profile, self, rarity, weights, settings.mergeThreshold)) continue;
        next.add(merge(set, key, other, result));
        break;
      }
    }
    pending = [...next];
  }
}

/**
 * Whether two stories are one event: each, seen as one article, clears the merge threshold against
 * the other, and when both are stories of full reports, who and where agree on at least half
 * (the mean of both ways) or the evidence clears what a full report needs to join a centroid
 * (FULL_REPORT_BAR). Two stories of one busy topic (two budget fights of one Congress, undated
 * commentary on one presidency) share its institutions ("Senate", "GOP", "McConnell") and its words,
 * which says no more that they are one event than it does for a single report: those are left to
 * the linking pass. A story that develops over days (a fire, its inquiry, a resignation) keeps its
 * people and places while its words fade with the time between its reports.
 */
function sameEvent(
  a: StoryProfile,
  b: StoryProfile,
  aAsArticle: ArticleFeatures,
  rarity: Rarity,
  weights: EvidenceWeights,
  bar: number,
): boolean {
  const there = evidenceFor({ ...aAsArticle, time: nearestTime(a, b) }, b, rarity, weights);
  if (there.veto !== null || there.score < bar) return false;
  const bAsArticle = profileAsArticle(b, 0, rarity);
  const back = evidenceFor({ ...bAsArticle, time: nearestTime(b, a) }, a, rarity, weights);
  if (back.veto !== null || back.score < bar) return false;
  if (isHeadline(aAsArticle) || isHeadline(bAsArticle)) return true;
  // Two lone reports, met one at a time, are joined as the linking pass would join them in one
  // batch: on how their words and names agree, which the merge threshold already weighs.
  if (a.articles < 2 && b.articles < 2) return true;
  return (
    (there.names + back.names) / 2 >= STORIES_WHO_AGREE ||
    Math.min(there.score, back.score) >= Math.max(bar, FULL_REPORT_BAR)
  );
}

// Two stories of full reports whose who and where agree this much (the mean of both ways, in
// [0, 1]) are one event on the merge threshold alone.
const STORIES_WHO_AGREE = 0.5;

/** The time of story `a` closest to story `b`'s span. */
function nearestTime(a: StoryProfile, b: StoryProfile): number | null {
  if (a.first === null || a.last === null || b.first === null || b.last === null) return null;
  if (a.last < b.first) return a.last;
  if (a.first > b.last) return a.first;
  return b.first;
}
