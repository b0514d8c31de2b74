import { Hono } from 'hono';
import type { Accounts } from '../../auth/accounts.js';
import {
  commentsOpen,
  deleteComment,
  editComment,
  likeComment,
  postComment,
  reportComment,
} from '../../discuss/comments.js';
import { loadThread } from '../../discuss/thread.js';
import { pathId } from '../../lib/input-checks.js';
import { redirectTarget } from '../../lib/redirect-target.js';
import { type CommentSort, commentById } from '../../store/comments.js';
import type { AccountContext, AccountEnv, Viewer } from '../auth/context.js';
import { CsrfField, Layout, Message } from './layout.js';
import { reasonText, THOUGHTS_NOTICES } from './messages.js';
import { backTo, discussDeps, errorPage, findStory, formFields, threadPath } from './shared.js';
import { Thoughts, type ThoughtsProps } from './thoughts.js';

const SORTS = new Set(['newest', 'oldest', 'liked']);

/** What decides how a thread shows: who reads it and which page in which order. */
export interface ThreadView {
  viewer: Viewer | null;
  /** The form token (only for a signed-in viewer: forms are theirs alone). */
  csrf: string;
  sort?: string;
  page?: number;
  notice?: string;
}

/** The props of the Thoughts section of a story, for one view of its thread. */
export async function thoughtsProps(
  accounts: Accounts,
  storyId: number,
  returnTo: string,
  view: ThreadView,
): Promise<ThoughtsProps> {
  const story = (await findStory(accounts, String(storyId)))!;
  const deps = discussDeps(accounts);
  const sort = (SORTS.has(view.sort ?? '') ? view.sort : 'newest') as CommentSort;
  const thread = await loadThread(accounts.db, storyId, {
    sort,
    page: view.page || 1,
    viewerId: view.viewer?.id,
  });
  const now = new Date();
  return {
    storyId,
    thread,
    viewer: view.viewer,
    csrf: view.csrf,
    open: commentsOpen(story, deps.settings, now),
    returnTo,
    editMinutes: deps.settings.editMinutes,
    now,
    notice: THOUGHTS_NOTICES[view.notice ?? ''] ?? null,
  };
}

/**
 * The props of the Thoughts section for this request (query: `sort`, `page`, `thoughts` notice):
 * the thread page and a signed-in reader's story page render <Thoughts {...props} />.
 */
export async function thoughtsFor(accounts: Accounts, c: AccountContext, storyId: number, returnTo: string) {
  const viewer = c.get('viewer');
  return thoughtsProps(accounts, storyId, returnTo, {
    viewer,
    // Signed-out readers see no forms: no token, no cookie, and the page stays cacheable.
    csrf: viewer ? c.get('csrf')() : '',
    sort: c.req.query('sort'),
    page: Number(c.req.query('page')) || 1,
    notice: c.req.query('thoughts'),
  });
}

