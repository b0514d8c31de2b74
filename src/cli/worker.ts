import type { Server } from 'node:http';
import type { Command } from 'commander';
import { getRequestListener } from '@hono/node-server';
import { createMetrics } from '../ops/metrics.js';
import { metricsAccess } from '../web/metrics-access.js';
import { opsRoutes } from '../web/ops.js';
import { type GlobalOptions, withOwnContext } from './context.js';
import { closeServer, listen, parsePort, portOf } from './serve.js';
import { waitForSignal } from './signals.js';
import { startBackground } from './workers.js';

/** `newsloom worker`: runs job workers only (no web server, no scheduler), until a signal. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run background job workers (refreshing sources, the pipeline) without the web server')
    .option(
      '--metrics-port <n>',
      'serve /healthz, /readyz and /metrics on this port (the worker records ingest, job and writer metrics)',
      parsePort,
    )
    .action(async (options: { metricsPort?: number }, command: Command) => {
      await withOwnContext(command.optsWithGlobals<GlobalOptions>(), async (context) => {
        const metrics = createMetrics();
        const queue = await startBackground(context, { scheduler: false, workers: true }, { metrics });
        let server: Server | undefined;
        try {
          if (options.metricsPort !== undefined) {
            const ops = opsRoutes({
              database: context.database,
              metrics,
              checks: [{ name: 'queue', check: () => queue.ready() }],
              metricsGuard: metricsAccess(context.config),
            });
            server = await listen(getRequestListener(ops.fetch), options.metricsPort, context.config.host);
            context.logger.info({ port: portOf(server) }, 'worker metrics listening');
          }
          await waitForSignal();
          context.logger.info('stopping workers');
          if (server) await closeServer(server, 2000);
        } finally {
          await queue.stop();
        }
      });
    });
}
