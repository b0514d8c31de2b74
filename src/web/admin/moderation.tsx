import { Hono } from 'hono';
import { hasRole } from '../../auth/roles.js';
import { moderateComment } from '../../discuss/moderation.js';
import { moderationQueue } from '../../store/comments.js';
import { listActions } from '../../store/moderation.js';
import type { AccountContext, AccountEnv } from '../auth/context.js';
import type { AdminDeps } from './deps.js';
import {
  actorOf,
  consolePage,
  formFields,
  idParam,
  type Outcome,
  outcomeOf,
  PostForm,
  when,
} from './shared.js';

const NOTICES: Record<string, string> = {
  approve: 'Approved: the comment is published.',
  reject: 'Rejected.',
  ban: 'Rejected, and the author is banned.',
};

const ACTIONS = new Set(['approve', 'reject', 'ban']);

/** `/admin/moderation`: held and reported comments, approve / reject / ban with a note, recent actions. */
export function moderationSection(deps: AdminDeps): Hono<AccountEnv> {
  const app = new Hono<AccountEnv>();
  const db = deps.database.db;

  async function queuePage(c: AccountContext, outcome: Outcome = {}) {
    const [queue, log] = await Promise.all([moderationQueue(db), listActions(db, { limit: 20 })]);
    const editor = hasRole(c.get('viewer')!.role, 'editor');
    return consolePage(
      c,
      deps,
      'Moderation',
      <>
        <h1>Moderation queue ({queue.length})</h1>
        {editor ? (
          <p>
            <a href="/admin/corrections">Inaccuracy reports</a> · <a href="/admin/people">Bans</a>
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
              {' · '}
              <small>{when(entry.created_at)}</small>
            </p>
            <blockquote>{entry.body}</blockquote>
            {entry.open_reports.length ? <p>Reports: {entry.open_reports.join(' · ')}</p> : null}
            <PostForm c={c} action={`/admin/moderation/comments/${entry.id}`} class="row">
              <label>
                Note <input name="note" maxlength={1000} />
              </label>
              <button type="submit" name="action" value="approve">
                Approve
              </button>
              <button type="submit" name="action" value="reject">
                Reject
              </button>
              <button type="submit" name="action" value="ban" class="danger">
                Reject and ban author
              </button>
            </PostForm>
          </article>
        ))}
        <h2>Recent actions</h2>
        <ul>
          {log.map((a) => (
            <li>
              {when(a.created_at)} · {a.actor_id ?? 'operator'} · {a.action} {a.target_kind} {a.target_id}
              {a.note ? ` · ${a.note}` : ''}
            </li>
          ))}
        </ul>
        {editor ? (
          <p>
            <a href="/admin/audit">Full audit log</a>
          </p>
        ) : null}
      </>,
      outcome,
    );
  }

  app.get('/moderation', (c) => queuePage(c, { notice: NOTICES[c.req.query('done') ?? ''] }));

  app.post('/moderation/comments/:id', async (c) => {
    const commentId = idParam(c);
    const fields = await formFields(c);
    if (!ACTIONS.has(fields.action ?? ''))
      return queuePage(c, { error: 'Choose approve, reject or ban.', status: 400 });
    try {
      await moderateComment(db, actorOf(c), {
        commentId,
        action: fields.action as 'approve' | 'reject' | 'ban',
        note: fields.note,
      });
      return c.redirect(`/admin/moderation?done=${fields.action}`, 303);
    } catch (error) {
      return queuePage(c, outcomeOf(error));
    }
  });

  return app;
}
