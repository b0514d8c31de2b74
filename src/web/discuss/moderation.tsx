import { Hono } from 'hono';
import type { Accounts } from '../../auth/accounts.js';
import { hasRole } from '../../auth/roles.js';
import { currentSentences, reportInaccuracy } from '../../discuss/inaccuracy.js';
import { setCommentsClosed } from '../../store/inaccuracy.js';
import { recordAction } from '../../store/moderation.js';
import type { UserRole } from '../../store/users.js';
import type { AccountContext, AccountEnv } from '../auth/context.js';
import { CsrfField, Layout } from './layout.js';
import { backTo, errorPage, findStory, formFields } from './shared.js';

/** Editor queue (inaccuracy reports), closing comments, reporting a sentence; the comment queue is `/admin/moderation`. */
export function moderationRoutes(accounts: Accounts): Hono<AccountEnv> {
  const app = new Hono<AccountEnv>();
  // Read per request: an editor may rename the site in the console without a restart.
  const site = () => accounts.live().siteName;
  const chrome = (c: AccountContext) => ({
    siteName: site(),
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

  // The queue lives in the editor console now; old bookmarks and links land there.
  app.get('/moderation', (c) => c.redirect('/admin/moderation', 301));

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
      return errorPage(c, site(), error);
    }
  });

  // The editor queue of inaccuracy reports lives in the console now; old links and forms follow it.
  app.get('/editor/inaccuracies', (c) => c.redirect('/admin/corrections', 301));
  app.post('/editor/inaccuracies/:id', (c) =>
    c.redirect(`/admin/corrections/reports/${encodeURIComponent(c.req.param('id'))}`, 308),
  );

  return app;
}
