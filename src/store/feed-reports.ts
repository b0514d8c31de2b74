import { sql } from 'kysely';
import type { Executor } from './db.js';

/** What one parse of a source's feed reports: items dropped by reason, and warnings. */
export interface FeedReport {
  /** Reason code → items dropped for it in this parse. */
  dropped: Record<string, number>;
  /** Reason code → the link or id of one item dropped for it. */
  examples?: Record<string, string>;
  warnings: string[];
}

/** Dropped items of one reason, over a source's history. */
export interface ItemDropRow {
  reason: string;
  total: number;
  last_count: number;
  last_dropped_at: Date;
  last_example: string | null;
}

/** What the console shows about a source's feed. */
export interface SourceFeedReport {
  drops: ItemDropRow[];
  warnings: string[];
  warnings_recorded_at: Date | null;
}

/**
 * Records one parse of a source's feed: adds its drops to the per-reason totals (keeping the
 * latest count and example) and replaces the source's warnings (clearing them when there are none).
 */
export async function recordFeedReport(
  db: Executor,
  sourceId: number,
  report: FeedReport,
  at: Date,
): Promise<void> {
  const rows = Object.entries(report.dropped)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => ({
      source_id: sourceId,
      reason,
      total: n,
      last_count: n,
      last_dropped_at: at,
      last_example: report.examples?.[reason] ?? null,
    }));
  if (rows.length > 0) {
    await db
      .insertInto('source_item_drops')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['source_id', 'reason']).doUpdateSet({
          total: sql`source_item_drops.total + excluded.total`,
          last_count: sql`excluded.last_count`,
          last_dropped_at: sql`excluded.last_dropped_at`,
          last_example: sql`coalesce(excluded.last_example, source_item_drops.last_example)`,
        }),
      )
      .execute();
  }
  if (report.warnings.length === 0) {
    await db.deleteFrom('source_feed_warnings').where('source_id', '=', sourceId).execute();
    return;
  }
  await db
    .insertInto('source_feed_warnings')
    .values({ source_id: sourceId, warnings: JSON.stringify(report.warnings), recorded_at: at })
    .onConflict((oc) =>
      oc.column('source_id').doUpdateSet({
        warnings: sql`excluded.warnings`,
        recorded_at: sql`excluded.recorded_at`,
      }),
    )
    .execute();
}

/** A source's dropped items by reason (most dropped first) and its feed's latest warnings. */
export async function feedReportOf(db: Executor, sourceId: number): Promise<SourceFeedReport> {
  const [drops, warnings] = await Promise.all([
    db
      .selectFrom('source_item_drops')
      .select(['reason', 'total', 'last_count', 'last_dropped_at', 'last_example'])
      .where('source_id', '=', sourceId)
      .orderBy('total', 'desc')
      .orderBy('reason')
      .execute(),
    db
      .selectFrom('source_feed_warnings')
      .select(['warnings', 'recorded_at'])
      .where('source_id', '=', sourceId)
      .executeTakeFirst(),
  ]);
  return {
    drops,
    warnings: warnings?.warnings ?? [],
    warnings_recorded_at: warnings?.recorded_at ?? null,
  };
}
