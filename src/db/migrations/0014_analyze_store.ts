import { type Kysely, sql } from 'kysely';

/**
 * Article analyses and story profiles are written once per article or batch and read back whole;
 * nothing queries inside them but for `->` (which plain json has too). Stored as `json` they skip
 * jsonb's parse into a binary tree, which made the analysis write the costliest statement of
 * clustering a batch.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE article_analyses ALTER COLUMN analysis TYPE json USING analysis::json`.execute(db);
  await sql`ALTER TABLE story_profiles ALTER COLUMN profile TYPE json USING profile::json`.execute(db);
}
