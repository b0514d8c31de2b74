import { type Kysely, sql } from 'kysely';

/** Consecutive failed sign-ins per email address (account or not), for the sign-in back-off. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE sign_in_failures (
      key text PRIMARY KEY,
      failures integer NOT NULL,
      locked_until timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}
