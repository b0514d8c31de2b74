/**
 * Ingest throughput: `ingestOnce` end to end (HTTP fetch from a loopback server, decode, parse,
 * sanitize, text, fingerprint, dedupe lookups, store) over 200 feeds × 50 items of ~600 words of
 * realistic HTML, into a fresh embedded PGlite. Compared with the storage floor of the import
 * benchmark (plain multi-row INSERTs of the same articles) measured in the same run. The search
 * documents of those articles, which the next pipeline pass builds, are timed apart, and both
 * together.
 */
import { readFileSync } from 'node:fs';
import type { Engine } from '../src/db/connect.js';
import { createFetcher } from '../src/ingest/fetch/fetcher.js';
import { parseAllowList } from '../src/ingest/fetch/guard.js';
import { createParsePool } from '../src/ingest/parse-pool.js';
import { ingestOnce } from '../src/ingest/run.js';
import { startTestServer, type TestServer } from '../src/ingest/test-server.js';
import { silentLogger } from '../src/lib/log.js';
import { indexAllPendingArticles } from '../src/store/search-index.js';
import { upsertSourcesByKey } from '../src/store/sources.js';
import { storageFloor, UCI_DEV } from './import.js';
import { newsDocuments, paragraphDrawer } from './news-text.js';
import { freshDatabase, median, round, timed } from './lib.js';

interface Generated {
  feeds: Buffer[];
  rows: {
    url: string;
    title: string;
    text: string;
    published_at: string;
    source: { name: string; url: string };
  }[];
}

/** A seeded generator, so every run ingests the same corpus. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Real headlines (UCI News), as article titles. */
function headlines(): string[] {
  return readFileSync(UCI_DEV, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { title: string }).title);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * 200 feeds × 50 items of real news sentences (see news-text.ts for why not random words), drawn
 * with a seeded generator, so every run ingests the same corpus, every article is unique and none
 * is a near-duplicate of another.
 */
