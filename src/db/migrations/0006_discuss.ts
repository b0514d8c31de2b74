import { type Kysely, sql } from 'kysely';

/**
 * Accounts and discussion: better-auth's tables (users, sessions, accounts, verifications,
 * auth_rate_limits, written out here so both engines get them through our own migrations), the mail
 * outbox, comments with reactions and reports, bans, the moderation log and inaccuracy reports.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await authTables(db);
  await sql`
    CREATE TABLE mail_outbox (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      to_address text NOT NULL,
      subject text NOT NULL,
      body text NOT NULL,
      status text NOT NULL CHECK (status IN ('outbox', 'sent', 'failed')),
      error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    )`.execute(db);
  await sql`ALTER TABLE stories ADD COLUMN comments_closed boolean NOT NULL DEFAULT false`.execute(db);
  await sql`
    CREATE TABLE comments (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      story_id bigint NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
      user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      parent_id bigint REFERENCES comments (id) ON DELETE CASCADE,
      root_id bigint REFERENCES comments (id) ON DELETE CASCADE,
      depth integer NOT NULL DEFAULT 0,
      body text NOT NULL,
      body_hash text NOT NULL,
      status text NOT NULL CHECK (status IN ('visible', 'pending', 'rejected', 'deleted')),
      reason text,
      matched_word text,
      ip text,
      like_count integer NOT NULL DEFAULT 0,
      report_count integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      edited_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX comments_story_idx ON comments (story_id, status, created_at)`.execute(db);
  await sql`CREATE INDEX comments_root_idx ON comments (root_id) WHERE root_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX comments_user_idx ON comments (user_id, created_at)`.execute(db);
  await sql`CREATE INDEX comments_ip_idx ON comments (ip, created_at)`.execute(db);
  await sql`CREATE INDEX comments_queue_idx ON comments (status) WHERE status = 'pending'`.execute(db);
  await sql`
    CREATE TABLE comment_reactions (
      comment_id bigint NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
      user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind text NOT NULL DEFAULT 'like' CHECK (kind IN ('like')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (comment_id, user_id, kind)
    )`.execute(db);
  await sql`
    CREATE TABLE comment_reports (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      comment_id bigint NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
      user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      reason text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz,
      UNIQUE (comment_id, user_id)
    )`.execute(db);
  await sql`
    CREATE TABLE bans (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('ban', 'suspend')),
      reason text NOT NULL,
      until timestamptz,
      created_by text,
      created_at timestamptz NOT NULL DEFAULT now(),
      lifted_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX bans_user_idx ON bans (user_id) WHERE lifted_at IS NULL`.execute(db);
  await sql`
    CREATE TABLE moderation_actions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      actor_id text,
      action text NOT NULL,
      target_kind text NOT NULL CHECK (target_kind IN ('comment', 'user', 'story', 'inaccuracy_report')),
      target_id text NOT NULL,
      note text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX moderation_actions_target_idx ON moderation_actions (target_kind, target_id)`.execute(
    db,
  );
  await sql`
    CREATE TABLE inaccuracy_reports (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      story_id bigint NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
      version_id bigint REFERENCES story_versions (id) ON DELETE SET NULL,
      sentence text NOT NULL,
      note text NOT NULL,
      user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      status text NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'dismissed', 'corrected', 'correction_requested')),
      resolved_by text,
      resolution_note text,
      resolved_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX inaccuracy_reports_open_idx ON inaccuracy_reports (status, created_at)`.execute(db);
}

// The shape better-auth's own migration tool generates for our options (src/auth/auth.ts);
// better-auth checks it at start-up (validateSchema), so a drift fails loudly.
async function authTables(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE users (
      id text NOT NULL PRIMARY KEY,
      name text NOT NULL,
      email text NOT NULL UNIQUE,
      email_verified boolean NOT NULL,
      image text,
      role text NOT NULL DEFAULT 'reader' CHECK (role IN ('reader', 'moderator', 'editor', 'admin')),
      created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
      updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
    )`.execute(db);
  await sql`
    CREATE TABLE sessions (
      id text NOT NULL PRIMARY KEY,
      expires_at timestamptz NOT NULL,
      token text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
      updated_at timestamptz NOT NULL,
      ip_address text,
      user_agent text,
      user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE
    )`.execute(db);
  await sql`
    CREATE TABLE accounts (
      id text NOT NULL PRIMARY KEY,
      account_id text NOT NULL,
      provider_id text NOT NULL,
      user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      access_token text,
      refresh_token text,
      id_token text,
      access_token_expires_at timestamptz,
      refresh_token_expires_at timestamptz,
      scope text,
      password text,
      created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
      updated_at timestamptz NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE verifications (
      id text NOT NULL PRIMARY KEY,
      identifier text NOT NULL,
      value text NOT NULL,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
      updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
    )`.execute(db);
  await sql`
    CREATE TABLE auth_rate_limits (
      id text NOT NULL PRIMARY KEY,
      key text NOT NULL UNIQUE,
      count integer NOT NULL,
      last_request bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX sessions_user_id_idx ON sessions (user_id)`.execute(db);
  await sql`CREATE INDEX accounts_user_id_idx ON accounts (user_id)`.execute(db);
  await sql`CREATE INDEX verifications_identifier_idx ON verifications (identifier)`.execute(db);
}
