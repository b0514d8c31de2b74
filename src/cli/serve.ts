import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { loadDemoIfEmpty } from '../demo/load.js';
import { startPipelineLoop } from '../jobs/pipeline.js';
import { buildPipelineDeps } from '../jobs/pipeline-deps.js';
import { createMetrics } from '../ops/metrics.js';
import { createApp } from '../web/app.js';
import { type GlobalOptions, withContext } from './context.js';

/** Seconds in-flight requests get to finish after SIGTERM before their connections are cut. */
const SHUTDOWN_DEADLINE_MS = 10_000;
/** How often serve looks for new articles to cluster and stories to write. */
const PIPELINE_INTERVAL_MS = 30_000;

/** `newsloom serve`: the web server (and, in later stages, the scheduler and workers). */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the site and API')
    .option('--port <n>', 'port to listen on (default 3000, or PORT)', parsePort)
    .option('--demo', 'load the demo corpus first when the database holds no articles')
    .option('--no-workers', 'serve only; leave the pipeline (cluster, write, publish) to other processes')
    .action(async (options: { port?: number; demo?: boolean; workers?: boolean }, command: Command) => {
      const globals = { ...command.optsWithGlobals<GlobalOptions>(), port: options.port };
      await withContext(globals, async ({ config, database, logger }) => {
        if (options.demo) await loadDemoIfEmpty(database.db, { logger });
        const metrics = createMetrics();
        const app = createApp({ config, database, logger, metrics });
        const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }) as Server;
        await new Promise<void>((resolve, reject) => {
          server.once('listening', resolve);
          server.once('error', reject);
        });
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : config.port;
        logger.info({ url: `http://${config.host}:${port}/`, engine: database.engine }, 'listening');
        const pipeline =
          options.workers === false
            ? undefined
            : startPipelineLoop(buildPipelineDeps(config, database, logger), {
                intervalMs: PIPELINE_INTERVAL_MS,
              });
        await waitForSignal();
        logger.info('shutting down');
        await pipeline?.stop();
        await closeServer(server, SHUTDOWN_DEADLINE_MS);
      });
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${value}`);
  return port;
}

/** Stops accepting connections, lets in-flight requests finish, and cuts what is left at the deadline. */
async function closeServer(server: Server, deadlineMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), deadlineMs);
  await closed;
  clearTimeout(timer);
}

/** Resolves on the first SIGINT or SIGTERM; a second one exits at once. */
function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
