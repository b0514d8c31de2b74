import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-server.js';
import { createFetcher, RateLimitedError } from './fetcher.js';
import { blockedReason, parseAllowList } from './guard.js';

let server: TestServer;
const allow = parseAllowList(['127.0.0.1/32']);
const fetcher = () =>
  createFetcher({
    userAgent: 'Newsloom/test (+https://example.org/contact)',
    allow,
    politenessDelayMs: 0,
    bodyTimeoutMs: 1500,
    headersTimeoutMs: 1500,
    maxBytes: 1024 * 1024,
    maxDecodedBytes: 2 * 1024 * 1024,
  });

beforeAll(async () => {
  server = await startTestServer({
    '/feed': { headers: { 'content-type': 'application/rss+xml', etag: '"v1"' }, body: '<rss/>' },
    '/conditional': (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') response.writeHead(304).end();
      else response.writeHead(200, { etag: '"v1"' }).end('fresh');
    },
    '/redirect-to-metadata': {
      status: 302,
      headers: { location: 'http://169.254.169.254/latest/' },
      body: '',
    },
    '/redirect-to-ipv6-loopback': { status: 301, headers: { location: 'http://[::1]:1/' }, body: '' },
    '/loop-a': { status: 302, headers: { location: '/loop-b' }, body: '' },
    '/loop-b': { status: 302, headers: { location: '/loop-a' }, body: '' },
    ...Object.fromEntries(
      Array.from({ length: 7 }, (_, i) => [
        `/hop${i}`,
        { status: 301, headers: { location: `/hop${i + 1}` }, body: '' },
      ]),
    ),
    '/hop7': { body: 'end' },
    '/big': (_request, response) => {
      // 100 MB announced by streaming, without content-length: the cap must stop it mid-stream.
      response.writeHead(200, { 'content-type': 'text/xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (response.write(chunk)) if (response.writableLength > 100 * 1024 * 1024) return;
        response.once('drain', pump);
      };
      pump();
      response.on('error', () => {});
    },
    '/gzip-bomb': {
      headers: { 'content-encoding': 'gzip', 'content-type': 'text/xml' },
      body: gzipSync(Buffer.alloc(50 * 1024 * 1024, 0)),
    },
    '/gzip': { headers: { 'content-encoding': 'gzip' }, body: gzipSync(Buffer.from('<rss>ok</rss>')) },
    '/drip': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/xml' });
      const timer = setInterval(() => response.write('a'), 1000);
      response.on('close', () => clearInterval(timer));
    },
    '/slow-headers': () => {},
    '/limited': { status: 429, headers: { 'retry-after': '120' }, body: '' },
    '/gone': { status: 410, body: 'gone' },
    '/robots.txt': { body: 'User-agent: *\nDisallow: /private/\n' },
    '/private/page': { body: '<html></html>' },
  });
});
afterAll(() => server.close());

describe('fetcher', () => {
  it('sends the Newsloom User-Agent and returns the body with validators', async () => {
    const result = await fetcher().fetch({ url: `${server.url}/feed` });
    expect(result.body.toString()).toBe('<rss/>');
    expect(result.etag).toBe('"v1"');
    expect(server.requests.at(-1)!.headers['user-agent']).toBe(
      'Newsloom/test (+https://example.org/contact)',
    );
  });

  it('makes a conditional GET and reports 304 as not modified', async () => {
    const result = await fetcher().fetch({ url: `${server.url}/conditional`, etag: '"v1"' });
    expect(result.notModified).toBe(true);
    expect(result.etag).toBe('"v1"');
  });

  it('decompresses gzip bodies', async () => {
    expect((await fetcher().fetch({ url: `${server.url}/gzip` })).body.toString()).toBe('<rss>ok</rss>');
  });

  // Each row is one hostile server behaviour seen in the wild; each must end as a coded error.
  it.each([
    ['SSRF through a redirect to the cloud metadata address', '/redirect-to-metadata', 'fetch_blocked'],
    ['SSRF through a redirect to IPv6 loopback', '/redirect-to-ipv6-loopback', 'fetch_blocked'],
    ['a redirect loop', '/loop-a', 'fetch_redirects'],
    ['more than 5 redirects', '/hop0', 'fetch_redirects'],
    ['a 100 MB body', '/big', 'fetch_too_large'],
    ['a gzip bomb (50 MB of zeros in 50 KB)', '/gzip-bomb', 'fetch_too_large'],
    ['a server that drips one byte a second', '/drip', 'fetch_timeout'],
    ['a server that never answers', '/slow-headers', 'fetch_timeout'],
    ['an HTTP error status', '/gone', 'fetch_http_status'],
  ])('refuses %s', async (_name, path, code) => {
    await expect(fetcher().fetch({ url: `${server.url}${path}` })).rejects.toMatchObject({ code });
  });

  it('refuses SSRF targets given directly when they are not allowlisted', async () => {
    const strict = createFetcher({ userAgent: 'x', allow: parseAllowList([]) });
    for (const url of [
      `${server.url}/feed`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
      'http://[::1]/',
      'http://[fd00::1]/',
      'http://224.0.0.1/',
      'http://localhost/',
      'file:///etc/passwd',
    ]) {
      await expect(strict.fetch({ url }), url).rejects.toMatchObject({ code: 'fetch_blocked' });
    }
  });

  it('backs off on 429 with the Retry-After the server asked for', async () => {
    const error = await fetcher()
      .fetch({ url: `${server.url}/limited` })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(120_000);
  });

  it('honours robots.txt for article pages only', async () => {
    await expect(
      fetcher().fetch({ url: `${server.url}/private/page`, checkRobots: true }),
    ).rejects.toMatchObject({ code: 'robots_disallowed' });
    const feedLike = await fetcher().fetch({ url: `${server.url}/private/page` });
    expect(feedLike.status).toBe(200);
  });
});

describe('address guard', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['192.168.0.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['239.1.1.1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
  ])('blocks %s (%s)', (ip, range) => {
    expect(blockedReason(ip, parseAllowList([]))).toContain(range);
  });

  it('allows public addresses and allowlisted ranges', () => {
    expect(blockedReason('93.184.216.34', parseAllowList([]))).toBeNull();
    expect(blockedReason('10.1.2.3', parseAllowList(['127.0.0.1/32', '10.1.2.3']))).toBeNull();
    expect(blockedReason('10.1.2.4', parseAllowList(['127.0.0.1/32', '10.1.2.3']))).toContain('private');
  });
});
