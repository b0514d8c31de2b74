import { ensureAnalyses } from '../analyze/run.js';
import { type ClusterDeps, clusterArticles } from '../cluster/cluster.js';
import type { Logger } from '../lib/log.js';
import { type WriteDeps, writeStory } from '../publish/write-story.js';
import { editedArticles, settleEdits } from '../store/analyses.js';
import { articlesForClustering } from '../store/clusters.js';
import { clearWriteNotes, storiesNeedingWrite, unclusteredArticleIds } from '../store/pipeline.js';
import { indexAllPendingArticles } from '../store/search-index.js';

/**
 * The pipeline after ingest: build new articles' search documents, analyze and cluster them, then
 * write, verify and publish the stories that changed. Each step is one function so a job queue can
 * run them as separate jobs; `runPipelineOnce` runs them in order (the `pipeline` job and
 * `pipeline --once`).
 */

/** What the pipeline needs: the clustering and writing dependencies, and the debounce. */
export interface PipelineDeps {
  cluster: ClusterDeps;
  write: WriteDeps;
  logger: Logger;
  /** A story is rewritten only after this long without new articles. */
  debounceMs: number;
  now?: () => Date;
  /** Called before each pass (the settings service reloads what the console saved). */
  refresh?: () => Promise<unknown>;
}

/** What one pass did. */
export interface PipelineReport {
  /** Articles whose search document was built (new or edited since the last pass). */
  indexed: number;
  clustered: number;
  /** Edited articles analyzed again (their stories are then written anew). */
  reanalyzed: number;
  stories: Record<'published' | 'review' | 'held' | 'not_enough_material' | 'unchanged', number>;
}

const CLUSTER_BATCH = 200;
const WRITE_BATCH = 100;

/** Clusters every article that is in no story yet (analyzing it first); returns how many were placed. */
export async function clusterPending(deps: PipelineDeps): Promise<number> {
  // Analyses started ahead in an earlier pass may be of text edited since: start afresh.
  deps.cluster.ahead?.clear();
  let placed = 0;
  for (;;) {
    const ids = await unclusteredArticleIds(deps.cluster.db, CLUSTER_BATCH);
    if (ids.length === 0) return placed;
    // With analysis threads, the next batch is analyzed while this one is clustered.
    const next = deps.cluster.analyzer
      ? await unclusteredArticleIds(deps.cluster.db, CLUSTER_BATCH, ids)
      : [];
    const assignments = await clusterArticles(deps.cluster, ids, { next });
    await clearWriteNotes(
      deps.cluster.db,
      assignments.map((a) => a.storyId),
    );
    placed += assignments.length;
    // An article clustering cannot place would come back forever; stop rather than spin.
    if (assignments.length === 0) {
      deps.logger.warn({ articles: ids.length }, 'articles could not be clustered');
      return placed;
    }
  }
}

/**
 * Analyzes again the articles whose title or text a refresh changed (the edit dropped their
 * analysis) and marks their stories as edited, so the write step gives each a new version.
 * Returns how many were analyzed.
 */
export async function reanalyzeEdited(deps: PipelineDeps): Promise<number> {
  let total = 0;
  for (;;) {
    const edits = await editedArticles(deps.cluster.db, CLUSTER_BATCH);
    if (edits.length === 0) return total;
    const rows = await articlesForClustering(
      deps.cluster.db,
      edits.map((e) => e.article_id),
    );
    await ensureAnalyses(deps.cluster, rows);
    await deps.cluster.db.transaction().execute((tx) => settleEdits(tx, edits));
    total += edits.length;
  }
}

/** Writes every publishable story that gained or lost sources and has been quiet for the debounce. */
export async function writePending(
  deps: PipelineDeps,
  options: { debounceMs?: number } = {},
): Promise<PipelineReport['stories']> {
  const counts: PipelineReport['stories'] = {
    published: 0,
    review: 0,
    held: 0,
    not_enough_material: 0,
    unchanged: 0,
  };
  const now = (deps.now ?? (() => new Date()))();
  const { minArticles, minPublishers } = deps.cluster.settings;
  const quietBefore = new Date(now.getTime() - (options.debounceMs ?? deps.debounceMs));
  const ids = await storiesNeedingWrite(deps.write.db, {
    minArticles,
    minPublishers,
    quietBefore,
    limit: WRITE_BATCH,
  });
  for (const id of ids) {
    try {
      const outcome = await writeStory(deps.write, id);
      counts[outcome.status]++;
    } catch (error) {
      deps.write.metrics?.writerOutcomes.inc({
        writer: deps.write.llm ? 'llm' : 'extractive',
        outcome: 'failed',
      });
      deps.logger.error({ story_id: id, err: error }, 'story could not be written');
    }
  }
  return counts;
}

/**
 * One pass over everything pending: index for search, cluster, analyze edited articles again, then
 * write what is due. `debounceMs: 0` writes at once.
 */
export async function runPipelineOnce(
  deps: PipelineDeps,
  options: { debounceMs?: number } = {},
): Promise<PipelineReport> {
  await deps.refresh?.();
  const indexed = await indexAllPendingArticles(deps.cluster.db);
  const clustered = await clusterPending(deps);
  const reanalyzed = await reanalyzeEdited(deps);
  const stories = await writePending(deps, options);
  // A pass that found nothing to do is routine: it runs every few seconds and would bury the terminal.
  const idle = indexed + clustered + reanalyzed + Object.values(stories).reduce((a, n) => a + n, 0) === 0;
  deps.logger[idle ? 'debug' : 'info']({ indexed, clustered, reanalyzed, ...stories }, 'pipeline pass');
  return { indexed, clustered, reanalyzed, stories };
}
