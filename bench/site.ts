import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import autocannon from 'autocannon';
import type { Kysely } from 'kysely';
import { loadConfig } from '../src/config/config.js';
import { wrapPglite } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { NewArticle } from '../src/db/schema.js';
import { createLogger } from '../src/lib/log.js';
import { insertArticles } from '../src/store/articles.js';
import type { Executor } from '../src/store/db.js';
import { searchArticles, searchStories } from '../src/store/search.js';
import { indexAllPendingArticles } from '../src/store/search-index.js';
import { FIXTURE_STORIES, seedSite } from '../src/store/site-fixture.js';
import { upsertSourceByKey } from '../src/store/sources.js';
import { createSite } from '../src/web/app.js';
import { siteListener } from '../src/web/server.js';

/** Bounds, overridable from the environment so CI can run a short version. */
const SECONDS = Number(process.env.BENCH_SITE_SECONDS ?? 5);
const ARCHIVE_TARGET = Number(process.env.BENCH_SITE_ARTICLES ?? 100_000);
const ARCHIVE_BUDGET_MS = Number(process.env.BENCH_SITE_ARCHIVE_SECONDS ?? 120) * 1000;
const CONNECTIONS = 64;
const ROUNDS = Number(process.env.BENCH_SITE_ROUNDS ?? 3);

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

