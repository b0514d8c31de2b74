import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type Kysely, sql } from 'kysely';
import { type AnalysisPool, createAnalysisPool } from '../src/analyze/pool.js';
import { flushFrequencies, newFrequencyCache } from '../src/analyze/run.js';
import { type ClusterDeps, clusterArticles } from '../src/cluster/cluster.js';
import { defaultClusterSettings } from '../src/cluster/settings.js';
import { type Database, wrapPglite } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { NewArticle } from '../src/db/schema.js';
import { readLabelledArticles } from '../src/eval/clusters-input.js';
import { insertArticles } from '../src/store/articles.js';
import { upsertSourceByKey } from '../src/store/sources.js';

const EVALDATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/evaldata');
const WORDS = 600;
const BATCH = 200;
const DAY = 86_400_000;

/** Full articles of ~600 words: WikiRef and MultiLing texts, cut or repeated to length. */
function corpus(): { title: string; text: string }[] {
  const sets = [
    path.join(EVALDATA, 'clustering/wikiref/WikiRef220'),
    path.join(EVALDATA, 'summarization/multiling2011/documents.jsonl'),
  ];
  return sets.flatMap((s) =>
    readLabelledArticles(s).map((l) => {
      let words = String(l.article.text).split(/(?<=\s)/);
      while (words.length < WORDS) words = [...words, ...words];
      return { title: String(l.article.title), text: words.slice(0, WORDS).join('').trim() };
    }),
  );
}

async function openBenchDatabase(dir: string): Promise<Database> {
  const pglite = await PGlite.create(path.join(dir, 'db'));
  const database = wrapPglite(pglite, 'pglite', () => pglite.close());
  await migrateToLatest(database.db as Kysely<unknown>);
  return database;
}

/** Inserts `copies` replicas of the corpus, each shifted `shiftDays` later; returns ids in time order. */
async function insertReplicas(
  database: Database,
  texts: { title: string; text: string }[],
  start: number,
  copies: number,
  tag: string,
): Promise<number[]> {
  const sources = await Promise.all(
    [0, 1, 2, 3].map((n) =>
      upsertSourceByKey(database.db, { key: `name:bench-${n}`, kind: 'import', name: `B${n}` }),
    ),
  );
  const ids: number[] = [];
  for (let c = 0; c < copies; c++) {
    const rows: NewArticle[] = texts.map((t, i) => ({
      source_id: sources[i % sources.length]!.id,
      url: `https://bench.example/${tag}/${c}/${i}`,
      canonical_url: `https://bench.example/${tag}/${c}/${i}`,
      title: t.title,
      text: t.text,
      published_at: new Date(start + c * 5 * DAY + i * 60_000),
      fetched_at: new Date(start + c * 5 * DAY + i * 60_000),
      content_hash: `${tag}-${c}-${i}`,
    }));
    const { inserted } = await insertArticles(database.db, rows);
    ids.push(...inserted.values());
  }
  return ids;
}

/** Clusters ids in batches; returns per-batch ms per article. */
async function timeBatches(deps: ClusterDeps, ids: number[]): Promise<number[]> {
  const perArticle: number[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const t = performance.now();
    // As the pipeline does: the threads analyze the next batch while this one is clustered.
    await clusterArticles(deps, batch, { next: ids.slice(i + BATCH, i + 2 * BATCH) });
    perArticle.push((performance.now() - t) / batch.length);
  }
  return perArticle;
}

/**
 * Fills the archive with `stories` synthetic old stories (two articles each, a profile and eight
 * postings from the real vocabulary), all older than the clustering window, in a few statements.
 */
async function populateArchive(database: Database, stories: number, before: number): Promise<void> {
  const vocabulary = [
    'police',
    'government',
    'minister',
    'president',
    'league',
    'flight',
    'samsung',
    'obama',
  ];
  const at = new Date(before - 30 * DAY).toISOString();
  await sql`INSERT INTO sources (key, kind, name) VALUES ('name:archive', 'import', 'Archive') ON CONFLICT DO NOTHING`.execute(
    database.db,
  );
  await sql`
    INSERT INTO stories (slug, title, first_seen_at, last_seen_at, article_count, publisher_count)
    SELECT 'archive-' || g, 'Archive ' || g, ${at}::timestamptz - g * interval '1 minute',
           ${at}::timestamptz - g * interval '1 minute', 2, 1
    FROM generate_series(1, ${stories}) g`.execute(database.db);
  await sql`
    INSERT INTO articles (source_id, url, canonical_url, title, text, published_at, fetched_at, content_hash)
    SELECT (SELECT id FROM sources WHERE key = 'name:archive'), 'https://archive.example/' || g,
           'https://archive.example/' || g, 'Archive ' || g, 'Archived text ' || g,
           ${at}::timestamptz - g * interval '30 seconds', ${at}::timestamptz - g * interval '30 seconds', 'a' || g
    FROM generate_series(1, ${stories * 2}) g`.execute(database.db);
  await sql`
    INSERT INTO story_articles (article_id, story_id, score)
    SELECT a.id, s.id, 1 FROM articles a
    JOIN stories s ON s.slug = 'archive-' || ((substr(a.content_hash, 2)::int + 1) / 2)
    WHERE a.content_hash LIKE 'a%'`.execute(database.db);
  await sql`
    INSERT INTO story_profiles (story_id, profile, last_seen_at)
    SELECT id, jsonb_build_object('terms', jsonb_build_object('police', 1, 'archive', 1), 'entities', '{}'::jsonb,
           'articles', 2, 'first', null, 'last', null, 'seen', 0, 'title', title), last_seen_at
    FROM stories WHERE slug LIKE 'archive-%'`.execute(database.db);
  await sql`
    INSERT INTO story_postings (term, story_id, last_seen_at)
    SELECT v.term, s.id, s.last_seen_at FROM stories s
    CROSS JOIN unnest(${sql.val(vocabulary)}::text[]) AS v(term)
    WHERE s.slug LIKE 'archive-%'`.execute(database.db);
  await sql`ANALYZE`.execute(database.db);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
}

