import { type Kysely, sql } from 'kysely';

/**
 * Edited articles reach their stories, and `items_seen` counts distinct items.
 *
 * - `article_edits` queues articles whose title or text a refresh changed: the edit drops the stale
 *   analysis, and the pipeline analyzes the article again and marks its story for a new version.
 * - `stories.sources_edited_at`: when a source article of the story last changed; a story whose
 *   latest version is older is written again.
 * - `sources.items_seen` counted every fetched item on every refresh, repeats included; it now
 *   counts the distinct articles stored from the source, so it is recounted from them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE article_edits (
      article_id bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
      edited_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`ALTER TABLE stories ADD COLUMN sources_edited_at timestamptz`.execute(db);
  await sql`
    UPDATE sources SET items_seen = counted.n
    FROM (SELECT s.id, count(a.id)::int AS n
          FROM sources s LEFT JOIN articles a ON a.source_id = s.id GROUP BY s.id) counted
    WHERE sources.id = counted.id`.execute(db);
}
