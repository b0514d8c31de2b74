import { type ClusterDeps, clusterArticles } from '../cluster/cluster.js';
import type { Logger } from '../lib/log.js';
import { type WriteDeps, writeStory } from '../publish/write-story.js';
import { clearWriteNotes, storiesNeedingWrite, unclusteredArticleIds } from '../store/pipeline.js';

/**
 * The pipeline after ingest: analyze and cluster new articles, then write, verify and publish the
 * stories that changed. Each step is one function so a job queue can run them as separate jobs;
 * until then `runPipelineOnce` runs them in order and `startPipelineLoop` repeats it.
 */

/** What the pipeline needs: the clustering and writing dependencies, and the debounce. */
export interface PipelineDeps {
  cluster: ClusterDeps;
  write: WriteDeps;
  logger: Logger;
  /** A story is rewritten only after this long without new articles. */
  debounceMs: number;
  now?: () => Date;
}

/** What one pass did. */
export interface PipelineReport {
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
      deps.logger.error({ story_id: id, err: error }, 'story could not be written');
    }
  }
  return counts;
}

/** One pass over everything pending: cluster, then write what is due. `debounceMs: 0` writes at once. */
export async function runPipelineOnce(
  deps: PipelineDeps,
  options: { debounceMs?: number } = {},
): Promise<PipelineReport> {
  const clustered = await clusterPending(deps);
  const stories = await writePending(deps, options);
  deps.logger.info({ clustered, ...stories }, 'pipeline pass');
  return { clustered, stories };
}

/** A running pipeline loop: `wake()` asks for a pass soon (after an import), `stop()` ends it. */
export interface PipelineLoop {
  wake(): void;
  stop(): Promise<void>;
}

/** Runs a pass every `intervalMs` (and when woken) until stopped; passes never overlap, and a failing pass is logged, not fatal. */
export function startPipelineLoop(deps: PipelineDeps, { intervalMs }: { intervalMs: number }): PipelineLoop {
  let stopped = false;
  let busy = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = (delay: number) => {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass();
    }, delay);
    timer.unref();
  };
  const pass = async () => {
    busy = true;
    again = false;
    try {
      await runPipelineOnce(deps);
    } catch (error) {
      deps.logger.error({ err: error }, 'pipeline pass failed');
    } finally {
      busy = false;
      schedule(again ? 0 : intervalMs);
    }
  };
  schedule(0);
  return {
    wake() {
      if (busy) again = true;
      else schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
