import type { Config } from '../config/config.js';
import { createFetcher, type Fetcher, userAgent } from '../ingest/fetch/fetcher.js';
import { parseAllowList } from '../ingest/fetch/guard.js';
import type { IngestDeps } from '../ingest/refresh.js';
import type { Logger } from '../lib/log.js';
import { newsloomVersion } from '../lib/version.js';
import type { CommandContext } from './context.js';

/** The process's one fetcher, built from config. */
export function fetcherFromConfig(config: Config): Fetcher {
  const seconds = config.fetchTimeout * 1000;
  return createFetcher({
    userAgent: userAgent(newsloomVersion(), config.contactUrl),
    allow: parseAllowList(config.fetchAllow),
    maxBytes: config.fetchMaxBytes,
    connectTimeoutMs: Math.min(10_000, seconds),
    headersTimeoutMs: seconds,
    bodyTimeoutMs: seconds,
    politenessDelayMs: config.fetchDelay,
  });
}

/** Everything refreshSource needs, wired once per process. */
export function ingestDeps(
  { config, database, logger, feeds }: CommandContext,
  onArticlesStored?: IngestDeps['onArticlesStored'],
): IngestDeps & { logger: Logger } {
  return {
    db: database.db,
    fetcher: fetcherFromConfig(config),
    logger,
    pauseAfter: config.sourcePauseAfter,
    // Feeds are parsed on worker threads while this thread fetches and runs the database.
    parseFeed: feeds.parse,
    onArticlesStored,
  };
}
