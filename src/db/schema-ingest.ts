// Tables of ingest bookkeeping.

/** An article whose search document is missing or stale, waiting for `indexPendingArticles`. */
export interface ArticleSearchQueueTable {
  article_id: number;
}
