import { type Kysely, sql } from 'kysely';

/**
 * Reader site: operator-defined topics, site settings (the demo-content flag), and full-text search
 * documents for articles and story versions. The documents live in side tables kept by triggers so
 * that `SELECT *` on articles and story_versions does not drag a tsvector along.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE topics (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      slug text NOT NULL UNIQUE,
      name text NOT NULL,
      description text,
      keywords jsonb NOT NULL DEFAULT '[]',
      entities jsonb NOT NULL DEFAULT '[]',
      position integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE site_settings (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE article_search (
      article_id bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
      document tsvector NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX article_search_document_idx ON article_search USING gin (document)`.execute(db);
  await sql`
    CREATE FUNCTION article_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO article_search (article_id, document)
      VALUES (NEW.id, setweight(to_tsvector('english', NEW.title), 'A')
                   || setweight(to_tsvector('english', left(NEW.text, 200000)), 'B'))
      ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document;
      RETURN NEW;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER article_search_refresh AFTER INSERT OR UPDATE OF title, text ON articles
    FOR EACH ROW EXECUTE FUNCTION article_search_refresh()`.execute(db);
  await sql`
    INSERT INTO article_search (article_id, document)
    SELECT id, setweight(to_tsvector('english', title), 'A')
            || setweight(to_tsvector('english', left(text, 200000)), 'B')
    FROM articles`.execute(db);

  await sql`
    CREATE TABLE story_version_search (
      version_id bigint PRIMARY KEY REFERENCES story_versions (id) ON DELETE CASCADE,
      story_id bigint NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
      document tsvector NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX story_version_search_document_idx ON story_version_search USING gin (document)`.execute(
    db,
  );
  await sql`
    CREATE FUNCTION story_version_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO story_version_search (version_id, story_id, document)
      VALUES (NEW.id, NEW.story_id, setweight(to_tsvector('english', NEW.headline), 'A')
                   || setweight(to_tsvector('english', NEW.dek), 'B')
                   || setweight(jsonb_to_tsvector('english', NEW.body, '["string"]'), 'C'))
      ON CONFLICT (version_id) DO UPDATE SET document = EXCLUDED.document;
      RETURN NEW;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER story_version_search_refresh AFTER INSERT OR UPDATE OF headline, dek, body
    ON story_versions FOR EACH ROW EXECUTE FUNCTION story_version_search_refresh()`.execute(db);
  await sql`
    INSERT INTO story_version_search (version_id, story_id, document)
    SELECT id, story_id, setweight(to_tsvector('english', headline), 'A')
            || setweight(to_tsvector('english', dek), 'B')
            || setweight(jsonb_to_tsvector('english', body, '["string"]'), 'C')
    FROM story_versions`.execute(db);
  await sql`CREATE INDEX stories_published_idx ON stories (published_at DESC, id DESC) WHERE state = 'published'`.execute(
    db,
  );
}
