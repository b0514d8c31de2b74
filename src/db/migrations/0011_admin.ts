import { type Kysely, sql } from 'kysely';

/**
 * The moderation log becomes the audit log of every editor and moderator action: it also records
 * the state before and after the action, and covers sources, versions, articles and settings.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE moderation_actions ADD COLUMN before jsonb, ADD COLUMN after jsonb`.execute(db);
  await sql`ALTER TABLE moderation_actions DROP CONSTRAINT IF EXISTS moderation_actions_target_kind_check`.execute(
    db,
  );
  await sql`
    ALTER TABLE moderation_actions ADD CONSTRAINT moderation_actions_target_kind_check
      CHECK (target_kind IN ('comment', 'user', 'story', 'inaccuracy_report', 'version', 'source', 'article', 'settings'))
  `.execute(db);
  await sql`CREATE INDEX moderation_actions_created_idx ON moderation_actions (created_at DESC)`.execute(db);
}
