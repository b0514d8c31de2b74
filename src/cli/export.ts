import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { storedSecretsBox } from '../auth/auth-secret.js';
import { exportArticles } from '../ingest/export.js';
import { AppError } from '../lib/errors.js';
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
    .option(
      '--include-secrets',
      'with --all: include the secrets saved in the console (the model API key), in the clear',
    )
    .action(async (options: { out?: string; all?: boolean; includeSecrets?: boolean }, command: Command) => {
      await withContext(command.optsWithGlobals<GlobalOptions>(), async ({ config, database, logger }) => {
        const box = options.includeSecrets ? storedSecretsBox(config, database.engine) : undefined;
        if (options.includeSecrets && !options.all)
          throw new AppError('invalid_input', '--include-secrets goes with --all');
        if (options.includeSecrets && !box)
          throw new AppError('config_invalid', '--include-secrets needs NEWSLOOM_AUTH_SECRET to open them');
        const out = options.out ? createWriteStream(options.out) : process.stdout;
        const count = options.all
          ? await exportNewsroom(database.db, out, undefined, { openSecret: box?.open })
          : await exportArticles(database.db, out);
        if (options.out) {
          out.end();
          await finished(out);
        }
        logger.info({ articles: count, out: options.out ?? 'stdout' }, 'export finished');
      });
    });
}
