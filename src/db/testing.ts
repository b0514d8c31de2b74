import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type Database, type Engine, openDatabase, wrapPglite } from './connect.js';
import { migrateToLatest } from './migrate.js';
import type { DB } from './schema.js';

/** The engines a contract suite runs on here: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A fresh, migrated database that sees no other test's rows. PGlite starts from a migrated data
 * directory prepared once per run (initialising PGlite from scratch costs seconds); PostgreSQL gets
 * a schema of its own that close() drops.
 */
export async function openTestDatabase(engine: Engine): Promise<Database> {
  return engine === 'pglite' ? openTestPglite() : openTestPostgres();
}

async function openTestPglite(): Promise<Database> {
  const dump = process.env.NEWSLOOM_TEST_PGLITE_DUMP;
  const pglite = dump
    ? await PGlite.create({ loadDataDir: new Blob([await readFile(dump)]) })
    : await PGlite.create();
  const database = wrapPglite(pglite, 'pglite', () => pglite.close());
  // Migrations added after the dump was made (or no dump at all) are applied here.
  await migrateToLatest(database.db as Kysely<unknown>);
  return database;
}

async function openTestPostgres(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const database = await openMigrated(scoped.toString());
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Pool({ connectionString: url, max: 1 });
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}

/** A bare Kysely on a pool, for tests that need a second connection. */
export function kyselyOn(pool: pg.Pool): Kysely<DB> {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Opens and migrates a test schema. Kysely's migrator lists the tables of every schema on the
 * server, and a parallel test file dropping its own schema in that instant fails the listing
 * ("schema … does not exist", 3F000, or, when the drop lands between listing a table and reading
 * it, "relation … does not exist", 42P01): that, and only that, is retried.
 */
async function openMigrated(databaseUrl: string, attempts = 5): Promise<Database> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await openDatabase({ dataDir: '', databaseUrl });
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if ((code !== '3F000' && code !== '42P01') || attempt >= attempts) throw error;
    }
  }
}
