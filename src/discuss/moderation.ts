import { z } from 'zod';
import { hasRole } from '../auth/roles.js';
import { AppError } from '../lib/errors.js';
import { commentById, resolveCommentReports, setCommentStatus } from '../store/comments.js';
import type { Executor } from '../store/db.js';
import { recordAction } from '../store/moderation.js';
import { banUser } from './bans.js';

export const moderationActionSchema = z.object({
  commentId: z.number().int().positive(),
  action: z.enum(['approve', 'reject', 'ban']),
  note: z.string().trim().max(1000).default(''),
});

/**
 * A moderator's decision on a queued comment: approve (publish it), reject, or ban the author (and
 * reject the comment). Only moderators and above; every decision is recorded with its note.
 */
export async function moderateComment(
  db: Executor,
  actor: { id: string; role: string },
  input: z.input<typeof moderationActionSchema>,
): Promise<void> {
  if (!hasRole(actor.role, 'moderator')) throw new AppError('forbidden', 'only moderators can do that');
  const parsed = moderationActionSchema.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', parsed.error.issues[0]!.message);
  const { commentId, action, note } = parsed.data;
  const comment = await commentById(db, commentId);
  if (!comment || comment.status === 'deleted') throw new AppError('not_found', `no comment ${commentId}`);
  await db.transaction().execute(async (trx) => {
    if (action === 'approve') await setCommentStatus(trx, commentId, 'visible', null);
    else await setCommentStatus(trx, commentId, 'rejected', 'moderator');
    await resolveCommentReports(trx, commentId);
    await recordAction(trx, {
      actorId: actor.id,
      action,
      targetKind: 'comment',
      targetId: commentId,
      note: note || null,
      before: { status: comment.status },
      after: { status: action === 'approve' ? 'visible' : 'rejected' },
    });
  });
  if (action === 'ban')
    await banUser(db, { userId: comment.user_id, by: actor.id, reason: note || 'banned by a moderator' });
}
