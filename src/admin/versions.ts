import { z } from 'zod';
import type { Story, StoryVersion } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { refreshRelated } from '../publish/related.js';
import { findingsForVersion } from '../store/findings.js';
import { recordAction } from '../store/moderation.js';
import { setHeldBy } from '../store/review.js';
import { storyVersionById } from '../store/stories.js';
import {
  latestPublishedVersion,
  setCurrentVersion,
  setStoryState,
  setVersionStatus,
  supersedeVersions,
} from '../store/published.js';
import { type Actor, changed, liveStory, parseInput, type ReviewDeps, requireEditor } from './deps.js';

const versionRef = z.object({
  storyId: z.number().int().positive('pick a story'),
  versionId: z.number().int().positive('pick a version'),
});

/** One version of a story, or not_found when it belongs to another story. */
export async function versionOf(deps: ReviewDeps, storyId: number, versionId: number): Promise<StoryVersion> {
  const version = await storyVersionById(deps.db, storyId, versionId);
  if (!version) throw new AppError('not_found', `story ${storyId} has no version ${versionId}`);
  return version;
}

/** The audit-log state of a story and one of its versions. */
function state(story: Pick<Story, 'state'>, version: Pick<StoryVersion, 'version' | 'status'>) {
  return { story_state: story.state, version: version.version, version_status: version.status };
}

/**
 * An editor publishes a version (waiting, held, or an earlier one): it becomes what readers see and
 * every other published version is superseded. A version whose headline or dek failed verification,
 * or that has no sentence left, cannot be published: edit it first.
 */
export async function publishVersion(
  deps: ReviewDeps,
  actor: Actor,
  input: z.input<typeof versionRef>,
): Promise<StoryVersion> {
  requireEditor(actor);
  const { storyId, versionId } = parseInput(versionRef, input);
  const story = await liveStory(deps.db, storyId);
  const version = await versionOf(deps, storyId, versionId);
  if (version.status === 'published')
    throw new AppError('conflict', `version ${version.version} is already published`);
  const failing = (await findingsForVersion(deps.db, version.id)).filter(
    (f) => f.severity === 'error' && (f.location === 'headline' || f.location === 'dek'),
  );
  if (failing.length > 0) {
    throw new AppError(
      'conflict',
      `the ${failing[0]!.location} of version ${version.version} failed verification (${failing[0]!.message}); edit it first`,
    );
  }
  const sentences =
    version.body.lede.length + version.body.sections.reduce((n, s) => n + s.sentences.length, 0);
  if (sentences === 0)
    throw new AppError('conflict', `version ${version.version} has no verified sentence to publish`);
  await deps.db.transaction().execute(async (trx) => {
    await setVersionStatus(trx, version.id, 'published');
    await supersedeVersions(trx, storyId, version.id);
    await setCurrentVersion(trx, storyId, version.id);
    await setStoryState(trx, storyId, 'published');
    await setHeldBy(trx, storyId, null);
    await recordAction(trx, {
      actorId: actor.id,
      action: 'publish',
      targetKind: 'version',
      targetId: version.id,
      before: state(story, version),
      after: state({ state: 'published' }, { ...version, status: 'published' }),
    });
  });
  await refreshRelated(deps.db, storyId);
  deps.logger.info(
    { story_id: storyId, version: version.version, actor_id: actor.id },
    'version published by editor',
  );
  changed(deps, [story]);
  return { ...version, status: 'published' };
}

const holdInput = versionRef.extend({
  note: z.string().trim().max(500, 'keep the note under 500 characters').optional(),
});

/**
 * An editor holds a version that waits for review: it is kept from publication. A story with no
 * published version is then held as a whole; readers of a published story keep its live version.
 */
export async function holdVersion(
  deps: ReviewDeps,
  actor: Actor,
  input: z.input<typeof holdInput>,
): Promise<StoryVersion> {
  requireEditor(actor);
  const { storyId, versionId, note } = parseInput(holdInput, input);
  const story = await liveStory(deps.db, storyId);
  const version = await versionOf(deps, storyId, versionId);
  if (version.status === 'published')
    throw new AppError('conflict', `version ${version.version} is live: unpublish the story instead`);
  if (version.status === 'held') throw new AppError('conflict', `version ${version.version} is already held`);
  const nextState = story.state === 'published' ? 'published' : 'held';
  await deps.db.transaction().execute(async (trx) => {
    await setVersionStatus(trx, version.id, 'held');
    if (nextState === 'held') {
      await setStoryState(trx, storyId, 'held', `held by an editor${note ? `: ${note}` : ''}`);
      await setHeldBy(trx, storyId, actor.id);
    }
    await recordAction(trx, {
      actorId: actor.id,
      action: 'hold',
      targetKind: 'version',
      targetId: version.id,
      note: note || null,
      before: state(story, version),
      after: state({ state: nextState }, { ...version, status: 'held' }),
    });
  });
  return { ...version, status: 'held' };
}

const unpublishInput = z.object({
  storyId: z.number().int().positive('pick a story'),
  reason: z
    .string()
    .trim()
    .min(3, 'say why the story comes down')
    .max(500, 'keep the reason under 500 characters'),
});

/**
 * An editor takes a published story off the reader site: its live version is held and the story
 * with it, and the pipeline does not write or publish it again until an editor publishes a version.
 */
export async function unpublishStory(
  deps: ReviewDeps,
  actor: Actor,
  input: z.input<typeof unpublishInput>,
): Promise<Story> {
  requireEditor(actor);
  const { storyId, reason } = parseInput(unpublishInput, input);
  const story = await liveStory(deps.db, storyId);
  const live = await latestPublishedVersion(deps.db, storyId);
  if (story.state !== 'published' || !live)
    throw new AppError('conflict', `story ${storyId} is not published`);
  await deps.db.transaction().execute(async (trx) => {
    await setVersionStatus(trx, live.id, 'held');
    await setStoryState(trx, storyId, 'held', `unpublished by an editor: ${reason}`);
    await setHeldBy(trx, storyId, actor.id);
    await recordAction(trx, {
      actorId: actor.id,
      action: 'unpublish',
      targetKind: 'story',
      targetId: storyId,
      note: reason,
      before: state(story, live),
      after: state({ state: 'held' }, { ...live, status: 'held' }),
    });
  });
  deps.logger.info({ story_id: storyId, actor_id: actor.id }, 'story unpublished by editor');
  changed(deps, [story]);
  return { ...story, state: 'held' };
}
