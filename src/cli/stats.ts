import type { Command } from 'commander';
import { countAll } from '../store/stats.js';
import { type GlobalOptions, print, withContext } from './context.js';

/** `newsloom stats`: row counts. */
export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('count sources, articles, stories and published stories')
    .option('--json', 'print the counts as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const counts = await withContext(command.optsWithGlobals<GlobalOptions>(), ({ database }) =>
        countAll(database.db),
      );
      print(counts, options.json ?? false, () =>
        Object.entries(counts)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n'),
      );
    });
}
