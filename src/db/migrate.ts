import { type Kysely, type MigrationResult, Migrator, sql } from 'kysely';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import { migrations } from './migrations/index.js';

async function migratorFor(db: Kysely<unknown>): Promise<Migrator> {
  // Kysely looks for its bookkeeping tables by schema name; name the one this connection writes to,
  // so that databases sharing a server in different schemas never see each other's state.
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  return new Migrator({
    db,
    migrationTableSchema: rows[0]?.schema ?? 'public',
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'newsloom_migrations',
    migrationLockTableName: 'newsloom_migrations_lock',
    // Migrations from parallel lines of work can land in any order; each one is self-contained.
    allowUnorderedMigrations: true,
  });
}

/** The migrations this release has that the database has not applied. */
export async function pendingMigrations(db: Kysely<unknown>): Promise<string[]> {
  const known = await (await migratorFor(db)).getMigrations();
  return known.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

/** Applies every pending migration; returns the names applied now. */
export async function migrateToLatest(db: Kysely<unknown>, logger?: Logger): Promise<string[]> {
  const migrator = await migratorFor(db);
  const { error, results = [] } = await migrator.migrateToLatest();
  const applied = results.filter((r: MigrationResult) => r.status === 'Success').map((r) => r.migrationName);
  for (const name of applied) logger?.info({ migration: name }, 'migration applied');
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError('database_unavailable', `migration ${failed} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return applied;
}
