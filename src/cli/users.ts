import type { Command } from 'commander';
import { changeRole } from '../admin/people.js';
import { ROLES, type Role } from '../auth/roles.js';
import { banUser, unbanUser } from '../discuss/bans.js';
import { AppError } from '../lib/errors.js';
import { listUsers, userByEmail } from '../store/users.js';
import { type GlobalOptions, print, withContext } from './context.js';
import { readSecret } from './secret-input.js';

function parseRole(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value))
    throw new Error(`role must be one of ${ROLES.join(', ')}`);
  return value as Role;
}

async function requireUser(db: Parameters<typeof userByEmail>[0], email: string) {
  const user = await userByEmail(db, email);
  if (!user) throw new AppError('not_found', `no user with email ${email}`);
  return user;
}

/** `newsloom users`: create accounts, list them, set roles, ban and unban. */
export function registerUsers(program: Command): void {
  const users = program.command('users').description('manage reader, moderator, editor and admin accounts');

  users
    .command('create')
    .description('create an account (password prompted, or read from stdin)')
    .requiredOption('--email <email>', 'the address to sign in with')
    .option('--name <name>', 'display name (default: the part of the address before @)')
    .option('--role <role>', `one of ${ROLES.join(', ')}`, parseRole, 'reader' as Role)
    .option('--json', 'print the new user as JSON')
    .action(
      async (options: { email: string; name?: string; role: Role; json?: boolean }, command: Command) => {
        const password = await readSecret('Password: ');
        // Loaded here, not at start-up, so every other command (and --help) stays fast.
        const { createAccounts } = await import('../auth/accounts.js');
        const { createUser } = await import('../auth/users.js');
        const user = await withContext(command.optsWithGlobals<GlobalOptions>(), (context) =>
          createUser(createAccounts(context), {
            email: options.email,
            password,
            name: options.name,
            role: options.role,
          }),
        );
        print(user, options.json ?? false, () => `created ${user.email} (${user.role}) id ${user.id}`);
      },
    );

  users
    .command('list')
    .description('list accounts')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const rows = await withContext(command.optsWithGlobals<GlobalOptions>(), ({ database }) =>
        listUsers(database.db),
      );
      const view = rows.map((u) => ({
        id: u.id,
        email: u.email,
        name: u.name,
        role: u.role,
        created_at: u.created_at,
      }));
      print(
        view,
        options.json ?? false,
        () => view.map((u) => `${u.email}\t${u.role}\t${u.name}\t${u.id}`).join('\n') || '(no users)',
      );
    });

  users
    .command('set-role')
    .description('give an account a role')
    .requiredOption('--email <email>', 'the account')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, parseRole)
    .action(async (options: { email: string; role: Role }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async ({ database }) => {
        const user = await requireUser(database.db, options.email);
        await changeRole(database.db, null, user.id, options.role);
      });
      process.stdout.write(`${options.email} is now ${options.role}\n`);
    });

  users
    .command('ban')
    .description('ban an account from posting and editing (or suspend it with --days)')
    .requiredOption('--email <email>', 'the account')
    .option('--days <n>', 'suspend for this many days instead of banning', (v) => Number.parseInt(v, 10))
    .option('--reason <text>', 'why (recorded in the moderation log)', 'banned by an operator')
    .action(async (options: { email: string; days?: number; reason: string }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async ({ database }) => {
        const user = await requireUser(database.db, options.email);
        await banUser(database.db, { userId: user.id, by: null, reason: options.reason, days: options.days });
      });
      process.stdout.write(
        `${options.email} ${options.days ? `suspended for ${options.days} days` : 'banned'}\n`,
      );
    });

  users
    .command('unban')
    .description('lift every ban and suspension of an account')
    .requiredOption('--email <email>', 'the account')
    .action(async (options: { email: string }, command: Command) => {
      const lifted = await withContext(command.optsWithGlobals<GlobalOptions>(), async ({ database }) => {
        const user = await requireUser(database.db, options.email);
        return unbanUser(database.db, { userId: user.id, by: null, note: 'cli' });
      });
      process.stdout.write(`${options.email}: ${lifted} ban(s) lifted\n`);
    });
}
