import { type Kysely, sql } from 'kysely';

/** First-cut pipeline tables: sources, articles, stories, story_articles, story_versions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE sources (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      key text NOT NULL UNIQUE,
      kind text NOT NULL CHECK (kind IN ('feed', 'page', 'import')),
      url text,
      name text NOT NULL,
      homepage text,
      language text,
      country text,
      lean text,
      enabled boolean NOT NULL DEFAULT true,
      etag text,
      last_modified text,
      next_check_at timestamptz,
      last_success_at timestamptz,
      last_checked_at timestamptz,
      error_count integer NOT NULL DEFAULT 0,
      last_error text,
      paused_reason text,
      items_seen integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX sources_due_idx ON sources (next_check_at) WHERE enabled`.execute(db);

  await sql`
    CREATE TABLE articles (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      source_id bigint NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
      external_id text,
      url text NOT NULL,
      canonical_url text NOT NULL UNIQUE,
      title text NOT NULL,
      author text,
      summary text,
      html text,
      text text NOT NULL,
      language text,
      published_at timestamptz,
      published_at_estimated boolean NOT NULL DEFAULT false,
      fetched_at timestamptz NOT NULL,
      content_hash text NOT NULL,
      duplicate_of bigint REFERENCES articles (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX articles_source_idx ON articles (source_id, published_at DESC)`.execute(db);
  await sql`CREATE INDEX articles_published_idx ON articles (published_at DESC)`.execute(db);
  await sql`CREATE INDEX articles_hash_idx ON articles (content_hash)`.execute(db);

  await sql`
    CREATE TABLE stories (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      slug text NOT NULL UNIQUE,
      state text NOT NULL DEFAULT 'forming'
        CHECK (state IN ('forming', 'review', 'published', 'held', 'merged')),
      title text,
      article_count integer NOT NULL DEFAULT 0,
      publisher_count integer NOT NULL DEFAULT 0,
      current_version_id bigint,
      merged_into bigint REFERENCES stories (id),
      first_seen_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      published_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX stories_state_idx ON stories (state, last_seen_at DESC)`.execute(db);

  await sql`
    CREATE TABLE story_articles (
      article_id bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
      story_id bigint NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
      score real NOT NULL,
      assigned_by text NOT NULL DEFAULT 'clusterer',
      assigned_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX story_articles_story_idx ON story_articles (story_id)`.execute(db);

  await sql`
    CREATE TABLE story_versions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      story_id bigint NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
      version integer NOT NULL,
      headline text NOT NULL,
      dek text NOT NULL,
      body jsonb NOT NULL,
      writer text NOT NULL,
      model text,
      status text NOT NULL DEFAULT 'published'
        CHECK (status IN ('published', 'review', 'held', 'superseded')),
      support_score real,
      source_count integer NOT NULL,
      publisher_count integer NOT NULL,
      change_note text,
      correction_reason text,
      generated_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (story_id, version)
    )`.execute(db);
  await sql`
    ALTER TABLE stories ADD CONSTRAINT stories_current_version_fk
      FOREIGN KEY (current_version_id) REFERENCES story_versions (id) ON DELETE SET NULL`.execute(db);
}
