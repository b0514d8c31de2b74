import { z } from 'zod';
import type { StoryVersion } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { loadStorySources } from '../publish/sources.js';
import { storeVersion, type WriteOutcome, writeStory } from '../publish/write-story.js';
import { recordAction } from '../store/moderation.js';
import { storyVersions } from '../store/stories.js';
import { verifyDraft } from '../verify/verify.js';
import { type Actor, changed, liveStory, parseInput, type ReviewDeps, requireEditor } from './deps.js';
import { versionOf } from './versions.js';

const regenerateInput = z.object({
  storyId: z.number().int().positive('pick a story'),
  writer: z.enum(['extractive', 'model'], { message: 'pick the extractive writer or the model' }),
});

/**
 * An editor has a story written again now, by the extractive writer or the configured model: the
 * same writeStory as the pipeline, forced, under the configured publish policy.
 */
export async function regenerateStory(
  deps: ReviewDeps,
  actor: Actor,
  input: z.input<typeof regenerateInput>,
): Promise<WriteOutcome> {
  requireEditor(actor);
  const { storyId, writer } = parseInput(regenerateInput, input);
  const story = await liveStory(deps.db, storyId);
  if (writer === 'model' && !deps.write.llm)
    throw new AppError(
      'invalid_input',
      'no model is configured (set llmBaseUrl and llmModel in the settings)',
    );
  const [before] = await storyVersions(deps.db, storyId);
  const outcome = await writeStory(
    { ...deps.write, llm: writer === 'model' ? deps.write.llm : undefined },
    storyId,
    {
      force: true,
    },
  );
  await recordAction(deps.db, {
    actorId: actor.id,
    action: 'regenerate',
    targetKind: 'story',
    targetId: storyId,
    note: writer === 'model' ? `model ${deps.write.llm?.model}` : 'extractive writer',
    before: { story_state: story.state, version: before?.version ?? null },
    after:
      'version' in outcome
        ? { status: outcome.status, version: outcome.version.version, writer: outcome.version.writer }
        : { status: outcome.status, reason: outcome.reason },
  });
  if (outcome.status === 'published') changed(deps, [story]);
  return outcome;
}

const headlineInput = z.object({
  storyId: z.number().int().positive('pick a story'),
  versionId: z.number().int().positive('pick a version'),
  headline: z
    .string()
    .trim()
    .min(8, 'a headline needs at least 8 characters')
    .max(160, 'keep the headline under 160 characters'),
  dek: z
    .string()
    .trim()
    .min(8, 'a dek needs at least 8 characters')
    .max(400, 'keep the dek under 400 characters'),
});

/**
 * An editor rewrites the headline and dek of a version. The new text goes through the verifier
 * against the story's sources: a name, figure or quote the sources do not hold is refused with the
 * verifier's reason. Otherwise a new version (same body) waits for the editor to publish it.
 */
export async function editHeadline(
  deps: ReviewDeps,
  actor: Actor,
  input: z.input<typeof headlineInput>,
): Promise<StoryVersion> {
  requireEditor(actor);
  const { storyId, versionId, headline, dek } = parseInput(headlineInput, input);
  await liveStory(deps.db, storyId);
  const base = await versionOf(deps, storyId, versionId);
  if (headline === base.headline && dek === base.dek)
    throw new AppError('invalid_input', 'the headline and dek are unchanged');
  const sources = await loadStorySources(deps.db, storyId, deps.write.loadAnalyses);
  const draft = { headline, dek, body: base.body };
  const failing = verifyDraft(draft, sources).findings.filter(
    (f) => f.severity === 'error' && (f.location === 'headline' || f.location === 'dek'),
  );
  if (failing.length > 0) {
    throw new AppError(
      'invalid_input',
      `The ${failing[0]!.location} cannot be verified: ${failing.map((f) => f.message).join('; ')}. Use only names, figures and quotes the sources contain.`,
    );
  }
  // Held for review whatever the policy: the editor publishes it with the next click.
  const outcome = await storeVersion(
    { ...deps.write, policy: 'review' },
    { storyId, sources, draft, writer: base.writer },
  );
  await recordAction(deps.db, {
    actorId: actor.id,
    action: 'edit-headline',
    targetKind: 'version',
    targetId: outcome.version.id,
    before: { version: base.version, headline: base.headline, dek: base.dek },
    after: { version: outcome.version.version, headline, dek, status: outcome.status },
  });
  return outcome.version;
}
