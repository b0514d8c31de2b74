import { sql } from 'kysely';
import type { NewStory, NewStoryVersion, Story, StoryBody, StoryVersion } from '../db/schema.js';

/** A version to store; its number is assigned by insertStoryVersion. */
export type StoryVersionInput = Omit<NewStoryVersion, 'version' | 'body'> & { body: StoryBody };

import type { Executor } from './db.js';

/** Creates a story. */
export async function insertStory(db: Executor, story: NewStory): Promise<Story> {
  return db.insertInto('stories').values(story).returningAll().executeTakeFirstOrThrow();
}

/** One story by id, or undefined. */
export async function storyById(db: Executor, id: number): Promise<Story | undefined> {
  return db.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One story by its permalink slug, or undefined. */
export async function storyBySlug(db: Executor, slug: string): Promise<Story | undefined> {
  return db.selectFrom('stories').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/**
 * Puts an article in a story (moving it if it was in another) and refreshes the story's article and
 * publisher counts.
 */
export async function assignArticle(
  db: Executor,
  assignment: { storyId: number; articleId: number; score: number; by?: string },
): Promise<void> {
  const previous = await db
    .selectFrom('story_articles')
    .select('story_id')
    .where('article_id', '=', assignment.articleId)
    .executeTakeFirst();
  await db
    .insertInto('story_articles')
    .values({
      story_id: assignment.storyId,
      article_id: assignment.articleId,
      score: assignment.score,
      assigned_by: assignment.by ?? 'clusterer',
    })
    .onConflict((oc) =>
      oc.column('article_id').doUpdateSet({
        story_id: assignment.storyId,
        score: assignment.score,
        assigned_by: assignment.by ?? 'clusterer',
        assigned_at: new Date(),
      }),
    )
    .execute();
  await refreshStoryCounts(db, assignment.storyId);
  if (previous && previous.story_id !== assignment.storyId) await refreshStoryCounts(db, previous.story_id);
}

/** Recomputes a story's article count, publisher count and time span from its articles. */
export async function refreshStoryCounts(db: Executor, storyId: number): Promise<void> {
  await sql`
    UPDATE stories SET
      article_count = agg.articles,
      publisher_count = agg.publishers,
      first_seen_at = COALESCE(agg.first_seen, stories.first_seen_at),
      last_seen_at = COALESCE(agg.last_seen, stories.last_seen_at),
      updated_at = now()
    FROM (
      SELECT count(*)::int AS articles,
             count(DISTINCT a.source_id)::int AS publishers,
             min(COALESCE(a.published_at, a.fetched_at)) AS first_seen,
             max(COALESCE(a.published_at, a.fetched_at)) AS last_seen
      FROM story_articles sa JOIN articles a ON a.id = sa.article_id
      WHERE sa.story_id = ${storyId}
    ) agg
    WHERE stories.id = ${storyId}`.execute(db);
}

/** The article ids of a story with their assignment scores, best first. */
export async function storyArticleIds(
  db: Executor,
  storyId: number,
): Promise<{ article_id: number; score: number }[]> {
  return db
    .selectFrom('story_articles')
    .select(['article_id', 'score'])
    .where('story_id', '=', storyId)
    .orderBy('score', 'desc')
    .orderBy('article_id')
    .execute();
}

/**
 * Adds the next version of a story (version = previous + 1) and makes it the current one.
 * Callers run it inside a transaction together with whatever produced the version.
 */
export async function insertStoryVersion(db: Executor, version: StoryVersionInput): Promise<StoryVersion> {
  const last = await db
    .selectFrom('story_versions')
    .select((eb) => eb.fn.max('version').as('max'))
    .where('story_id', '=', version.story_id)
    .executeTakeFirst();
  const next = (last?.max ?? 0) + 1;
  const row = await db
    .insertInto('story_versions')
    .values({ ...version, body: JSON.stringify(version.body), version: next })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .updateTable('stories')
    .set({ current_version_id: row.id, updated_at: new Date() })
    .where('id', '=', version.story_id)
    .execute();
  return row;
}

/** Every version of a story, newest first. */
export async function storyVersions(db: Executor, storyId: number): Promise<StoryVersion[]> {
  return db
    .selectFrom('story_versions')
    .selectAll()
    .where('story_id', '=', storyId)
    .orderBy('version', 'desc')
    .execute();
}

/** One version of a story by its number, or undefined. */
export async function storyVersion(
  db: Executor,
  storyId: number,
  version: number,
): Promise<StoryVersion | undefined> {
  return db
    .selectFrom('story_versions')
    .selectAll()
    .where('story_id', '=', storyId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** One version of a story by its id, or undefined when there is none or it belongs to another story. */
export async function storyVersionById(
  db: Executor,
  storyId: number,
  versionId: number,
): Promise<StoryVersion | undefined> {
  return db
    .selectFrom('story_versions')
    .selectAll()
    .where('id', '=', versionId)
    .where('story_id', '=', storyId)
    .executeTakeFirst();
}
