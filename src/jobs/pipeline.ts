import { type ClusterDeps, clusterArticles } from '../cluster/cluster.js';
import type { Logger } from '../lib/log.js';
import { type WriteDeps, writeStory } from '../publish/write-story.js';
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
  stories: Record<'published' | 'review' | 'held' | 'not_enough_material' | 'unchanged', number>;
}

const CLUSTER_BATCH = 200;
const WRITE_BATCH = 100;

/** Clusters every article that is in no story yet (analyzing it first); returns how many were placed. */
export async function clusterPending(deps: PipelineDeps): Promise<number> {
  let placed = 0;
  for (;;) {
    const ids = await unclusteredArticleIds(deps.cluster.db, CLUSTER_BATCH);
    if (ids.length === 0) return placed;
    const assignments = await clusterArticles(deps.cluster, ids);
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

/** One pass over everything pending: index for search, cluster, then write what is due. `debounceMs: 0` writes at once. */
export async function runPipelineOnce(
  deps: PipelineDeps,
  options: { debounceMs?: number } = {},
): Promise<PipelineReport> {
  await deps.refresh?.();
  const indexed = await indexAllPendingArticles(deps.cluster.db);
  const clustered = await clusterPending(deps);
  const stories = await writePending(deps, options);
  deps.logger.info({ indexed, clustered, ...stories }, 'pipeline pass');
  return { indexed, clustered, stories };
}
