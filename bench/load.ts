/**
 * Load on real server processes over loopback: 64 connections read story pages while 20 signed-in
 * commenters post for 30 s, against (a) one embedded `newsloom serve` and (b) two
 * `newsloom serve --no-workers` nodes on one PostgreSQL database (readers and commenters spread over
 * both). Reports requests/s, p50 and p99 for reading and for posting, errors, and comments lost
 * (accepted by the API but not stored). Bounded: BENCH_LOAD_SECONDS (default 30).
 *
 * Readers are node:http keep-alive connections timed from request to last byte, like the
 * commenters. (autocannon, used at first, reported 10 s timeouts for about 1% of reads the nodes had
 * answered in under 0.4 s, and with them medians far below what its own throughput allows.) Each
 * node's event-loop delay over the run is reported too, to tell a stalled server from a starved
 * load generator on a small machine.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/connect.js';
import { FIXTURE_STORIES, seedSite } from '../src/store/site-fixture.js';
import { freePort } from '../test/faults/private-postgres.js';
import { round } from './lib.js';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const READERS = 64;
const COMMENTERS = 20;
/** A read or post with no answer by then counts as an error. */
const TIMEOUT_MS = 30_000;
const root = path.resolve(import.meta.dirname, '..');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** What one kind of request did: latencies of the answered ones, and failures by kind or status. */
interface Tally {
  ms: number[];
  failed: Record<string, number>;
}

function fail(tally: Tally, kind: string): void {
  tally.failed[kind] = (tally.failed[kind] ?? 0) + 1;
}

/**
 * `connections` keep-alive connections to `base`, each reading story pages one after another until
 * the deadline; a request's time runs from sending it to its last byte.
 */
async function readStories(base: string, connections: number, deadline: number, slugs: string[]) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const tally: Tally = { ms: [], failed: {} };
  const read = (path: string) =>
    new Promise<void>((resolve) => {
      const start = process.hrtime.bigint();
      const request = http.get(`${base}${path}`, { agent, timeout: TIMEOUT_MS }, (response) => {
        response.resume();
        response.on('end', () => {
          if (response.statusCode === 200) tally.ms.push(Number(process.hrtime.bigint() - start) / 1e6);
          else fail(tally, String(response.statusCode));
          resolve();
        });
      });
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', (error) => {
        fail(tally, error.message === 'timeout' ? 'timeout' : 'connection');
        resolve();
      });
    });
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      for (let n = c; Date.now() < deadline; n++) await read(`/stories/${slugs[n % slugs.length]}`);
    }),
  );
  agent.destroy();
  return tally;
}

/** A node's event-loop delay since the last scrape, from its Prometheus metrics. */
async function eventLoopDelay(base: string): Promise<{ p99: number; max: number }> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const ms = (name: string) => {
    const line = new RegExp(`^newsloom_nodejs_eventloop_lag_${name}_seconds (\\S+)$`, 'm').exec(text);
    return round(Number(line?.[1] ?? Number.NaN) * 1000);
  };
  return { p99: ms('p99'), max: ms('max') };
}

function summary(tally: Tally) {
  const errors = Object.values(tally.failed).reduce((a, n) => a + n, 0);
  return {
    requests: tally.ms.length + errors,
    requests_per_second: round((tally.ms.length + errors) / SECONDS),
    p50_ms: round(percentile(tally.ms, 50)),
    p99_ms: round(percentile(tally.ms, 99)),
    max_ms: round(Math.max(0, ...tally.ms)),
    errors,
    failed: tally.failed,
  };
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
  // Each scrape resets the nodes' event-loop delay histograms: this one drops start-up and sign-in.
  await Promise.all(bases.map(eventLoopDelay));
  const deadline = Date.now() + SECONDS * 1000;
  const readers = bases.map((base) => readStories(base, READERS / bases.length, deadline, slugs));
  const posts: Tally = { ms: [], failed: {} };
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
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        await response.arrayBuffer();
        if (response.status === 201 || response.status === 202)
          posts.ms.push(Number(process.hrtime.bigint() - start) / 1e6);
        else fail(posts, String(response.status));
      } catch (error) {
        fail(posts, (error as Error).name === 'TimeoutError' ? 'timeout' : 'connection');
      }
    }
  });
  const [reads] = await Promise.all([Promise.all(readers), Promise.all(commenters)]);
  const delays = await Promise.all(bases.map(eventLoopDelay));
  const read: Tally = { ms: reads.flatMap((r) => r.ms), failed: {} };
  for (const r of reads)
    for (const [kind, n] of Object.entries(r.failed)) read.failed[kind] = (read.failed[kind] ?? 0) + n;
  return {
    seconds: SECONDS,
    read: { connections: READERS, ...summary(read) },
    comment: { commenters: COMMENTERS, ...summary(posts), accepted: posts.ms.length },
    // How long a request could wait before a node even looked at it (the worse node).
    node_event_loop_delay_ms: {
      p99: Math.max(...delays.map((d) => d.p99)),
      max: Math.max(...delays.map((d) => d.max)),
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
