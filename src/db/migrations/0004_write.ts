import { type Kysely, sql } from 'kysely';

/**
 * Write, verify and publish: findings per version sentence, related stories, LLM token counts per
 * version, and a note on stories that could not be written (e.g. not enough material).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE verification_findings (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      story_version_id bigint NOT NULL REFERENCES story_versions (id) ON DELETE CASCADE,
      location text NOT NULL,
      "check" text NOT NULL,
      severity text NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
      message text NOT NULL,
      detail jsonb,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX verification_findings_version_idx ON verification_findings (story_version_id)`.execute(
    db,
  );

  await sql`
    CREATE TABLE story_related (
      story_id bigint NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
      related_story_id bigint NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
      rank integer NOT NULL,
      score real NOT NULL,
      teaser text NOT NULL,
      PRIMARY KEY (story_id, related_story_id)
    )`.execute(db);

  await sql`ALTER TABLE story_versions ADD COLUMN prompt_tokens integer`.execute(db);
  await sql`ALTER TABLE story_versions ADD COLUMN output_tokens integer`.execute(db);
  await sql`ALTER TABLE stories ADD COLUMN write_note text`.execute(db);
  await sql`CREATE INDEX story_versions_corrections_idx ON story_versions (created_at) WHERE correction_reason IS NOT NULL`.execute(
    db,
  );
}
