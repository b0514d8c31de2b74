import { Hono } from 'hono';
import {
  addSourceAs,
  editSource,
  fetchSourceNow,
  importOpmlAs,
  removeSourceAs,
  type SourceAdminDeps,
  setSourceEnabledAs,
  sourcesWithHealth,
} from '../../admin/sources.js';
import type { RefreshSummary } from '../../ingest/refresh.js';
import { exportOpml } from '../../ingest/sources.js';
import { AppError } from '../../lib/errors.js';
import { feedReportOf } from '../../store/feed-reports.js';
import { sourceById } from '../../store/sources.js';
import type { AccountContext, AccountEnv } from '../auth/context.js';
import type { AdminDeps } from './deps.js';
import {
  actorOf,
  consolePage,
  Field,
  formFields,
  idParam,
  type Outcome,
  outcomeOf,
  PostForm,
  when,
} from './shared.js';
import { FeedReportView, health, RefreshResult, SourceRow } from './sources-view.js';

/** Largest OPML upload accepted (a few thousand feeds fit well under it). */
const MAX_OPML_BYTES = 2 * 1024 * 1024;

/** `/admin/sources`: health, add/edit/enable/disable/remove, fetch now, OPML in and out. */
export function sourcesSection(deps: AdminDeps): Hono<AccountEnv> {
  const app = new Hono<AccountEnv>();
  const db = deps.database.db;
  const ops: SourceAdminDeps = {
    db,
    fetcher: deps.fetcher,
    logger: deps.logger,
    pauseAfter: deps.config.sourcePauseAfter,
  };

  async function list(c: AccountContext, outcome: Outcome = {}, form: Record<string, string> = {}) {
    const failingOnly = c.req.query('health') === 'failing';
    const all = await sourcesWithHealth(db);
    const rows = failingOnly ? all.filter((s) => health(s).kind === 'failing') : all;
    return consolePage(
      c,
      deps,
      'Sources',
      <>
        <h1>Sources ({all.length})</h1>
        <p>
          {failingOnly ? (
            <a href="/admin/sources">Show all</a>
          ) : (
            <a href="/admin/sources?health=failing">Failing only</a>
          )}
          {' · '}
          <a href="/admin/sources/export.opml">Export OPML</a>
        </p>
        {rows.length ? (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>Source</th>
                  <th>Health</th>
                  <th>Last success</th>
                  <th class="n">Items/day</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <SourceRow s={s} />
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>No sources{failingOnly ? ' failing' : ' yet'}.</p>
        )}
        <h2 id="add">Add a source</h2>
        <PostForm c={c} action="/admin/sources" class="stack">
          <Field
            name="url"
            label="Feed or page URL"
            value={form.url}
            attrs={{ required: true, inputmode: 'url' }}
          />
          <Field name="name" label="Name (default: the feed's title)" value={form.name} />
          <Field name="language" label="Language code" value={form.language} attrs={{ placeholder: 'en' }} />
          <Field name="country" label="Country (two letters)" value={form.country} attrs={{ maxlength: 2 }} />
          <button type="submit">Add source</button>
        </PostForm>
        <h2 id="import">Import OPML</h2>
        <PostForm c={c} action="/admin/sources/import" class="stack" enctype="multipart/form-data">
          <p class="field">
            <label for="f-opml">OPML file</label>
            <input id="f-opml" type="file" name="opml" accept=".opml,.xml,text/xml,text/x-opml" required />
          </p>
          <button type="submit">Import</button>
        </PostForm>
      </>,
      outcome,
    );
  }

  async function detail(c: AccountContext, id: number, outcome: Outcome = {}, result?: RefreshSummary) {
    const s = await sourceById(db, id);
    if (!s) return list(c, { error: `No source with id ${id}.`, status: 404 });
    const h = health(s);
    const report = await feedReportOf(db, s.id);
    return consolePage(
      c,
      deps,
      s.name,
      <>
        <p>
          <a href="/admin/sources">← Sources</a>
        </p>
        <h1>{s.name}</h1>
        {result ? <RefreshResult summary={result} /> : null}
        <dl class="facts">
          <dt>Health</dt>
          <dd>
            <span class={`badge health-${h.kind}`}>{h.label}</span>
          </dd>
          <dt>Last success</dt>
          <dd>{when(s.last_success_at)}</dd>
          <dt>Last checked</dt>
          <dd>{when(s.last_checked_at)}</dd>
          <dt>Next check</dt>
          <dd>{when(s.next_check_at)}</dd>
          <dt>Last error</dt>
          <dd>{s.last_error ?? '—'}</dd>
          <dt title="distinct articles stored from this source; repeats of an item are not counted again">
            Items seen
          </dt>
          <dd>{s.items_seen}</dd>
        </dl>
        {s.kind === 'import' ? null : <FeedReportView report={report} />}
        <div class="actions">
          {s.kind === 'import' ? null : (
            <PostForm c={c} action={`/admin/sources/${s.id}/fetch`} class="inline">
              <button type="submit">Fetch now</button>
            </PostForm>
          )}
          <PostForm
            c={c}
            action={`/admin/sources/${s.id}/${s.enabled ? 'disable' : 'enable'}`}
            class="inline"
          >
            <button type="submit">
              {s.enabled ? 'Disable' : s.paused_reason ? 'Enable (lift pause)' : 'Enable'}
            </button>
          </PostForm>
        </div>
        <h2>Edit</h2>
        <PostForm c={c} action={`/admin/sources/${s.id}`} class="stack">
          <Field name="name" label="Name" value={s.name} attrs={{ required: true }} />
          <Field
            name="url"
            label="Feed or page URL"
            value={s.url ?? ''}
            attrs={{ required: s.kind !== 'import', readonly: s.kind === 'import' }}
          />
          <Field name="language" label="Language code" value={s.language} />
          <Field name="country" label="Country (two letters)" value={s.country} attrs={{ maxlength: 2 }} />
          <Field name="lean" label="Editorial lean (optional label)" value={s.lean} />
          <button type="submit">Save</button>
        </PostForm>
        <h2>Remove</h2>
        <PostForm c={c} action={`/admin/sources/${s.id}/remove`} class="stack">
          <p>Removing a source deletes its articles too.</p>
          <p class="field">
            <label>
              <input type="checkbox" name="confirm" value="yes" required /> Yes, remove {s.name} and its
              articles
            </label>
          </p>
          <button type="submit" class="danger">
            Remove source
          </button>
        </PostForm>
      </>,
      outcome,
    );
  }

  app.get('/sources', (c) => list(c));

  app.get('/sources/export.opml', async (c) => {
    c.header('Content-Disposition', 'attachment; filename="newsloom-sources.opml"');
    return c.body(await exportOpml(db), 200, { 'Content-Type': 'text/x-opml; charset=utf-8' });
  });

  app.post('/sources', async (c) => {
    const form = await formFields(c);
    try {
      const added = await addSourceAs(ops, actorOf(c).id, {
        url: form.url ?? '',
        name: form.name || undefined,
        language: form.language || undefined,
        country: form.country || undefined,
      });
      return c.redirect(`/admin/sources/${added.source.id}?done=${added.created ? 'added' : 'exists'}`, 303);
    } catch (error) {
      // A feed that cannot be reached is the editor's input problem, not a server error.
      if (error instanceof AppError && error.code.startsWith('fetch_'))
        return list(c, { error: `Could not add: ${error.message}`, status: 400 }, form);
      return list(c, outcomeOf(error), form);
    }
  });

  app.post('/sources/import', async (c) => {
    const body = await c.req.parseBody();
    const file = body.opml;
    if (!(file instanceof File) || file.size === 0)
      return list(c, { error: 'Choose an OPML file to import.', status: 400 });
    if (file.size > MAX_OPML_BYTES)
      return list(c, { error: 'That file is larger than 2 MB; split it.', status: 400 });
    try {
      const result = await importOpmlAs(db, actorOf(c).id, await file.text());
      const skipped = result.skipped.length ? `, skipped ${result.skipped.length}` : '';
      return list(c, {
        notice: `Imported: ${result.added} added, ${result.existing} already present${skipped}.`,
      });
    } catch (error) {
      return list(c, outcomeOf(error));
    }
  });

  const NOTICES: Record<string, string> = {
    added: 'Source added. It is fetched at the next scheduler pass, or now with "Fetch now".',
    exists: 'That feed is already a source: here it is.',
    saved: 'Saved.',
    enabled: 'Enabled: it will be fetched at the next scheduler pass.',
    disabled: 'Disabled: it will not be fetched.',
  };

  app.get('/sources/:id', async (c) => detail(c, idParam(c), { notice: NOTICES[c.req.query('done') ?? ''] }));

  app.post('/sources/:id', async (c) => {
    const id = idParam(c);
    const form = await formFields(c);
    try {
      await editSource(db, actorOf(c).id, id, {
        url: form.url ?? '',
        name: form.name ?? '',
        language: form.language || undefined,
        country: form.country || undefined,
        lean: form.lean || undefined,
      });
      return c.redirect(`/admin/sources/${id}?done=saved`, 303);
    } catch (error) {
      return detail(c, id, outcomeOf(error));
    }
  });

  for (const enabled of [true, false]) {
    app.post(`/sources/:id/${enabled ? 'enable' : 'disable'}`, async (c) => {
      const id = idParam(c);
      try {
        await setSourceEnabledAs(db, actorOf(c).id, id, enabled);
        return c.redirect(`/admin/sources/${id}?done=${enabled ? 'enabled' : 'disabled'}`, 303);
      } catch (error) {
        return list(c, outcomeOf(error));
      }
    });
  }

  app.post('/sources/:id/remove', async (c) => {
    const id = idParam(c);
    const form = await formFields(c);
    if (form.confirm !== 'yes')
      return detail(c, id, { error: 'Tick the box to confirm the removal.', status: 400 });
    try {
      const removed = await removeSourceAs(db, actorOf(c).id, id);
      return list(c, { notice: `Removed ${removed.name} and its articles.` });
    } catch (error) {
      return list(c, outcomeOf(error));
    }
  });

  app.post('/sources/:id/fetch', async (c) => {
    const id = idParam(c);
    try {
      const summary = await fetchSourceNow(ops, actorOf(c).id, id);
      return detail(c, id, {}, summary);
    } catch (error) {
      return list(c, outcomeOf(error));
    }
  });

  return app;
}
