import { z } from 'zod';
import { hasRole } from '../auth/roles.js';
import { AppError } from '../lib/errors.js';
import type { Comment } from '../db/schema.js';
import { idSchema } from '../lib/input-checks.js';
import { commentById, openReportCount, resolveCommentReports, setCommentStatus } from '../store/comments.js';
import type { Executor } from '../store/db.js';
import { recordAction } from '../store/moderation.js';
import { userById } from '../store/users.js';
import { banUser } from './bans.js';

const ACTIONS = ['approve', 'reject', 'ban'] as const;
type Action = (typeof ACTIONS)[number];

export const moderationActionSchema = z.object({
  commentId: idSchema('comment id'),
  action: z.enum(ACTIONS),
  note: z.string().trim().max(1000).default(''),
});

/** Which queue actions a comment takes, by where it sits in the queue (none: it is not queued). */
function queueActions(status: Comment['status'], openReports: number): readonly Action[] {
  if (status === 'pending' || (status === 'visible' && openReports > 0)) return ['approve', 'reject', 'ban'];
  // Recently rejected comments are listed so a moderator can undo what the filters got wrong.
  if (status === 'rejected') return ['approve'];
  return [];
}

/**
 * A moderator's decision on a queued comment (held, reported, or recently rejected): approve
 * (publish it), reject, or ban its author (and reject the comment). Only moderators and above; a
 * comment outside the queue is refused. The queue bans readers only: banning a moderator, editor
 * or admin is an admin's decision on the people page. Every decision is recorded with its note.
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
  if (!queueActions(comment.status, await openReportCount(db, commentId)).includes(action))
    throw new AppError('conflict', `comment ${commentId} is not in the moderation queue for "${action}"`);
  if (action === 'ban') {
    const author = await userById(db, comment.user_id);
    if (author && author.role !== 'reader')
      throw new AppError(
        'forbidden',
        `the author is a ${author.role}: only an admin can ban staff, on the people page`,
      );
  }
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