interface Setup {
  database: Database;
  dir: string;
  deps: ClusterDeps;
  ids: number[];
}

async function setUp(
  texts: { title: string; text: string }[],
  archiveStories: number,
  tag: string,
  pool: AnalysisPool,
): Promise<Setup> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsloom-bench-'));
  const database = await openBenchDatabase(dir);
  const start = Date.UTC(2026, 0, 1);
  if (archiveStories > 0) await populateArchive(database, archiveStories, start);
  const ids = await insertReplicas(database, texts, start, 4, tag);
  const deps = benchDeps(database, pool);
  return { database, dir, deps, ids };
}

async function tearDown(setup: Setup): Promise<void> {
  await setup.database.close();
  rmSync(setup.dir, { recursive: true, force: true });
}

/**
 * Per-article cost (median ms of warm batches) with an archive of 1k and of 100k articles. The two
 * databases take turns batch by batch, so load from other processes hits both alike.
 */
async function costGrowth(
  texts: { title: string; text: string }[],
  pool: AnalysisPool,
): Promise<[number, number]> {
  const small = await setUp(texts, 500, 'small', pool);
  const large = await setUp(texts, 50_000, 'large', pool);
  try {
    const times: [number[], number[]] = [[], []];
    for (let i = 0; i < small.ids.length; i += BATCH) {
      for (const [k, setup] of [small, large].entries()) {
        const batch = setup.ids.slice(i, i + BATCH);
        const t = performance.now();
        await clusterArticles(setup.deps, batch);
        times[k]!.push((performance.now() - t) / batch.length);
      }
    }
    return [median(times[0].slice(2)), median(times[1].slice(2))];
  } finally {
    await tearDown(small);
    await tearDown(large);
  }
}

/**
 * Analyze + cluster + store throughput on ~600-word articles in an embedded database, against a
 * floor measured in the same run (storing the same articles without analysis), and the cost growth
 * between a 1k-article and a 100k-article archive.
 */
export async function benchAnalyzeCluster(
  options: { archive?: boolean } = {},
): Promise<Record<string, number>> {
  const texts = corpus();
  // Analysis runs on a thread pool, as in the pipeline the commands run.
  const pool = createAnalysisPool();
  try {
    return await benchWithPool(texts, pool, options);
  } finally {
    await pool.close();
  }
}

/** The clustering dependencies the pipeline builds, on the bench database. */
function benchDeps(database: Database, pool: AnalysisPool): ClusterDeps {
  return {
    db: database.db,
    settings: defaultClusterSettings,
    frequencies: newFrequencyCache(),
    analyzer: pool.analyze,
    ahead: new Map(),
  };
}

async function benchWithPool(
  texts: { title: string; text: string }[],
  pool: AnalysisPool,
  options: { archive?: boolean },
): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsloom-bench-'));
  const database = await openBenchDatabase(dir);
  const deps = benchDeps(database, pool);
  const floor: number[] = [];
  const perArticle: number[] = [];
  try {
    // Each replica is stored (the floor), then analyzed and clustered: both see the same load.
    for (let c = 0; c < 8; c++) {
      const t = performance.now();
      const ids = await insertReplicas(database, texts, Date.UTC(2026, 0, 1) + c * 5 * DAY, 1, `run${c}`);
      floor.push((performance.now() - t) / ids.length);
      perArticle.push(...(await timeBatches(deps, ids)));
    }
    await flushFrequencies(deps);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
  // The first batches pay for JIT warm-up and an empty frequency table; the median of the rest is steady state.
  const throughput = 1000 / median(perArticle.slice(2));
  const floorRate = 1000 / median(floor);
  const result: Record<string, number> = {
    analyze_cluster_store_articles_per_s: Math.round(throughput),
    store_only_floor_articles_per_s: Math.round(floorRate),
    ratio_to_floor: Math.round((throughput / floorRate) * 1000) / 1000,
    words_per_article: WORDS,
  };
  if (options.archive === false) return result;
  const [at1k, at100k] = await costGrowth(texts, pool);
  return {
    ...result,
    ms_per_article_archive_1k: Math.round(at1k * 1000) / 1000,
    ms_per_article_archive_100k: Math.round(at100k * 1000) / 1000,
    growth_100k_vs_1k: Math.round((at100k / at1k) * 1000) / 1000,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  benchAnalyzeCluster().then((result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`));
}
