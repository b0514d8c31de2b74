import { existsSync } from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import { controlSocket } from './control-socket.js';
import { pendingMigrations } from './migrate.js';
import type { DB } from './schema.js';

/**
 * Opens the embedded database of a data directory through the control socket of the `serve` that
 * holds it, or returns null when no server answers there (no socket, or a dead one). Statements
 * then run in the server's engine, one transaction at a time between its own; the connection is
 * one, as on the embedded engine itself. A server older than this release (migrations it has not
 * applied) is refused rather than migrated under its feet.
 */
export async function openThroughServer(
  dataDir: string,
  options: { types: pg.CustomTypesConfig; logger?: Logger },
): Promise<{ db: Kysely<DB>; pool: pg.Pool; engine: 'pglite'; close(): Promise<void> } | null> {
  const socket = controlSocket(dataDir);
  if (!existsSync(socket.file)) return null;
  const pool = new pg.Pool({
    host: socket.dir,
    port: socket.port,
    user: 'newsloom',
    database: 'newsloom',
    types: options.types,
    max: 1,
    connectionTimeoutMillis: 10_000,
  });
  pool.on('error', (error) => options.logger?.warn({ err: error }, 'control socket connection lost'));
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ECONNREFUSED' || code === 'ENOENT') return null;
    throw new AppError(
      'database_unavailable',
      `cannot use the control socket ${socket.file}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const pending = await pendingMigrations(db as Kysely<unknown>).catch(async (error) => {
    await db.destroy();
    throw error;
  });
  if (pending.length > 0) {
    await db.destroy();
    throw new AppError(
      'data_dir_locked',
      `the server running on ${dataDir} is older than this newsloom (it lacks migration ${pending[0]}); restart it, then try again`,
    );
  }
  options.logger?.debug(
    { data_dir: dataDir, socket: socket.file },
    'data directory served by a running newsloom: working through its control socket',
  );
  return { db, pool, engine: 'pglite', close: () => db.destroy() };
}
