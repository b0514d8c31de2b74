import { type Kysely, sql } from 'kysely';

/**
 * Article search documents leave the insert path. Building a tsvector per inserted row (the
 * 0005_site trigger) made every article insert several times dearer, on PGlite most of all; now an
 * insert only queues the article's id (one statement-level trigger per INSERT statement), and
 * `indexPendingArticles` builds the documents in batches: the pipeline pass in `serve`/`worker`,
 * and right after `ingest --once`, `import` and the demo load.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE article_search_queue (
      article_id bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE
    )`.execute(db);
  await sql`DROP TRIGGER article_search_refresh ON articles`.execute(db);
  await sql`DROP FUNCTION article_search_refresh()`.execute(db);
  await sql`
    CREATE FUNCTION article_search_enqueue_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO article_search_queue (article_id) SELECT id FROM inserted_articles
      ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER article_search_enqueue_inserted AFTER INSERT ON articles
    REFERENCING NEW TABLE AS inserted_articles
    FOR EACH STATEMENT EXECUTE FUNCTION article_search_enqueue_inserted()`.execute(db);
  // Transition tables cannot go with a column list, so edits queue row by row; they are rare.
  await sql`
    CREATE FUNCTION article_search_enqueue_updated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO article_search_queue (article_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER article_search_enqueue_updated AFTER UPDATE OF title, text ON articles
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.text IS DISTINCT FROM NEW.text)
    EXECUTE FUNCTION article_search_enqueue_updated()`.execute(db);
  // Articles the old trigger missed (none, normally) are queued so nothing stays unsearchable.
  await sql`
    INSERT INTO article_search_queue (article_id)
    SELECT a.id FROM articles a
    WHERE NOT EXISTS (SELECT 1 FROM article_search s WHERE s.article_id = a.id)`.execute(db);
}
