import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { silentLogger } from '../lib/log.js';
import { listSources, sourceById, updateSource } from '../store/sources.js';
import { createFetcher } from './fetch/fetcher.js';
import { parseAllowList } from './fetch/guard.js';
import { addSource, exportOpml, importOpml, removeSource, setSourceEnabled } from './sources.js';
import { startTestServer, type TestServer } from './test-server.js';

const RSS =
  '<?xml version="1.0"?><rss version="2.0"><channel><title>Daily Planet</title><link>https://planet.example/</link><language>en-US</language><item><title>x</title><link>https://planet.example/x</link></item></channel></rss>';

describe('sources', () => {
  let database: Database;
  let server: TestServer;
  let deps: Parameters<typeof addSource>[0];
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    server = await startTestServer({
      '/rss': { headers: { 'content-type': 'application/rss+xml' }, body: RSS },
      '/home': {
        headers: { 'content-type': 'text/html' },
        body: '<html><head><title>Planet</title><link rel="alternate" type="application/rss+xml" href="/rss"></head><body></body></html>',
      },
      '/story': {
        headers: { 'content-type': 'text/html' },
        body: '<html><head><title>One story</title></head><body><article><p>Text.</p></article></body></html>',
      },
    });
    deps = {
      db: database.db,
      logger: silentLogger(),
      fetcher: createFetcher({
        userAgent: 'x',
        allow: parseAllowList(['127.0.0.1/32']),
        politenessDelayMs: 0,
      }),
    };
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('adds a feed with its title and language, and labels from the operator', async () => {
    const added = await addSource(deps, { url: `${server.url}/rss`, country: 'us', lean: 'center' });
    expect(added).toMatchObject({ created: true, via: 'feed' });
    expect(added.source).toMatchObject({
      kind: 'feed',
      name: 'Daily Planet',
      language: 'en-us',
      country: 'US',
      lean: 'center',
    });
  });

  it('finds the feed a home page advertises and does not add it twice', async () => {
    const added = await addSource(deps, { url: `${server.url}/home` });
    expect(added).toMatchObject({ created: false, via: 'autodiscovery' });
    expect(added.source.url).toBe(`${server.url}/rss`);
  });

  it('adds a page without a feed as a page source', async () => {
    const added = await addSource(deps, { url: `${server.url}/story`, name: 'Single' });
    expect(added.source).toMatchObject({ kind: 'page', name: 'Single' });
  });

  it.each([
    ['not a URL', { url: 'ftp://x' }, /not an http/],
    ['a bad country code', { url: 'https://x.example/', country: 'USA' }, /two-letter/],
    ['an unreachable feed', { url: '/missing' }, /HTTP 404/],
  ])('refuses %s', async (_name, input, message) => {
    const url = input.url.startsWith('/') ? `${server.url}${input.url}` : input.url;
    await expect(addSource(deps, { ...input, url })).rejects.toThrow(message);
  });

  it('enabling lifts a pause and resets the failure count', async () => {
    const [source] = await listSources(database.db);
    await updateSource(database.db, source!.id, {
      paused_reason: 'paused after 10 consecutive failures',
      error_count: 10,
    });
    await setSourceEnabled(database.db, source!.id, false);
    expect((await sourceById(database.db, source!.id))?.enabled).toBe(false);
    const enabled = await setSourceEnabled(database.db, source!.id, true);
    expect(enabled).toMatchObject({ enabled: true, paused_reason: null, error_count: 0 });
    await expect(setSourceEnabled(database.db, 99_999, true)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('round-trips feeds through OPML and removes a source', async () => {
    const opml = await exportOpml(database.db);
    expect(opml).toContain(`xmlUrl="${server.url}/rss"`);
    const nested = `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body><outline text="News"><outline text="A" type="rss" xmlUrl="https://a.example/feed"/><outline text="Bad" xmlUrl="notaurl"/></outline><outline text="Planet" xmlUrl="${server.url}/rss"/></body></opml>`;
    expect(await importOpml(database.db, nested)).toEqual({ added: 1, existing: 1, skipped: ['notaurl'] });
    await expect(importOpml(database.db, 'not xml')).rejects.toMatchObject({ code: 'invalid_input' });
    const a = (await listSources(database.db)).find((s) => s.url === 'https://a.example/feed')!;
    await removeSource(database.db, a.id);
    expect(await sourceById(database.db, a.id)).toBeUndefined();
  });
});
