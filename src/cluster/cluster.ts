import { BACKGROUND_DOCS, backgroundFrequencies } from '../analyze/background.js';
import { idf } from '../analyze/keywords.js';
import { type AnalyzeDeps, ensureAnalyses, loadFrequencies, storedDigests } from '../analyze/run.js';
import type { Logger } from '../lib/log.js';
import {
  articlesForClustering,
  candidateStories,
  latestArticlesOfStories,
  storiesOfArticles,
  storyProfiles,
} from '../store/clusters.js';
import type { Executor } from '../store/db.js';
import { separatedPairs } from '../store/review.js';
import { articleEmbeddings, type Embedder } from './embeddings.js';
import { type ArticleFeatures, featuresOf, lookupTerms, type Rarity } from './features.js';
import { type FlushedBatch, flushBatch } from './flush.js';
import { linkPasses, storedStoriesNear } from './link-passes.js';
import { placeBatch, storedStoriesTouched } from './place.js';
import type { ClusterSettings } from './settings.js';
import type { Assignment } from './types.js';
import { WorkingSet } from './working-set.js';

/** What clustering needs: the database, settings and the analysis frequency cache. */
export interface ClusterDeps extends AnalyzeDeps {
  db: Executor;
  settings: ClusterSettings;
  logger?: Logger;
  /** The optional embeddings endpoint; without it clustering runs offline. */
  embedder?: Embedder;
}

const CANDIDATES_PER_ARTICLE = 15;

/** Places one article in a story (analyzing it first if needed); see clusterArticles. */
export async function clusterArticle(deps: ClusterDeps, articleId: number): Promise<Assignment | undefined> {
  return (await clusterArticles(deps, [articleId]))[0];
}

/**
 * Places articles, in the given order, each in the story whose evidence it clears (see
 * placeBatch and linkBatch) or in a new one; a duplicate joins its original's story. Analyzes
 * articles that have no analysis yet. Candidates come from the story index within the time window,
 * so the cost does not grow with the archive.
 */
export async function clusterArticles(
  deps: ClusterDeps,
  articleIds: readonly number[],
  options: {
    next?: readonly number[];
    /** Articles whose candidate stories and evidence to report (for `eval clusters --explain`). */
    explain?: ReadonlySet<number>;
    onExplain?: (explained: FlushedBatch['explained']) => void;
  } = {},
): Promise<Assignment[]> {
  const rows = await articlesForClustering(deps.db, articleIds);
  if (rows.length === 0) return [];
  // The batch the caller clusters next is analyzed on the threads while this one is placed and stored.
  const next =
    options.next?.length && deps.analyzer && deps.ahead
      ? await articlesForClustering(deps.db, options.next)
      : [];
  const analyses = await ensureAnalyses(deps, rows, next);
  await loadFrequencies(deps);
  const rarity = rarityOf(deps);
  const embeddings = await articleEmbeddings(deps, rows);
  const features = rows.map((r) => ({
    ...featuresOf(r, analyses.get(r.id)!, rarity),
    embedding: embeddings.get(r.id),
  }));
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
  const result = placeBatch(set, features, duplicateOf, originals, deps.settings, rarity, options.explain);
  const stored = new Set([...storedStoriesTouched(set, result), ...storedStoriesNear(set, result)]);
  const earlier = await earlierReports(deps, [...stored], rarity);
  linkPasses({ set, features, earlier, settings: deps.settings, rarity, result });
  const placed = await deps.db.transaction().execute((trx) => flushBatch(trx, set, result));
  if (placed.explained.length > 0) options.onExplain?.(placed.explained);
  deps.logger?.debug({ articles: rows.length, stories: set.stories.size }, 'articles clustered');
  return placed.assignments;
}

// A stored story is linked by this many of its latest reports with the batch's: enough to tell
// what it is about, few enough that a long story costs a batch little.
const EARLIER_REPORTS = 8;

/** The latest reports of stored stories, as features, from their stored analyses. */
async function earlierReports(
  deps: ClusterDeps,
  storyIds: readonly number[],
  rarity: Rarity,
): Promise<Map<number, ArticleFeatures[]>> {
  const out = new Map<number, ArticleFeatures[]>();
  const latest = await latestArticlesOfStories(deps.db, storyIds, EARLIER_REPORTS);
  const digests = await storedDigests(
    deps.db,
    [...latest.values()].flatMap((rows) => rows.map((r) => r.id)),
  );
  for (const [story, rows] of latest) {
    out.set(
      story,
      rows.flatMap((r) => {
        const digest = digests.get(r.id);
        return digest ? [featuresOf(r, digest, rarity)] : [];
      }),
    );
  }
  return out;
}

/**
 * How rare a word is among the archive's articles: what weighs a shared name. English at large
 * counts as much as the archive (within bounds), so a young archive still knows that "Lowmoor" is
 * rare and an old one knows which names its own stories wear out.
 */
export function rarityOf(deps: Pick<AnalyzeDeps, 'frequencies'>): Rarity {
  const cache = deps.frequencies;
  const background = backgroundFrequencies();
  const scale = Math.min(BACKGROUND_DOCS, Math.max(MIN_BACKGROUND_DOCS, cache.docs)) / background.docs;
  const df = {
    docs: cache.docs + background.docs * scale,
    get: (term: string) => (cache.terms.get(term) ?? 0) + (background.terms.get(term) ?? 0) * scale,
  };
  // Asked for the same names again and again within a batch: each is worked out once.
  const known = new Map<string, number>();
  return (term) => {
    let r = known.get(term);
    if (r === undefined) {
      r = idf(df, term);
      known.set(term, r);
    }
    return r;
  };
}

const MIN_BACKGROUND_DOCS = 200;

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