/** The Thoughts pages and forms: thread, post, reply, edit, delete, like, report. */
export function discussRoutes(accounts: Accounts): Hono<AccountEnv> {
  const app = new Hono<AccountEnv>();
  // Read per request: an editor may rename the site in the console without a restart.
  const site = () => accounts.live().siteName;
  const deps = discussDeps(accounts);
  const chrome = (c: AccountContext) => ({
    siteName: site(),
    viewer: c.get('viewer'),
    csrf: c.get('viewer') ? c.get('csrf')() : '',
    frame: c.get('frame'),
  });

  // The thread page of a story (the story page itself is cached for everyone and links here).
  app.get('/stories/:slug/thoughts', async (c) => {
    const story = await findStory(accounts, c.req.param('slug'));
    if (!story) return c.notFound();
    const props = await thoughtsFor(accounts, c, Number(story.id), threadPath(story));
    c.header('Cache-Control', 'private, no-store');
    return c.html(
      <Layout chrome={chrome(c)} title={`Thoughts: ${story.title ?? story.slug}`}>
        <p>
          <a href={`/stories/${story.slug}`}>← {story.title ?? story.slug}</a>
        </p>
        <Thoughts {...props} />
      </Layout>,
    );
  });

  app.get('/discuss/:story', async (c) => {
    const story = await findStory(accounts, c.req.param('story'));
    if (!story) return c.notFound();
    const query = new URL(c.req.url).search;
    return c.redirect(`${threadPath(story)}${query}`, 301);
  });

  app.post('/discuss/:story/comments', async (c) => {
    const viewer = c.get('viewer');
    const story = await findStory(accounts, c.req.param('story'));
    if (!story) return c.notFound();
    const fields = await formFields(c);
    const fallback = threadPath(story);
    if (!viewer)
      return c.redirect(`/sign-in?next=${encodeURIComponent(redirectTarget(fields.return, fallback))}`, 303);
    const rendered = Number(fields.rendered_at);
    try {
      const result = await postComment(deps, {
        storyId: Number(story.id),
        userId: viewer.id,
        body: fields.body ?? '',
        parentId: fields.parent_id ? Number(fields.parent_id) : null,
        ip: c.get('ip'),
        honeypot: fields.website ?? '',
        elapsedMs: Number.isFinite(rendered) && rendered > 0 ? Date.now() - rendered : null,
      });
      if (result.status !== 'rejected' && result.comment) {
        const notice = result.status === 'visible' ? 'posted' : 'held';
        return c.redirect(backTo(fields.return, fallback, notice, `comment-${result.comment.id}`), 303);
      }
      // Rejected: show the thread again with the reason and the reader's text, so nothing is lost.
      const props = await thoughtsFor(accounts, c, Number(story.id), fields.return || fallback);
      return c.html(
        <Layout chrome={chrome(c)} title={story.title ?? story.slug}>
          <h1>{story.title ?? story.slug}</h1>
          <Thoughts {...props} notice={null} error={reasonText(result.reason)} draft={fields.body ?? ''} />
        </Layout>,
        422,
      );
    } catch (error) {
      return errorPage(c, site(), error);
    }
  });

  app.get('/discuss/comments/:id/edit', async (c) => {
    const viewer = c.get('viewer');
    const comment = await commentById(accounts.db, pathId(c.req.param('id'), 'comment id'));
    if (!viewer) return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
    if (!comment || comment.status === 'deleted') return c.notFound();
    if (comment.user_id !== viewer.id) return c.text('You can only edit your own comments.', 403);
    return c.html(
      <Layout chrome={chrome(c)} title="Edit your comment">
        <h1>Edit your comment</h1>
        <form method="post" action={`/discuss/comments/${comment.id}/edit`}>
          <CsrfField token={c.get('csrf')()} />
          <input
            type="hidden"
            name="return"
            value={c.req.query('return') ?? `/discuss/${comment.story_id}`}
          />
          <textarea name="body" rows={6} required>
            {comment.body}
          </textarea>
          <button type="submit">Save</button>
        </form>
      </Layout>,
    );
  });

  app.post('/discuss/comments/:id/edit', async (c) => {
    const viewer = c.get('viewer');
    if (!viewer) return c.redirect('/sign-in', 303);
    const fields = await formFields(c);
    try {
      const id = pathId(c.req.param('id'), 'comment id');
      const result = await editComment(deps, { commentId: id, userId: viewer.id, body: fields.body ?? '' });
      if (!result.comment) {
        return c.html(
          <Layout chrome={chrome(c)} title="Edit your comment">
            <Message text={reasonText(result.reason)} kind="error" />
            <p>
              <a href={`/discuss/comments/${id}/edit`}>Try again</a>
            </p>
          </Layout>,
          422,
        );
      }
      return c.redirect(
        backTo(fields.return, `/discuss/${result.comment.story_id}`, 'edited', `comment-${id}`),
        303,
      );
    } catch (error) {
      return errorPage(c, site(), error);
    }
  });

  app.post('/discuss/comments/:id/delete', async (c) => {
    const viewer = c.get('viewer');
    if (!viewer) return c.redirect('/sign-in', 303);
    const fields = await formFields(c);
    try {
      const id = pathId(c.req.param('id'), 'comment id');
      await deleteComment(deps, { commentId: id, userId: viewer.id, role: viewer.role });
      return c.redirect(backTo(fields.return, '/', 'deleted'), 303);
    } catch (error) {
      return errorPage(c, site(), error);
    }
  });

  app.post('/discuss/comments/:id/like', async (c) => {
    const viewer = c.get('viewer');
    if (!viewer) return c.redirect('/sign-in', 303);
    const fields = await formFields(c);
    try {
      const id = pathId(c.req.param('id'), 'comment id');
      const { liked } = await likeComment(deps, { commentId: id, userId: viewer.id });
      return c.redirect(backTo(fields.return, '/', liked ? 'liked' : 'unliked', `comment-${id}`), 303);
    } catch (error) {
      return errorPage(c, site(), error);
    }
  });

  app.get('/discuss/comments/:id/report', async (c) => {
    if (!c.get('viewer')) return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
    const id = pathId(c.req.param('id'), 'comment id');
    return c.html(
      <Layout chrome={chrome(c)} title="Report a comment">
        <h1>Report a comment</h1>
        <form method="post" action={`/discuss/comments/${id}/report`}>
          <CsrfField token={c.get('csrf')()} />
          <input type="hidden" name="return" value={c.req.query('return') ?? '/'} />
          <label>
            What is wrong with it? <input name="reason" required minlength={3} maxlength={500} />
          </label>
          <button type="submit">Report</button>
        </form>
      </Layout>,
    );
  });

  app.post('/discuss/comments/:id/report', async (c) => {
    const viewer = c.get('viewer');
    if (!viewer) return c.redirect('/sign-in', 303);
    const fields = await formFields(c);
    try {
      await reportComment(deps, {
        commentId: pathId(c.req.param('id'), 'comment id'),
        userId: viewer.id,
        reason: fields.reason ?? '',
      });
      return c.redirect(backTo(fields.return, '/', 'reported'), 303);
    } catch (error) {
      return errorPage(c, site(), error);
    }
  });

  return app;
}
