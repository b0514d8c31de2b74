import { type PipelineDeps, runPipelineOnce } from './pipeline.js';
import type { Logger } from '../lib/log.js';
import type { Queue } from './queue.js';

/** The pipeline's job: one pass (cluster pending articles, write due stories). */
export const PIPELINE_JOB = 'pipeline';

/**
 * Registers the pipeline worker. The queue is `stately` with one key, so a burst of "articles
 * stored" signals collapses into one queued pass while another runs.
 */
export async function registerPipelineWorker(queue: Queue, deps: PipelineDeps): Promise<void> {
  await queue.declare(PIPELINE_JOB, 'stately');
  await queue.work(PIPELINE_JOB, async (_data, job) => {
    await runPipelineOnce(withLogger(deps, job.logger));
  });
}

/** Runs a pass every minute, so stories written after their debounce do not wait for new articles. */
export async function schedulePipeline(queue: Queue): Promise<void> {
  await queue.declare(PIPELINE_JOB, 'stately');
  await queue.schedule(PIPELINE_JOB, '* * * * *');
}

/** The ingest hand-off: new articles from any door ask for a pipeline pass. */
export function requestPipelinePass(queue: Queue): (articleIds: number[]) => Promise<void> {
  return async () => {
    await queue.send(PIPELINE_JOB, {}, { singletonKey: PIPELINE_JOB });
  };
}

/** The same dependencies logging through `logger` (a job's, so every line carries its id). */
function withLogger(deps: PipelineDeps, logger: Logger): PipelineDeps {
  return { ...deps, logger, cluster: { ...deps.cluster, logger }, write: { ...deps.write, logger } };
}
