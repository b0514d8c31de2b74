import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.js';
import { upsertSourceByKey } from '../../src/store/sources.js';
import { type NewsFeeds, type Proc, sleep, startNewsFeeds, startProc, until } from './harness.js';
import { checkNewsroom } from './invariants.js';
import { type PrivatePostgres, postgresBinDir, startPrivatePostgres } from './private-postgres.js';

const bin = postgresBinDir();
if (!bin) console.warn('PostgreSQL fault checks skipped: no initdb/pg_ctl under /usr/lib/postgresql/*/bin');

/**
 * Two web nodes and two workers on one PostgreSQL (a private throw-away cluster, never the
 * machine's shared server, since these checks stop it), ingesting from a loopback feed server.
 */
describe.runIf(bin)('web and worker processes on PostgreSQL under faults', () => {
  let postgres: PrivatePostgres;
  let feeds: NewsFeeds;
  let url: string;
  const procs: Proc[] = [];
  let webs: string[] = [];
  let victim: Proc;

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    const admin = await openDatabase({
      dataDir: '/nonexistent',
      databaseUrl: postgres.url(),
      migrate: false,
    });
    await admin.pool.query('CREATE DATABASE newsroom');
    await admin.close();
    url = postgres.url('newsroom');
    feeds = await startNewsFeeds({ feeds: 16, perFeed: 25, seed: 7 });
    const database = await openDatabase({ dataDir: '/nonexistent', databaseUrl: url });
    for (const [f, feedUrl] of feeds.feedUrls.entries()) {
      await upsertSourceByKey(database.db, { key: feedUrl, kind: 'feed', url: feedUrl, name: `Outlet ${f}` });
    }
    await database.close();
  });
  afterAll(async () => {
    for (const proc of procs) if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
    await Promise.all(procs.map((p) => p.exited));
    await feeds?.close();
    postgres?.destroy();
  });

  it('stores every article exactly once when a worker is killed mid-job', { timeout: 300_000 }, async () => {
    const env = {
      DATABASE_URL: url,
      NEWSLOOM_AUTH_SECRET: 'fault-check-secret-0123456789abcdef0123',
      NEWSLOOM_FETCH_ALLOW: '127.0.0.1/32',
      NEWSLOOM_FETCH_DELAY_MS: '300',
      NEWSLOOM_WRITE_DEBOUNCE: '0',
      // A dead worker's job is retried after this long (the default is 15 minutes).
      NEWSLOOM_JOB_TIMEOUT: '15',
      NEWSLOOM_LOG_LEVEL: 'debug',
    };
    // Feeds stay unanswered until the victim is killed, so its refresh job is surely mid-fetch.
    feeds.hold();
    const web = [0, 1].map(() => startProc(['serve', '--no-workers', '--port', '0'], env));
    const workers = [0, 1].map(() => startProc(['worker'], env));
    procs.push(...web, ...workers);
    webs = (await Promise.all(web.map((w) => w.waitFor((l) => l.msg === 'listening')))).map(
      (l) => l.url as string,
    );
    const [first, other] = workers as [Proc, Proc];
    victim = first;
    const started = await victim.waitFor((l) => l.msg === 'job started' && l.queue === 'refresh-source');
    await until(async () => (feeds.held() > 0 ? true : undefined), 'a feed request held', 30_000);
    victim.child.kill('SIGKILL');
    expect((await victim.exited).signal).toBe('SIGKILL');
    feeds.release();
    const finished = victim.logs.some((l) => l.msg === 'job finished' && l.job_id === started.job_id);
    expect(finished, 'the worker was killed while its job ran').toBe(false);

    const expected = feeds.items.flat();
    const database = await openDatabase({ dataDir: '/nonexistent', databaseUrl: url, migrate: false });
    try {
      await until(
        async () => {
          const { count } = await database.db
            .selectFrom('articles')
            .select((eb) => eb.fn.countAll<number>().as('count'))
            .executeTakeFirstOrThrow();
          return count >= expected.length ? count : undefined;
        },
        'every article stored',
        180_000,
      );
      const rows = await database.db.selectFrom('articles').select('url').execute();
      expect(rows.length).toBe(expected.length);
      expect(new Set(rows.map((r) => r.url))).toEqual(new Set(expected));
      await checkNewsroom(database.db, expect);
      // The job the dead worker held was retried by the other one.
      expect(other.logs.some((l) => l.job_id === started.job_id && l.msg === 'job finished')).toBe(true);
    } finally {
      await database.close();
    }
    for (const base of webs) expect((await fetch(new URL('/readyz', base))).status).toBe(200);
  });

  it('answers 503 while PostgreSQL restarts and recovers by itself; no process exits', {
    timeout: 180_000,
  }, async () => {
    expect(webs).toHaveLength(2);
    const paths = ['/readyz', '/api/v1/sources', '/search?q=council', '/'];
    const results: { at: number; status: number | 'error'; path: string }[] = [];
    let down = { from: Number.POSITIVE_INFINITY, to: Number.POSITIVE_INFINITY };
    let stop = false;
    const client = async (n: number) => {
      for (let i = 0; !stop && i < 100_000; i++) {
        // Each client stays on one node and walks every path, so a node that stops answering one
        // path is told apart from a node that stops answering at all.
        const path = paths[i % paths.length]!;
        const base = webs[n % webs.length]!;
        try {
          const response = await fetch(new URL(path, base), { signal: AbortSignal.timeout(15_000) });
          await response.arrayBuffer();
          results.push({ at: Date.now(), status: response.status, path });
        } catch {
          results.push({ at: Date.now(), status: 'error', path });
        }
        await sleep(20);
      }
    };
    const clients = Array.from({ length: 8 }, (_, n) => client(n));
    await sleep(2000);
    postgres.stop('immediate');
    down = { from: Date.now(), to: Number.POSITIVE_INFINITY };
    await sleep(4000);
    postgres.start();
    down.to = Date.now();
    // Recovered: every path answers 200 on both nodes for a while, within 60 s of the restart.
    let recovered = Number.POSITIVE_INFINITY;
    for (const deadline = Date.now() + 90_000; Date.now() < deadline; await sleep(250)) {
      const recent = results.filter((r) => r.at > Date.now() - 3000);
      if (recent.length >= 10 && recent.every((r) => r.status === 200)) {
        recovered = Date.now();
        break;
      }
    }
    stop = true;
    await Promise.all(clients);

    const tally = (rows: typeof results) => {
      const counts: Record<string, number> = {};
      for (const r of rows) counts[`${r.path} ${r.status}`] = (counts[`${r.path} ${r.status}`] ?? 0) + 1;
      return JSON.stringify(counts);
    };
    const last = results.filter((r) => r.at > Date.now() - 5000);
    expect(recovered, `not recovered; last 5 s: ${tally(last)}`).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(
      results.filter((r) => r.status === 'error'),
      'requests without an HTTP answer',
    ).toEqual([]);
    const statuses = new Set(results.map((r) => r.status));
    expect([...statuses].sort()).toEqual([200, 503]);
    const whileDown = results.filter((r) => r.at > down.from + 500 && r.at < down.to);
    expect(whileDown.filter((r) => r.path === '/readyz').every((r) => r.status === 503)).toBe(true);
    expect(whileDown.filter((r) => r.path === '/api/v1/sources').every((r) => r.status === 503)).toBe(true);
    expect(recovered - down.to).toBeLessThan(60_000);
    for (const proc of procs.filter((p) => p !== victim)) {
      // A crash prints its stack on stderr, amid log lines: show that, else the last log lines.
      const crash = proc.logs.filter((line) => line.msg === 'stderr');
      const tail = (
        crash.length ? crash.map((line) => line.text) : proc.logs.slice(-8).map((l) => JSON.stringify(l))
      )
        .slice(-40)
        .join('\n');
      expect(proc.child.exitCode, `a process exited; its last log lines:\n${tail}`).toBeNull();
      expect(proc.child.signalCode).toBeNull();
    }
  });
});
