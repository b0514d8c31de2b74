import type { Ban, ModerationAction } from '../db/schema.js';
import type { Executor } from './db.js';

/** The ban or suspension in force for a user at `now`, or undefined. */
export async function activeBan(db: Executor, userId: string, now: Date): Promise<Ban | undefined> {
  return db
    .selectFrom('bans')
    .selectAll()
    .where('user_id', '=', userId)
    .where('lifted_at', 'is', null)
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', now)]))
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Bans a user (until = null) or suspends them until a time. */
export async function insertBan(
  db: Executor,
  ban: { userId: string; kind: Ban['kind']; reason: string; until?: Date | null; createdBy?: string | null },
): Promise<Ban> {
  return db
    .insertInto('bans')
    .values({
      user_id: ban.userId,
      kind: ban.kind,
      reason: ban.reason,
      until: ban.until ?? null,
      created_by: ban.createdBy ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Lifts every ban and suspension of a user; returns how many were lifted. */
export async function liftBans(db: Executor, userId: string): Promise<number> {
  const result = await db
    .updateTable('bans')
    .set({ lifted_at: new Date() })
    .where('user_id', '=', userId)
    .where('lifted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Records one moderation or editorial action in the audit log: who, what, on what, why, and the
 * state before and after (the time is the row's).
 */
export async function recordAction(
  db: Executor,
  action: {
    actorId: string | null;
    action: string;
    targetKind: ModerationAction['target_kind'];
    targetId: string | number;
    note?: string | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<ModerationAction> {
  return db
    .insertInto('moderation_actions')
    .values({
      actor_id: action.actorId,
      action: action.action,
      target_kind: action.targetKind,
      target_id: String(action.targetId),
      note: action.note ?? null,
      before: action.before === undefined ? null : JSON.stringify(action.before),
      after: action.after === undefined ? null : JSON.stringify(action.after),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The action log, newest first, optionally for one target. */
export async function listActions(
  db: Executor,
  options: { targetKind?: ModerationAction['target_kind']; targetId?: string | number; limit?: number } = {},
): Promise<ModerationAction[]> {
  let query = db.selectFrom('moderation_actions').selectAll();
  if (options.targetKind) query = query.where('target_kind', '=', options.targetKind);
  if (options.targetId !== undefined) query = query.where('target_id', '=', String(options.targetId));
  return query
    .orderBy('id', 'desc')
    .limit(options.limit ?? 100)
    .execute();
}
