import type { Config } from '../config/config.js';
import type { Database } from '../db/connect.js';
import type { Logger } from '../lib/log.js';
import type { Executor } from '../store/db.js';
import { type Auth, createAuth } from './auth.js';
import { resolveAuthSecret } from './auth-secret.js';
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
