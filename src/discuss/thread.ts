import {
  type CommentSort,
  countRootComments,
  listReplies,
  listRootComments,
  type ThreadComment,
} from '../store/comments.js';
import type { Executor } from '../store/db.js';

/** A comment with its replies, as a thread shows it. */
export interface ThreadNode extends ThreadComment {
  replies: ThreadNode[];
}

/** One page of a story's thread. */
export interface Thread {
  comments: ThreadNode[];
  page: number;
  pages: number;
  total: number;
  sort: CommentSort;
}

export const PAGE_SIZE = 20;

/**
 * One page of top-level comments in the chosen order, each with all its replies (oldest first).
 * Readers see visible comments; a signed-in viewer also sees their own comments awaiting approval.
 */
export async function loadThread(
  db: Executor,
  storyId: number,
  options: { sort?: CommentSort; page?: number; viewerId?: string | null; pageSize?: number },
): Promise<Thread> {
  const sort = options.sort ?? 'newest';
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const total = await countRootComments(db, storyId);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  const viewerId = options.viewerId ?? null;
  const roots = await listRootComments(db, storyId, {
    sort,
    limit: pageSize,
    offset: (page - 1) * pageSize,
    viewerId,
  });
  const replies = await listReplies(
    db,
    roots.map((root) => Number(root.id)),
    viewerId,
  );
  const nodes = new Map<number, ThreadNode>();
  for (const comment of [...roots, ...replies]) nodes.set(Number(comment.id), { ...comment, replies: [] });
  for (const reply of replies) nodes.get(Number(reply.parent_id))?.replies.push(nodes.get(Number(reply.id))!);
  return { comments: roots.map((root) => nodes.get(Number(root.id))!), page, pages, total, sort };
}
