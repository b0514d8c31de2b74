import type { Command } from 'commander';
import { listOutboxMail } from '../store/mail.js';
import { type GlobalOptions, print, withContext } from './context.js';

/** `newsloom mail list`: the outbox (every message, and the delivery itself when no SMTP is configured). */
export function registerMail(program: Command): void {
  const mail = program.command('mail').description('read the mail outbox');
  mail
    .command('list')
    .description('list recent messages, newest first')
    .option('--to <email>', 'only messages to this address')
    .option('--limit <n>', 'how many (default 20)', (v) => Number.parseInt(v, 10), 20)
    .option('--json', 'print JSON')
    .action(async (options: { to?: string; limit: number; json?: boolean }, command: Command) => {
      const rows = await withContext(command.optsWithGlobals<GlobalOptions>(), ({ database }) =>
        listOutboxMail(database.db, { to: options.to, limit: options.limit }),
      );
      print(rows, options.json ?? false, () =>
        rows.length
          ? rows
              .map(
                (m) =>
                  `#${m.id} ${m.created_at.toISOString()} ${m.status} to ${m.to_address}\n  ${m.subject}\n  ${m.body.trim().replace(/\n/g, '\n  ')}`,
              )
              .join('\n')
          : '(outbox is empty)',
      );
    });
}
