import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import { openThroughServer } from './control-client.js';
import { type DataDirLock, lockDataDir } from './lock.js';
import { migrateToLatest } from './migrate.js';
import type { DB } from './schema.js';

export type Engine = 'pglite' | 'postgres';

/** An open database: the Kysely handle plus the pool underneath (for pg-boss and better-auth). */
export interface Database {
  readonly db: Kysely<DB>;
  readonly pool: pg.Pool;
  readonly engine: Engine;
  /** The in-process engine, when embedded. */
  readonly pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenOptions {
  dataDir: string;
  databaseUrl?: string;
  connectTimeoutSeconds?: number;
  logger?: Logger;
  migrate?: boolean;
  /**
   * Refuse, rather than share, an embedded data directory that a running `serve` holds (set by
   * the processes that must own it: `serve`, `worker`). Otherwise such a directory is reached
   * through that server's control socket.
   */
  exclusive?: boolean;
}

// int8 (count(*), bigint ids) and numeric come back as JS numbers: ids stay far below 2^53.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/** Opens the embedded engine in `<dataDir>/db`, or the server named by `databaseUrl`, and migrates. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  const database = options.databaseUrl ? await openServed(options) : await openEmbedded(options);
  if (options.migrate !== false) {
    try {
      await migrateToLatest(database.db as Kysely<unknown>, options.logger);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

async function openServed(options: OpenOptions): Promise<Database> {
  const timeoutMs = (options.connectTimeoutSeconds ?? 5) * 1000;
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    connectionTimeoutMillis: timeoutMs,
    types,
    max: 10,
  });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', (error) => options.logger?.warn({ err: error }, 'database connection lost'));
  // pg-pool listens for errors only while a client sits idle. One checked out between two queries
  // (a transaction awaiting other work) that loses its server emits 'error' with no listener, which
  // kills the process; its next query fails instead, and the pool drops it on release.
  pool.on('connect', (client) => {
    client.on('error', (error) => options.logger?.debug({ err: error }, 'database client error'));
  });
  try {
    await pool.query('SELECT 1');
  } catch (cause) {
    await pool.end().catch(() => {});
    throw new AppError(
      'database_unavailable',
      `cannot reach PostgreSQL at ${redact(options.databaseUrl!)}: ${(cause as Error).message || String(cause)}`,
      { cause },
    );
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    engine: 'postgres',
    async close() {
      await db.destroy();
    },
  };
}

async function openEmbedded(options: OpenOptions): Promise<Database> {
  let lock: DataDirLock;
  try {
    lock = lockDataDir(options.dataDir, options.logger);
  } catch (error) {
    if (options.exclusive || !(error instanceof AppError && error.code === 'data_dir_locked')) throw error;
    const shared = await openThroughServer(options.dataDir, { types, logger: options.logger });
    if (!shared) throw error;
    return shared;
  }
  try {
    const pglite = await PGlite.create(`${options.dataDir}/db`);
    return wrapPglite(pglite, 'pglite', async () => {
      await pglite.close();
      lock.release();
    });
  } catch (error) {
    lock.release();
    if (error instanceof AppError) throw error;
    throw new AppError(
      'io_error',
      `cannot open embedded database in ${options.dataDir}/db: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

/** Puts a Kysely handle and a one-connection pg pool over an already open PGlite. */
export function wrapPglite(pglite: PGlite, engine: Engine, onClose: () => Promise<void>): Database {
  const pool = new pg.Pool({ ...createPgConfig(pglite), types, max: 1 } as pg.PoolConfig);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    pool,
    engine,
    pglite,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await onClose();
    },
  };
}

/** A database URL with its password masked, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
