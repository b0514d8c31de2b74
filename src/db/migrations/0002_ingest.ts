import { type Kysely, sql } from 'kysely';

/**
 * Ingest: a MinHash signature per article and its LSH band keys in an indexed table, so
 * near-duplicate candidates come from an index lookup instead of a scan of every article.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE articles ADD COLUMN fingerprint text`.execute(db);
  await sql`
    CREATE TABLE article_fingerprint_bands (
      band integer NOT NULL,
      article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      PRIMARY KEY (band, article_id)
    )`.execute(db);
  await sql`CREATE INDEX article_fingerprint_bands_article_idx ON article_fingerprint_bands (article_id)`.execute(
    db,
  );
  await sql`CREATE INDEX articles_duplicate_of_idx ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL`.execute(
    db,
  );
}
