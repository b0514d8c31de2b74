import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.js';
import { openTestDatabase, testEngines } from '../db/testing.js';
import { createFetcher } from '../ingest/fetch/fetcher.js';
import { parseAllowList } from '../ingest/fetch/guard.js';
import { startTestServer, type TestServer } from '../ingest/test-server.js';
import { silentLogger } from '../lib/log.js';
import { sourceById, upsertSourceByKey } from '../store/sources.js';
import { createQueue, type Queue } from './queue.js';
import { enqueueDueSources, JOBS, registerIngestWorkers } from './scheduler.js';

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`gave up waiting for ${what}`);
}

for (const engine of testEngines()) {
  describe(`job queue on ${engine}`, () => {
    let database: Database;
    let queue: Queue;
    let server: TestServer;
    const schema = `pgboss_${randomBytes(4).toString('hex')}`;
    beforeAll(async () => {
      database = await openTestDatabase(engine);
      server = await startTestServer({
        '/feed.rss': {
          body: '<rss version="2.0"><channel><title>Q</title><item><guid>q1</guid><title>Queued</title><link>/q1</link><description>Body text.</description></item></channel></rss>',
        },
      });
      // Each PostgreSQL test run gets its own pg-boss schema, like its own tables.
      queue = createQueue({
        database,
        logger: silentLogger(),
        schedule: false,
        schema,
      });
      await queue.start();
    });
    afterAll(async () => {
      await queue?.stop();
      await database?.pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await server?.close();
      await database?.close();
    });

    it('delivers sent jobs to a registered handler', async () => {
      const seen: { n: number }[] = [];
      await queue.work<{ n: number }>(
        'test-job',
        async (data) => {
          seen.push(data);
        },
        { pollingIntervalSeconds: 0.5 },
      );
      await queue.send('test-job', { n: 1 });
      await until(async () => (seen.length > 0 ? seen : undefined), 'the job');
      expect(seen).toEqual([{ n: 1 }]);
    });

    it('queues each due source once and a worker refreshes it', async () => {
      const url = `${server.url}/feed.rss`;
      const source = await upsertSourceByKey(database.db, { key: url, kind: 'feed', url, name: 'Q' });
      await queue.declare(JOBS.refresh, 'stately');
      const deps = { db: database.db, queue, logger: silentLogger() };
      expect(await enqueueDueSources(deps)).toBe(1);
      // Still due and still queued: the stately queue refuses a second job for the same source.
      expect(await enqueueDueSources(deps)).toBe(0);
      const stored: number[] = [];
      await registerIngestWorkers(
        queue,
        {
          db: database.db,
          logger: silentLogger(),
          fetcher: createFetcher({
            userAgent: 'x',
            allow: parseAllowList(['127.0.0.1/32']),
            politenessDelayMs: 0,
          }),
          onArticlesStored: (ids) => {
            stored.push(...ids);
          },
        },
        1,
      );
      const refreshed = await until(async () => {
        const row = await sourceById(database.db, source.id);
        return row?.last_success_at ? row : undefined;
      }, 'the refresh');
      expect(refreshed.items_seen).toBe(1);
      expect(stored).toHaveLength(1);
    });
  });
}

describe('job queue losing its database as a job ends', () => {
  it('keeps the process running and leaves the job to be retried', async () => {
    const database = await openTestDatabase('pglite');
    const schema = 'pgboss_outage';
    // The server goes away while the handler runs: every query fails as a refused connection does.
    let down = false;
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const pool = {
      query: (text: string, values?: unknown[]) =>
        down ? Promise.reject(refused) : database.pool.query(text, values),
    } as unknown as pg.Pool;
    const lines: { msg?: string }[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const queue = createQueue({ database: { ...database, pool }, logger, schedule: false, schema });
    try {
      await queue.start();
      let ran = false;
      await queue.work(
        'outage-job',
        async () => {
          ran = true;
          down = true;
        },
        { pollingIntervalSeconds: 0.5 },
      );
      const id = await queue.send('outage-job', {});
      // pg-boss records the outcome unawaited: an unhandled rejection here would fail the test file.
      await until(
        async () => (lines.some((l) => l.msg?.startsWith('job outcome not recorded')) ? true : undefined),
        'the outcome failure to be logged',
      );
      expect(ran).toBe(true);
      down = false;
      const { rows } = await database.pool.query(`SELECT state FROM ${schema}.job WHERE id = $1`, [id]);
      expect(rows).toEqual([{ state: 'active' }]);
    } finally {
      down = false;
      await queue.stop();
      await database.close();
    }
  });
});
