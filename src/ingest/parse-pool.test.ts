import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../lib/errors.js';
import { type FeedParseInput, feedCandidates } from './feed-candidates.js';
import { createParsePool } from './parse-pool.js';

const feed = (items: string) =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour</title><language>en</language>${items}</channel></rss>`,
  );
const body = Array.from(
  { length: 60 },
  (_, i) => `The harbour crane number ${i} was lifted into place.`,
).join(' ');
const input = (bytes: Buffer): FeedParseInput => ({
  body: bytes,
  contentType: 'application/rss+xml',
  url: 'https://harbour.example/feed.rss',
  source: {
    key: 'https://harbour.example/feed.rss',
    url: 'https://harbour.example/feed.rss',
    language: null,
  },
  now: new Date('2026-02-01T12:00:00Z'),
});

describe('the feed parse pool', () => {
  const pool = createParsePool({ threads: 1 });
  afterAll(() => pool.close());

  it('parses a feed on a worker thread exactly as on this thread', async () => {
    const bytes = feed(
      `<item><guid>a</guid><title>Cranes</title><link>/news/a?utm_source=rss</link><pubDate>Sat, 31 Jan 2026 07:00:00 GMT</pubDate><description><![CDATA[<p>${body}</p><script>x()</script>]]></description></item>` +
        '<item><guid>b</guid><link>/news/b</link></item>',
    );
    const onWorker = await pool.parse(input(bytes));
    expect(onWorker).toEqual(feedCandidates(input(bytes)));
    expect(onWorker.candidates.map((c) => c.article.canonical_url)).toEqual([
      'https://harbour.example/news/a',
    ]);
    expect(onWorker.candidates[0]!.article.published_at).toBeInstanceOf(Date);
    expect(onWorker.candidates[0]!.article.html).not.toContain('<script');
    expect(onWorker.failed).toBe(1);
  });

  it('fails a malformed feed with the same error code as on this thread', async () => {
    const bytes = Buffer.from('<html><body>not a feed</body></html>');
    const here = (() => {
      try {
        feedCandidates(input(bytes));
      } catch (error) {
        return error as AppError;
      }
    })();
    expect(here).toBeInstanceOf(AppError);
    const error = await pool.parse(input(bytes)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: here!.code, message: here!.message });
  });
});
