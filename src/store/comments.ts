import { sql } from 'kysely';
import type { Comment, CommentStatus, NewComment } from '../db/schema.js';
import type { Executor } from './db.js';

export type CommentSort = 'newest' | 'oldest' | 'liked';

/** A comment as a thread shows it: with its author's display name and the viewer's like. */
export interface ThreadComment extends Comment {
  author_name: string;
  liked_by_viewer: boolean;
}

/** Stores a comment. */
export async function insertComment(db: Executor, comment: NewComment): Promise<Comment> {
  return db.insertInto('comments').values(comment).returningAll().executeTakeFirstOrThrow();
}

/** One comment by id, or undefined. */
export async function commentById(db: Executor, id: number): Promise<Comment | undefined> {
  return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Replaces a comment's body after an edit, with the moderation outcome of the new text. */
export async function updateCommentBody(
  db: Executor,
  id: number,
  edit: {
    body: string;
    body_hash: string;
    status: CommentStatus;
    reason: string | null;
    matched_word: string | null;
  },
): Promise<Comment> {
  const now = new Date();
  return db
    .updateTable('comments')
    .set({ ...edit, edited_at: now, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Sets a comment's status (moderation, deletion) with the reason. */
export async function setCommentStatus(
  db: Executor,
  id: number,
  status: CommentStatus,
  reason: string | null,
): Promise<Comment | undefined> {
  return db
    .updateTable('comments')
    .set({ status, reason, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

function threadSelect(db: Executor, viewerId: string | null) {
  return db
    .selectFrom('comments as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .selectAll('c')
    .select('u.name as author_name')
    .select(
      sql<boolean>`EXISTS (SELECT 1 FROM comment_reactions r WHERE r.comment_id = c.id AND r.user_id = ${viewerId ?? ''})`.as(
        'liked_by_viewer',
      ),
    )
    .where((eb) =>
      eb.or([
        eb('c.status', 'in', ['visible', 'deleted']),
        ...(viewerId ? [eb.and([eb('c.status', '=', 'pending'), eb('c.user_id', '=', viewerId)])] : []),
      ]),
    );
}

/** One page of a story's top-level comments (visible, deleted placeholders and the viewer's pending). */
export async function listRootComments(
  db: Executor,
  storyId: number,
  options: { sort: CommentSort; limit: number; offset: number; viewerId: string | null },
): Promise<ThreadComment[]> {
  let query = threadSelect(db, options.viewerId)
    .where('c.story_id', '=', storyId)
    .where('c.parent_id', 'is', null);
  if (options.sort === 'liked') query = query.orderBy('c.like_count', 'desc').orderBy('c.id', 'desc');
  else if (options.sort === 'oldest') query = query.orderBy('c.id', 'asc');
  else query = query.orderBy('c.id', 'desc');
  return query.limit(options.limit).offset(options.offset).execute();
}

/** Every reply under the given top-level comments, oldest first. */
export async function listReplies(
  db: Executor,
  rootIds: number[],
  viewerId: string | null,
): Promise<ThreadComment[]> {
  if (rootIds.length === 0) return [];
  return threadSelect(db, viewerId).where('c.root_id', 'in', rootIds).orderBy('c.id', 'asc').execute();
}

/** How many top-level comments a story shows (for pagination). */
export async function countRootComments(db: Executor, storyId: number): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('story_id', '=', storyId)
    .where('parent_id', 'is', null)
    .where('status', 'in', ['visible', 'deleted'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Visible comment counts for story cards; stories without comments are absent (count 0). */
export async function commentCounts(db: Executor, storyIds: number[]): Promise<Map<number, number>> {
  if (storyIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('comments')
    .select(['story_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('story_id', 'in', storyIds)
    .where('status', '=', 'visible')
    .groupBy('story_id')
    .execute();
  return new Map(rows.map((row) => [Number(row.story_id), Number(row.n)]));
}

/** Comments a user posted since a time (any status: a held or rejected flood is still a flood). */
export async function countCommentsByUserSince(db: Executor, userId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Comments posted from one address since a time. */
export async function countCommentsByIpSince(db: Executor, ip: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', ip)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether a user posted the same normalized text since a time. */
export async function hasCommentWithHashSince(
  db: Executor,
  userId: string,
  bodyHash: string,
  since: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('comments')
    .select('id')
    .where('user_id', '=', userId)
    .where('body_hash', '=', bodyHash)
    .where('created_at', '>', since)
    // A rejected text may be sent again once the reason is fixed (e.g. the form was sent too fast).
    .where('status', 'not in', ['deleted', 'rejected'])
    .executeTakeFirst();
  return row !== undefined;
}

/** How many of a user's comments have been published (visible), for the new-account hold. */
export async function countVisibleByUser(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('status', '=', 'visible')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Likes a comment, or takes the like back when the user already liked it. */
export async function toggleLike(
  db: Executor,
  commentId: number,
  userId: string,
): Promise<{ liked: boolean; like_count: number }> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('comment_reactions')
      .where('comment_id', '=', commentId)
      .where('user_id', '=', userId)
      .where('kind', '=', 'like')
      .executeTakeFirst();
    const liked = Number(removed.numDeletedRows) === 0;
    if (liked) {
      await trx
        .insertInto('comment_reactions')
        .values({ comment_id: commentId, user_id: userId, kind: 'like' })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    const row = await trx
      .updateTable('comments')
      .set({
        like_count: sql<number>`(SELECT count(*)::int FROM comment_reactions WHERE comment_id = ${commentId})`,
      })
      .where('id', '=', commentId)
      .returning('like_count')
      .executeTakeFirstOrThrow();
    return { liked, like_count: row.like_count };
  });
}

/** Records a report (one per user per comment); returns false when the user had already reported it. */
export async function insertCommentReport(
  db: Executor,
  report: { commentId: number; userId: string; reason: string },
): Promise<boolean> {
  const inserted = await db
    .insertInto('comment_reports')
    .values({ comment_id: report.commentId, user_id: report.userId, reason: report.reason })
    .onConflict((oc) => oc.columns(['comment_id', 'user_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  await db
    .updateTable('comments')
    .set((eb) => ({ report_count: eb('report_count', '+', 1) }))
    .where('id', '=', report.commentId)
    .execute();
  return true;
}

/** How many reports on a comment no moderator has acted on yet. */
export async function openReportCount(db: Executor, commentId: number): Promise<number> {
  const row = await db
    .selectFrom('comment_reports')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('comment_id', '=', commentId)
    .where('resolved_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks every open report on a comment resolved. */
export async function resolveCommentReports(db: Executor, commentId: number): Promise<void> {
  await db
    .updateTable('comment_reports')
    .set({ resolved_at: new Date() })
    .where('comment_id', '=', commentId)
    .where('resolved_at', 'is', null)
    .execute();
}

/** A queue entry: a held comment or one readers reported, with its author, story and open reports. */
export interface QueueEntry extends Comment {
  author_name: string;
  author_email: string;
  story_slug: string;
  open_reports: string[];
}

/** The moderator queue: pending comments and comments with open reports, oldest first. */
export async function moderationQueue(db: Executor, options: { limit?: number } = {}): Promise<QueueEntry[]> {
  const rows = await db
    .selectFrom('comments as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .innerJoin('stories as s', 's.id', 'c.story_id')
    .selectAll('c')
    .select(['u.name as author_name', 'u.email as author_email', 's.slug as story_slug'])
    .where((eb) =>
      eb.or([
        eb('c.status', '=', 'pending'),
        eb.and([
          eb('c.status', '=', 'visible'),
          eb.exists(
            eb
              .selectFrom('comment_reports as r')
              .select('r.id')
              .whereRef('r.comment_id', '=', 'c.id')
              .where('r.resolved_at', 'is', null),
          ),
        ]),
      ]),
    )
    .orderBy('c.id', 'asc')
    .limit(options.limit ?? 100)
    .execute();
  const ids = rows.map((row) => row.id);
  const reports = ids.length
    ? await db
        .selectFrom('comment_reports')
        .select(['comment_id', 'reason'])
        .where('comment_id', 'in', ids)
        .where('resolved_at', 'is', null)
        .orderBy('id')
        .execute()
    : [];
  return rows.map((row) => ({
    ...row,
    open_reports: reports.filter((r) => Number(r.comment_id) === Number(row.id)).map((r) => r.reason),
  }));
}

/** A comment the pipeline or a moderator rejected, with its author and story, for the audit. */
export interface RejectedEntry extends Comment {
  author_name: string;
  author_email: string;
  story_slug: string;
}

/** The most recently rejected comments, newest first. */
export async function recentlyRejected(
  db: Executor,
  options: { limit?: number } = {},
): Promise<RejectedEntry[]> {
  return db
    .selectFrom('comments as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .innerJoin('stories as s', 's.id', 'c.story_id')
    .selectAll('c')
    .select(['u.name as author_name', 'u.email as author_email', 's.slug as story_slug'])
    .where('c.status', '=', 'rejected')
    .orderBy('c.updated_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(options.limit ?? 20)
    .execute();
}
