import { type Kysely, sql } from 'kysely';

/**
 * An editor's split keeps two stories apart for good: the clusterer never merges a story with one
 * an article was split out of (the pair follows later merges, see mergeStoryInto). A story an
 * editor held or unpublished records who did, and the pipeline leaves it alone until an editor
 * publishes it again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE story_separations (
      id serial PRIMARY KEY,
      story_id integer NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      other_story_id integer NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      article_id integer REFERENCES articles(id) ON DELETE SET NULL,
      created_by text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (story_id <> other_story_id)
    )`.execute(db);
  await sql`CREATE INDEX story_separations_story_idx ON story_separations (story_id)`.execute(db);
  await sql`CREATE INDEX story_separations_other_idx ON story_separations (other_story_id)`.execute(db);
  await sql`ALTER TABLE stories ADD COLUMN held_by text`.execute(db);
}
