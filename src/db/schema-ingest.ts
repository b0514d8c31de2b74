import type { ColumnType } from 'kysely';

// Tables of ingest bookkeeping.

/** An article whose search document is missing or stale, waiting for `indexPendingArticles`. */
export interface ArticleSearchQueueTable {
  article_id: number;
}

/** An article whose title or text changed after it was stored, waiting to be analyzed again (0013). */
export interface ArticleEditsTable {
  article_id: number;
  edited_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
