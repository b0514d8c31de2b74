import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { createApp } from '../web/app.js';
import { type GlobalOptions, withContext } from './context.js';
import { waitForSignal } from './signals.js';
import { startBackground } from './workers.js';

/** `newsloom serve`: the web server, plus the scheduler and workers unless `--no-workers`. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the site and API')
    .option('--port <n>', 'port to listen on (default 3000, or PORT)', parsePort)
    .option('--no-workers', 'serve the web only (the scheduler still queues refreshes for `newsloom worker`)')
    .action(async (options: { port?: number; workers: boolean }, command: Command) => {
      const globals = { ...command.optsWithGlobals<GlobalOptions>(), port: options.port };
      await withContext(globals, async (context) => {
        const { config, database, logger } = context;
        const queue = await startBackground(context, { scheduler: true, workers: options.workers });
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
        await queue.stop();
      });
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${value}`);
  return port;
}
