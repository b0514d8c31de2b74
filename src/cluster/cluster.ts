import { type AnalyzeDeps, analyzeAhead, ensureAnalyses } from '../analyze/run.js';
import type { Logger } from '../lib/log.js';
import {
  articlesForClustering,
  candidateStories,
  storiesOfArticles,
  storyProfiles,
} from '../store/clusters.js';
import type { Executor } from '../store/db.js';
import { separatedPairs } from '../store/review.js';
import { type ArticleFeatures, featuresOf, lookupTerms } from './features.js';
import { flushBatch } from './flush.js';
import { addToProfile, hoursApart, mergeProfiles, newProfile, profileCosine, similarity } from './profile.js';
import type { ClusterSettings } from './settings.js';
import { WorkingSet } from './working-set.js';

/** What clustering needs: the database, settings and the analysis frequency cache. */
export interface ClusterDeps extends AnalyzeDeps {
  db: Executor;
  settings: ClusterSettings;
  logger?: Logger;
}

/** Where one article went. */
export interface Assignment {
  articleId: number;
  storyId: number;
  score: number;
  /** The article started the story. */
  created: boolean;
}

/** Where each article of a batch went, keyed by working-set story keys until flushed. */
export interface BatchResult {
  assignments: { articleId: number; key: number; score: number; created: boolean }[];
  /** Stories already in the database that merged into another (from → into, working-set keys). */
  merges: { from: number; into: number }[];
}

const CANDIDATES_PER_ARTICLE = 30;

/** Places one article in a story (analyzing it first if needed); see clusterArticles. */
export async function clusterArticle(deps: ClusterDeps, articleId: number): Promise<Assignment | undefined> {
  return (await clusterArticles(deps, [articleId]))[0];
}

/**
 * Places articles, in the given order, each in the story it fits best above the threshold or in a
 * new one; merges two stories when an article fits both and their centroids have converged; a
 * duplicate joins its original's story. Analyzes articles that have no analysis yet. Candidates
 * come from the story index within the time window, so the cost does not grow with the archive.
 */
export async function clusterArticles(
  deps: ClusterDeps,
  articleIds: readonly number[],
  options: { next?: readonly number[] } = {},
): Promise<Assignment[]> {
  const rows = await articlesForClustering(deps.db, articleIds);
  if (rows.length === 0) return [];
  const analyses = await ensureAnalyses(deps, rows);
  // The batch the caller clusters next is analyzed on the threads while this one is placed and stored.
  if (options.next?.length && deps.analyzer && deps.ahead)
    analyzeAhead(deps, await articlesForClustering(deps.db, options.next));
  const features = rows.map((r) => featuresOf(r, analyses.get(r.id)!));
  const set = await loadWorkingSet(deps, features);
  const originals = await storiesOfArticles(
    deps.db,
    rows.flatMap((r) => (r.duplicate_of ? [r.duplicate_of] : [])),
  );
  // A duplicate's story joins the working set even when no term would have found it.
  const unseen = [...originals.values()].filter((id) => !set.stories.has(id));
  for (const [id, profile] of await storyProfiles(deps.db, unseen)) set.load(id, profile);
  for (const [a, b] of await separatedPairs(deps.db, [...set.stories.keys()])) set.keepApart(a, b);
  const duplicateOf = new Map(rows.map((r) => [r.id, r.duplicate_of]));
  const result = placeAll(set, features, duplicateOf, originals, deps.settings);
  const placed = await deps.db.transaction().execute((trx) => flushBatch(trx, set, result));
  deps.logger?.debug({ articles: rows.length, stories: set.stories.size }, 'articles clustered');
  return placed;
}

async function loadWorkingSet(deps: ClusterDeps, features: ArticleFeatures[]): Promise<WorkingSet> {
  const set = new WorkingSet();
  const terms = new Set<string>();
  let earliest = Number.POSITIVE_INFINITY;
  for (const f of features) {
    for (const t of lookupTerms(f)) terms.add(t);
    earliest = Math.min(earliest, f.seen);
  }
  const since = new Date(earliest - deps.settings.windowHours * 3_600_000);
  const limit = Math.max(200, CANDIDATES_PER_ARTICLE * features.length);
  const candidates = await candidateStories(deps.db, [...terms], since, limit);
  const profiles = await storyProfiles(
    deps.db,
    candidates.map((c) => c.story_id),
  );
  for (const [id, profile] of profiles) set.load(id, profile);
  return set;
}

