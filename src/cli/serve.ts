import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { loadDemoIfEmpty } from '../demo/load.js';
import { createApp } from '../web/app.js';
import { type GlobalOptions, withContext } from './context.js';

/** `newsloom serve`: the web server (and, in later stages, the scheduler and workers). */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the site and API')
    .option('--port <n>', 'port to listen on (default 3000, or PORT)', parsePort)
    .option('--demo', 'load the demo corpus first when the database holds no articles')
    .action(async (options: { port?: number; demo?: boolean }, command: Command) => {
      const globals = { ...command.optsWithGlobals<GlobalOptions>(), port: options.port };
      await withContext(globals, async ({ config, database, logger }) => {
        if (options.demo) await loadDemoIfEmpty(database.db, { logger });
        const app = createApp({ config, database, logger });
        const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
        await new Promise<void>((resolve, reject) => {
          server.once('listening', resolve);
          server.once('error', reject);
        });
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : config.port;
        logger.info({ url: `http://${config.host}:${port}/`, engine: database.engine }, 'listening');
        await waitForSignal();
        logger.info('shutting down');
        await new Promise<void>((resolve) => server.close(() => resolve()));
      });
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${value}`);
  return port;
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
