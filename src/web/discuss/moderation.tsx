import { Hono } from 'hono';
import type { Accounts } from '../../auth/accounts.js';
import { hasRole } from '../../auth/roles.js';
import { currentSentences, reportInaccuracy } from '../../discuss/inaccuracy.js';
import { moderateComment } from '../../discuss/moderation.js';
import { moderationQueue } from '../../store/comments.js';
import { setCommentsClosed } from '../../store/inaccuracy.js';
import { listActions, recordAction } from '../../store/moderation.js';
import type { UserRole } from '../../store/users.js';
import type { AccountContext, AccountEnv } from '../auth/context.js';
import { CsrfField, Layout, Message } from './layout.js';
import { backTo, errorPage, findStory, formFields } from './shared.js';

const NOTICES: Record<string, string> = {
  approve: 'Approved: the comment is published.',
  reject: 'Rejected.',
  ban: 'Rejected, and the author is banned.',
  dismissed: 'Report dismissed.',
  correction_requested: 'Correction requested: it is recorded for the writer.',
  corrected: 'Correction published: the story has a new version with your note as its reason.',
};

/** Moderator queue (comments), editor queue (inaccuracy reports), closing comments, reporting a sentence. */
export function moderationRoutes(accounts: Accounts): Hono<AccountEnv> {
  const app = new Hono<AccountEnv>();
  const site = accounts.config.siteName;
  const chrome = (c: AccountContext) => ({
    siteName: site,
    viewer: c.get('viewer'),
    csrf: c.get('csrf')(),
    frame: c.get('frame'),
  });
  // Signed out: go sign in; signed in without the role: 403.
  const gate = (c: AccountContext, role: UserRole) => {
    const viewer = c.get('viewer');
    if (!viewer) return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
    if (!hasRole(viewer.role, role)) return c.text(`Only a ${role} can do that.`, 403);
    return null;
  };

  app.get('/moderation', async (c) => {
    const denied = gate(c, 'moderator');
    if (denied) return denied;
    const queue = await moderationQueue(accounts.db);
    const log = await listActions(accounts.db, { limit: 20 });
    return c.html(
      <Layout chrome={chrome(c)} title="Moderation">
        <h1>Moderation queue ({queue.length})</h1>
        <Message text={NOTICES[c.req.query('done') ?? ''] ?? null} />
        {hasRole(c.get('viewer')!.role, 'editor') ? (
          <p>
            <a href="/admin/corrections">Inaccuracy reports</a>
          </p>
        ) : null}
        {queue.length === 0 ? <p>Nothing waits.</p> : null}
        {queue.map((entry) => (
          <article id={`queue-${entry.id}`} class="queue-entry">
            <p>
              <strong>{entry.author_name}</strong> ({entry.author_email}) on{' '}
              <a href={`/discuss/${entry.story_id}`}>{entry.story_slug}</a>
              {' · '}
              {entry.status === 'pending' ? `held: ${entry.reason ?? ''}` : 'reported'}
              {entry.matched_word ? (
                <>
                  {' '}
                  · matched word: <mark>{entry.matched_word}</mark>
                </>
              ) : null}
            </p>
            <blockquote>{entry.body}</blockquote>
            {entry.open_reports.length ? <p>Reports: {entry.open_reports.join(' · ')}</p> : null}
            <form method="post" action={`/moderation/comments/${entry.id}`}>
              <CsrfField token={c.get('csrf')()} />
              <label>
                Note <input name="note" maxlength={1000} />
              </label>
              <button type="submit" name="action" value="approve">
                Approve
              </button>
              <button type="submit" name="action" value="reject">
                Reject
              </button>
              <button type="submit" name="action" value="ban">
                Reject and ban author
              </button>
            </form>
          </article>
        ))}
        <h2>Recent actions</h2>
        <ul>
          {log.map((a) => (
            <li>
              {a.created_at.toISOString()} · {a.actor_id ?? 'operator'} · {a.action} {a.target_kind}{' '}
              {a.target_id}
              {a.note ? ` · ${a.note}` : ''}
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });

  app.post('/moderation/comments/:id', async (c) => {
    const denied = gate(c, 'moderator');
    if (denied) return denied;
    const fields = await formFields(c);
    const action = fields.action as 'approve' | 'reject' | 'ban';
    try {
      await moderateComment(accounts.db, c.get('viewer')!, {
        commentId: Number(c.req.param('id')) || 0,
        action,
        note: fields.note,
      });
      return c.redirect(`/moderation?done=${action}`, 303);
    } catch (error) {
      return errorPage(c, site, error);
    }
  });

  app.post('/discuss/:story/close', async (c) => {
    const denied = gate(c, 'editor');
    if (denied) return denied;
    const story = await findStory(accounts, c.req.param('story'));
    if (!story) return c.notFound();
    const fields = await formFields(c);
    const closed = fields.closed !== 'false';
    await setCommentsClosed(accounts.db, Number(story.id), closed);
    await recordAction(accounts.db, {
      actorId: c.get('viewer')!.id,
      action: closed ? 'close-comments' : 'open-comments',
      targetKind: 'story',
      targetId: story.id,
      note: fields.note || null,
    });
    return c.redirect(backTo(fields.return, `/discuss/${story.id}`, closed ? 'closed' : 'opened'), 303);
  });

  app.get('/discuss/:story/inaccuracy', async (c) => {
    const story = await findStory(accounts, c.req.param('story'));
    if (!story) return c.notFound();
    if (!c.get('viewer')) return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
    const { sentences } = await currentSentences(accounts.db, Number(story.id));
    const returnTo = c.req.query('return') ?? `/discuss/${story.id}`;
    return c.html(
      <Layout chrome={chrome(c)} title="Report an inaccuracy">
        <h1>Report an inaccuracy</h1>
        <p>Pick the sentence you believe is wrong and tell the editors why.</p>
        <form method="post" action={`/discuss/${story.id}/inaccuracy`}>
          <CsrfField token={c.get('csrf')()} />
          <input type="hidden" name="return" value={returnTo} />
          <fieldset>
            <legend>Sentence</legend>
            {sentences.length ? (
              sentences.map((sentence, i) => (
                <p>
                  <label>
                    <input
                      type="radio"
                      name="sentence"
                      value={sentence}
                      required
                      checked={c.req.query('sentence') === String(i)}
                    />{' '}
                    {sentence}
                  </label>
                </p>
              ))
            ) : (
              <textarea name="sentence" required rows={2} />
            )}
          </fieldset>
          <label>
            What is wrong, and how do you know? <textarea name="note" required minlength={3} rows={4} />
          </label>
          <button type="submit">Send to the editors</button>
        </form>
      </Layout>,
    );
  });

  app.post('/discuss/:story/inaccuracy', async (c) => {
    const viewer = c.get('viewer');
    const story = await findStory(accounts, c.req.param('story'));
    if (!story) return c.notFound();
    if (!viewer)
      return c.redirect(`/sign-in?next=${encodeURIComponent(`/discuss/${story.id}/inaccuracy`)}`, 303);
    const fields = await formFields(c);
    try {
      await reportInaccuracy(accounts.db, {
        storyId: Number(story.id),
        userId: viewer.id,
        sentence: fields.sentence ?? '',
        note: fields.note ?? '',
      });
      return c.redirect(backTo(fields.return, `/discuss/${story.id}`, 'inaccuracy-reported'), 303);
    } catch (error) {
      return errorPage(c, site, error);
    }
  });

  // The editor queue of inaccuracy reports lives in the console now; old links and forms follow it.
  app.get('/editor/inaccuracies', (c) => c.redirect('/admin/corrections', 301));
  app.post('/editor/inaccuracies/:id', (c) =>
    c.redirect(`/admin/corrections/reports/${encodeURIComponent(c.req.param('id'))}`, 308),
  );

  return app;
}
