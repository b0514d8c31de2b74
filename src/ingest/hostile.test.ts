import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { silentLogger } from '../lib/log.js';
import { articleByUrl } from '../store/articles.js';
import { upsertSourceByKey } from '../store/sources.js';
import { createFetcher } from './fetch/fetcher.js';
import { parseAllowList } from './fetch/guard.js';
import { ingestOnce } from './run.js';
import { startTestServer, type TestServer } from './test-server.js';

const feed = (items: string) =>
  `<rss version="2.0"><channel><title>F</title><link>https://x.example/</link>${items}</channel></rss>`;

/**
 * Hostile and broken sources, served all at once next to one good feed: every hostile
 * source ends as a clear per-source error or a clean result, and the good one still gets its articles.
 */
describe('one ingest run over hostile sources', () => {
  let database: Database;
  let server: TestServer;
  const failures = new Map<string, RegExp>();
  const cleans = new Map<string, number>();

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    server = await startTestServer();
    const r = server.routes;
    const fail = (path: string, route: Parameters<typeof r.set>[1], error: RegExp) => {
      r.set(path, route);
      failures.set(path, error);
    };
    const clean = (path: string, route: Parameters<typeof r.set>[1], articles: number) => {
      r.set(path, route);
      cleans.set(path, articles);
    };
    clean(
      '/good.rss',
      {
        body: feed(
          '<item><guid>g</guid><title>Good</title><link>/good/1</link><description>Fine.</description></item>',
        ),
      },
      1,
    );
    fail(
      '/html-instead.rss',
      { headers: { 'content-type': 'text/html' }, body: '<!doctype html><html><body>Home</body></html>' },
      /HTML page/,
    );
    fail('/malformed.rss', { body: '<rss><channel><item><title>x</titl' }, /not a feed/);
    fail(
      '/xxe.rss',
      {
        body: `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${feed('<item><title>&x;</title></item>')}`,
      },
      /not a feed/,
    );
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    clean(
      '/billion-laughs.rss',
      {
        body: `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lol">${lol}]>${feed('<item><title>&l9;</title><link>/lol</link></item>')}`,
      },
      1,
    );
    fail(
      '/huge.rss',
      (_q, response) => {
        response.writeHead(200);
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        let sent = 0;
        const pump = () => {
          while (sent < 100 && response.write(chunk)) sent++;
          if (sent < 100) response.once('drain', pump);
        };
        response.on('error', () => {});
        pump();
      },
      /larger than/,
    );
    fail(
      '/bomb.rss',
      { headers: { 'content-encoding': 'gzip' }, body: gzipSync(Buffer.alloc(40 * 1024 * 1024, 32)) },
      /decompressed/,
    );
    fail('/loop.rss', { status: 301, headers: { location: '/loop.rss' }, body: '' }, /redirect loop/);
    fail(
      '/drip.rss',
      (_q, response) => {
        response.writeHead(200);
        const timer = setInterval(() => response.write(' '), 1000);
        response.on('close', () => clearInterval(timer));
      },
      /timed out/,
    );
    fail(
      '/ssrf-redirect.rss',
      { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' }, body: '' },
      /refusing to fetch/,
    );
    clean('/no-content-type.rss', { body: feed('<item><title>A</title><link>/nct</link></item>') }, 1);
    clean(
      '/wrong-content-type.rss',
      {
        headers: { 'content-type': 'image/png' },
        body: feed('<item><title>B</title><link>/wct</link></item>'),
      },
      1,
    );
    clean(
      '/invalid-utf8.rss',
      {
        headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
        body: Buffer.concat([
          Buffer.from(feed('<item><title>caf')),
          Buffer.from([0xc3, 0x28]),
          Buffer.from('</title><link>/utf</link></item>'),
        ]).subarray(0),
      },
      1,
    );
    clean(
      '/duplicate-guids.rss',
      {
        body: feed(
          '<item><guid>d</guid><title>1</title><link>/d1</link></item><item><guid>d</guid><title>2</title><link>/d2</link></item>',
        ),
      },
      1,
    );
    clean(
      '/missing-titles.rss',
      { body: feed('<item><link>/mt</link><description>A body without a title.</description></item>') },
      1,
    );
    const many = Array.from(
      { length: 10_000 },
      (_, i) => `<item><title>Item ${i}</title><link>/many/${i}</link></item>`,
    ).join('');
    // Refreshed on its own below: parsing it busies the event loop this loopback server shares.
    r.set('/ten-thousand.rss', { body: feed(many) });
    for (const path of [...failures.keys(), ...cleans.keys()]) {
      const url = `${server.url}${path}`;
      await upsertSourceByKey(database.db, { key: url, kind: 'feed', url, name: path });
    }
    // SSRF given directly: the source URL itself is the metadata address.
    await upsertSourceByKey(database.db, {
      key: 'http://169.254.169.254/',
      kind: 'feed',
      url: 'http://169.254.169.254/',
      name: '/ssrf-direct',
    });
    failures.set('/ssrf-direct', /link-local|linkLocal/);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  const deps = () => ({
    db: database.db,
    logger: silentLogger(),
    maxPageFetches: 5,
    fetcher: createFetcher({
      userAgent: 'Newsloom/test (+https://example.org)',
      allow: parseAllowList(['127.0.0.1/32']),
      politenessDelayMs: 0,
      perHostConcurrency: 8,
      // Long enough for 10 MB over loopback on a loaded machine; the drip server still runs it out.
      bodyTimeoutMs: 8000,
      maxBytes: 10 * 1024 * 1024,
      maxDecodedBytes: 20 * 1024 * 1024,
    }),
  });

  it('fails each hostile source clearly and keeps every other one going', async () => {
    const summary = await ingestOnce(deps(), { concurrency: 8 });
    const byName = new Map(summary.results.map((r) => [r.name, r]));
    for (const [name, error] of failures) {
      expect(byName.get(name), name).toMatchObject({ status: 'failed' });
      expect(byName.get(name)!.error, name).toMatch(error);
    }
    for (const [name, count] of cleans) {
      expect(byName.get(name), name).toMatchObject({ status: 'ok', failed: 0 });
      expect(byName.get(name)!.new + byName.get(name)!.duplicate, name).toBe(count);
    }
    expect((await articleByUrl(database.db, `${server.url}/utf`))?.title).toBe('caf\ufffd(');
    expect((await articleByUrl(database.db, `${server.url}/mt`))?.title).toBe('A body without a title.');
    expect((await articleByUrl(database.db, `${server.url}/lol`))?.title.length).toBeLessThan(100);
  });

  it('stores all 10,000 items of one feed', async () => {
    const url = `${server.url}/ten-thousand.rss`;
    const source = await upsertSourceByKey(database.db, { key: url, kind: 'feed', url, name: 'many' });
    const summary = await ingestOnce(deps(), { sourceId: source.id });
    expect(summary.results[0]).toMatchObject({ status: 'ok', new: 10_000, failed: 0 });
  });
});
