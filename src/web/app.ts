import type { Context } from 'hono';
import { Hono } from 'hono';
import { createSettingsService, type SettingsService } from '../admin/settings.js';
import { createAccounts } from '../auth/accounts.js';
import { storedSecretsBox } from '../auth/auth-secret.js';
import type { Config } from '../config/config.js';
import type { Database } from '../db/connect.js';
import { fetcherFromConfig } from '../cli/ingest-wiring.js';
import type { Fetcher } from '../ingest/fetch/fetcher.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import type { Metrics } from '../ops/metrics.js';
import { storyPageKey } from '../store/site.js';
import { apiRoutes } from './api/routes.js';
import { registerSiteApi } from './api/site-routes.js';
import { adminApp } from './admin/index.js';
import { type Asset, loadAssets } from './assets.js';
import { authRoutes, withAccounts } from './auth/index.js';
import type { SiteDeps } from './context.js';
import { discussApp, storyThoughts } from './discuss/index.js';
import { type FastPath, storyFastPath } from './fast-path.js';
import { limitBody } from './middleware/body-limit.js';
import { guardInput } from './middleware/input-guard.js';
import { observe } from './middleware/observe.js';
import { metricsAccess } from './metrics-access.js';
import { opsRoutes, type ReadinessCheck } from './ops.js';
import { memoize, PageCache } from './page-cache.js';
import { handleError } from './routes/errors.js';
import { registerFeeds } from './routes/feeds.js';
import { registerPages } from './routes/pages.js';
import { registerStoryPages } from './routes/story.js';
import { fastResponse, ifNoneMatch, securityHeaders } from './security.js';
import { siteContextLoader } from './site-context.js';
import { renderPage } from './views/layout.js';

/** What the web app needs, wired once by the command that starts the process. */
export interface WebDeps {
  config: Config;
  database: Database;
  logger: Logger;
  metrics?: Metrics;
  readiness?: ReadinessCheck[];
  /** The settings in force (config plus console overrides); one is built when not given. */
  settings?: SettingsService;
  /** The fetcher "fetch now" and "add source" use; built from config when not given. */
  fetcher?: Fetcher;
}

/** Tuning for tests and benchmarks. */
export interface WebOptions {
  /** How long a slug → page key lookup is trusted (a new version or comment shows up at most this late). */
  versionTtlMs?: number;
  /** How long the site frame (topics, demo flag) is trusted. */
  siteTtlMs?: number;
}

/** The web application and the fast path that serves its cached story pages in front of it. */
export interface Site {
  /** Answers HTTP through a node adapter and `app.request()` in tests. */
  app: Hono;
  /** Serves a cached story page straight to node:http; false when the request is the app's. */
  fastPath: FastPath;
}

/** Builds the web application: the same object serves HTTP and answers `app.request()` in tests. */
export function createApp(deps: WebDeps, options: WebOptions = {}): Hono {
  return createSite(deps, options).app;
}

/** Builds the web application and its story fast path over the same caches (`siteListener` serves both). */
export function createSite(
  { config, database, logger, metrics, readiness, ...wired }: WebDeps,
  options: WebOptions = {},
): Site {
  const app = new Hono();
  const assets = loadAssets();
  const db = database.db;
  const settings =
    wired.settings ??
    createSettingsService({
      config,
      db,
      logger,
      secrets: storedSecretsBox(config, database.engine),
    });
  const accounts = createAccounts({ config, database, logger, live: () => settings.current().config });
  const deps: SiteDeps = {
    config,
    db,
    logger,
    site: siteContextLoader({ settings, db, assets }, { ttlMs: options.siteTtlMs ?? 5000 }),
    cache: new PageCache(),
    storyKey: memoize((slug) => storyPageKey(db, slug), { ttlMs: options.versionTtlMs ?? 1000 }),
    thoughts: storyThoughts(accounts),
  };

  app.use(observe({ logger, metrics }));
  // Every request sees the console's settings at most a TTL old, then reads them synchronously.
  app.use(async function freshSettings(_c, next) {
    await settings.fresh();
    await next();
  });
  // Pages, feeds and assets build their responses with fastResponse (security headers included, so
  // the middleware leaves them alone); everything else (API, accounts, discuss) gets them here.
  app.use(securityHeaders());
  // Before anything reads a body: its size, then control characters and JSON depth (400/413).
  app.use(limitBody());
  app.use(guardInput());
  app.onError((error, c) => handleError(error, c, deps));
  app.notFound((c) => handleError(new AppError('not_found', 'no such page'), c, deps));

  app.use(
    withAccounts(accounts, {
      frame: async (meta, content) => renderPage(await deps.site(), { ...meta, noindex: true }, content),
    }),
  );
  app.route('/', opsRoutes({ database, metrics, checks: readiness, metricsGuard: metricsAccess(config) }));
  for (const asset of [assets.css, assets.js]) app.get(asset.path, (c) => serveAsset(c, asset));
  registerPages(app, deps);
  registerStoryPages(app, deps);
  registerFeeds(app, deps);
  registerSiteApi(app, deps);
  app.route('/api/v1', apiRoutes({ db, siteUrl: config.siteUrl }));
  app.route('/', authRoutes(accounts));
  app.route('/', discussApp(accounts));
  const fetcher = wired.fetcher ?? fetcherFromConfig(config);
  app.route('/', adminApp({ accounts, database, config, logger, site: deps, settings, fetcher }));
  return { app, fastPath: storyFastPath(deps, { logger, metrics }) };
}

function serveAsset(c: Context, asset: Asset): Response {
  const headers = { 'Cache-Control': 'public, max-age=31536000, immutable', ETag: asset.etag };
  if (ifNoneMatch(c) === asset.etag) return fastResponse(null, 304, headers);
  return fastResponse(asset.body, 200, { ...headers, 'Content-Type': asset.type });
}
