import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../lib/log.js';
import { type Database, openDatabase } from './connect.js';
import { type ControlSocket, controlSocket, startControlSocket } from './control-socket.js';
import { type DataDirLock, lockDataDir } from './lock.js';
import { openTestDatabase } from './testing.js';

describe('the control socket of a running server', () => {
  let dataDir: string;
  let lock: DataDirLock;
  let server: Database;
  let socket: ControlSocket;
  const open = (options: { exclusive?: boolean } = {}) =>
    openDatabase({ dataDir, logger: silentLogger(), ...options });
  const settingOn = async (database: Database, key: string) =>
    (await sql<{ value: unknown }>`SELECT value FROM site_settings WHERE key = ${key}`.execute(database.db))
      .rows[0]?.value;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'newsloom-control-'));
    // What `serve` holds: the data directory's lock and its engine.
    lock = lockDataDir(dataDir);
    server = await openTestDatabase('pglite');
    socket = (await startControlSocket(server, dataDir, silentLogger()))!;
  });
  afterAll(async () => {
    await socket?.close();
    await server?.close();
    lock?.release();
  });

  it('lets only the owner in: an owner-only socket in an owner-only folder', () => {
    expect(statSync(controlSocket(dataDir).dir).mode & 0o777).toBe(0o700);
    expect(statSync(socket.file).mode & 0o777).toBe(0o600);
    expect(statSync(socket.file).isSocket()).toBe(true);
  });

  it('gives another command the server’s database, both ways', async () => {
    const client = await open();
    try {
      await sql`INSERT INTO site_settings (key, value) VALUES ('from-client', '{"n": 1}')`.execute(client.db);
      expect(await settingOn(server, 'from-client')).toEqual({ n: 1 });
      await sql`INSERT INTO site_settings (key, value) VALUES ('from-server', '"s"')`.execute(server.db);
      expect(await settingOn(client, 'from-server')).toBe('s');
    } finally {
      await client.close();
    }
  });

  it('keeps the server’s queries out of a client’s transaction, and runs them once it ends', async () => {
    const client = await open();
    try {
      let serverSaw: unknown = 'not yet';
      let serverRead: Promise<void> = Promise.resolve();
      await client.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO site_settings (key, value) VALUES ('in-tx', '1')`.execute(trx);
        serverRead = settingOn(server, 'in-tx').then((value) => {
          serverSaw = value;
        });
        await new Promise((resolve) => setTimeout(resolve, 200));
        // Had the server's query run inside this transaction, it would have answered by now.
        expect(serverSaw).toBe('not yet');
        await sql`UPDATE site_settings SET value = '2' WHERE key = 'in-tx'`.execute(trx);
      });
      await serverRead;
      expect(serverSaw).toBe(2);
    } finally {
      await client.close();
    }
  });

  it('rolls back the transaction of a client that goes away in the middle of it', async () => {
    const client = await open();
    await sql`BEGIN`.execute(client.db);
    await sql`INSERT INTO site_settings (key, value) VALUES ('abandoned', '1')`.execute(client.db);
    client.pool.on('error', () => {});
    // Cut the connection as a killed process would.
    const raw = await client.pool.connect().catch(() => null);
    raw?.release(true);
    await client.close().catch(() => {});
    expect(await settingOn(server, 'abandoned')).toBeUndefined();
    // And the server goes on.
    expect(await settingOn(server, 'from-server')).toBe('s');
  });

  it('cuts off a client that sits silent inside a transaction, so the site is not held for ever', async () => {
    const hasty = path.join(dataDir, 'hasty');
    const hastyLock = lockDataDir(hasty);
    const logger = silentLogger();
    const warn = vi.spyOn(logger, 'warn');
    const hastySocket = (await startControlSocket(server, hasty, logger, {
      idleInTransactionMs: 300,
    }))!;
    const client = await openDatabase({ dataDir: hasty, logger: silentLogger() });
    client.pool.on('error', () => {});
    try {
      await sql`BEGIN`.execute(client.db);
      await sql`INSERT INTO site_settings (key, value) VALUES ('stalled', '1')`.execute(client.db);
      // The server's own query waits for the stalled transaction, then runs once it is cut off.
      expect(await settingOn(server, 'stalled')).toBeUndefined();
      expect(warn).toHaveBeenCalledWith({ idle_ms: 300 }, expect.stringContaining('idle in a transaction'));
      // Too late: its connection is gone, and with it the transaction (a COMMIT now starts afresh).
      await sql`COMMIT`.execute(client.db).catch(() => {});
      expect(await settingOn(server, 'stalled')).toBeUndefined();
    } finally {
      await client.close().catch(() => {});
      await hastySocket.close();
      hastyLock.release();
    }
  });

  it('refuses a process that must own the directory, naming the holder', async () => {
    await expect(open({ exclusive: true })).rejects.toThrow(/is in use by process/);
  });

  it('refuses to work under a server older than this release', async () => {
    const [removed] = (
      await sql<{
        name: string;
      }>`DELETE FROM newsloom_migrations WHERE name = (SELECT max(name) FROM newsloom_migrations) RETURNING name`.execute(
        server.db,
      )
    ).rows;
    try {
      await expect(open()).rejects.toThrow(
        /is older than this newsloom \(it lacks migration \w+\); restart it/,
      );
    } finally {
      await sql`INSERT INTO newsloom_migrations (name, timestamp) VALUES (${removed!.name}, now()::text)`.execute(
        server.db,
      );
    }
  });
});

describe('a data directory held by a process without a control socket', () => {
  it('is what a server on a path too long for a socket becomes, with a warning', async () => {
    const deep = path.join(os.tmpdir(), 'newsloom-control-'.padEnd(120, 'x'));
    const logger = silentLogger();
    const warn = vi.spyOn(logger, 'warn');
    const database = await openTestDatabase('pglite');
    try {
      expect(await startControlSocket(database, deep, logger)).toBeNull();
      expect(warn).toHaveBeenCalledWith(expect.objectContaining({ max_bytes: 103 }), expect.any(String));
    } finally {
      await database.close();
    }
  });

  it('is refused with the lock’s message', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'newsloom-control-'));
    const lock = lockDataDir(dataDir);
    try {
      await expect(openDatabase({ dataDir })).rejects.toThrow(/is in use by process/);
    } finally {
      lock.release();
    }
  });
});
