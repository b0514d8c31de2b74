import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { migrateToLatest } from '../db/migrate.js';
import { type GlobalOptions, print, withContext } from './context.js';

/** `newsloom migrate`: applies pending database migrations. */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (they also run at every start)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const applied = await withContext(
        command.optsWithGlobals<GlobalOptions>(),
        ({ database }) => migrateToLatest(database.db as Kysely<unknown>),
        { migrate: false },
      );
      print({ applied }, options.json ?? false, () =>
        applied.length === 0 ? 'database is up to date' : `applied ${applied.join(', ')}`,
      );
    });
}
