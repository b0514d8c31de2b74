import type { Command } from 'commander';
import { type GlobalOptions, withContext } from './context.js';
import { waitForSignal } from './signals.js';
import { startBackground } from './workers.js';

/** `newsloom worker`: runs job workers only (no web server, no scheduler), until a signal. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run background job workers (refreshing sources) without the web server')
    .action(async (_options: unknown, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async (context) => {
        const queue = await startBackground(context, { scheduler: false, workers: true });
        await waitForSignal();
        context.logger.info('stopping workers');
        await queue.stop();
      });
    });
}
