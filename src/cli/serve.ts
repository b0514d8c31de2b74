import { createServer, type RequestListener, type Server } from 'node:http';
import type { Command } from 'commander';
import { createSettingsService } from '../admin/settings.js';
import { storedSecretsBox } from '../auth/auth-secret.js';
import { withServedPort } from '../config/config.js';
import { type ControlSocket, startControlSocket } from '../db/control-socket.js';
import { loadDemoIfEmpty } from '../demo/load.js';
import { demoPipeline } from '../demo/pipeline.js';
import { logFormatFor } from '../lib/log.js';
import { newsloomVersion } from '../lib/version.js';
import { createMetrics } from '../ops/metrics.js';
import { createSite } from '../web/app.js';
import { siteListener } from '../web/server.js';
import { bannerFacts, startupBanner } from './banner.js';
import { type CommandContext, type GlobalOptions, withOwnContext } from './context.js';
import { waitForSignal } from './signals.js';
import { startBackground } from './workers.js';

/** Milliseconds in-flight requests get to finish after SIGTERM before their connections are cut. */
const SHUTDOWN_DEADLINE_MS = 10_000;

interface ServeOptions {
  port?: number;
  demo?: boolean;
  workers: boolean;
}

/** `newsloom serve`: the web server, plus the scheduler and workers unless `--no-workers`. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the site and API')
    .option('--port <n>', 'port to listen on (default 3000, or PORT)', parsePort)
    .option('--demo', 'load the demo corpus first when the database holds no articles')
    .option(
      '--no-workers',
      'serve the web only; refreshes and the pipeline (cluster, write, publish) run in `newsloom worker`',
    )
    .action(async (options: ServeOptions, command: Command) => {
      const globals = { ...command.optsWithGlobals<GlobalOptions>(), port: options.port };
      // Serve owns its data directory: a second one on the same directory is refused.
      await withOwnContext(globals, async (opened) => {
        // The port is claimed first: a taken one fails before any slow start-up work, and a
        // siteUrl nobody set follows the port actually bound. Until the site is ready it answers 503.
        const gate = startingGate();
        const server = await listen(gate.listener, opened.config.port, opened.config.host);
        const context = { ...opened, config: withServedPort(opened.config, portOf(server)) };
        let control: ControlSocket | null = null;
        try {
          // Other commands on this data directory reach its database through here meanwhile.
          if (context.database.pglite)
            control = await startControlSocket(context.database, context.config.dataDir, context.logger);
          await serveUntilSignal(context, server, gate, options);
        } finally {
          // Closed already after a signal; a start-up that failed must not leave the port held.
          if (server.listening) await closeServer(server, SHUTDOWN_DEADLINE_MS);
          await control?.close();
        }
      });
    });
}

/** Loads the demo if asked, starts the jobs and the site, says where it is, and waits for a signal. */
async function serveUntilSignal(
  context: CommandContext,
  server: Server,
  gate: StartingGate,
  options: ServeOptions,
): Promise<void> {
  const { config, database, logger } = context;
  if (options.demo) {
    const afterImport = demoPipeline({ db: database.db, config, logger });
    await loadDemoIfEmpty(database.db, { logger, afterImport });
  }
  // One registry per process, handed to everything that records (web, queue, ingest, writer).
  const metrics = createMetrics();
  // One settings service for the site and the pipeline: a console save applies to both at once.
  const settings = createSettingsService({
    config,
    db: database.db,
    logger,
    secrets: storedSecretsBox(config, database.engine),
  });
  const queue = await startBackground(
    context,
    { scheduler: true, workers: options.workers },
    { metrics, settings },
  );
  try {
    const readiness = [{ name: 'queue', check: () => queue.ready() }];
    const site = createSite({ config, database, logger, metrics, readiness, settings });
    gate.open(siteListener(site));
    const siteUrl = `${config.siteUrl.replace(/\/$/, '')}/`;
    const facts = await bannerFacts(context, {
      url: siteUrl,
      version: newsloomVersion(),
      workers: options.workers,
    });
    logger.info(
      {
        url: `http://${config.host}:${portOf(server)}/`,
        site_url: siteUrl,
        engine: database.engine,
        data_dir: config.dataDir,
        demo: facts.demo,
        admins: facts.admins,
      },
      'listening',
    );
    if (logFormatFor(config.logFormat) === 'pretty') process.stdout.write(`${startupBanner(facts)}\n`);
    await waitForSignal();
    logger.info('shutting down');
    await closeServer(server, SHUTDOWN_DEADLINE_MS);
  } finally {
    // The queue runs on the database: stop it before withContext closes the pool.
    await queue.stop();
  }
}

/** A request handler that answers 503 until the site behind it is ready. */
interface StartingGate {
  listener: RequestListener;
  open(site: RequestListener): void;
}

function startingGate(): StartingGate {
  let site: RequestListener | null = null;
  return {
    listener(req, res) {
      if (site) return site(req, res);
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' });
      res.end('Newsloom is starting; try again in a few seconds.\n');
    },
    open(listener) {
      site = listener;
    },
  };
}

/** Starts an HTTP server and resolves once it listens (rejects if the port is taken). */
export async function listen(handler: RequestListener, port: number, hostname: string): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
    server.listen(port, hostname);
  });
  return server;
}

/** The port a listening server got (the real one when 0 was asked for). */
export function portOf(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${value}`);
  return port;
}

/** Stops accepting connections, lets in-flight requests finish, and cuts what is left at the deadline. */
export async function closeServer(server: Server, deadlineMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), deadlineMs);
  await closed;
  clearTimeout(timer);
}