/** Decides every article of the batch in memory (pure apart from the working set it updates). */
export function placeAll(
  set: WorkingSet,
  features: ArticleFeatures[],
  duplicateOf: Map<number, number | null>,
  originals: Map<number, number>,
  settings: ClusterSettings,
): BatchResult {
  const result: BatchResult = { assignments: [], merges: [] };
  const inBatch = new Map<number, number>();
  for (const article of features) {
    const original = duplicateOf.get(article.id);
    const known = original ? (inBatch.get(original) ?? originals.get(original)) : undefined;
    const home = known !== undefined ? set.resolve(known) : undefined;
    if (home !== undefined && set.stories.has(home)) {
      set.update(home, addToProfile(set.stories.get(home)!.profile, article));
      result.assignments.push({ articleId: article.id, key: home, score: 1, created: false });
      inBatch.set(article.id, home);
      continue;
    }
    const scored = score(set, article, settings);
    const best = scored[0];
    const bar = joinThreshold(article, settings.threshold);
    if (!best || best.score < bar) {
      const key = set.create(newProfile(article));
      result.assignments.push({ articleId: article.id, key, score: 1, created: true });
      inBatch.set(article.id, key);
      continue;
    }
    set.update(best.key, addToProfile(set.stories.get(best.key)!.profile, article));
    result.assignments.push({ articleId: article.id, key: best.key, score: best.score, created: false });
    inBatch.set(article.id, best.key);
    for (const other of scored.slice(1)) {
      if (other.score < bar) break;
      mergeIfConverged(set, set.resolve(best.key), set.resolve(other.key), settings, result);
    }
  }
  for (const a of result.assignments) a.key = set.resolve(a.key);
  return result;
}

// Cosines between texts of many terms run lower than between headlines of a few: a full article
// (30 keywords) needs half the similarity a headline (10 keywords or fewer) needs.
const HEADLINE_TERMS = 10;

/** The similarity an article needs to join a story: the threshold, scaled down for long texts. */
export function joinThreshold(article: ArticleFeatures, threshold: number): number {
  const scale = Math.min(1, Math.max(0.5, HEADLINE_TERMS / Math.max(1, article.terms.size)));
  return threshold * scale;
}

function score(
  set: WorkingSet,
  article: ArticleFeatures,
  settings: ClusterSettings,
): { key: number; score: number }[] {
  const weights = { text: settings.textWeight, halfLifeHours: settings.halfLifeHours };
  const out: { key: number; score: number }[] = [];
  for (const key of set.candidates(lookupTerms(article), CANDIDATES_PER_ARTICLE)) {
    const profile = set.stories.get(key)!.profile;
    if (hoursApart(article.time, profile) > settings.windowHours) continue;
    out.push({ key, score: similarity(article, profile, weights) });
  }
  return out.sort((a, b) => b.score - a.score || b.key - a.key);
}

function mergeIfConverged(
  set: WorkingSet,
  keep: number,
  other: number,
  settings: ClusterSettings,
  result: BatchResult,
): void {
  const a = set.stories.get(keep)!;
  const b = set.stories.get(other)!;
  if (
    keep === other ||
    b.mergedInto !== undefined ||
    set.isApart(keep, other) ||
    profileCosine(a.profile, b.profile) < settings.mergeThreshold
  )
    return;
  // The older story (a database id, or the earlier placeholder) keeps its identity and slug.
  const [into, from] = rank(a.key, b.key);
  set.update(into, mergeProfiles(set.stories.get(into)!.profile, set.stories.get(from)!.profile));
  set.retire(from, into);
  if (from > 0) result.merges.push({ from, into });
}

function rank(x: number, y: number): [number, number] {
  if (x > 0 && y > 0) return x < y ? [x, y] : [y, x];
  if (x > 0) return [x, y];
  if (y > 0) return [y, x];
  return x > y ? [x, y] : [y, x];
}
