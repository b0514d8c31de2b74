import type { Story, StoryVersion } from '../db/schema.js';
import type { Executor } from './db.js';

/** The states an editor filters the story list by (merged stories are never listed). */
export const REVIEW_STATES = ['forming', 'review', 'published', 'held'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** A story as the review list shows it: its state, coverage and latest version. */
export interface ReviewListEntry {
  id: number;
  slug: string;
  title: string | null;
  state: Story['state'];
  article_count: number;
  publisher_count: number;
  last_seen_at: Date;
  write_note: string | null;
  headline: string | null;
  version: number | null;
  version_status: StoryVersion['status'] | null;
  support_score: number | null;
  writer: string | null;
}

/** Stories for the review list, most recently active first, with the total the filter matches. */
export async function reviewStories(
  db: Executor,
  options: { state?: ReviewState; q?: string; limit: number; offset: number },
): Promise<{ total: number; stories: ReviewListEntry[] }> {
  let query = db.selectFrom('stories as s').where('s.state', '<>', 'merged');
  if (options.state) query = query.where('s.state', '=', options.state);
  if (options.q) {
    const like = `%${options.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    query = query.where((eb) => eb.or([eb('s.title', 'ilike', like), eb('s.slug', 'ilike', like)]));
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const stories = await query
    .leftJoin('story_versions as v', (join) =>
      join.on((eb) =>
        eb(
          'v.id',
          '=',
          eb
            .selectFrom('story_versions as w')
            .select((w) => w.fn.max('w.id').as('id'))
            .whereRef('w.story_id', '=', 's.id'),
        ),
      ),
    )
    .select([
      's.id',
      's.slug',
      's.title',
      's.state',
      's.article_count',
      's.publisher_count',
      's.last_seen_at',
      's.write_note',
      'v.headline',
      'v.version',
      'v.status as version_status',
      'v.support_score',
      'v.writer',
    ])
    .orderBy('s.last_seen_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return { total: Number(total.n), stories };
}

/** Records that an editor split `articleId` out of `storyId` into `otherStoryId`. */
export async function insertSeparation(
  db: Executor,
  row: { storyId: number; otherStoryId: number; articleId: number; createdBy: string | null },
): Promise<void> {
  await db
    .insertInto('story_separations')
    .values({
      story_id: row.storyId,
      other_story_id: row.otherStoryId,
      article_id: row.articleId,
      created_by: row.createdBy,
    })
    .execute();
}

/** The pairs of stories among `storyIds` (either side) that must never merge. */
export async function separatedPairs(db: Executor, storyIds: readonly number[]): Promise<[number, number][]> {
  if (storyIds.length === 0) return [];
  const ids = [...new Set(storyIds)];
  const rows = await db
    .selectFrom('story_separations')
    .select(['story_id', 'other_story_id'])
    .where((eb) => eb.or([eb('story_id', 'in', ids), eb('other_story_id', 'in', ids)]))
    .execute();
  return rows.map((r) => [r.story_id, r.other_story_id]);
}

/**
 * Moves the separations of a story that merged into another onto the surviving story, so they keep
 * holding; a separation between the two themselves is dropped (an editor merged them on purpose).
 */
export async function moveSeparations(db: Executor, fromId: number, intoId: number): Promise<void> {
  await db
    .deleteFrom('story_separations')
    .where((eb) =>
      eb.or([
        eb.and([eb('story_id', '=', fromId), eb('other_story_id', '=', intoId)]),
        eb.and([eb('story_id', '=', intoId), eb('other_story_id', '=', fromId)]),
      ]),
    )
    .execute();
  await db
    .updateTable('story_separations')
    .set({ story_id: intoId })
    .where('story_id', '=', fromId)
    .execute();
  await db
    .updateTable('story_separations')
    .set({ other_story_id: intoId })
    .where('other_story_id', '=', fromId)
    .execute();
}

/** Articles by id with their outlet's name (cited passages of a version, even after a split). */
export async function articlesWithSources(
  db: Executor,
  ids: readonly number[],
): Promise<{ id: number; title: string; url: string; text: string; source_name: string }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('articles')
    .innerJoin('sources', 'sources.id', 'articles.source_id')
    .select(['articles.id', 'articles.title', 'articles.url', 'articles.text', 'sources.name as source_name'])
    .where('articles.id', 'in', [...new Set(ids)])
    .execute();
}

/** Records who held a story (null: an editor published it again, the pipeline may rewrite it). */
export async function setHeldBy(db: Executor, storyId: number, editorId: string | null): Promise<void> {
  await db.updateTable('stories').set({ held_by: editorId }).where('id', '=', storyId).execute();
}
