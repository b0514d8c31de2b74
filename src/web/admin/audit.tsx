import { Hono } from 'hono';
import { z } from 'zod';
import type { AuditTargetKind } from '../../db/schema.js';
import { type AuditEntry, auditActors, searchActions } from '../../store/audit.js';
import type { AccountEnv } from '../auth/context.js';
import type { AdminDeps } from './deps.js';
import { consolePage, when } from './shared.js';

const KINDS: AuditTargetKind[] = [
  'comment',
  'user',
  'story',
  'version',
  'article',
  'source',
  'inaccuracy_report',
  'settings',
];
const PAGE_SIZE = 50;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(d)), 'not a real date');

/** The filter query; a bad value gets a message and is ignored, never a 500. */
const filterSchema = z.object({
  actor: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  target_kind: z.enum(KINDS).optional(),
  target_id: z.string().trim().max(100).optional(),
  from: day.optional(),
  to: day.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

type Change = { field: string; before: unknown; after: unknown };

/** The fields an action changed: before → after, keys in either state. */
export function diff(before: unknown, after: unknown): Change[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(before) && !isObject(after)) {
    return before === null && after === null ? [] : [{ field: '', before, after }];
  }
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ field: k, before: b[k], after: a[k] }));
}

function show(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function Diff({ entry }: { entry: AuditEntry }) {
  const changes = diff(entry.before, entry.after);
  if (changes.length === 0) return null;
  return (
    <ul class="diff">
      {changes.map((ch) => (
        <li>
          {ch.field ? <code>{ch.field}</code> : null} <del>{show(ch.before)}</del> →{' '}
          <ins>{show(ch.after)}</ins>
        </li>
      ))}
    </ul>
  );
}

/** `/admin/audit`: every editor and moderator action, filtered and paged. */
export function auditSection(deps: AdminDeps): Hono<AccountEnv> {
  const app = new Hono<AccountEnv>();
  const db = deps.database.db;

  app.get('/audit', async (c) => {
    const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
    const parsed = filterSchema.safeParse(raw);
    const error = parsed.success
      ? null
      : `Filter ignored: ${String(parsed.error.issues[0]!.path[0])} ${parsed.error.issues[0]!.message}`;
    const f = parsed.success ? parsed.data : { page: 1 };
    const filter = parsed.success
      ? {
          actor: f.actor,
          action: f.action,
          targetKind: f.target_kind,
          targetId: f.target_id,
          from: f.from ? new Date(`${f.from}T00:00:00Z`) : undefined,
          to: f.to ? new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000) : undefined,
        }
      : {};
    const [{ entries, more }, actors] = await Promise.all([
      searchActions(db, filter, { limit: PAGE_SIZE, offset: (f.page - 1) * PAGE_SIZE }),
      auditActors(db),
    ]);
    const pageLink = (page: number) => {
      const query = new URLSearchParams(raw as Record<string, string>);
      query.set('page', String(page));
      return `/admin/audit?${query}`;
    };
    const q = raw as Record<string, string | undefined>;
    return consolePage(
      c,
      deps,
      'Audit log',
      <>
        <h1>Audit log</h1>
        <form method="get" action="/admin/audit" class="filters">
          <p class="field">
            <label for="a-actor">Who</label>
            <select id="a-actor" name="actor">
              <option value="">anyone</option>
              <option value="operator" selected={q.actor === 'operator'}>
                operator (command line)
              </option>
              {actors.map((a) => (
                <option value={a.id} selected={q.actor === a.id}>
                  {a.name} ({a.email})
                </option>
              ))}
            </select>
          </p>
          <p class="field">
            <label for="a-action">Action starts with</label>
            <input id="a-action" name="action" value={q.action ?? ''} placeholder="source., ban, settings" />
          </p>
          <p class="field">
            <label for="a-kind">Target</label>
            <select id="a-kind" name="target_kind">
              <option value="">any</option>
              {KINDS.map((k) => (
                <option value={k} selected={q.target_kind === k}>
                  {k.replace('_', ' ')}
                </option>
              ))}
            </select>
          </p>
          <p class="field">
            <label for="a-id">Target id</label>
            <input id="a-id" name="target_id" value={q.target_id ?? ''} />
          </p>
          <p class="field">
            <label for="a-from">From</label>
            <input id="a-from" name="from" type="date" value={q.from ?? ''} />
          </p>
          <p class="field">
            <label for="a-to">To</label>
            <input id="a-to" name="to" type="date" value={q.to ?? ''} />
          </p>
          <p>
            <button type="submit">Filter</button> <a href="/admin/audit">Clear</a>
          </p>
        </form>
        {entries.length === 0 ? <p>No actions match.</p> : null}
        <ol class="audit">
          {entries.map((e) => (
            <li id={`action-${e.id}`}>
              <p>
                <time datetime={e.created_at.toISOString()}>{when(e.created_at)}</time> ·{' '}
                <strong>{e.actor_name ?? (e.actor_id ? e.actor_id : 'operator')}</strong> · {e.action} ·{' '}
                {e.target_kind.replace('_', ' ')} {e.target_id}
                {e.note ? ` · “${e.note}”` : ''}
              </p>
              <Diff entry={e} />
            </li>
          ))}
        </ol>
        <nav class="pager" aria-label="Audit pages">
          {f.page > 1 ? <a href={pageLink(f.page - 1)}>← Newer</a> : <span />}
          {more ? <a href={pageLink(f.page + 1)}>Older →</a> : <span />}
        </nav>
      </>,
      { error, status: error ? 400 : 200 },
    );
  });

  return app;
}
