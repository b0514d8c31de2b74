/**
 * Load on real server processes over loopback: 64 connections read story pages while 20 signed-in
 * commenters post for 30 s, against (a) one embedded `newsloom serve` and (b) two
 * `newsloom serve --no-workers` nodes on one PostgreSQL database (readers and commenters spread over
 * both). Reports requests/s, p50 and p99 for reading and for posting, errors, and comments lost
 * (accepted by the API but not stored). Bounded: BENCH_LOAD_SECONDS (default 30).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/connect.js';
import { FIXTURE_STORIES, seedSite } from '../src/store/site-fixture.js';
import { round } from './lib.js';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const READERS = 64;
const COMMENTERS = 20;
const root = path.resolve(import.meta.dirname, '..');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Starts `newsloom ARGS` and resolves once it listens. */
async function startNode(args: string[], env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/bin.ts'), ...args], {
    cwd: root,
    env: { ...process.env, NEWSLOOM_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => {
    err = (err + d.toString()).slice(-4000);
  });
  const port = Number(args[args.indexOf('--port') + 1]);
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`newsloom ${args.join(' ')} exited: ${err}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`newsloom ${args.join(' ')} did not become ready: ${err}`);
}

async function stopNode(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Signs up and signs in one commenter on `base`; returns its cookie header. */
async function signIn(base: string, origin: string, i: number): Promise<string> {
  const headers = { 'content-type': 'application/json', origin };
  const body = JSON.stringify({
    email: `load${i}@bench.example`,
    password: 'bench password',
    name: `Reader ${i}`,
  });
  await fetch(`${base}/api/auth/sign-up/email`, { method: 'POST', headers, body });
  const response = await fetch(`${base}/api/auth/sign-in/email`, { method: 'POST', headers, body });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** Runs readers and commenters at once against `bases`; counts what the database kept. */
async function load(bases: string[], origin: string, storyIds: number[]) {
  const slugs = FIXTURE_STORIES.map((s) => s.slug);
  const cookies: string[] = [];
  for (let i = 0; i < COMMENTERS; i++) cookies.push(await signIn(bases[i % bases.length]!, origin, i));
  const deadline = Date.now() + SECONDS * 1000;
  const readers = bases.map((base) =>
    autocannon({
      url: base,
      connections: READERS / bases.length,
      duration: SECONDS,
      workers: 1,
      requests: slugs.map((slug) => ({ method: 'GET', path: `/stories/${slug}` })),
    }),
  );
  const posts: { ms: number; status: number | 'error' }[] = [];
  const commenters = cookies.map(async (cookie, i) => {
    const base = bases[i % bases.length]!;
    for (let n = 0; Date.now() < deadline; n++) {
      const storyId = storyIds[(i + n) % storyIds.length]!;
      const start = process.hrtime.bigint();
      try {
        const response = await fetch(`${base}/api/v1/stories/${storyId}/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin, cookie },
          body: JSON.stringify({ body: `Load comment ${n} from reader ${i}: point number ${n * 7 + i}.` }),
        });
        await response.arrayBuffer();
        posts.push({ ms: Number(process.hrtime.bigint() - start) / 1e6, status: response.status });
      } catch {
        posts.push({ ms: Number(process.hrtime.bigint() - start) / 1e6, status: 'error' });
      }
    }
  });
  const [reads] = await Promise.all([Promise.all(readers), Promise.all(commenters)]);
  const accepted = posts.filter((p) => p.status === 201 || p.status === 202).length;
  const ms = posts.map((p) => p.ms);
  const readRequests = reads.reduce((a, r) => a + r.requests.total, 0);
  return {
    seconds: SECONDS,
    read: {
      connections: READERS,
      requests: readRequests,
      requests_per_second: round(readRequests / SECONDS),
      // With two nodes: the worse node's percentiles.
      p50_ms: Math.max(...reads.map((r) => r.latency.p50)),
      p99_ms: Math.max(...reads.map((r) => r.latency.p99)),
      errors: reads.reduce((a, r) => a + r.errors + r.timeouts + r.non2xx, 0),
    },
    comment: {
      commenters: COMMENTERS,
      posted: posts.length,
      requests_per_second: round(posts.length / SECONDS),
      p50_ms: round(percentile(ms, 50)),
      p99_ms: round(percentile(ms, 99)),
      errors: posts.filter((p) => p.status !== 201 && p.status !== 202).length,
      accepted,
    },
  };
}

const commentEnv = {
  NEWSLOOM_AUTH_SECRET: 'bench-secret-0123456789abcdef0123456789',
  NEWSLOOM_SIGN_IN_PER_MINUTE: '10000',
  NEWSLOOM_COMMENTS_PER_MINUTE: '10000',
  NEWSLOOM_COMMENT_MIN_FORM_SECONDS: '0',
  NEWSLOOM_COMMENTS_HELD_FOR_NEW_ACCOUNTS: '0',
};

async function seed(database: Database): Promise<number[]> {
  return [...(await seedSite(database.db, FIXTURE_STORIES)).values()];
}

async function countComments(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

type Result = Awaited<ReturnType<typeof load>>;

function withStored(result: Result, stored: number) {
  const ok = result.read.errors === 0 && result.comment.errors === 0 && stored === result.comment.accepted;
  return { ...result, comment: { ...result.comment, stored, lost: result.comment.accepted - stored }, ok };
}

/** (a) One embedded server (the comment count is read once it has stopped: the data directory is locked). */
async function embedded() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsloom-load-'));
  try {
    const setup = await openDatabase({ dataDir: dir });
    const storyIds = await seed(setup);
    await setup.close();
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const node = await startNode(['serve', '--data-dir', dir, '--port', String(port)], {
      ...commentEnv,
      NEWSLOOM_SITE_URL: origin,
    });
    let result: Result;
    try {
      result = await load([origin], origin, storyIds);
    } finally {
      await stopNode(node);
    }
    const database = await openDatabase({ dataDir: dir });
    try {
      return { setup: 'embedded, one process', ...withStored(result, await countComments(database)) };
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** (b) Two web nodes on a fresh database of the PostgreSQL server. */
async function twoNodesOnPostgres(serverUrl: string) {
  const name = `newsloom_load_${Date.now().toString(36)}`;
  const admin = new pg.Pool({ connectionString: serverUrl, max: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const nodes: ChildProcess[] = [];
  const database = await openDatabase({ dataDir: '', databaseUrl: url.toString() });
  try {
    const storyIds = await seed(database);
    const ports = [await freePort(), await freePort()];
    const origin = `http://127.0.0.1:${ports[0]}`;
    // Both nodes trust the first one's origin, as behind one proxy with one public URL.
    for (const port of ports) {
      nodes.push(
        await startNode(['serve', '--no-workers', '--port', String(port)], {
          ...commentEnv,
          DATABASE_URL: url.toString(),
          NEWSLOOM_SITE_URL: origin,
        }),
      );
    }
    const result = await load(
      ports.map((p) => `http://127.0.0.1:${p}`),
      origin,
      storyIds,
    );
    return { setup: 'two web nodes on PostgreSQL', ...withStored(result, await countComments(database)) };
  } finally {
    await Promise.all(nodes.map(stopNode));
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** The load benchmark: embedded, then two nodes on PostgreSQL when a server is configured. */
export async function benchLoad() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const results: unknown[] = [await embedded()];
  if (serverUrl) results.push(await twoNodesOnPostgres(serverUrl));
  else
    results.push({
      setup: 'two web nodes on PostgreSQL',
      skipped: 'set BENCH_DATABASE_URL or TEST_DATABASE_URL',
    });
  return results;
}
