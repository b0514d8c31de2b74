import { sql } from 'kysely';
import type { NewTopic, Topic } from '../db/schema.js';
import type { Executor } from './db.js';
import { orderedSummaries, type StoryCursor, type StorySummary } from './site.js';

/** Every topic in menu order. */
export async function listTopics(db: Executor): Promise<Topic[]> {
  return db.selectFrom('topics').selectAll().orderBy('position').orderBy('name').execute();
}

/** One topic by slug, or undefined. */
export async function topicBySlug(db: Executor, slug: string): Promise<Topic | undefined> {
  return db.selectFrom('topics').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** Creates a topic or replaces the one with the same slug. */
export async function upsertTopic(
  db: Executor,
  topic: Omit<NewTopic, 'keywords' | 'entities'> & { keywords: string[]; entities: string[] },
): Promise<Topic> {
  const row = {
    ...topic,
    keywords: JSON.stringify(topic.keywords),
    entities: JSON.stringify(topic.entities),
  };
  return db
    .insertInto('topics')
    .values(row)
    .onConflict((oc) =>
      oc.column('slug').doUpdateSet({
        name: row.name,
        description: row.description ?? null,
        keywords: row.keywords,
        entities: row.entities,
        position: row.position ?? 0,
        updated_at: new Date(),
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Removes a topic; returns whether it existed. */
export async function deleteTopic(db: Executor, slug: string): Promise<boolean> {
  const result = await db.deleteFrom('topics').where('slug', '=', slug).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A web-search query that matches any of the phrases ("a b" or "c"). */
export function anyPhraseQuery(phrases: string[]): string {
  return phrases
    .map((p) => p.replace(/["]/g, ' ').trim())
    .filter((p) => p !== '')
    .map((p) => `"${p}"`)
    .join(' or ');
}

/**
 * Published stories whose current version mentions any of the phrases (a topic's keywords and
 * entities, or one entity's name), newest first, after an optional cursor.
 */
export async function storiesMatchingPhrases(
  db: Executor,
  phrases: string[],
  options: { limit: number; before?: StoryCursor },
): Promise<StorySummary[]> {
  const query = anyPhraseQuery(phrases);
  if (query === '') return [];
  const key = sql`s.last_seen_at`;
  const result = await sql<{ id: number }>`
    SELECT s.id FROM stories s JOIN story_version_search d ON d.version_id = s.current_version_id
    WHERE s.state = 'published' AND d.document @@ websearch_to_tsquery('english', ${query})
      ${options.before ? sql`AND (${key}, s.id) < (${options.before.at}, ${options.before.id})` : sql``}
    ORDER BY ${key} DESC, s.id DESC
    LIMIT ${options.limit}`.execute(db);
  return orderedSummaries(
    db,
    result.rows.map((r) => r.id),
  );
}
