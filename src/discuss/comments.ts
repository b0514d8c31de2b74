import { z } from 'zod';
import { hasRole } from '../auth/roles.js';
import type { Comment, Story } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { idSchema } from '../lib/input-checks.js';
import {
  commentById,
  insertComment,
  insertCommentReport,
  setCommentStatus,
  toggleLike,
  updateCommentBody,
} from '../store/comments.js';
import type { Executor } from '../store/db.js';
import { recordAction } from '../store/moderation.js';
import { storyById } from '../store/stories.js';
import { userById } from '../store/users.js';
import { databaseLookups } from './lookups.js';
import { moderate } from './pipeline.js';
import { extractLinks, hashBody, normalizeBody } from './text.js';
import type { ModerationContext, ModerationResult, ModerationSettings } from './types.js';

/** What the comment operations need; `now` is injected so tests control time. */
export interface DiscussDeps {
  db: Executor;
  settings: ModerationSettings;
  now?: () => Date;
}

/** Replies nest this deep at most (0 = top level); a reply to a deeper comment joins its parent's level. */
export const MAX_DEPTH = 3;

export const newCommentSchema = z.object({
  storyId: idSchema('story id'),
  userId: z.string().min(1),
  body: z.string().max(100_000),
  parentId: idSchema('the comment replied to').nullish(),
  ip: z.string().nullish(),
  honeypot: z.string().default(''),
  elapsedMs: z.number().nullish(),
});

/**
 * A posted comment's outcome: visible, pending or rejected with the reason. `comment` is the stored
 * row: rejected ones are kept too (status `rejected`), for the moderators' audit, and never shown to
 * readers; null only when there was nothing worth keeping (see `keepsRejected`).
 */
export interface PostResult extends ModerationResult {
  comment: Comment | null;
}

/**
 * Whether a rejected submission is stored for the audit. Not when it is empty, nor when the rate
 * limit turned it away: storing a flood would let one client write rows as fast as it can send.
 */
function keepsRejected(body: string, reason: string | null): boolean {
  return body !== '' && reason !== 'rate_limited';
}

/** Whether a story takes comments at `now`. */
export function commentsOpen(story: Story, settings: ModerationSettings, now: Date): boolean {
  if (story.comments_closed) return false;
  const days = settings.closeAfterDays;
  return !(
    days > 0 &&
    story.published_at &&
    now.getTime() - story.published_at.getTime() > days * 86_400_000
  );
}

async function requireStory(db: Executor, storyId: number): Promise<Story> {
  const story = await storyById(db, storyId);
  if (story?.state !== 'published') throw new AppError('not_found', `no published story ${storyId}`);
  return story;
}

function context(
  deps: DiscussDeps,
  parts: Omit<ModerationContext, 'now' | 'settings' | 'lookups' | 'bodyHash' | 'links'>,
) {
  return {
    ...parts,
    now: deps.now?.() ?? new Date(),
    bodyHash: hashBody(parts.body),
    links: extractLinks(parts.body),
    settings: deps.settings,
    lookups: databaseLookups(deps.db),
  };
}

/** Posts a comment or reply through the moderation pipeline; a rejected one is stored as rejected. */
export async function postComment(
  deps: DiscussDeps,
  input: z.input<typeof newCommentSchema>,
): Promise<PostResult> {
  const parsed = newCommentSchema.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', parsed.error.issues[0]!.message);
  const { storyId, userId, parentId, ip, honeypot, elapsedMs } = parsed.data;
  const story = await requireStory(deps.db, storyId);
  const author = await userById(deps.db, userId);
  if (!author) throw new AppError('unauthorized', 'sign in to comment');
  let parent: Comment | undefined;
  if (parentId) {
    parent = await commentById(deps.db, parentId);
    if (!parent || Number(parent.story_id) !== storyId || parent.status !== 'visible') {
      throw new AppError('invalid_input', 'the comment you reply to is not on this story');
    }
  }
  const body = normalizeBody(parsed.data.body);
  const ctx = context(deps, {
    editing: false,
    body,
    author: { id: author.id, role: author.role },
    story: { closed: story.comments_closed, publishedAt: story.published_at },
    ip: ip ?? null,
    honeypot,
    elapsedMs: elapsedMs ?? null,
  });
  const result = await moderate(ctx);
  if (result.status === 'rejected' && !keepsRejected(body, result.reason))
    return { ...result, comment: null };
  // Deeper replies join their parent's level: threads stay readable on a phone.
  const attachTo =
    parent && parent.depth >= MAX_DEPTH - 1 ? Number(parent.parent_id) : parent ? Number(parent.id) : null;
  const comment = await insertComment(deps.db, {
    story_id: storyId,
    user_id: author.id,
    parent_id: attachTo,
    root_id: parent ? Number(parent.root_id ?? parent.id) : null,
    depth: parent ? Math.min(parent.depth + 1, MAX_DEPTH - 1) : 0,
    body,
    body_hash: ctx.bodyHash,
    status: result.status,
    reason: result.reason,
    matched_word: result.matchedWord,
    ip: ip ?? null,
    created_at: ctx.now,
  });
  return { ...result, comment };
}

