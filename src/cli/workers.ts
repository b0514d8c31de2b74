import type { Database } from '../db/connect.js';
import { buildPipelineDeps } from '../jobs/pipeline-deps.js';
import { registerPipelineWorker, requestPipelinePass, schedulePipeline } from '../jobs/pipeline-jobs.js';
import { createQueue, type Queue } from '../jobs/queue.js';
import { registerIngestWorkers, startScheduler } from '../jobs/scheduler.js';
import type { CommandContext } from './context.js';
import { ingestDeps } from './ingest-wiring.js';

/** Which background roles a process runs. */
export interface BackgroundRoles {
  scheduler: boolean;
  workers: boolean;
}

/**
 * Starts the job queue on the process's database with the scheduler and/or the workers, and
 * returns it so the caller stops it before closing the database. Other stages register their
 * own handlers on the same queue here (and pass their onArticlesStored callback to ingestDeps).
 */
export async function startBackground(context: CommandContext, roles: BackgroundRoles): Promise<Queue> {
  const queue = createQueue({
    database: context.database as Database,
    logger: context.logger,
    schedule: roles.scheduler,
  });
  await queue.start();
  if (roles.scheduler) {
    await startScheduler(queue);
    await schedulePipeline(queue);
  }
  if (roles.workers) {
    await registerIngestWorkers(queue, ingestDeps(context, requestPipelinePass(queue)));
    await registerPipelineWorker(queue, buildPipelineDeps(context.config, context.database, context.logger));
  }
  context.logger.info(roles, 'background jobs started');
  return queue;
}
