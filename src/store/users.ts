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

/** Sets a user's display name. */
export async function setDisplayName(db: Executor, id: string, name: string): Promise<void> {
  await db.updateTable('users').set({ name, updated_at: new Date() }).where('id', '=', id).execute();
}

/** Ends every session of a user (sign-out everywhere, bans); returns how many ended. */
export async function deleteUserSessions(db: Executor, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
