import { type Kysely, sql } from 'kysely';

/**
 * What feed parsing tells about a source's items.
 *
 * - `articles.title_derived`: the title was made from the item's first sentence because the feed
 *   gave none (microblogs, podcasts, press releases), so the writer and pages can tell.
 * - `source_item_drops`: items that could not become articles, counted per source and reason, with
 *   the latest count and an example (the item's link or id) to look at.
 * - `source_feed_warnings`: what was wrong with the source's feed at its last parse but did not stop
 *   its items being read (no channel title, undeclared prefixes, a cut-off document…).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE articles ADD COLUMN title_derived boolean NOT NULL DEFAULT false`.execute(db);
  await sql`
    CREATE TABLE source_item_drops (
      source_id bigint NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
      reason text NOT NULL,
      total integer NOT NULL,
      last_count integer NOT NULL,
      last_dropped_at timestamptz NOT NULL,
      last_example text,
      PRIMARY KEY (source_id, reason)
    )`.execute(db);
  await sql`
    CREATE TABLE source_feed_warnings (
      source_id bigint PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
      warnings jsonb NOT NULL,
      recorded_at timestamptz NOT NULL
    )`.execute(db);
}
