import { createServer, type RequestListener, type Server } from 'node:http';
import type { Command } from 'commander';
import { loadDemoIfEmpty } from '../demo/load.js';
import { demoPipeline } from '../demo/pipeline.js';
import { createSettingsService } from '../admin/settings.js';
import { createMetrics } from '../ops/metrics.js';
import { createSite } from '../web/app.js';
import { siteListener } from '../web/server.js';
import { type GlobalOptions, withContext } from './context.js';
import { waitForSignal } from './signals.js';
import { startBackground } from './workers.js';

/** Milliseconds in-flight requests get to finish after SIGTERM before their connections are cut. */
const SHUTDOWN_DEADLINE_MS = 10_000;

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
    .action(async (options: { port?: number; demo?: boolean; workers: boolean }, command: Command) => {
      const globals = { ...command.optsWithGlobals<GlobalOptions>(), port: options.port };
      await withContext(globals, async (context) => {
        const { config, database, logger } = context;
        if (options.demo) {
          const afterImport = demoPipeline({ db: database.db, config, logger });
          await loadDemoIfEmpty(database.db, { logger, afterImport });
        }
        // One registry per process, handed to everything that records (web, queue, ingest, writer).
        const metrics = createMetrics();
        // One settings service for the site and the pipeline: a console save applies to both at once.
        const settings = createSettingsService({ config, db: database.db, logger });
        const queue = await startBackground(
          context,
          { scheduler: true, workers: options.workers },
          { metrics, settings },
        );
        try {
          const readiness = [{ name: 'queue', check: () => queue.ready() }];
          const site = createSite({ config, database, logger, metrics, readiness, settings });
          const server = await listen(siteListener(site), config.port, config.host);
          logger.info(
            { url: `http://${config.host}:${portOf(server)}/`, engine: database.engine },
            'listening',
          );
          await waitForSignal();
          logger.info('shutting down');
          await closeServer(server, SHUTDOWN_DEADLINE_MS);
        } finally {
          // The queue runs on the database: stop it before withContext closes the pool.
          await queue.stop();
        }
      });
    });
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
