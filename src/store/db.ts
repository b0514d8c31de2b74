import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

/** A database handle or an open transaction: every storage function accepts either. */
export type Executor = Kysely<DB>;

/** Runs the cheapest statement there is; rejects when the database does not answer. */
export async function pingDatabase(db: Executor): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
