import type { SettingsService } from '../admin/settings.js';
import type { Database } from '../db/connect.js';
import type { Queue } from '../jobs/queue.js';
import type { Metrics } from '../ops/metrics.js';
import type { CommandContext } from './context.js';
import { ingestDeps } from './ingest-wiring.js';

/** Which background roles a process runs. */
export interface BackgroundRoles {
  scheduler: boolean;
  workers: boolean;
}

/**
 * Starts the job queue on the process's database with the scheduler and/or the workers, and
 * returns it so the caller stops it before closing the database. Workers refresh sources and run
 * the pipeline (cluster → write → verify → publish); every stored article asks for a pipeline pass.
 */
export async function startBackground(
  context: CommandContext,
  roles: BackgroundRoles,
  shared: { metrics?: Metrics; settings?: SettingsService } = {},
): Promise<Queue> {
  // Loaded here, not at CLI start-up: every other command would pay for pg-boss otherwise.
  const { createQueue } = await import('../jobs/queue.js');
  const { enqueueDueSources, registerIngestWorkers, startScheduler } = await import('../jobs/scheduler.js');
  const { registerPipelineWorker, requestPipelinePass, schedulePipeline } = await import(
    '../jobs/pipeline-jobs.js'
  );
  const { buildPipelineDeps } = await import('../jobs/pipeline-deps.js');
  const queue = createQueue({
    database: context.database as Database,
    logger: context.logger,
    schedule: roles.scheduler,
    metrics: shared.metrics,
    jobTimeoutSeconds: context.config.jobTimeout,
    soleProcess: context.database.engine === 'pglite',
  });
  await queue.start();
  try {
    if (roles.scheduler) {
      await startScheduler(queue);
      await schedulePipeline(queue);
    }
    if (roles.workers) {
      const onArticlesStored = requestPipelinePass(queue);
      await registerIngestWorkers(queue, {
        ...ingestDeps(context, onArticlesStored),
        metrics: shared.metrics,
      });
      await registerPipelineWorker(
        queue,
        buildPipelineDeps(context.config, context.database, context.logger, {
          ...shared,
          analyzer: context.analysis.analyze,
        }),
      );
      // Work left over from before the start (an import, a crash, sources due while nothing ran) is
      // picked up at once rather than at the next scheduler tick.
      await onArticlesStored([]);
      await enqueueDueSources({ db: context.database.db, queue, logger: context.logger });
    }
  } catch (error) {
    // The queue's timers would keep a failed process alive on a closed pool.
    await queue.stop().catch(() => {});
    throw error;
  }
  context.logger.info(roles, 'background jobs started');
  return queue;
}
