import type { OutboxMail } from '../db/schema.js';
import type { Executor } from './db.js';

/** Records one message: `outbox` when no SMTP is configured, `sent` or `failed` when it is. */
export async function insertOutboxMail(
  db: Executor,
  mail: { to: string; subject: string; body: string; status: OutboxMail['status']; error?: string | null },
): Promise<OutboxMail> {
  return db
    .insertInto('mail_outbox')
    .values({
      to_address: mail.to,
      subject: mail.subject,
      body: mail.body,
      status: mail.status,
      error: mail.error ?? null,
      sent_at: mail.status === 'sent' ? new Date() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The most recent messages, newest first, optionally only those to one address. */
export async function listOutboxMail(
  db: Executor,
  options: { to?: string; limit?: number } = {},
): Promise<OutboxMail[]> {
  let query = db.selectFrom('mail_outbox').selectAll();
  if (options.to) query = query.where('to_address', '=', options.to.toLowerCase());
  return query
    .orderBy('id', 'desc')
    .limit(options.limit ?? 50)
    .execute();
}
