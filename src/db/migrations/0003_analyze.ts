import { type Kysely, sql } from 'kysely';

/**
 * Analysis and clustering: one analysis per article, the running document frequencies, and the
 * story index (a profile per story plus term postings) that keeps candidate retrieval cheap.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE article_analyses (
      article_id bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
      language text NOT NULL,
      analysis jsonb NOT NULL,
      analyzed_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  // Row '' counts the documents themselves.
  await sql`
    CREATE TABLE term_frequencies (
      term text PRIMARY KEY,
      docs integer NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE story_profiles (
      story_id bigint PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
      profile jsonb NOT NULL,
      last_seen_at timestamptz NOT NULL
    )`.execute(db);

  // One row per (term, story): the inverted index candidate retrieval reads within a time window.
  await sql`
    CREATE TABLE story_postings (
      term text NOT NULL,
      story_id bigint NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
      last_seen_at timestamptz NOT NULL,
      PRIMARY KEY (term, story_id)
    )`.execute(db);
  await sql`CREATE INDEX story_postings_window_idx ON story_postings (term, last_seen_at)`.execute(db);
  await sql`CREATE INDEX story_postings_story_idx ON story_postings (story_id)`.execute(db);
}
