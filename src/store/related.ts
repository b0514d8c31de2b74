import type { Executor } from './db.js';

/** A related story as stored for a story page. */
export interface RelatedStory {
  story_id: number;
  slug: string;
  headline: string;
  teaser: string;
  score: number;
}

/** Replaces a story's related stories with `related` (best first). */
export async function replaceRelated(
  db: Executor,
  storyId: number,
  related: readonly { story_id: number; score: number; teaser: string }[],
): Promise<void> {
  await db.deleteFrom('story_related').where('story_id', '=', storyId).execute();
  if (related.length === 0) return;
  await db
    .insertInto('story_related')
    .values(
      related.map((r, i) => ({
        story_id: storyId,
        related_story_id: r.story_id,
        rank: i + 1,
        score: r.score,
        teaser: r.teaser,
      })),
    )
    .execute();
}

/** A story's related stories that are still published, best first, with their current headline. */
export async function relatedStories(db: Executor, storyId: number): Promise<RelatedStory[]> {
  return db
    .selectFrom('story_related as r')
    .innerJoin('stories as s', 's.id', 'r.related_story_id')
    .innerJoin('story_versions as v', 'v.id', 's.current_version_id')
    .select(['r.related_story_id as story_id', 's.slug', 'v.headline', 'r.teaser', 'r.score'])
    .where('r.story_id', '=', storyId)
    .where('s.state', '=', 'published')
    .orderBy('r.rank')
    .execute();
}
