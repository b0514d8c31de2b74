import type { Ban } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import type { Executor } from '../store/db.js';
import { activeBan, insertBan, liftBans, recordAction } from '../store/moderation.js';
import { userById } from '../store/users.js';

/** Bans a user (no `days`) or suspends them for `days`; a banned author cannot post or edit. Recorded. */
export async function banUser(
  db: Executor,
  input: { userId: string; by: string | null; reason: string; days?: number; now?: Date },
): Promise<Ban> {
  if (!(await userById(db, input.userId))) throw new AppError('not_found', `no user ${input.userId}`);
  const now = input.now ?? new Date();
  const until = input.days ? new Date(now.getTime() + input.days * 86_400_000) : null;
  return db.transaction().execute(async (trx) => {
    const ban = await insertBan(trx, {
      userId: input.userId,
      kind: until ? 'suspend' : 'ban',
      reason: input.reason,
      until,
      createdBy: input.by,
    });
    await recordAction(trx, {
      actorId: input.by,
      action: until ? 'suspend' : 'ban',
      targetKind: 'user',
      targetId: input.userId,
      note: until ? `${input.reason} (until ${until.toISOString()})` : input.reason,
    });
    return ban;
  });
}

/** Lifts a user's bans and suspensions; recorded. Returns how many were lifted. */
export async function unbanUser(
  db: Executor,
  input: { userId: string; by: string | null; note?: string },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const lifted = await liftBans(trx, input.userId);
    await recordAction(trx, {
      actorId: input.by,
      action: 'unban',
      targetKind: 'user',
      targetId: input.userId,
      note: input.note,
    });
    return lifted;
  });
}

/** The ban in force for a user, if any. */
export async function banOf(db: Executor, userId: string, now = new Date()): Promise<Ban | undefined> {
  return activeBan(db, userId, now);
}
