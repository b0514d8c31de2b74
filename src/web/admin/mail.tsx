import { Hono } from 'hono';
import { z } from 'zod';
import { hasRole } from '../../auth/roles.js';
import { listOutboxMail } from '../../store/mail.js';
import type { AccountEnv } from '../auth/context.js';
import type { AdminDeps } from './deps.js';
import { consolePage, when } from './shared.js';

/** The console page of the outbox. */
export const MAIL_PATH = '/admin/mail';

const filterSchema = z.object({ to: z.string().trim().toLowerCase().max(320).pipe(z.email()).optional() });

/**
 * `/admin/mail`: the outbox, newest first. Without SMTP it is the only way mail arrives (sign-up,
 * sign-in and reset links); those links sign people in, so only admins may read them.
 */
export function mailSection(deps: AdminDeps): Hono<AccountEnv> {
  const app = new Hono<AccountEnv>();

  app.get('/mail', async (c) => {
    if (!hasRole(c.get('viewer')?.role, 'admin')) return c.text('Only an admin can open this page.', 403);
    const parsed = filterSchema.safeParse({ to: c.req.query('to') || undefined });
    const to = parsed.success ? parsed.data.to : undefined;
    const messages = await listOutboxMail(deps.database.db, { to, limit: 50 });
    return consolePage(
      c,
      deps,
      'Mail',
      <>
        <h1>Mail</h1>
        <p class="meta">
          {deps.config.smtpUrl
            ? 'Every message the site sent, with how its delivery went.'
            : 'No SMTP server is set: messages are not delivered, they wait here. Pass a sign-in or reset link on to its reader yourself, or set NEWSLOOM_SMTP_URL.'}
        </p>
        <form method="get" action={MAIL_PATH} class="row">
          <label for="mail-to">To</label>
          <input id="mail-to" name="to" type="email" value={to ?? ''} placeholder="reader@example.com" />
          <button type="submit">Show</button>
        </form>
        {!parsed.success ? <p role="alert">That is not an email address; showing all mail.</p> : null}
        {messages.length === 0 ? <p>No mail{to ? ` to ${to}` : ''} yet.</p> : null}
        {messages.map((m) => (
          <article class="mail" id={`mail-${m.id}`}>
            <h2>{m.subject}</h2>
            <p class="meta">
              to {m.to_address} · {when(m.created_at)} ·{' '}
              <span class={`badge${m.status === 'failed' ? ' health-failing' : ''}`}>{m.status}</span>
              {m.error ? ` ${m.error}` : ''}
            </p>
            <pre>{m.body.trim()}</pre>
          </article>
        ))}
      </>,
    );
  });

  return app;
}
