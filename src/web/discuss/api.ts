import { Hono } from 'hono';
import { z } from 'zod';
import type { Accounts } from '../../auth/accounts.js';
import type { Comment } from '../../db/schema.js';
import { idSchema } from '../../lib/input-checks.js';
import { postComment } from '../../discuss/comments.js';
import { loadThread, type ThreadNode } from '../../discuss/thread.js';
import type { CommentSort } from '../../store/comments.js';
import { userById } from '../../store/users.js';
import type { AccountEnv } from '../auth/context.js';
import { discussDeps, findStory, statusOf } from './shared.js';

/** A comment as the API shows it: the fields listed here and nothing else. */
export function presentComment(
  comment: Comment & { author_name?: string; replies?: ThreadNode[] },
): Record<string, unknown> {
  const deleted = comment.status === 'deleted';
  return {
    id: Number(comment.id),
    story_id: Number(comment.story_id),
    parent_id: comment.parent_id === null ? null : Number(comment.parent_id),
    author: deleted ? null : { name: comment.author_name ?? null },
    body: deleted ? null : comment.body,
    status: comment.status,
    like_count: comment.like_count,
    created_at: comment.created_at.toISOString(),
    edited_at: comment.edited_at ? comment.edited_at.toISOString() : null,
    ...(comment.replies ? { replies: comment.replies.map(presentComment) } : {}),
  };
}

const listQuery = z.object({
  sort: z.enum(['newest', 'oldest', 'liked']).default('newest'),
  page: z.coerce.number().int().positive().default(1),
});

const postBody = z.object({
  body: z.string().max(100_000),
  parent_id: idSchema('parent_id').nullish(),
});

function apiError(code: string, message: string) {
  return { error: { code, message } };
}

/** `GET/POST /api/v1/stories/:id/comments`: the thread, and posting as the signed-in reader. */
export function commentsApi(accounts: Accounts): Hono<AccountEnv> {
  const app = new Hono<AccountEnv>();
  const deps = discussDeps(accounts);

  app.get('/api/v1/stories/:id/comments', async (c) => {
    const story = await findStory(accounts, c.req.param('id'));
    if (!story) return c.json(apiError('not_found', 'no such story'), 404);
    const query = listQuery.safeParse(c.req.query());
    if (!query.success) return c.json(apiError('invalid_input', query.error.issues[0]!.message), 400);
    const thread = await loadThread(accounts.db, Number(story.id), {
      sort: query.data.sort as CommentSort,
      page: query.data.page,
      viewerId: c.get('viewer')?.id,
    });
    return c.json({
      story_id: Number(story.id),
      sort: thread.sort,
      page: thread.page,
      pages: thread.pages,
      total: thread.total,
      comments: thread.comments.map(presentComment),
    });
  });

  app.post('/api/v1/stories/:id/comments', async (c) => {
    const viewer = c.get('viewer');
    if (!viewer) return c.json(apiError('unauthorized', 'sign in to comment'), 401);
    // Only JSON: a cross-site HTML form cannot send it without a CORS preflight, which we never allow.
    if (!(c.req.header('content-type') ?? '').startsWith('application/json')) {
      return c.json(apiError('invalid_input', 'send application/json'), 415);
    }
    const story = await findStory(accounts, c.req.param('id'));
    if (!story) return c.json(apiError('not_found', 'no such story'), 404);
    const body = postBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success) {
      const issue = body.error.issues[0]!;
      const message =
        issue.path[0] === 'parent_id' ? issue.message : 'expected {"body": string, "parent_id"?: number}';
      return c.json(apiError('invalid_input', message), 400);
    }
    try {
      const result = await postComment(deps, {
        storyId: Number(story.id),
        userId: viewer.id,
        body: body.data.body,
        parentId: body.data.parent_id ?? null,
        ip: c.get('ip'),
      });
      const author = await userById(accounts.db, viewer.id);
      const comment = result.comment
        ? presentComment({ ...result.comment, author_name: author?.name ?? viewer.name })
        : null;
      const status = result.status === 'visible' ? 201 : result.status === 'pending' ? 202 : 422;
      return c.json({ status: result.status, reason: result.reason, comment }, status);
    } catch (error) {
      const status = statusOf(error);
      if (status === 500) throw error;
      return c.json(apiError((error as { code: string }).code, (error as Error).message), status);
    }
  });

  return app;
}
