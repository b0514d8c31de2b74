import PgBoss from 'pg-boss';
import type { Database } from '../db/connect.js';
import type { Logger } from '../lib/log.js';

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

/** A handler for one job's data. A throw marks the job failed (and retried per its options). */
export type JobHandler<T> = (data: T) => Promise<void>;

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
  stop(): Promise<void>;
}

export interface QueueOptions {
  database: Database;
  logger: Logger;
  /** Run pg-boss's cron monitor here (serve: yes; worker-only processes: no). */
  schedule?: boolean;
  /** pg-boss's schema (tests give each database its own). */
  schema?: string;
}

/** Creates the queue; call start() before use and stop() before closing the database. */
export function createQueue({ database, logger, schedule = true, schema = 'pgboss' }: QueueOptions): Queue {
  const boss = new PgBoss({
    db: {
      async executeSql(text: string, values: unknown[]) {
        const result = await database.pool.query(text, values);
        return { rows: result.rows };
      },
    },
    schema,
    schedule,
    supervise: true,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  const declared = new Map<string, Promise<void>>();
  const declare = (name: string, policy: QueuePolicy = 'standard') => {
    let done = declared.get(name);
    if (!done) {
      done = boss.getQueue(name).then(async (existing) => {
        if (!existing) await boss.createQueue(name, { name, policy });
      });
      declared.set(name, done);
    }
    return done;
  };
  return {
    declare,
    async work(name, handler, options = {}) {
      await declare(name);
      await boss.work<object>(
        name,
        { batchSize: options.batchSize ?? 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
        async (jobs) => {
          for (const job of jobs) await handler(job.data as never);
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
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
