import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import type { Database } from '../db/connect.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import type { Executor } from '../store/db.js';
import { type Auth, createAuth } from './auth.js';
import { createMailer, type Mailer } from './mailer.js';

/** Everything account-related a front door needs, built once per process. */
export interface Accounts {
  auth: Auth;
  mailer: Mailer;
  db: Executor;
  config: Config;
  logger: Logger;
  /** The config with the console's saved settings on top (comment rules read it on every use). */
  live: () => Config;
}

/** Builds the auth instance and the mailer from the process's config and database. */
export function createAccounts(deps: {
  config: Config;
  database: Database;
  logger: Logger;
  live?: () => Config;
}): Accounts {
  const { config, database, logger } = deps;
  const live = deps.live ?? (() => config);
  const mailer = createMailer({ db: database.db, logger, smtpUrl: config.smtpUrl, from: config.mailFrom });
  const auth = createAuth({
    db: database.db,
    mailer,
    logger,
    siteUrl: config.siteUrl,
    siteName: () => live().siteName,
    secret: resolveAuthSecret(config, database.engine),
    requireEmailVerification: config.requireEmailVerification,
    signInPerMinute: config.signInPerMinute,
  });
  return { auth, mailer, db: database.db, config, logger, live };
}

/**
 * The session-signing secret: the configured one, or (embedded engine only) one generated once and
 * kept in `<dataDir>/auth-secret`. Several web nodes on a served database must share a configured one.
 */
export function resolveAuthSecret(config: Config, engine: Database['engine']): string {
  if (config.authSecret) return config.authSecret;
  if (engine === 'postgres') {
    throw new AppError(
      'config_invalid',
      'NEWSLOOM_AUTH_SECRET (at least 32 characters) is required with DATABASE_URL',
    );
  }
  const file = path.join(config.dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