async function ownComment(deps: DiscussDeps, commentId: number, userId: string): Promise<Comment> {
  const comment = await commentById(deps.db, commentId);
  if (!comment || comment.status === 'deleted') throw new AppError('not_found', `no comment ${commentId}`);
  if (comment.user_id !== userId) throw new AppError('forbidden', 'you can only change your own comments');
  return comment;
}

/**
 * Edits one's own comment within the edit window. The new text goes through moderation again, and
 * an edit never raises a comment's standing: a rejected comment cannot be edited (it would come
 * back, and count towards the account's trust), a held one stays held for its moderator, and a
 * visible one is held or refused when the new text trips a phase.
 */
export async function editComment(
  deps: DiscussDeps,
  input: { commentId: number; userId: string; body: string },
): Promise<PostResult> {
  const comment = await ownComment(deps, input.commentId, input.userId);
  if (comment.status === 'rejected')
    throw new AppError('conflict', 'a comment that was not published cannot be edited; write a new one');
  const now = deps.now?.() ?? new Date();
  if (now.getTime() - comment.created_at.getTime() > deps.settings.editMinutes * 60_000) {
    throw new AppError('forbidden', `comments can be edited for ${deps.settings.editMinutes} minutes`);
  }
  const author = (await userById(deps.db, input.userId))!;
  const body = normalizeBody(input.body);
  const ctx = context(deps, {
    editing: true,
    body,
    author: { id: author.id, role: author.role },
    story: { closed: false, publishedAt: null },
    ip: null,
    honeypot: '',
    elapsedMs: null,
  });
  const result = await moderate(ctx);
  if (result.status === 'rejected') return { ...result, comment: null };
  const status = result.status === 'pending' || comment.status !== 'visible' ? 'pending' : 'visible';
  const updated = await updateCommentBody(deps.db, comment.id, {
    body,
    body_hash: ctx.bodyHash,
    status,
    reason: result.reason ?? (status === 'pending' ? comment.reason : null),
    matched_word: result.matchedWord ?? (status === 'pending' ? comment.matched_word : null),
  });
  return { status, reason: updated.reason, matchedWord: updated.matched_word, comment: updated };
}

/** Deletes a comment: its author, or a moderator (recorded). */
export async function deleteComment(
  deps: DiscussDeps,
  input: { commentId: number; userId: string; role: string; note?: string },
): Promise<void> {
  const comment = await commentById(deps.db, input.commentId);
  if (!comment || comment.status === 'deleted')
    throw new AppError('not_found', `no comment ${input.commentId}`);
  const own = comment.user_id === input.userId;
  if (!own && !hasRole(input.role, 'moderator'))
    throw new AppError('forbidden', 'you can only delete your own comments');
  await setCommentStatus(deps.db, comment.id, 'deleted', own ? 'deleted_by_author' : 'deleted_by_moderator');
  if (!own) {
    await recordAction(deps.db, {
      actorId: input.userId,
      action: 'delete',
      targetKind: 'comment',
      targetId: comment.id,
      note: input.note,
    });
  }
}

async function visibleComment(deps: DiscussDeps, commentId: number): Promise<Comment> {
  const comment = await commentById(deps.db, commentId);
  if (comment?.status !== 'visible') throw new AppError('not_found', `no comment ${commentId}`);
  return comment;
}

/** Likes a visible comment, or takes the like back. */
export async function likeComment(deps: DiscussDeps, input: { commentId: number; userId: string }) {
  await visibleComment(deps, input.commentId);
  return toggleLike(deps.db, input.commentId, input.userId);
}

export const reportReasonSchema = z.string().trim().min(3, 'say briefly what is wrong').max(500);

/** Reports a visible comment to the moderators with a reason (once per reader). */
export async function reportComment(
  deps: DiscussDeps,
  input: { commentId: number; userId: string; reason: string },
): Promise<{ reported: boolean }> {
  const reason = reportReasonSchema.safeParse(input.reason);
  if (!reason.success) throw new AppError('invalid_input', reason.error.issues[0]!.message);
  await visibleComment(deps, input.commentId);
  return {
    reported: await insertCommentReport(deps.db, {
      commentId: input.commentId,
      userId: input.userId,
      reason: reason.data,
    }),
  };
}
