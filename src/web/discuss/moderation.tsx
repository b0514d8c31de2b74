import { Hono } from 'hono';
import type { Accounts } from '../../auth/accounts.js';
import { hasRole } from '../../auth/roles.js';
import { currentSentences, reportInaccuracy, resolveInaccuracy } from '../../discuss/inaccuracy.js';
import { moderateComment } from '../../discuss/moderation.js';
import { moderationQueue, type RejectedEntry, recentlyRejected } from '../../store/comments.js';
import { openInaccuracyReports, setCommentsClosed } from '../../store/inaccuracy.js';
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

const ACTION_LABELS = { approve: 'Approve', reject: 'Reject', ban: 'Reject and ban author' };

/** A comment as moderators see it: author, story, why it is here, the text, and the decisions. */
function CommentEntry(props: {
  id: string;
  entry: RejectedEntry;
  csrf: string;
  status: string;
  reports: string[];
  actions: (keyof typeof ACTION_LABELS)[];
}) {
  const { entry } = props;
  return (
    <article id={props.id} class="queue-entry">
      <p>
        <strong>{entry.author_name}</strong> ({entry.author_email}) on{' '}
        <a href={`/discuss/${entry.story_id}`}>{entry.story_slug}</a>
        {' · '}
        {props.status}
        {entry.matched_word ? (
          <>
            {' '}
            · matched word: <mark>{entry.matched_word}</mark>
          </>
        ) : null}
      </p>
      <blockquote>{entry.body}</blockquote>
      {props.reports.length ? <p>Reports: {props.reports.join(' · ')}</p> : null}
      <form method="post" action={`/moderation/comments/${entry.id}`}>
        <CsrfField token={props.csrf} />
        <label>
          Note <input name="note" maxlength={1000} />
        </label>
        {props.actions.map((action) => (
          <button type="submit" name="action" value={action}>
            {ACTION_LABELS[action]}
          </button>
        ))}
      </form>
    </article>
  );
}

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
    const [queue, rejected, log] = await Promise.all([
      moderationQueue(accounts.db),
      recentlyRejected(accounts.db, { limit: 20 }),
      listActions(accounts.db, { limit: 20 }),
    ]);
    return c.html(
      <Layout chrome={chrome(c)} title="Moderation">
        <h1>Moderation queue ({queue.length})</h1>
        <Message text={NOTICES[c.req.query('done') ?? ''] ?? null} />
        {hasRole(c.get('viewer')!.role, 'editor') ? (
          <p>
            <a href="/editor/inaccuracies">Inaccuracy reports</a>
          </p>
        ) : null}
        {queue.length === 0 ? <p>Nothing waits.</p> : null}
        {queue.map((entry) => (
          <CommentEntry
            id={`queue-${entry.id}`}
            entry={entry}
            csrf={c.get('csrf')()}
            status={entry.status === 'pending' ? `held: ${entry.reason ?? ''}` : 'reported'}
            reports={entry.open_reports}
            actions={['approve', 'reject', 'ban']}
          />
        ))}
        <h2>Recently rejected</h2>
        <p>Readers never see these; approve one the filters got wrong.</p>
        {rejected.length === 0 ? <p>None.</p> : null}
        {rejected.map((entry) => (
          <CommentEntry
            id={`rejected-${entry.id}`}
            entry={entry}
            csrf={c.get('csrf')()}
            status={`rejected ${entry.updated_at.toISOString().slice(0, 16).replace('T', ' ')}: ${entry.reason ?? ''}`}
            reports={[]}
            actions={['approve']}
          />
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

  app.get('/editor/inaccuracies', async (c) => {
    const denied = gate(c, 'editor');
    if (denied) return denied;
    const reports = await openInaccuracyReports(accounts.db);
    return c.html(
      <Layout chrome={chrome(c)} title="Inaccuracy reports">
        <h1>Inaccuracy reports ({reports.length})</h1>
        <Message text={NOTICES[c.req.query('done') ?? ''] ?? null} />
        {reports.map((r) => (
          <article id={`report-${r.id}`}>
            <p>
              <a href={`/discuss/${r.story_id}`}>{r.story_slug}</a> · reported by {r.reporter_name} ·{' '}
              {r.created_at.toISOString()}
            </p>
            <blockquote>{r.sentence}</blockquote>
            <p>{r.note}</p>
            <form method="post" action={`/editor/inaccuracies/${r.id}`}>
              <CsrfField token={c.get('csrf')()} />
              <label>
                Reason (shown with the correction) <input name="note" required minlength={3} />
              </label>
              <button type="submit" name="action" value="dismiss">
                Dismiss
              </button>
              <button type="submit" name="action" value="correct">
                Publish a correction
              </button>
            </form>
          </article>
        ))}
      </Layout>,
    );
  });

  app.post('/editor/inaccuracies/:id', async (c) => {
    const denied = gate(c, 'editor');
    if (denied) return denied;
    const fields = await formFields(c);
    try {
      const action = fields.action === 'correct' ? 'correct' : 'dismiss';
      const report = await resolveInaccuracy(
        accounts.db,
        c.get('viewer')!,
        { reportId: Number(c.req.param('id')) || 0, action, note: fields.note ?? '' },
        { logger: accounts.logger },
      );
      return c.redirect(`/editor/inaccuracies?done=${report.status}`, 303);
    } catch (error) {
      return errorPage(c, site, error);
    }
  });

  return app;
}
