import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newFrequencyCache } from '../analyze/run.js';
import { defaultClusterSettings } from '../cluster/settings.js';
import type { Database } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { createFetcher } from '../ingest/fetch/fetcher.js';
import { parseAllowList } from '../ingest/fetch/guard.js';
import { startTestServer, type TestServer } from '../ingest/test-server.js';
import { registerPipelineWorker, requestPipelinePass } from '../jobs/pipeline-jobs.js';
import { createQueue, type Queue } from '../jobs/queue.js';
import { enqueueDueSources, registerIngestWorkers } from '../jobs/scheduler.js';
import { silentLogger } from '../lib/log.js';
import { upsertSourceByKey } from '../store/sources.js';
import { sampleSources } from '../verify/fixtures.js';
import { opsRoutes } from '../web/ops.js';
import { createMetrics, type Metrics } from './metrics.js';

function rss(title: string, id: string, text: string): string {
  const when = new Date().toUTCString();
  return `<rss version="2.0"><channel><title>${title}</title><item><guid>${id}</guid><title>${title}</title><link>/${id}</link><pubDate>${when}</pubDate><description>${text}</description></item></channel></rss>`;
}

/** The value of one sample line of the Prometheus text format, or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const ok = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (ok) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('metrics recorded by ingest, jobs and the pipeline', () => {
  let database: Database;
  let queue: Queue;
  let server: TestServer;
  let metrics: Metrics;
  const schema = `pgboss_${randomBytes(4).toString('hex')}`;
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    const [a, b] = sampleSources();
    server = await startTestServer({
      '/a.rss': { body: rss(a!.title, 'a1', a!.text) },
      '/b.rss': { body: rss(b!.title, 'b1', b!.text) },
      '/broken.rss': { status: 500, body: 'down' },
    });
    for (const [path, name] of [
      ['/a.rss', 'Daily Ledger'],
      ['/b.rss', 'Port Verde Times'],
      ['/broken.rss', 'Broken'],
    ] as const) {
      const url = `${server.url}${path}`;
      await upsertSourceByKey(database.db, { key: url, kind: 'feed', url, name });
    }
    metrics = createMetrics({ defaults: false });
    queue = createQueue({ database, logger, schedule: false, schema, metrics });
    await queue.start();
    await registerIngestWorkers(
      queue,
      {
        db: database.db,
        logger,
        fetcher: createFetcher({
          userAgent: 'x',
          allow: parseAllowList(['127.0.0.1/32']),
          politenessDelayMs: 0,
        }),
        onArticlesStored: requestPipelinePass(queue),
        metrics,
      },
      2,
    );
    await registerPipelineWorker(queue, {
      cluster: {
        db: database.db,
        settings: { ...defaultClusterSettings },
        frequencies: newFrequencyCache(),
        logger,
      },
      write: { db: database.db, logger, policy: 'auto', metrics },
      logger,
      debounceMs: 0,
      now: () => new Date(Date.now() + 1000),
    });
  });
  afterAll(async () => {
    await queue?.stop();
    await server?.close();
    await database?.close();
  });

  it('shows articles ingested, fetch errors, job durations, queue depth and writer/verifier outcomes', async () => {
    await enqueueDueSources({ db: database.db, queue, logger: silentLogger() });
    let text = '';
    for (let i = 0; i < 150; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      text = await (await opsRoutes({ database, metrics }).request('/metrics')).text();
      // The failing source's refresh runs beside the others: wait for its error as well as the write.
      const published = sample(text, 'newsloom_writer_outcomes_total', { outcome: 'published' }) ?? 0;
      const failed = sample(text, 'newsloom_fetch_errors_total', { kind: 'http_status' }) ?? 0;
      if (published > 0 && failed > 0) break;
    }
    expect(sample(text, 'newsloom_articles_ingested_total', { source_kind: 'feed' })).toBe(2);
    expect(sample(text, 'newsloom_fetch_errors_total', { kind: 'http_status' })).toBe(1);
    expect(
      sample(text, 'newsloom_writer_outcomes_total', { writer: 'extractive', outcome: 'published' }),
    ).toBe(1);
    expect(sample(text, 'newsloom_verifier_outcomes_total', { check: 'draft' })).toBeGreaterThan(0);
    expect(
      sample(text, 'newsloom_job_duration_seconds_count', { queue: 'refresh-source', outcome: 'completed' }),
    ).toBe(3);
    expect(
      sample(text, 'newsloom_job_duration_seconds_count', { queue: 'pipeline', outcome: 'completed' }),
    ).toBeGreaterThan(0);
    expect(sample(text, 'newsloom_queue_depth', { queue: 'refresh-source' })).toBe(0);
    const stories = await database.db.selectFrom('stories').select('state').execute();
    expect(stories.map((s) => s.state)).toContain('published');
    // Log lines written inside a job carry its id and queue.
    for (const msg of ['source refreshed', 'source refresh failed', 'story version stored']) {
      const line = lines.find((l) => l.msg === msg);
      expect(line?.job_id, msg).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