async function load(url: string) {
  // A worker thread drives the load, so the client does not share the server's event loop.
  const before = performance.eventLoopUtilization();
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, workers: 1 });
  const busy = performance.eventLoopUtilization(before);
  return {
    requests_per_second: Math.round(result.requests.average),
    // Server event-loop time per request: steadier than req/s when other processes share the CPU.
    busy_us_per_request: result.requests.total ? (busy.active * 1000) / result.requests.total : 0,
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

// Made-up words so the archive has a realistic spread of rare and common terms.
function vocabulary(size: number): string[] {
  const syllables = [
    'ka',
    'lo',
    'mer',
    'tan',
    'vi',
    'ro',
    'sel',
    'dun',
    'pa',
    'gri',
    'ost',
    'len',
    'bar',
    'qui',
  ];
  const words: string[] = [];
  for (let i = 0; words.length < size; i++) {
    let n = i;
    let word = '';
    do {
      word += syllables[n % syllables.length];
      n = Math.floor(n / syllables.length);
    } while (n > 0);
    words.push(word.length > 3 ? word : `${word}nor`);
  }
  return words;
}

/** Inserts synthetic articles until the target or the time budget is reached; returns how many. */
async function fillArchive(db: Executor): Promise<number> {
  const words = vocabulary(20_000);
  const source = await upsertSourceByKey(db, { key: 'name:Bench Wire', kind: 'import', name: 'Bench Wire' });
  const started = Date.now();
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  // Zipf-like: low indexes (common words) come up far more often.
  const word = () => words[Math.floor(words.length * random() ** 3)]!;
  let count = 0;
  while (count < ARCHIVE_TARGET && Date.now() - started < ARCHIVE_BUDGET_MS) {
    const batch: NewArticle[] = [];
    for (let i = 0; i < 1000; i++, count++) {
      const text = Array.from({ length: 120 }, word).join(' ');
      batch.push({
        source_id: source.id,
        url: `https://bench.example/${count}`,
        canonical_url: `https://bench.example/${count}`,
        title: Array.from({ length: 8 }, word).join(' '),
        text,
        fetched_at: new Date(),
        published_at: new Date(Date.now() - count * 60_000),
        content_hash: `bench-${count}`,
      });
    }
    await insertArticles(db, batch);
  }
  // Search documents are built by the indexing pass, as the pipeline does after ingest.
  await indexAllPendingArticles(db);
  return count;
}

/** Story page throughput against bare node:http with the same bytes, and search latency on a large archive. */
export async function benchSite(): Promise<Record<string, unknown>> {
  const pglite = await PGlite.create();
  const database = wrapPglite(pglite, 'pglite', () => pglite.close());
  await migrateToLatest(database.db as Kysely<unknown>);
  await seedSite(database.db, FIXTURE_STORIES);
  const config = loadConfig({ dataDir: '/tmp/newsloom-bench' }, {});
  // The server `newsloom serve` runs: cached story pages by the fast path, the rest by the app.
  const site = createSite({ config, database, logger: createLogger('silent') });
  const appServer = createServer(siteListener(site));
  const appUrl = `${await listen(appServer)}/stories/${FIXTURE_STORIES[0]!.slug}`;
  const page = await fetch(appUrl);
  const headers = Object.fromEntries(page.headers);
  const bytes = Buffer.from(await page.arrayBuffer());
  delete headers['content-length'];
  const bare = createServer((_req, res) => {
    res.writeHead(200, headers);
    res.end(bytes);
  });
  const bareUrl = await listen(bare);

  // Alternate the two servers (and which goes first) so background load hits both alike; report
  // medians over the rounds, and the median of each round's own ratio.
  const rounds: { bare: Awaited<ReturnType<typeof load>>; app: Awaited<ReturnType<typeof load>> }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    if (i % 2 === 0) {
      const bareRound = await load(bareUrl);
      rounds.push({ bare: bareRound, app: await load(appUrl) });
    } else {
      const appRound = await load(appUrl);
      rounds.push({ app: appRound, bare: await load(bareUrl) });
    }
  }
  const bareRps = median(rounds.map((r) => r.bare.requests_per_second));
  const appRps = median(rounds.map((r) => r.app.requests_per_second));
  const round2 = (n: number) => Math.round(n * 100) / 100;
  await new Promise((resolve) => appServer.close(resolve));
  await new Promise((resolve) => bare.close(resolve));

  const fillStarted = Date.now();
  const articles = await fillArchive(database.db);
  const fillSeconds = (Date.now() - fillStarted) / 1000;
  const words = vocabulary(20_000);
  const queries = [
    words[5]!,
    words[50]!,
    words[500]!,
    words[5000]!,
    `${words[20]} ${words[300]}`,
    `"${words[3]} ${words[4]}"`,
  ];
  const timings: Record<string, number[]> = { articles: [], stories: [] };
  for (let i = 0; i < 5; i++) {
    for (const q of queries) {
      let t = performance.now();
      await searchArticles(database.db, q, { limit: 10 });
      timings.articles!.push(performance.now() - t);
      t = performance.now();
      await searchStories(database.db, q, { limit: 10 });
      timings.stories!.push(performance.now() - t);
    }
  }
  await database.close();
  return {
    story_page: {
      connections: CONNECTIONS,
      seconds_per_round: SECONDS,
      bytes: bytes.length,
      bare_node_http_rps: bareRps,
      app_rps: appRps,
      ratio: round2(appRps / bareRps),
      round_ratios: rounds.map((r) => round2(r.app.requests_per_second / r.bare.requests_per_second)),
      median_round_ratio: round2(
        median(rounds.map((r) => r.app.requests_per_second / r.bare.requests_per_second)),
      ),
      app_busy_us_per_request: round2(median(rounds.map((r) => r.app.busy_us_per_request))),
      bare_busy_us_per_request: round2(median(rounds.map((r) => r.bare.busy_us_per_request))),
      app_p99_ms: median(rounds.map((r) => r.app.p99_ms)),
      bare_p99_ms: median(rounds.map((r) => r.bare.p99_ms)),
      errors: rounds.reduce((n, r) => n + r.app.errors + r.bare.errors, 0),
    },
    search: {
      engine: 'pglite',
      archive_articles: articles,
      archive_fill_seconds: fillSeconds,
      article_search_p50_ms: Math.round(median(timings.articles!) * 10) / 10,
      story_search_p50_ms: Math.round(median(timings.stories!) * 10) / 10,
      queries: queries.length * 5,
    },
  };
}
