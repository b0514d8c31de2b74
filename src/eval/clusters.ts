import { Readable } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import type { Kysely } from 'kysely';
import type { TextAnalyzer } from '../analyze/pool.js';
import { newFrequencyCache } from '../analyze/run.js';
import { clusterArticles } from '../cluster/cluster.js';
import type { ClusterSettings } from '../cluster/settings.js';
import { wrapPglite } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { importArticles } from '../ingest/import.js';
import type { Logger } from '../lib/log.js';
import { assignmentsOf } from '../store/clusters.js';
import type { LabelledArticle } from './clusters-input.js';
import { type ClusterScores, scoreClusters } from './metrics.js';

/** What `eval clusters` reports. */
export interface ClusterEvalReport extends ClusterScores {
  /** Lines read, and articles the import skipped (a repeated URL). */
  articles: number;
  skipped: number;
  seconds: number;
  articles_per_second: number;
}

export interface ClusterEvalOptions {
  settings: ClusterSettings;
  /** Where the text analysis runs (default: on this thread). */
  analyzer?: TextAnalyzer;
  batchSize?: number;
  logger?: Logger;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs the production path (import, analyze, cluster, store) on labelled articles in a throw-away
 * in-memory database and scores the result. Labels stay in memory here: the clusterer sees
 * articles only. Articles are clustered in publication order (undated ones as they come).
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
    const rows = await database.db
      .selectFrom('articles')
      .select(['id', 'external_id'])
      .orderBy((eb) => eb.fn.coalesce('published_at', 'fetched_at'))
      .orderBy('id')
      .execute();
    const started = performance.now();
    const batchSize = options.batchSize ?? 200;
    const deps = {
      db: database.db,
      settings: options.settings,
      frequencies: newFrequencyCache(),
      analyzer: options.analyzer,
      ahead: new Map(),
      logger: options.logger,
    };
    const ids = rows.map((r) => r.id);
    for (let i = 0; i < ids.length; i += batchSize) {
      await clusterArticles(deps, ids.slice(i, i + batchSize), {
        next: ids.slice(i + batchSize, i + 2 * batchSize),
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
    return {
      report: {
        ...scores,
        articles: labelled.length,
        skipped: labelled.length - rows.length,
        seconds: Math.round(seconds * 100) / 100,
        articles_per_second: Math.round(rows.length / seconds),
      },
      assignments,
    };
  } finally {
    await database.close();
  }
}
