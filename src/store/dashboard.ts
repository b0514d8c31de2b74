import { sql } from 'kysely';
import type { Executor } from './db.js';

/** Articles stored per hour, oldest first; hours without any are absent. */
export async function articlesPerHour(db: Executor, since: Date): Promise<{ hour: Date; count: number }[]> {
  const { rows } = await sql<{ hour: Date; count: number }>`
    SELECT date_trunc('hour', created_at) AS hour, count(*)::int AS count
    FROM articles WHERE created_at >= ${since}
    GROUP BY 1 ORDER BY 1`.execute(db);
  return rows.map((r) => ({ hour: new Date(r.hour), count: Number(r.count) }));
}

/** The newsroom's counters the dashboard shows, in one round trip. */
export interface NewsroomCounters {
  stories_formed: number;
  stories_published: number;
  sources_failing: number;
  sources_enabled: number;
  versions_review: number;
  versions_held: number;
  comments_pending: number;
  comments_reported: number;
  inaccuracy_open: number;
}

/** Counts what changed since `since` (stories) and what waits now (reviews, comments, reports). */
export async function newsroomCounters(db: Executor, since: Date): Promise<NewsroomCounters> {
  const { rows } = await sql<NewsroomCounters>`
    SELECT
      (SELECT count(*) FROM stories WHERE created_at >= ${since} AND state <> 'merged')::int AS stories_formed,
      (SELECT count(*) FROM stories WHERE published_at >= ${since} AND state = 'published')::int AS stories_published,
      (SELECT count(*) FROM sources WHERE enabled AND (error_count > 0 OR paused_reason IS NOT NULL))::int AS sources_failing,
      (SELECT count(*) FROM sources WHERE enabled)::int AS sources_enabled,
      (SELECT count(*) FROM story_versions WHERE status = 'review')::int AS versions_review,
      (SELECT count(*) FROM story_versions WHERE status = 'held')::int AS versions_held,
      (SELECT count(*) FROM comments WHERE status = 'pending')::int AS comments_pending,
      (SELECT count(DISTINCT comment_id) FROM comment_reports WHERE resolved_at IS NULL)::int AS comments_reported,
      (SELECT count(*) FROM inaccuracy_reports WHERE status = 'open')::int AS inaccuracy_open`.execute(db);
  return rows[0]!;
}

/**
 * Jobs waiting or running per queue, read from pg-boss's table on the same database; null when
 * the queue was never started on it (a web node reads what the workers left).
 */
export async function queueDepth(
  db: Executor,
  schema = 'pgboss',
): Promise<{ name: string; waiting: number; active: number }[] | null> {
  const { rows: found } = await sql<{ table: string | null }>`
    SELECT to_regclass(${`${schema}.job`})::text AS table`.execute(db);
  if (!found[0]?.table) return null;
  const { rows } = await sql<{ name: string; waiting: number; active: number }>`
    SELECT name,
      count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS waiting,
      count(*) FILTER (WHERE state = 'active')::int AS active
    FROM ${sql.table(`${schema}.job`)}
    WHERE state IN ('created', 'retry', 'active')
    GROUP BY name ORDER BY name`.execute(db);
  return rows.map((r) => ({ name: r.name, waiting: Number(r.waiting), active: Number(r.active) }));
}

/** Articles stored per source since `since`. */
export async function articlesPerSource(db: Executor, since: Date): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('articles')
    .select(['source_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('created_at', '>=', since)
    .groupBy('source_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.source_id), Number(r.count)]));
}
