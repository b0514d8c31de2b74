import type { Article, Story, StoryVersion } from '../db/schema.js';
import type { Executor } from './db.js';

/** A published story with its current version, for lists and the API. */
export type PublishedStory = Story & { version: StoryVersion };

/** Published stories, newest first (by publish time), with their current version. */
export async function publishedStories(
  db: Executor,
  options: { limit: number; offset?: number },
): Promise<PublishedStory[]> {
  const stories = await db
    .selectFrom('stories')
    .selectAll()
    .where('state', '=', 'published')
    .where('current_version_id', 'is not', null)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
  if (stories.length === 0) return [];
  const versions = await db
    .selectFrom('story_versions')
    .selectAll()
    .where(
      'id',
      'in',
      stories.map((s) => s.current_version_id!),
    )
    .execute();
  const byId = new Map(versions.map((v) => [v.id, v]));
  return stories.map((s) => ({ ...s, version: byId.get(s.current_version_id!)! }));
}

/** How many stories are published. */
export async function countPublishedStories(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('stories')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'published')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The articles of a story with their outlet's name, oldest first. */
export async function storySourceArticles(
  db: Executor,
  storyId: number,
): Promise<(Article & { source_name: string })[]> {
  return db
    .selectFrom('story_articles as sa')
    .innerJoin('articles', 'articles.id', 'sa.article_id')
    .innerJoin('sources', 'sources.id', 'articles.source_id')
    .selectAll('articles')
    .select('sources.name as source_name')
    .where('sa.story_id', '=', storyId)
    .orderBy('articles.published_at')
    .orderBy('articles.id')
    .execute();
}

/** Sets a story's state (and its publish time when it is first published) and its write note. */
export async function setStoryState(
  db: Executor,
  storyId: number,
  state: Story['state'],
  note: string | null = null,
): Promise<void> {
  const now = new Date();
  await db
    .updateTable('stories')
    .set((eb) => ({
      state,
      write_note: note,
      updated_at: now,
      published_at:
        state === 'published' ? eb.fn.coalesce('published_at', eb.val(now)) : eb.ref('published_at'),
    }))
    .where('id', '=', storyId)
    .execute();
}

/** Marks every earlier published version of a story as superseded by `versionId`. */
export async function supersedeVersions(db: Executor, storyId: number, versionId: number): Promise<void> {
  await db
    .updateTable('story_versions')
    .set({ status: 'superseded' })
    .where('story_id', '=', storyId)
    .where('id', '<>', versionId)
    .where('status', '=', 'published')
    .execute();
}

/** Sets a version's status (an editor approving or holding it). */
export async function setVersionStatus(
  db: Executor,
  versionId: number,
  status: StoryVersion['status'],
): Promise<void> {
  await db.updateTable('story_versions').set({ status }).where('id', '=', versionId).execute();
}

/** The latest published version of a story, or undefined (a held newer version does not hide it). */
export async function latestPublishedVersion(
  db: Executor,
  storyId: number,
): Promise<StoryVersion | undefined> {
  return db
    .selectFrom('story_versions')
    .selectAll()
    .where('story_id', '=', storyId)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Published stories other than `storyId` with their current headline and dek: candidates for relatedness. */
export async function relatedCandidates(
  db: Executor,
  storyId: number,
  limit = 500,
): Promise<
  {
    id: number;
    slug: string;
    first_seen_at: Date;
    headline: string;
    dek: string;
    body: StoryVersion['body'];
  }[]
> {
  return db
    .selectFrom('stories as s')
    .innerJoin('story_versions as v', 'v.id', 's.current_version_id')
    .select(['s.id', 's.slug', 's.first_seen_at', 'v.headline', 'v.dek', 'v.body'])
    .where('s.state', '=', 'published')
    .where('s.id', '<>', storyId)
    .orderBy('s.last_seen_at', 'desc')
    .limit(limit)
    .execute();
}

/** Points a story at the version readers see. */
export async function setCurrentVersion(
  db: Executor,
  storyId: number,
  versionId: number | null,
): Promise<void> {
  await db.updateTable('stories').set({ current_version_id: versionId }).where('id', '=', storyId).execute();
}

/** One article with its outlet's name, or undefined. */
export async function articleWithSource(
  db: Executor,
  id: number,
): Promise<(Article & { source_name: string }) | undefined> {
  return db
    .selectFrom('articles')
    .innerJoin('sources', 'sources.id', 'articles.source_id')
    .selectAll('articles')
    .select('sources.name as source_name')
    .where('articles.id', '=', id)
    .executeTakeFirst();
}
