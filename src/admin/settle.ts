import { z } from 'zod';
import type { Settlement } from '../disagree/types.js';
import { AppError } from '../lib/errors.js';
import { type WriteOutcome, writeStory } from '../publish/write-story.js';
import { insertSettlement, storySettlements, versionDisagreements } from '../store/disagreements.js';
import { recordAction } from '../store/moderation.js';
import { storyVersions } from '../store/stories.js';
import { type Actor, changed, liveStory, parseInput, type ReviewDeps, requireEditor } from './deps.js';

const settleInput = z.object({
  storyId: z.number().int().positive('pick a story'),
  fact: z.string().trim().min(1, 'pick the fact to settle').max(300),
  value: z.string().trim().min(1, 'choose the value the newsroom stands by').max(300),
  note: z
    .string()
    .trim()
    .min(3, 'say in a note why this value (readers see it)')
    .max(500, 'keep the note under 500 characters'),
});

/**
 * An editor settles a disputed fact of a story: chooses the value the newsroom stands by, with a
 * note readers see as the newsroom's call. The call is audited, and the story is written again at
 * once so the new version states the chosen value and shows the call (published or waiting for
 * review, as the publish policy says).
 */
export async function settleDisagreement(
  deps: ReviewDeps,
  actor: Actor,
  input: z.input<typeof settleInput>,
): Promise<{ settlement: Settlement; outcome: WriteOutcome }> {
  requireEditor(actor);
  const { storyId, fact, value, note } = parseInput(settleInput, input);
  const story = await liveStory(deps.db, storyId);
  const [latest] = await storyVersions(deps.db, storyId);
  const facts = latest ? await versionDisagreements(deps.db, latest.id) : [];
  const found = facts.find((d) => d.key === fact);
  if (!found)
    throw new AppError('not_found', `the sources of story ${storyId} do not disagree on “${fact}” now`);
  const chosen = found.values.find((v) => v.key === value);
  if (!chosen) throw new AppError('invalid_input', `“${value}” is not one of the values the sources give`);
  const before = (await storySettlements(deps.db, storyId)).get(fact) ?? null;
  const settlement = await deps.db.transaction().execute(async (trx) => {
    const saved = await insertSettlement(trx, {
      storyId,
      factKey: fact,
      valueKey: chosen.key,
      value: chosen.value,
      note,
      settledBy: actor.id,
    });
    await recordAction(trx, {
      actorId: actor.id,
      action: 'settle-disagreement',
      targetKind: 'story',
      targetId: storyId,
      note,
      before: before ? { fact: found.detail, value: before.value, note: before.note } : null,
      after: { fact: found.detail, value: chosen.value, note },
    });
    return saved;
  });
  deps.logger.info({ story_id: storyId, fact, actor_id: actor.id }, 'disagreement settled by editor');
  const outcome = await writeStory(deps.write, storyId, { force: true });
  if (outcome.status === 'published') changed(deps, [story]);
  return { settlement, outcome };
}
