import { type AnalysisPool, createAnalysisPool } from '../analyze/pool.js';
import { type Config, type ConfigFlags, loadConfig } from '../config/config.js';
import { type Database, openDatabase } from '../db/connect.js';
import { createParsePool, type ParsePool } from '../ingest/parse-pool.js';
import { createLogger, type Logger, logFormatFor } from '../lib/log.js';

/** Options every command accepts (declared once on the program). */
export interface GlobalOptions {
  dataDir?: string;
  config?: string;
  port?: number;
  logFormat?: string;
}

/** The composition root of a command: config, logger, database and worker threads, built once. */
export interface CommandContext {
  config: Config;
  logger: Logger;
  database: Database;
  /** Threads for article analysis; they start only when a command analyzes. */
  analysis: AnalysisPool;
  /** Threads for feed parsing; they start only when a command fetches a feed. */
  feeds: ParsePool;
}

/** Loads config and the logger without touching the database. */
export function loadBasics(options: GlobalOptions): { config: Config; logger: Logger } {
  const flags: ConfigFlags = {
    dataDir: options.dataDir,
    config: options.config,
    port: options.port,
    logFormat: options.logFormat,
  };
  const config = loadConfig(flags);
  return { config, logger: createLogger(config.logLevel, logFormatFor(config.logFormat)) };
}

/** Builds the context, runs `work`, and closes the threads and the database whatever happens. */
export async function withContext<T>(
  options: GlobalOptions,
  work: (context: CommandContext) => Promise<T>,
  openOptions: { migrate?: boolean; exclusive?: boolean } = {},
): Promise<T> {
  const { config, logger } = loadBasics(options);
  const database = await openDatabase({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    connectTimeoutSeconds: config.databaseConnectTimeout,
    logger,
    migrate: openOptions.migrate,
    exclusive: openOptions.exclusive,
  });
  const analysis = createAnalysisPool();
  const feeds = createParsePool();
  try {
    return await work({ config, logger, database, analysis, feeds });
  } finally {
    await Promise.all([analysis.close(), feeds.close()]);
    await database.close();
  }
}

/**
 * `withContext` for the processes that must own an embedded data directory (`serve`, `worker`): a
 * running server's directory is refused rather than reached through its control socket.
 */
export function withOwnContext<T>(
  options: GlobalOptions,
  work: (context: CommandContext) => Promise<T>,
): Promise<T> {
  return withContext(options, work, { exclusive: true });
}

/** Writes machine output (JSON) or human output to stdout. */
export function print(value: unknown, json: boolean, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}