function generate(feeds: number, items: number, words: number, baseUrl: string): Generated {
  const titles = headlines();
  const random = prng(42);
  const paragraph = paragraphDrawer(newsDocuments(), random);
  const out: Generated = { feeds: [], rows: [] };
  for (let f = 0; f < feeds; f++) {
    const entries: string[] = [];
    for (let i = 0; i < items; i++) {
      const texts: string[] = [];
      const paragraphs: string[] = [];
      let count = 0;
      while (count < words) {
        const text = paragraph();
        count += text.split(' ').length;
        texts.push(text);
        const p = escapeHtml(text);
        // Links with tracking parameters, emphasis and the odd script tag, as real feed bodies carry.
        paragraphs.push(
          random() < 0.2
            ? `<p>${p} <a href="/related/${f}-${i}?utm_source=rss&amp;utm_medium=feed">Related coverage</a> <em>More</em></p>`
            : random() < 0.05
              ? `<p>${p}</p><script>track(${i})</script>`
              : `<p>${p}</p>`,
        );
      }
      const title = titles[Math.floor(random() * titles.length)]!;
      const url = `${baseUrl}/news/${f}/${i}`;
      const date = new Date(Date.UTC(2026, 0, 30, 12) - (f * items + i) * 60_000);
      entries.push(
        `<item><guid isPermaLink="false">f${f}-i${i}</guid><title>${escapeHtml(title)}</title><link>${url}</link>` +
          `<pubDate>${date.toUTCString()}</pubDate><dc:creator>Reporter ${f}</dc:creator>` +
          `<category>World</category><description><![CDATA[${paragraphs[0]}]]></description>` +
          `<content:encoded><![CDATA[${paragraphs.join('\n')}]]></content:encoded></item>`,
      );
      out.rows.push({
        url,
        title,
        text: texts.join('\n'),
        published_at: date.toISOString(),
        source: { name: `Feed ${f}`, url: `${baseUrl}/feed/${f}.rss` },
      });
    }
    out.feeds.push(
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Feed ${f}</title><link>${baseUrl}/</link><language>en</language>${entries.join('')}</channel></rss>`,
      ),
    );
  }
  return out;
}

/** CPU seconds the main thread has used (Linux: its own stat line), or null where unknown. */
function mainThreadCpuSeconds(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of proc(5), in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

async function ingestRun(
  engine: Engine,
  server: TestServer,
  feeds: number,
): Promise<{
  seconds: number;
  indexSeconds: number;
  mainCpuSeconds: number | null;
  articles: number;
  duplicates: number;
}> {
  const database = await freshDatabase(engine);
  try {
    await upsertSourcesByKey(
      database.db,
      Array.from({ length: feeds }, (_, f) => {
        const url = `${server.url}/feed/${f}.rss`;
        return { key: url, kind: 'feed' as const, url, name: `Feed ${f}` };
      }),
    );
    const fetcher = createFetcher({
      userAgent: 'Newsloom/bench',
      allow: parseAllowList(['127.0.0.1/32']),
      // Every feed is on one loopback host here; real deployments keep 1–2 per host, 1 s apart.
      politenessDelayMs: 0,
      perHostConcurrency: 16,
      // The server shares the process (and a busy machine) with PGlite: a slow answer is not a failure here.
      headersTimeoutMs: 300_000,
      bodyTimeoutMs: 300_000,
    });
    // As `ingest --once` runs it: feeds parsed on a worker pool beside the database's thread
    // (BENCH_INGEST_PARSE=thread parses on the main thread, to compare).
    const pool = process.env.BENCH_INGEST_PARSE === 'thread' ? undefined : createParsePool();
    const cpuBefore = mainThreadCpuSeconds();
    const { result, seconds } = await timed(() =>
      ingestOnce(
        { db: database.db, fetcher, logger: silentLogger(), maxPageFetches: 0, parseFeed: pool?.parse },
        { concurrency: 8 },
      ),
    ).finally(() => pool?.close());
    const cpuAfter = mainThreadCpuSeconds();
    const failed = result.results.filter((r) => r.status === 'failed');
    if (failed.length > 0) throw new Error(`${failed.length} feeds failed: ${failed[0]!.error}`);
    // What the next pipeline pass builds first for these articles: their search documents.
    const index = await timed(() => indexAllPendingArticles(database.db));
    if (index.result !== result.new + result.duplicate) throw new Error(`indexed ${index.result} articles`);
    return {
      seconds,
      indexSeconds: index.seconds,
      mainCpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
      articles: result.new + result.duplicate,
      duplicates: result.duplicate,
    };
  } finally {
    await database.close();
  }
}

/** Runs the ingest benchmark on embedded PGlite: median of `runs`, with the storage floor alongside. */
export async function benchIngest({
  feeds = 200,
  items = 50,
  words = 600,
  runs = 3,
  engine = 'pglite' as Engine,
} = {}) {
  const server = await startTestServer();
  try {
    const corpus = generate(feeds, items, words, server.url);
    corpus.feeds.forEach((body, f) => {
      server.routes.set(`/feed/${f}.rss`, {
        headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
        body,
      });
    });
    const ingestSeconds: number[] = [];
    const indexSeconds: number[] = [];
    const mainCpu: (number | null)[] = [];
    const floorSeconds: number[] = [];
    let articles = 0;
    let duplicates = 0;
    for (let i = 0; i < runs; i++) {
      const run = await ingestRun(engine, server, feeds);
      articles = run.articles;
      duplicates = run.duplicates;
      ingestSeconds.push(run.seconds);
      indexSeconds.push(run.indexSeconds);
      mainCpu.push(run.mainCpuSeconds);
      floorSeconds.push(await storageFloor(engine, corpus.rows));
    }
    const ingestRate = articles / median(ingestSeconds);
    const floorRate = corpus.rows.length / median(floorSeconds);
    return {
      engine,
      feeds,
      items_per_feed: items,
      words_per_item: words,
      articles,
      // Every generated article is distinct: a duplicate here means the corpus repeats itself.
      duplicates,
      runs,
      ingest_articles_per_s: round(ingestRate),
      floor_articles_per_s: round(floorRate),
      ratio_to_floor: round(ingestRate / floorRate, 3),
      // The pipeline's search-index step on these articles, and the ingest followed by it.
      index_articles_per_s: round(articles / median(indexSeconds)),
      ingest_then_index_articles_per_s: round(
        articles / median(ingestSeconds.map((s, i) => s + indexSeconds[i]!)),
      ),
      ingest_seconds: ingestSeconds.map((s) => round(s, 3)),
      index_seconds: indexSeconds.map((s) => round(s, 3)),
      // CPU the ingest took on the thread that also runs PGlite: what a busy machine does not inflate.
      ingest_main_thread_cpu_ms_per_article: mainCpu.every((c) => c !== null)
        ? round((median(mainCpu as number[]) * 1000) / articles, 3)
        : null,
      floor_seconds: floorSeconds.map((s) => round(s, 3)),
      feed_bytes_total: corpus.feeds.reduce((n, b) => n + b.length, 0),
      peak_rss_mb: round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await server.close();
  }
}
