import { type Kysely, sql } from 'kysely';

/**
 * Clustering says why, and keeps article embeddings.
 *
 * - `story_articles.evidence`: what the clusterer weighed when it placed the article (shared names
 *   and figures, keyword and embedding similarity, hours apart, score), shown on the console's story
 *   page and by `eval clusters --explain`.
 * - `article_embeddings`: one embedding per article from the optional embeddings endpoint, stored
 *   once (as a JSON array: no vector extension is assumed), with the model that made it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE story_articles ADD COLUMN evidence json`.execute(db);
  await sql`
    CREATE TABLE article_embeddings (
      article_id bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
      model text NOT NULL,
      embedding json NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}
