import { Hono } from 'hono';
import type { Config } from '../config/config.js';
import type { Database } from '../db/connect.js';
import type { Logger } from '../lib/log.js';
import type { Metrics } from '../ops/metrics.js';
import { countAll } from '../store/stats.js';
import { observe } from './middleware/observe.js';
import { opsRoutes, type ReadinessCheck } from './ops.js';

/** What the web app needs, wired once by the command that starts the process. */
export interface WebDeps {
  config: Config;
  database: Database;
  logger: Logger;
  metrics?: Metrics;
  readiness?: ReadinessCheck[];
}

/** Builds the web application: the same object serves HTTP and answers `app.request()` in tests. */
export function createApp({ config, database, logger, metrics, readiness }: WebDeps): Hono {
  const app = new Hono();
  app.use('*', observe({ logger, metrics }));
  app.route('/', opsRoutes({ database, metrics, checks: readiness }));

  app.get('/', async (c) => {
    const counts = await countAll(database.db);
    return c.html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(config.siteName)}</title>` +
        `<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>` +
        `<h1>${escapeHtml(config.siteName)}</h1><p>${counts.articles} articles from ${counts.sources} sources, ` +
        `${counts.published_stories} published stories.</p></body></html>`,
    );
  });

  return app;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
