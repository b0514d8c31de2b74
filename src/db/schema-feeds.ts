import type { ColumnType, JSONColumnType } from 'kysely';

// Tables of what feed parsing reports about a source (0022).

/** Items of a source that could not become articles, by reason. */
export interface SourceItemDropsTable {
  source_id: number;
  reason: string;
  total: number;
  /** How many the latest refresh that dropped any for this reason dropped. */
  last_count: number;
  last_dropped_at: ColumnType<Date, Date | string, Date | string>;
  /** The link or id of one item dropped then, to look at. */
  last_example: string | null;
}

/** What was wrong with a source's feed at its last parse, though its items were read. */
export interface SourceFeedWarningsTable {
  source_id: number;
  warnings: JSONColumnType<string[]>;
  recorded_at: ColumnType<Date, Date | string, Date | string>;
}
