import { z } from 'zod';
import { hasRole, ROLES, type Role } from '../auth/roles.js';
import type { Ban, User } from '../db/schema.js';
import { banUser, unbanUser } from '../discuss/bans.js';
import { AppError } from '../lib/errors.js';
import type { Executor } from '../store/db.js';
import { activeBan, recordAction } from '../store/moderation.js';
import { listUsers, setUserRole, userById } from '../store/users.js';

/** Who acts: a signed-in user with a role, or the operator at the command line (null). */
export type Actor = { id: string; role: Role } | null;

/** A user with the ban or suspension in force, for the people page. */
export type Person = User & { ban: Ban | undefined };

/** Every user with the ban in force, oldest first. */
export async function listPeople(db: Executor, now = new Date()): Promise<Person[]> {
  const users = await listUsers(db);
  const bans = await Promise.all(users.map((u) => activeBan(db, u.id, now)));
  return users.map((u, i) => ({ ...u, ban: bans[i] }));
}

/**
 * Gives a user a role (the `users set-role` path). Only an admin (or the operator) may grant or
 * take away admin; nobody changes their own role, so the last admin cannot lock everyone out by
 * accident. Recorded with the role before and after.
 */
export async function changeRole(db: Executor, actor: Actor, userId: string, role: string): Promise<User> {
  if (!(ROLES as readonly string[]).includes(role))
    throw new AppError('invalid_input', `role must be one of ${ROLES.join(', ')}`);
  const user = await userById(db, userId);
  if (!user) throw new AppError('not_found', `no user ${userId}`);
  if (actor && actor.id === userId) throw new AppError('forbidden', 'you cannot change your own role');
  if (actor && !hasRole(actor.role, 'admin') && (role === 'admin' || user.role === 'admin'))
    throw new AppError('forbidden', 'only an admin can grant or remove the admin role');
  if (actor && !hasRole(actor.role, 'editor'))
    throw new AppError('forbidden', 'only an editor can set roles');
  const updated = (await setUserRole(db, userId, role as Role))!;
  await recordAction(db, {
    actorId: actor?.id ?? null,
    action: `set-role:${role}`,
    targetKind: 'user',
    targetId: userId,
    note: actor ? null : 'cli',
    before: { role: user.role },
    after: { role },
  });
  return updated;
}

/** The ban form: a reason, and days for a suspension (empty: a ban). */
export const banSchema = z.object({
  reason: z
    .string({ error: 'A reason is required' })
    .trim()
    .min(3, 'Give a reason of at least 3 characters')
    .max(500, 'Reason: at most 500 characters'),
  days: z
    .string()
    .trim()
    .optional()
    .transform((days) => days || undefined)
    .pipe(
      z.coerce
        .number<string>({ error: 'Days must be a number' })
        .int('Days must be a whole number')
        .min(1, 'Days must be at least 1')
        .max(3650, 'Days must be at most 3650')
        .optional(),
    ),
});

/**
 * Bans (no days) or suspends a user (the `users ban` path), with a reason; only an admin (or the
 * operator) bans a moderator, editor or admin, and nobody bans themselves. Recorded by `banUser`.
 */
export async function banPerson(
  db: Executor,
  actor: Actor,
  userId: string,
  input: z.input<typeof banSchema>,
): Promise<Ban> {
  const parsed = banSchema.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', parsed.error.issues[0]!.message);
  const user = await userById(db, userId);
  if (!user) throw new AppError('not_found', `no user ${userId}`);
  if (actor?.id === userId) throw new AppError('forbidden', 'you cannot ban yourself');
  // Staff answer to an admin: an editor bans readers only, so no one removes a peer or a superior.
  if (actor && user.role !== 'reader' && !hasRole(actor.role, 'admin'))
    throw new AppError('forbidden', `only an admin can ban a ${user.role}`);
  return banUser(db, { userId, by: actor?.id ?? null, reason: parsed.data.reason, days: parsed.data.days });
}

/** Lifts a user's bans and suspensions (the `users unban` path). Recorded by `unbanUser`. */
export async function liftBan(db: Executor, actor: Actor, userId: string, note?: string): Promise<number> {
  if (!(await userById(db, userId))) throw new AppError('not_found', `no user ${userId}`);
  return unbanUser(db, { userId, by: actor?.id ?? null, note: note?.trim() || undefined });
}
