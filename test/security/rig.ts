import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAccounts } from '../../src/auth/accounts.js';
import type { Role } from '../../src/auth/roles.js';
import { createUser } from '../../src/auth/users.js';
import type { Config } from '../../src/config/config.js';
import type { Database } from '../../src/db/connect.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { silentLogger } from '../../src/lib/log.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { FIXTURE_STORIES, seedSite } from '../../src/store/site-fixture.js';
import { createSite } from '../../src/web/app.js';
import { servedAt, TestClient, testConfig } from '../../src/web/discuss/testing.js';
import { siteListener } from '../../src/web/server.js';

/** A password every rig account shares. */
export const PASSWORD = 'correct horse battery';

/** The site served on 127.0.0.1 on a free port, over a fresh test database seeded with the fixture stories. */
export interface Rig {
  base: string;
  database: Database;
  config: Config;
  /** Story ids of the fixture stories by slug. */
  stories: Map<string, number>;
  /** A signed-out client from its own address. */
  client(ip: string): TestClient;
  /** Creates an account with a role and returns a client signed in as it. */
  signedIn(email: string, role: Role, ip: string): Promise<{ client: TestClient; id: string }>;
  close(): Promise<void>;
}

/** Starts the whole site (fast path and app, as `newsloom serve` runs them) on an ephemeral loopback port. */
export async function startRig(
  overrides: Partial<Config> = {},
  options: { metrics?: boolean } = {},
): Promise<Rig> {
  const database = await openTestDatabase('pglite');
  const stories = await seedSite(database.db, FIXTURE_STORIES);
  const config = testConfig(overrides);
  const metrics = options.metrics ? createMetrics({ defaults: false }) : undefined;
  const site = createSite({ config, database, logger: silentLogger(), metrics }, { siteTtlMs: 60_000 });
  const server = createServer(siteListener(site));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = createAccounts({ config, database, logger: silentLogger() });
  const target = servedAt(base);
  return {
    base,
    database,
    config,
    stories,
    client: (ip) => new TestClient(target, ip),
    async signedIn(email, role, ip) {
      const { id } = await createUser(accounts, { email, password: PASSWORD, role, name: role });
      const client = new TestClient(target, ip);
      const answer = await client.post('/sign-in', { email, password: PASSWORD });
      if (answer.status !== 303) throw new Error(`${email} could not sign in: ${answer.status}`);
      return { client, id };
    },
    async close() {
      await closeServer(server);
      await database.close();
    },
  };
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** What a raw exchange got back. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A POST over node:http that sends the headers and then at most `sendBytes` of a body (declared by
 * `Content-Length`, or chunked when `length` is omitted), and resolves with the answer as soon as
 * it comes: a server that answers before reading the body shows it here.
 */
export function rawPost(
  base: string,
  path: string,
  options: { headers?: Record<string, string>; length?: number; sendBytes: number },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (options.length !== undefined) headers['content-length'] = String(options.length);
    const req = httpRequest(`${base}${path}`, {
      method: 'POST',
      headers: { ...headers, ...options.headers },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        });
        req.destroy();
      });
    });
    req.on('error', (error) => {
      // The server may cut the connection after answering; the answer already counts.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ECONNRESET' && code !== 'EPIPE') reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < options.sendBytes) {
        const piece = chunk.subarray(0, Math.min(chunk.length, options.sendBytes - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      // Declared longer than sent: leave the request open, so only an early answer can end it.
      if (options.length === undefined || options.length <= sent) req.end();
    };
    pump();
  });
}
