import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import type { Database } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { silentLogger } from '../lib/log.js';
import { createMetrics } from '../ops/metrics.js';
import { createApp } from './app.js';

describe('ops endpoints', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  });
  afterAll(async () => {
    await database?.close();
  });

  const build = (readiness = [] as { name: string; check: () => Promise<void> }[]) =>
    createApp({
      config: loadConfig({}, {}),
      database,
      logger: silentLogger(),
      metrics: createMetrics({ defaults: false }),
      readiness,
    });

  it('answers /healthz without touching the database', async () => {
    const res = await build().request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports readiness per dependency and 503 when one is down', async () => {
    const ok = await build([{ name: 'queue', check: async () => {} }]).request('/readyz');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ready', checks: { database: 'ok', queue: 'ok' } });
    const down = await build([
      {
        name: 'queue',
        check: async () => {
          throw new Error('connection refused');
        },
      },
    ]).request('/readyz');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({
      status: 'unavailable',
      checks: { database: 'ok', queue: 'connection refused' },
    });
  });

  it('counts requests by route pattern and status in /metrics', async () => {
    const app = build();
    await app.request('/healthz', { headers: { 'X-Request-Id': 'proxy-abc.1' } });
    await app.request('/no/such/page');
    const res = await app.request('/metrics');
    expect(res.headers.get('Content-Type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('newsloom_http_requests_total{method="GET",route="/healthz",status="200"} 1');
    expect(text).toContain('route="unmatched",status="404"');
    expect(text).toMatch(
      /newsloom_http_request_duration_seconds_bucket\{le="0.001",method="GET",route="\/healthz"/,
    );
  });

  it('keeps a well-formed request id from the proxy and replaces a hostile one', async () => {
    const app = build();
    expect(
      (await app.request('/healthz', { headers: { 'X-Request-Id': 'proxy-abc.1' } })).headers.get(
        'X-Request-Id',
      ),
    ).toBe('proxy-abc.1');
    const hostile = await app.request('/healthz', { headers: { 'X-Request-Id': 'a b<script>' } });
    expect(hostile.headers.get('X-Request-Id')).not.toContain('<');
  });
});
