import nodemailer from 'nodemailer';
import type { Logger } from '../lib/log.js';
import type { Executor } from '../store/db.js';
import { insertOutboxMail } from '../store/mail.js';

/** One message to send. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail; never loses a message (every one is recorded in the outbox table). */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * A mailer that sends through SMTP when `smtpUrl` is set and records every message in
 * `mail_outbox`; without SMTP the outbox is the delivery (`newsloom mail list`) and a log line says so.
 */
export function createMailer(deps: { db: Executor; logger: Logger; smtpUrl?: string; from: string }): Mailer {
  const transport = deps.smtpUrl ? nodemailer.createTransport(deps.smtpUrl) : undefined;
  return {
    async send(message) {
      const to = message.to.toLowerCase();
      if (!transport) {
        const row = await insertOutboxMail(deps.db, {
          to,
          subject: message.subject,
          body: message.text,
          status: 'outbox',
        });
        deps.logger.info(
          { mail_id: row.id, to, subject: message.subject },
          'mail kept in outbox (no SMTP configured)',
        );
        return;
      }
      try {
        await transport.sendMail({ from: deps.from, to, subject: message.subject, text: message.text });
        await insertOutboxMail(deps.db, { to, subject: message.subject, body: message.text, status: 'sent' });
      } catch (error) {
        const row = await insertOutboxMail(deps.db, {
          to,
          subject: message.subject,
          body: message.text,
          status: 'failed',
          error: (error as Error).message,
        });
        deps.logger.warn({ mail_id: row.id, to, err: error }, 'mail failed; kept in outbox');
      }
    },
  };
}
