import type { IngestDeps } from '../ingest/refresh.js';
import { refreshSource } from '../ingest/refresh.js';
import type { Logger } from '../lib/log.js';
import type { Executor } from '../store/db.js';
import { dueSources } from '../store/sources.js';
import type { Queue } from './queue.js';

/** Job names of ingest. */
export const JOBS = {
  /** Every minute: enqueue a refresh for each due source. */
  tick: 'ingest-tick',
  /** Refresh one source: `{ sourceId }`. */
  refresh: 'refresh-source',
} as const;

/** Enqueues one refresh per due source; a source already queued is not queued twice. */
export async function enqueueDueSources(
  deps: { db: Executor; queue: Queue; logger: Logger },
  now: Date = new Date(),
): Promise<number> {
  let queued = 0;
  for (const source of await dueSources(deps.db, now)) {
    const id = await deps.queue.send(
      JOBS.refresh,
      { sourceId: source.id },
      { singletonKey: `source:${source.id}` },
    );
    if (id) queued++;
  }
  if (queued > 0) deps.logger.debug({ queued }, 'refreshes queued');
  return queued;
}

/** Declares the ingest queues and, where the scheduler runs, the one-minute tick. */
export async function startScheduler(queue: Queue): Promise<void> {
  await queue.declare(JOBS.refresh, 'stately');
  await queue.declare(JOBS.tick, 'stately');
  await queue.schedule(JOBS.tick, '* * * * *');
}

/** Registers the ingest workers: the tick handler and the refresh handler. */
export async function registerIngestWorkers(queue: Queue, deps: IngestDeps, concurrency = 4): Promise<void> {
  await queue.declare(JOBS.refresh, 'stately');
  await queue.declare(JOBS.tick, 'stately');
  await queue.work(JOBS.tick, () =>
    enqueueDueSources({ db: deps.db, queue, logger: deps.logger }).then(() => {}),
  );
  // Several pollers give several refreshes in flight; per-host politeness is kept by the fetcher.
  for (let i = 0; i < concurrency; i++) {
    await queue.work<{ sourceId: number }>(JOBS.refresh, async ({ sourceId }, job) => {
      await refreshSource({ ...deps, logger: job.logger }, sourceId);
    });
  }
}
