import type { User } from '../db/schema.js';
import type { Executor } from './db.js';

export type UserRole = User['role'];

/** One user by id, or undefined. */
export async function userById(db: Executor, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One user by email (case-insensitive), or undefined. */
export async function userByEmail(db: Executor, email: string): Promise<User | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

/** Every user, oldest first. */
export async function listUsers(db: Executor, options: { limit?: number } = {}): Promise<User[]> {
  return db
    .selectFrom('users')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .limit(options.limit ?? 1000)
    .execute();
}

/** Sets a user's role; returns the updated user or undefined when there is none. */
export async function setUserRole(db: Executor, id: string, role: UserRole): Promise<User | undefined> {
  return db
    .updateTable('users')
    .set({ role, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Counts a user's address as verified (accounts an operator creates). */
export async function markEmailVerified(db: Executor, id: string): Promise<void> {
  await db.updateTable('users').set({ email_verified: true }).where('id', '=', id).execute();
}

/** Sets a user's display name. */
export async function setDisplayName(db: Executor, id: string, name: string): Promise<void> {
  await db.updateTable('users').set({ name, updated_at: new Date() }).where('id', '=', id).execute();
}

/** Ends every session of a user (sign-out everywhere, bans); returns how many ended. */
export async function deleteUserSessions(db: Executor, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Until when sign-in to an address is held back after repeated failures (undefined: not held). */
export async function signInLockedUntil(db: Executor, key: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select('locked_until')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.locked_until ?? undefined;
}

/**
 * Counts one more failed sign-in for an address and holds it back for `backoff(failures)` seconds
 * (0: not held); returns the new count.
 */
export async function recordSignInFailure(
  db: Executor,
  key: string,
  now: Date,
  backoff: (failures: number) => number,
): Promise<number> {
  const row = await db
    .insertInto('sign_in_failures')
    .values({ key, failures: 1, updated_at: now })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet((eb) => ({ failures: eb('sign_in_failures.failures', '+', 1), updated_at: now })),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const seconds = backoff(row.failures);
  if (seconds > 0) {
    await db
      .updateTable('sign_in_failures')
      .set({ locked_until: new Date(now.getTime() + seconds * 1000) })
      .where('key', '=', key)
      .execute();
  }
  return row.failures;
}

/** Forgets an address's failed sign-ins (after a successful one). */
export async function clearSignInFailures(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
}

/** How many accounts have a role (the start-up banner asks whether any admin exists yet). */
export async function countUsersWithRole(db: Executor, role: UserRole): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', role)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
