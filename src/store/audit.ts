import type { AuditTargetKind, ModerationAction } from '../db/schema.js';
import type { Executor } from './db.js';

/** Filters of the audit log page; every field optional. */
export interface AuditFilter {
  /** Actor's user id, or "operator" for actions without one (CLI). */
  actor?: string;
  /** Action name prefix, e.g. `source.` or `ban`. */
  action?: string;
  targetKind?: AuditTargetKind;
  targetId?: string;
  from?: Date;
  to?: Date;
}

/** One audit entry with its actor's name and email. */
export type AuditEntry = ModerationAction & { actor_name: string | null; actor_email: string | null };

/** A page of the audit log, newest first, and whether an older page exists. */
export async function searchActions(
  db: Executor,
  filter: AuditFilter,
  { limit = 50, offset = 0 }: { limit?: number; offset?: number } = {},
): Promise<{ entries: AuditEntry[]; more: boolean }> {
  let query = db
    .selectFrom('moderation_actions as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .selectAll('a')
    .select(['u.name as actor_name', 'u.email as actor_email']);
  if (filter.actor === 'operator') query = query.where('a.actor_id', 'is', null);
  else if (filter.actor) query = query.where('a.actor_id', '=', filter.actor);
  if (filter.action) query = query.where('a.action', 'like', `${filter.action.replace(/[\\%_]/g, '\\$&')}%`);
  if (filter.targetKind) query = query.where('a.target_kind', '=', filter.targetKind);
  if (filter.targetId) query = query.where('a.target_id', '=', filter.targetId);
  if (filter.from) query = query.where('a.created_at', '>=', filter.from);
  if (filter.to) query = query.where('a.created_at', '<', filter.to);
  const rows = await query
    .orderBy('a.id', 'desc')
    .limit(limit + 1)
    .offset(offset)
    .execute();
  return { entries: rows.slice(0, limit), more: rows.length > limit };
}

/** Everyone who appears as an actor in the log, for the filter's choices. */
export async function auditActors(db: Executor): Promise<{ id: string; name: string; email: string }[]> {
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.name', 'u.email'])
    .where((eb) =>
      eb.exists(eb.selectFrom('moderation_actions as a').select('a.id').whereRef('a.actor_id', '=', 'u.id')),
    )
    .orderBy('u.name')
    .execute();
}
