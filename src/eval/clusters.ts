import { Readable } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import type { Kysely } from 'kysely';
import type { TextAnalyzer } from '../analyze/pool.js';
import { newFrequencyCache } from '../analyze/run.js';
import { clusterArticles } from '../cluster/cluster.js';
import type { Embedder } from '../cluster/embeddings.js';
import type { FlushedBatch } from '../cluster/flush.js';
import type { ClusterSettings } from '../cluster/settings.js';
import type { ExplainedCandidate } from '../cluster/types.js';
import { wrapPglite } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { importArticles } from '../ingest/import.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import { articlesInArrivalOrder, assignmentsOf } from '../store/clusters.js';
import type { LabelledArticle } from './clusters-input.js';
import { type ClusterError, type ClusterScores, clusterErrors, scoreClusters } from './metrics.js';

/** What `eval clusters` reports. */
export interface ClusterEvalReport extends ClusterScores {
  /** Lines read, and articles the import skipped (a repeated URL). */
  articles: number;
  skipped: number;
  seconds: number;
  articles_per_second: number;
  /** Articles clustered at a time, and the seed of the shuffled order (null: publication order). */
  batch: number;
  shuffle: number | null;
  /** Predicted clusters that hold more than one gold event, and gold events spread over clusters. */
  mixed_clusters: number;
  split_events: number;
  /** The largest of each, cluster ids named by their gold labels' share ("story 12: a ×5, b ×2"). */
  mixed: ClusterError[];
  split: ClusterError[];
  /** For `--explain`: the article's candidate stories when it was placed, with their evidence. */
  explained?: ExplainedArticle;
}

/** One article's placement, told: the candidates it was weighed against and the story it went to. */
export interface ExplainedArticle {
  id: string;
  story: string;
  cluster: string | null;
  candidates: (ExplainedCandidate & { gold: Record<string, number> })[];
}

const SHOWN_ERRORS = 10;

export interface ClusterEvalOptions {
  settings: ClusterSettings;
  /** Where the text analysis runs (default: on this thread). */
  analyzer?: TextAnalyzer;
  batchSize?: number;
  /** Cluster in an order shuffled by this seed instead of publication order: what order changes. */
  shuffle?: number;
  logger?: Logger;
  onProgress?: (done: number, total: number) => void;
  /** The embeddings endpoint, when one is configured. */
  embedder?: Embedder;
  /** The id (as in the file) of an article whose placement to explain. */
  explain?: string;
}

/**
 * Runs the production path (import, analyze, cluster, store) on labelled articles in a throw-away
 * in-memory database and scores the result. Labels stay in memory here: the clusterer sees
 * articles only. Articles are clustered in publication order (undated ones as they come), or in
 * a seeded shuffle of it, `batchSize` at a time.
 */
export async function evaluateClusters(
  labelled: LabelledArticle[],
  options: ClusterEvalOptions,
): Promise<{ report: ClusterEvalReport; assignments: { id: string; cluster: string }[] }> {
  const pglite = await PGlite.create();
  const database = wrapPglite(pglite, 'pglite', () => pglite.close());
  try {
    await migrateToLatest(database.db as Kysely<unknown>);
    const lines = labelled.map((l) => `${JSON.stringify(l.article)}\n`);
    await importArticles(database.db, Readable.from(lines), { batchSize: 1000 });
    const rows = await articlesInArrivalOrder(database.db);
    const watched = rows.find((r) => r.external_id === options.explain);
    if (options.explain !== undefined && !watched)
      throw new AppError('not_found', `no article "${options.explain}" in the file`);
    let explained: FlushedBatch['explained'][number] | undefined;
    const started = performance.now();
    const batchSize = options.batchSize ?? 200;
    const deps = {
      db: database.db,
      settings: options.settings,
      frequencies: newFrequencyCache(),
      analyzer: options.analyzer,
      embedder: options.embedder,
      ahead: new Map(),
      logger: options.logger,
    };
    const ids = rows.map((r) => r.id);
    if (options.shuffle !== undefined) shuffleInPlace(ids, options.shuffle);
    for (let i = 0; i < ids.length; i += batchSize) {
      await clusterArticles(deps, ids.slice(i, i + batchSize), {
        next: ids.slice(i + batchSize, i + 2 * batchSize),
        explain: watched ? new Set([watched.id]) : undefined,
        onExplain: ([e]) => {
          explained = e;
        },
      });
      options.onProgress?.(Math.min(i + batchSize, rows.length), rows.length);
    }
    const seconds = (performance.now() - started) / 1000;
    const byArticle = await assignmentsOf(
      database.db,
      rows.map((r) => r.id),
    );
    const assignments = rows.flatMap((r) =>
      r.external_id && byArticle.has(r.id)
        ? [{ id: r.external_id, cluster: String(byArticle.get(r.id)) }]
        : [],
    );
    const predicted = new Map(assignments.map((a) => [a.id, a.cluster]));
    const gold = new Map(labelled.map((l) => [l.article.id, l.story]));
    const scores = scoreClusters(predicted, gold);
    const errors = clusterErrors(predicted, gold);
    const report: ClusterEvalReport = {
      ...scores,
      articles: labelled.length,
      skipped: labelled.length - rows.length,
      seconds: Math.round(seconds * 100) / 100,
      articles_per_second: Math.round(rows.length / seconds),
      batch: batchSize,
      shuffle: options.shuffle ?? null,
      mixed_clusters: errors.mixed.length,
      split_events: errors.split.length,
      mixed: errors.mixed.slice(0, SHOWN_ERRORS),
      split: errors.split.slice(0, SHOWN_ERRORS),
    };
    if (watched && options.explain !== undefined)
      report.explained = explainedArticle(options.explain, explained, predicted, gold);
    return { report, assignments };
  } finally {
    await database.close();
  }
}

/** A Fisher–Yates shuffle driven by a small seeded generator (mulberry32): one seed, one order. */
export function shuffleInPlace<T>(items: T[], seed: number): void {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/** The explained article with each candidate story's gold make-up (as it ended up). */
function explainedArticle(
  id: string,
  explained: FlushedBatch['explained'][number] | undefined,
  predicted: ReadonlyMap<string, string>,
  gold: ReadonlyMap<string, string>,
): ExplainedArticle {
  const makeUp = new Map<string, Record<string, number>>();
  for (const [item, cluster] of predicted) {
    const label = gold.get(item) ?? '?';
    const counts = makeUp.get(cluster) ?? {};
    counts[label] = (counts[label] ?? 0) + 1;
    makeUp.set(cluster, counts);
  }
  return {
    id,
    story: gold.get(id) ?? '?',
    cluster: predicted.get(id) ?? null,
    candidates: (explained?.candidates ?? []).map((c) => ({ ...c, gold: makeUp.get(String(c.key)) ?? {} })),
  };
}
