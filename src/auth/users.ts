import { z } from 'zod';
import { AppError } from '../lib/errors.js';
import { markEmailVerified, setUserRole, type UserRole, userByEmail } from '../store/users.js';
import type { Accounts } from './accounts.js';
import { ROLES } from './roles.js';

export const newUserSchema = z.object({
  email: z.email().transform((email) => email.toLowerCase()),
  password: z.string().min(8, 'password must have at least 8 characters').max(128),
  name: z.string().trim().min(1).max(60).optional(),
  role: z.enum(ROLES).default('reader'),
});

/** Creates an account with a password and a role (operators: `newsloom users create`); the address counts as verified. */
export async function createUser(
  accounts: Accounts,
  input: z.input<typeof newUserSchema>,
): Promise<{ id: string; email: string; role: UserRole }> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', parsed.error.issues[0]!.message);
  const { email, password, role } = parsed.data;
  if (await userByEmail(accounts.db, email))
    throw new AppError('conflict', `a user with email ${email} exists`);
  const name = parsed.data.name ?? email.split('@')[0]!;
  await accounts.auth.api.signUpEmail({ body: { email, password, name } });
  const user = await userByEmail(accounts.db, email);
  if (!user) throw new AppError('io_error', `user ${email} was not created`);
  await markEmailVerified(accounts.db, user.id);
  await setUserRole(accounts.db, user.id, role);
  accounts.logger.info({ user_id: user.id, role }, 'user created');
  return { id: user.id, email, role };
}

export { hasRole } from './roles.js';
