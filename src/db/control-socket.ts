import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import { type SessionTarget, serveSession } from './control-session.js';

/**
 * Where the control socket lives: `<dataDir>/control/.s.PGSQL.5432`, the name PostgreSQL gives
 * its own socket, so `pg` (and `psql -h <dataDir>/control`) reach it as a server on that folder.
 */
export function controlSocket(dataDir: string): { dir: string; port: number; file: string } {
  const dir = path.join(dataDir, 'control');
  return { dir, port: 5432, file: path.join(dir, '.s.PGSQL.5432') };
}

/** The longest socket path every platform accepts (sun_path less its terminating zero). */
const MAX_SOCKET_PATH = 103;

/** Run-time parameters the engine reports, passed on to clients at start-up. */
const REPORTED = ['server_version', 'server_encoding', 'client_encoding', 'DateStyle', 'TimeZone'];

/** A listening control socket; close() stops it and removes the file. */
export interface ControlSocket {
  readonly file: string;
  close(): Promise<void>;
}

/**
 * Lends the embedded database of a running `serve` to the other commands on its data directory:
 * they connect to the control socket as to a PostgreSQL server, and run their own operations (the
 * same functions, the same audit log) one transaction at a time between the server's own. Only the
 * data directory's owner may connect: the socket sits in a folder only the owner can enter, and is
 * itself owner-only.
 */
export async function startControlSocket(
  database: { pglite?: SessionTarget['pglite']; pool: SessionTarget['pool'] },
  dataDir: string,
  logger: Logger,
  options: { idleInTransactionMs?: number } = {},
): Promise<ControlSocket | null> {
  const pglite = database.pglite;
  if (!pglite) throw new AppError('config_invalid', 'the control socket serves an embedded database only');
  const { dir, file } = controlSocket(dataDir);
  // sun_path holds 108 bytes on Linux (104 on macOS): a deeper data directory gets no socket, and
  // the server still runs, alone on it as before.
  if (Buffer.byteLength(file) > MAX_SOCKET_PATH) {
    logger.warn(
      { socket: file, max_bytes: MAX_SOCKET_PATH },
      'data directory path too long for a control socket: other commands wait until serve stops',
    );
    return null;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  // We hold the data directory's lock, so a socket file here was left by a process that died.
  if (existsSync(file)) rmSync(file, { force: true });
  const { rows } = await database.pool.query<{ name: string; setting: string }>(
    'SELECT name, setting FROM pg_settings WHERE name = ANY($1)',
    [REPORTED],
  );
  const target = {
    pglite,
    pool: database.pool,
    parameters: rows.map((r) => [r.name, r.setting] as [string, string]),
  };
  const sessions = new Map<Socket, Promise<void>>();
  const server: Server = createServer((socket) => {
    sessions.set(
      socket,
      serveSession(socket, target, logger, options).finally(() => sessions.delete(socket)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(file, () => resolve());
  });
  chmodSync(file, 0o600);
  logger.debug({ socket: file }, 'control socket listening');
  return {
    file,
    async close() {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // Commands still connected lose their connection; an open transaction of theirs is rolled back.
      for (const socket of sessions.keys()) socket.destroy();
      await Promise.all([stopped, ...sessions.values()]);
      rmSync(file, { force: true });
    },
  };
}
