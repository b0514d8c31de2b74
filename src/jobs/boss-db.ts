import plans from 'pg-boss/src/plans.js';
import type { Database } from '../db/connect.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import type { Logger } from '../lib/log.js';

/** What pg-boss runs its SQL through (its `db` option). */
export interface BossDb {
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * pg-boss's SQL on the application's pool. pg-boss 10 records a job's outcome (complete or fail)
 * after its handler without awaiting it, so a database gone at that moment rejects a promise no one
 * catches, and Node ends the process. Those two statements therefore resolve when the server is
 * unreachable: the job stays active until it expires and is then retried (handlers are idempotent).
 */
export function bossDb(database: Database, schema: string, logger: Logger): BossDb {
  const outcomes = new Set([plans.completeJobs(schema), plans.failJobsById(schema)]);
  return {
    async executeSql(text, values) {
      try {
        const result = await database.pool.query(text, values);
        return { rows: result.rows };
      } catch (error) {
        if (!outcomes.has(text) || !isDatabaseUnavailable(error)) throw error;
        logger.warn({ err: error, jobs: values[1] }, 'job outcome not recorded; retried when it expires');
        return { rows: [{ count: 0 }] };
      }
    },
  };
}
