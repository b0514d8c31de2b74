import { type Kysely, sql } from 'kysely';

/**
 * Where sources disagree. Each version keeps the disagreements found when it was written (readers
 * of an old version see what was disputed then); an editor's call on a fact is kept per story and
 * fact key, newest call first, so it outlives the versions written after it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE version_disagreements (
      id serial PRIMARY KEY,
      version_id integer NOT NULL REFERENCES story_versions(id) ON DELETE CASCADE,
      story_id integer NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      position integer NOT NULL,
      fact_key text NOT NULL,
      kind text NOT NULL,
      detail text NOT NULL,
      status text NOT NULL CHECK (status IN ('disputed', 'revised')),
      value_list json NOT NULL,
      settlement json,
      UNIQUE (version_id, position)
    )`.execute(db);
  await sql`
    CREATE TABLE disagreement_settlements (
      id serial PRIMARY KEY,
      story_id integer NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      fact_key text NOT NULL,
      value_key text NOT NULL,
      value text NOT NULL,
      note text NOT NULL,
      settled_by text REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX disagreement_settlements_story_idx ON disagreement_settlements (story_id, fact_key, id)`.execute(
    db,
  );
}
