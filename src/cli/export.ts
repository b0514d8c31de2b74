import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { exportArticles } from '../ingest/export.js';
import { exportNewsroom } from '../ops/newsroom-export.js';
import { type GlobalOptions, withContext } from './context.js';

/** `newsloom export`: writes all articles in the interchange format. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      'write every article in the interchange format (one JSON object per line), or with --all the whole newsroom',
    )
    .option('--out <file>', 'write to this file instead of standard output')
    .option(
      '--all',
      'export the whole newsroom (sources, articles, stories, versions, comments, users without secrets)',
    )
    .action(async (options: { out?: string; all?: boolean }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async ({ database, logger }) => {
        const out = options.out ? createWriteStream(options.out) : process.stdout;
        const count = options.all
          ? await exportNewsroom(database.db, out)
          : await exportArticles(database.db, out);
        if (options.out) {
          out.end();
          await finished(out);
        }
        logger.info({ articles: count, out: options.out ?? 'stdout' }, 'export finished');
      });
    });
}
