import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ensureAnalyses } from '../analyze/run.js';
import { rarityOf } from '../cluster/cluster.js';
import { featuresOf } from '../cluster/features.js';
import { addToProfile, newProfile, postingTerms } from '../cluster/profile.js';
import { slugify } from '../cluster/slug.js';
import type { DB, Story, StoryProfile } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import {
  articlesForClustering,
  assignArticles,
  insertStoriesWithSlugs,
  mergeStoryInto,
  refreshStoriesCounts,
  saveStoryIndex,
} from '../store/clusters.js';
import type { Executor } from '../store/db.js';
import { recordAction } from '../store/moderation.js';
import { clearWriteNotes } from '../store/pipeline.js';
import { insertSeparation } from '../store/review.js';
import { storyArticleIds, storyById } from '../store/stories.js';
import { type Actor, changed, liveStory, parseInput, type ReviewDeps, requireEditor } from './deps.js';

/** The clustering profile of a set of articles, built the way the clusterer builds it. */
async function profileOf(deps: ReviewDeps, articleIds: readonly number[]): Promise<StoryProfile | undefined> {
  const rows = await articlesForClustering(deps.db, articleIds);
  if (rows.length === 0) return undefined;
  const analyses = await ensureAnalyses({ ...deps.analyze, db: deps.db }, rows);
  const rarity = rarityOf(deps.analyze);
  const [first, ...rest] = rows.map((r) => featuresOf(r, analyses.get(r.id)!, rarity));
  return rest.reduce(addToProfile, newProfile(first!));
}

/** Replaces a story's profile and postings, so the clusterer sees the story as the editor left it. */
async function saveProfile(db: Executor, storyId: number, profile: StoryProfile | undefined): Promise<void> {
  if (!profile) return;
  await saveStoryIndex(db, [
    { storyId, profile, lastSeen: new Date(profile.seen), terms: postingTerms(profile) },
  ]);
}

async function counts(db: Kysely<DB>, ids: number[]) {
  const out: Record<number, { state: Story['state']; articles: number } | null> = {};
  for (const id of ids) {
    const s = await storyById(db, id);
    out[id] = s ? { state: s.state, articles: s.article_count } : null;
  }
  return out;
}

const splitInput = z.object({
  storyId: z.number().int().positive('pick a story'),
  articleId: z.number().int().positive('pick an article'),
});

/**
 * An editor takes an article out of a story that clustering put it in by mistake: it starts a story
 * of its own, and the two stories are kept apart for good (clustering never merges them again).
 * The pipeline rewrites the story without it.
 */
export async function splitArticle(
  deps: ReviewDeps,
  actor: Actor,
  input: z.input<typeof splitInput>,
): Promise<{ storyId: number; newStoryId: number }> {
  requireEditor(actor);
  const { storyId, articleId } = parseInput(splitInput, input);
  const story = await liveStory(deps.db, storyId);
  const members = (await storyArticleIds(deps.db, storyId)).map((r) => r.article_id);
  if (!members.includes(articleId))
    throw new AppError('not_found', `article ${articleId} is not in story ${storyId}`);
  if (members.length < 2) throw new AppError('conflict', 'a story of one article cannot be split');
  const [article] = await articlesForClustering(deps.db, [articleId]);
  const remaining = await profileOf(
    deps,
    members.filter((id) => id !== articleId),
  );
  const alone = await profileOf(deps, [articleId]);
  const when = article!.published_at ?? article!.fetched_at;
  const newStoryId = await deps.db.transaction().execute(async (trx) => {
    const [id] = await insertStoriesWithSlugs(trx, [
      { slug: slugify(article!.title), title: article!.title, first: when, last: when },
    ]);
    await assignArticles(trx, [{ storyId: id!, articleId, score: 1, by: 'editor' }]);
    await refreshStoriesCounts(trx, [storyId, id!]);
    await saveProfile(trx, storyId, remaining);
    await saveProfile(trx, id!, alone);
    await insertSeparation(trx, { storyId, otherStoryId: id!, articleId, createdBy: actor.id });
    await clearWriteNotes(trx, [storyId]);
    await recordAction(trx, {
      actorId: actor.id,
      action: 'split',
      targetKind: 'article',
      targetId: articleId,
      before: { story_id: storyId, story_articles: members.length },
      after: { story_id: id, story_articles: members.length - 1 },
    });
    return id!;
  });
  deps.logger.info(
    { story_id: storyId, article_id: articleId, new_story_id: newStoryId, actor_id: actor.id },
    'article split out',
  );
  changed(deps, [story]);
  return { storyId, newStoryId };
}

const mergeInput = z.object({
  fromId: z.number({ message: 'pick the story to merge' }).int().positive('pick the story to merge'),
  intoId: z.number().int().positive('pick the story to keep'),
});

/**
 * An editor merges one story into another that covers the same event: its articles move, it is
 * marked merged (never a clustering candidate again) and the surviving story's profile holds both,
 * so later articles of either join the survivor. The pipeline rewrites it.
 */
export async function mergeStories(
  deps: ReviewDeps,
  actor: Actor,
  input: z.input<typeof mergeInput>,
): Promise<Story> {
  requireEditor(actor);
  const { fromId, intoId } = parseInput(mergeInput, input);
  if (fromId === intoId) throw new AppError('invalid_input', 'pick two different stories');
  const from = await liveStory(deps.db, fromId);
  const into = await liveStory(deps.db, intoId);
  const members = [
    ...(await storyArticleIds(deps.db, intoId)),
    ...(await storyArticleIds(deps.db, fromId)),
  ].map((r) => r.article_id);
  const profile = await profileOf(deps, members);
  const before = await counts(deps.db, [fromId, intoId]);
  await deps.db.transaction().execute(async (trx) => {
    await mergeStoryInto(trx, fromId, intoId);
    await saveProfile(trx, intoId, profile);
    await clearWriteNotes(trx, [intoId]);
    await recordAction(trx, {
      actorId: actor.id,
      action: 'merge',
      targetKind: 'story',
      targetId: fromId,
      note: `merged into story ${intoId}`,
      before,
      after: { [fromId]: { state: 'merged', merged_into: intoId }, [intoId]: { articles: members.length } },
    });
  });
  deps.logger.info(
    { story_id: intoId, merged_story_id: fromId, actor_id: actor.id },
    'stories merged by editor',
  );
  changed(deps, [from, into]);
  return (await storyById(deps.db, intoId))!;
}
