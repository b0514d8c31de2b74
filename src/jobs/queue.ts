import PgBoss from 'pg-boss';
import type { Database } from '../db/connect.js';
import { bossDb } from './boss-db.js';
import type { Logger } from '../lib/log.js';
import type { Metrics } from '../ops/metrics.js';
import { activeJobs } from '../store/jobs.js';

/** Options of one job when it is sent. */
export interface SendOptions {
  /** At most one queued job per key (with a `stately` queue): e.g. `source:42`. */
  singletonKey?: string;
  startAfter?: Date | number;
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  priority?: number;
}

/** How a queue keeps its jobs: `stately` holds one queued and one active job per singleton key. */
export type QueuePolicy = 'standard' | 'stately';

/** The job being run: its id, and a logger whose lines carry `job_id` and `queue`. */
export interface JobContext {
  id: string;
  name: string;
  logger: Logger;
}

/** A handler for one job's data. A throw marks the job failed (and retried per its options). */
export type JobHandler<T> = (data: T, job: JobContext) => Promise<void>;

/**
 * The job queue on the application's own database (pg-boss over the same pool, so embedded PGlite
 * and PostgreSQL work the same). Others register handlers with `work` and enqueue with `send`.
 */
export interface Queue {
  /** Declares a queue (created once; `send` and `work` declare it with the standard policy if needed). */
  declare(name: string, policy?: QueuePolicy): Promise<void>;
  work<T extends object>(
    name: string,
    handler: JobHandler<T>,
    options?: { batchSize?: number; pollingIntervalSeconds?: number },
  ): Promise<void>;
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<string | null>;
  /** Sends `name` on a cron schedule (one instance fires it, whichever runs the schedule monitor). */
  schedule(name: string, cron: string, data?: object): Promise<void>;
  start(): Promise<void>;
  /** Throws unless the queue's tables answer (the readiness check). */
  ready(): Promise<void>;
  stop(): Promise<void>;
}

export interface QueueOptions {
  database: Database;
  logger: Logger;
  /** Run pg-boss's cron monitor here (serve: yes; worker-only processes: no). */
  schedule?: boolean;
  /** pg-boss's schema (tests give each database its own). */
  schema?: string;
  /** Records job durations and reports queue depth, when the process exports metrics. */
  metrics?: Metrics;
  /**
   * Seconds a job may stay active before pg-boss takes its worker for dead and retries it (for
   * queues this process creates). Handlers are idempotent, so a slow job run twice does no harm.
   */
  jobTimeoutSeconds?: number;
  /**
   * This process is the only one on the database (embedded, under the data-directory lock): jobs
   * still active at start-up were cut off by a crash and are retried at once rather than at expiry.
   */
  soleProcess?: boolean;
}

/** Creates the queue; call start() before use and stop() before closing the database. */
export function createQueue({
  database,
  logger,
  schedule = true,
  schema = 'pgboss',
  metrics,
  jobTimeoutSeconds = 900,
  soleProcess = false,
}: QueueOptions): Queue {
  const boss = new PgBoss({
    db: bossDb(database, schema, logger),
    schema,
    schedule,
    supervise: true,
    // Lost jobs are found by this sweep: run it often enough that one waits ~a fifth of its timeout.
    maintenanceIntervalSeconds: Math.max(1, Math.min(120, Math.round(jobTimeoutSeconds / 5))),
  });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  const declared = new Map<string, Promise<void>>();
  const createOnce = async (name: string, policy: QueuePolicy) => {
    for (let attempt = 1; ; attempt++) {
      try {
        if (!(await boss.getQueue(name))) {
          await boss.createQueue(name, { name, policy, expireInSeconds: jobTimeoutSeconds });
        }
        return;
      } catch (error) {
        // Nodes starting together create the same queue tables at once; PostgreSQL breaks the
        // deadlock by failing one of them, which simply tries again.
        if ((error as { code?: string }).code !== '40P01' || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 200));
      }
    }
  };
  const declare = (name: string, policy: QueuePolicy = 'standard') => {
    let done = declared.get(name);
    if (!done) {
      done = createOnce(name, policy);
      // A failed declaration is tried again by the next caller rather than remembered.
      done.catch(() => declared.delete(name));
      declared.set(name, done);
    }
    return done;
  };
  metrics?.addQueueDepthProbe(async () => {
    const depths: Record<string, number> = {};
    for (const name of declared.keys()) depths[name] = await boss.getQueueSize(name);
    return depths;
  });
  const run = async (name: string, handler: JobHandler<never>, job: { id: string; data: object }) => {
    const jobLogger = logger.child({ job_id: job.id, queue: name });
    const start = process.hrtime.bigint();
    let outcome = 'failed';
    jobLogger.debug('job started');
    try {
      await handler(job.data as never, { id: job.id, name, logger: jobLogger });
      outcome = 'completed';
    } catch (error) {
      // Logged here with the job's id; rethrown so pg-boss marks the job failed and retries it.
      jobLogger.error({ err: error }, 'job failed');
      throw error;
    } finally {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      metrics?.jobDuration.observe({ queue: name, outcome }, seconds);
      jobLogger.debug({ outcome, ms: Math.round(seconds * 1000) }, 'job finished');
    }
  };
  const retryOrphans = async () => {
    const rows = await activeJobs(database.db, schema);
    const byName = new Map<string, string[]>();
    for (const row of rows) byName.set(row.name, [...(byName.get(row.name) ?? []), row.id]);
    for (const [name, ids] of byName) {
      await boss.fail(name, ids);
    }
    if (rows.length > 0) logger.warn({ jobs: rows.length }, 'retrying jobs cut off by a crash');
  };
  return {
    declare,
    async work(name, handler, options = {}) {
      await declare(name);
      await boss.work<object>(
        name,
        { batchSize: options.batchSize ?? 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
        async (jobs) => {
          for (const job of jobs) await run(name, handler as JobHandler<never>, job);
        },
      );
    },
    async send(name, data, options = {}) {
      await declare(name);
      return boss.send(name, data, options);
    },
    async schedule(name, cron, data = {}) {
      await declare(name);
      await boss.schedule(name, cron, data);
    },
    async start() {
      await boss.start();
      if (soleProcess) await retryOrphans();
    },
    async ready() {
      if (!(await boss.isInstalled())) throw new Error('job queue schema missing');
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
