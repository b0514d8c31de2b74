import { sql } from 'kysely';
import type { Executor } from './db.js';

/**
 * Jobs pg-boss holds as active in its schema (pg-boss allows only letters, digits and `_` in the
 * name, and creates it unquoted). Run while no worker runs, these were cut off by a crash.
 */
export async function activeJobs(db: Executor, schema: string): Promise<{ id: string; name: string }[]> {
  const { rows } = await sql<{ id: string; name: string }>`
    SELECT id, name FROM ${sql.raw(schema)}.job WHERE state = 'active'`.execute(db);
  return rows;
}
