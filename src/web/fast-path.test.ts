import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { silentLogger } from '../lib/log.js';
import { createMetrics, type Metrics } from '../ops/metrics.js';
import { insertComment } from '../store/comments.js';
import { FIXTURE_STORIES, seedSite } from '../store/site-fixture.js';
import { createSite } from './app.js';
import { testConfig } from './discuss/testing.js';
import { siteListener } from './server.js';

const SLUG = FIXTURE_STORIES[0]!.slug;
// Long enough for a first render on a busy machine, short enough to wait out once.
const TTL_MS = 2000;

let database: Database;
let server: Server;
let base: string;
let metrics: Metrics;
let storyId: number;
/** Whether the fast path answered each request, in order. */
const served: boolean[] = [];

beforeAll(async () => {
  database = await openTestDatabase('pglite');
  const ids = await seedSite(database.db, FIXTURE_STORIES);
  storyId = ids.get(SLUG)!;
  await database.db
    .insertInto('users')
    .values({ id: 'u1', name: 'Reader One', email: 'one@example.test', email_verified: true, image: null })
    .execute();
  metrics = createMetrics({ defaults: false });
  const site = createSite(
    { config: testConfig(), database, logger: silentLogger(), metrics },
    { versionTtlMs: TTL_MS, siteTtlMs: 60_000 },
  );
  const fastPath = site.fastPath;
  server = createServer(
    siteListener({
      ...site,
      fastPath: (req, res) => {
        const answered = fastPath(req, res);
        served.push(answered);
        return answered;
      },
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await database?.close();
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
  fast: boolean;
}

/** One GET over a real socket (the fast path sits in front of the app, so app.request() cannot see it). */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers as Record<string, string>,
          body: Buffer.concat(chunks).toString('utf8'),
          fast: served.at(-1) ?? false,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * A GET the fast path answers: on a busy machine a key may expire between two requests, and then
 * the app answers one and refreshes it, so try a few times.
 */
async function getFast(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  let answer = await get(path, headers);
  for (let i = 0; i < 5 && !answer.fast; i++) answer = await get(path, headers);
  return answer;
}

/** The headers that must match between the two paths (Date and the request id differ per request). */
function comparable(headers: Record<string, string>): Record<string, string> {
  const { date: _date, 'x-request-id': _id, ...rest } = headers;
  return rest;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('story fast path', () => {
  it('answers a cached story page with the same bytes and headers as the app', async () => {
    const first = await get(`/stories/${SLUG}`);
    const second = await getFast(`/stories/${SLUG}`);
    expect(first.fast).toBe(false);
    expect(second.fast).toBe(true);
    expect(second.status).toBe(200);
    expect(second.body).toBe(first.body);
    expect(comparable(second.headers)).toEqual(comparable(first.headers));
    expect(second.headers).toMatchObject({
      'content-security-policy': expect.stringContaining("script-src 'self'"),
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'cache-control': expect.stringContaining('public'),
      vary: 'Cookie',
      'content-type': 'text/html; charset=UTF-8',
      'content-length': String(Buffer.byteLength(second.body)),
      etag: first.headers.etag,
    });
    expect(second.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.body).toContain('id="thoughts"');
  });

  it('answers 304 to the ETag, keeps a well-formed request id and counts both in the metrics', async () => {
    const { headers } = await get(`/stories/${SLUG}`);
    const answer = await getFast(`/stories/${SLUG}`, {
      'If-None-Match': headers.etag!,
      'X-Request-Id': 'proxy-1.a',
    });
    expect(answer).toMatchObject({ status: 304, body: '', fast: true });
    expect(answer.headers).toMatchObject({ etag: headers.etag, vary: 'Cookie', 'x-request-id': 'proxy-1.a' });
    expect(answer.headers['content-security-policy']).toBeDefined();
    const text = await metrics.registry.metrics();
    expect(text).toMatch(
      /newsloom_http_requests_total\{method="GET",route="\/stories\/:slug",status="304"\} [1-9]/,
    );
    expect(text).toMatch(
      /newsloom_http_requests_total\{method="GET",route="\/stories\/:slug",status="200"\} [1-9]/,
    );
  });

  it.each([
    ['a session cookie', `/stories/${SLUG}`, { cookie: 'better-auth.session_token=abc' }],
    ['a thread sort', `/stories/${SLUG}?sort=oldest`, {}],
    ['a thread page', `/stories/${SLUG}?page=2`, {}],
    ['a notice after a form', `/stories/${SLUG}?thoughts=posted`, {}],
    ['an encoded slug', `/stories/${encodeURIComponent(SLUG).replace('-', '%2D')}`, {}],
    ['a longer path', `/stories/${SLUG}/versions`, {}],
  ])('leaves %s to the app', async (_name, path, headers) => {
    await get(`/stories/${SLUG}`);
    const answer = await get(path, headers);
    expect(answer.fast).toBe(false);
    expect(answer.status).toBe(200);
  });

  it('keeps the query of a plain link (campaign tags) on the fast path', async () => {
    await get(`/stories/${SLUG}`);
    expect((await getFast(`/stories/${SLUG}?utm_source=feed`)).fast).toBe(true);
  });

  it('never serves a stale thread: a new comment shows once the key is refreshed', async () => {
    const before = await get(`/stories/${SLUG}`);
    await insertComment(database.db, {
      story_id: storyId,
      user_id: 'u1',
      parent_id: null,
      root_id: null,
      body: 'A thought that arrived after the page was cached.',
      body_hash: 'h1',
      status: 'visible',
      reason: null,
      matched_word: null,
      ip: null,
    });
    await sleep(TTL_MS + 20);
    const refreshed = await get(`/stories/${SLUG}`);
    expect(refreshed.fast).toBe(false);
    expect(refreshed.body).toContain('A thought that arrived after the page was cached.');
    expect(refreshed.headers.etag).not.toBe(before.headers.etag);
    const again = await getFast(`/stories/${SLUG}`);
    expect(again.fast).toBe(true);
    expect(again.body).toBe(refreshed.body);
  });

  it('does not answer an unknown story', async () => {
    const answer = await get('/stories/no-such-story');
    expect(answer).toMatchObject({ status: 404, fast: false });
  });
});
