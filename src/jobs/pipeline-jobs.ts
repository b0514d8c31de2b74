import { type PipelineDeps, runPipelineOnce } from './pipeline.js';
import type { Queue } from './queue.js';

/** The queue that runs the pipeline after ingest: cluster new articles, write and publish due stories. */
export const PIPELINE_JOB = 'pipeline';
const KEY = 'pipeline';

/**
 * Declares the pipeline queue as `stately` with one singleton key: however many articles arrive and
 * however many workers run, at most one pass is active and one more waits. One active pass also
 * means one clusterer at a time, so two workers never open the same story twice.
 */
export async function declarePipeline(queue: Queue): Promise<void> {
  await queue.declare(PIPELINE_JOB, 'stately');
}

/** Schedules a pass every minute, so stories whose debounce ran out get written without new articles. */
export async function schedulePipeline(queue: Queue): Promise<void> {
  await declarePipeline(queue);
  await queue.schedule(PIPELINE_JOB, '* * * * *', {});
}

/** Asks for a pass now (collapses into the waiting one if there is one). */
export async function requestPipeline(queue: Queue): Promise<void> {
  await queue.send(PIPELINE_JOB, {}, { singletonKey: KEY });
}

/** Runs pipeline passes from the queue in this process. */
export async function registerPipelineWorker(queue: Queue, deps: PipelineDeps): Promise<void> {
  await declarePipeline(queue);
  await queue.work(PIPELINE_JOB, async () => {
    await runPipelineOnce(deps);
  });
}
