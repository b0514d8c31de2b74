import { Hono } from 'hono';
import { banPerson, changeRole, listPeople, liftBan, type Person } from '../../admin/people.js';
import { hasRole, ROLES } from '../../auth/roles.js';
import type { AccountContext, AccountEnv } from '../auth/context.js';
import type { AdminDeps } from './deps.js';
import { actorOf, consolePage, formFields, type Outcome, outcomeOf, PostForm, when } from './shared.js';

const NOTICES: Record<string, string> = {
  role: 'Role changed.',
  banned: 'Banned.',
  suspended: 'Suspended.',
  lifted: 'Ban lifted.',
};

function BanState({ person }: { person: Person }) {
  const ban = person.ban;
  if (!ban) return <span class="badge">active</span>;
  return (
    <>
      <span class="badge health-failing">
        {ban.kind === 'suspend' ? `suspended until ${when(ban.until)}` : 'banned'}
      </span>{' '}
      <small>{ban.reason}</small>
    </>
  );
}

/** `/admin/people`: users, roles, bans and suspensions with reasons, lifting them. */
export function peopleSection(deps: AdminDeps): Hono<AccountEnv> {
  const app = new Hono<AccountEnv>();
  const db = deps.database.db;

  async function page(c: AccountContext, outcome: Outcome = {}) {
    const viewer = c.get('viewer')!;
    const q = (c.req.query('q') ?? '').trim().toLowerCase();
    const everyone = await listPeople(db);
    const people = q
      ? everyone.filter((p) => p.email.includes(q) || p.name.toLowerCase().includes(q) || p.role === q)
      : everyone;
    // Only an admin may hand out (or take away) admin: editors do not see the choice.
    const grantable = ROLES.filter((r) => r !== 'admin' || hasRole(viewer.role, 'admin'));
    return consolePage(
      c,
      deps,
      'People',
      <>
        <h1>People ({everyone.length})</h1>
        <form method="get" action="/admin/people" class="row">
          <label for="people-q">Find</label>
          <input id="people-q" name="q" value={q} placeholder="email, name or role" />
          <button type="submit">Search</button>
        </form>
        {people.map((p) => {
          const self = p.id === viewer.id;
          const locked = self || (p.role === 'admin' && !hasRole(viewer.role, 'admin'));
          return (
            <article class="person" id={`user-${p.id}`}>
              <h2>
                {p.name} <small class="meta">{p.email}</small>
              </h2>
              <p class="meta">
                {p.role} · joined {when(p.created_at)} · <BanState person={p} /> ·{' '}
                <a href={`/admin/audit?target_kind=user&target_id=${encodeURIComponent(p.id)}`}>history</a>
              </p>
              {locked ? (
                <p class="meta">{self ? 'This is you.' : 'Only an admin can change an admin.'}</p>
              ) : (
                <div class="actions">
                  <PostForm c={c} action={`/admin/people/${p.id}/role`} class="row">
                    <label for={`role-${p.id}`}>Role</label>
                    <select id={`role-${p.id}`} name="role">
                      {grantable.map((r) => (
                        <option value={r} selected={r === p.role}>
                          {r}
                        </option>
                      ))}
                    </select>
                    <button type="submit">Set role</button>
                  </PostForm>
                  {p.ban ? (
                    <PostForm c={c} action={`/admin/people/${p.id}/unban`} class="row">
                      <label for={`lift-${p.id}`}>Note</label>
                      <input id={`lift-${p.id}`} name="note" maxlength={500} />
                      <button type="submit">Lift ban</button>
                    </PostForm>
                  ) : (
                    <PostForm c={c} action={`/admin/people/${p.id}/ban`} class="row">
                      <label for={`reason-${p.id}`}>Reason</label>
                      <input id={`reason-${p.id}`} name="reason" required minlength={3} maxlength={500} />
                      <label for={`days-${p.id}`}>Days (empty: ban)</label>
                      <input
                        id={`days-${p.id}`}
                        name="days"
                        type="number"
                        min={1}
                        max={3650}
                        inputmode="numeric"
                      />
                      <button type="submit" class="danger">
                        Ban or suspend
                      </button>
                    </PostForm>
                  )}
                </div>
              )}
            </article>
          );
        })}
        {people.length === 0 ? <p>Nobody matches.</p> : null}
      </>,
      outcome,
    );
  }

  app.get('/people', (c) => page(c, { notice: NOTICES[c.req.query('done') ?? ''] }));

  app.post('/people/:id/role', async (c) => {
    const fields = await formFields(c);
    try {
      await changeRole(db, actorOf(c), c.req.param('id'), fields.role ?? '');
      return c.redirect('/admin/people?done=role', 303);
    } catch (error) {
      return page(c, outcomeOf(error));
    }
  });

  app.post('/people/:id/ban', async (c) => {
    const fields = await formFields(c);
    try {
      const ban = await banPerson(db, actorOf(c), c.req.param('id'), {
        reason: fields.reason ?? '',
        days: fields.days ?? '',
      });
      return c.redirect(`/admin/people?done=${ban.kind === 'suspend' ? 'suspended' : 'banned'}`, 303);
    } catch (error) {
      return page(c, outcomeOf(error));
    }
  });

  app.post('/people/:id/unban', async (c) => {
    const fields = await formFields(c);
    try {
      await liftBan(db, actorOf(c), c.req.param('id'), fields.note);
      return c.redirect('/admin/people?done=lifted', 303);
    } catch (error) {
      return page(c, outcomeOf(error));
    }
  });

  return app;
}
