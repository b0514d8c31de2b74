import { sql } from 'kysely';
import type { Executor } from './db.js';

/** Articles indexed per statement: big enough to amortize round trips, small enough to stay brief. */
const INDEX_BATCH = 500;

/**
 * Builds the search documents of up to `limit` queued articles (new, or whose title or text
 * changed) and takes them off the queue, in one statement; returns how many were indexed. Rows
 * another worker is indexing are skipped, so passes may run side by side.
 */
export async function indexPendingArticles(db: Executor, limit = INDEX_BATCH): Promise<number> {
  const result = await sql<{ article_id: number }>`
    WITH picked AS (
      DELETE FROM article_search_queue
      WHERE article_id IN (
        SELECT article_id FROM article_search_queue ORDER BY article_id LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING article_id
    )
    INSERT INTO article_search (article_id, document)
    SELECT a.id, setweight(to_tsvector('english', a.title), 'A')
              || setweight(to_tsvector('english', left(a.text, 200000)), 'B')
    FROM picked JOIN articles a ON a.id = picked.article_id
    ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document
    RETURNING article_id`.execute(db);
  return result.rows.length;
}

/** Indexes every queued article, batch after batch; returns how many were indexed. */
export async function indexAllPendingArticles(
  db: Executor,
  onProgress?: (indexed: number) => void,
): Promise<number> {
  let total = 0;
  for (;;) {
    const indexed = await indexPendingArticles(db);
    if (indexed === 0) return total;
    total += indexed;
    onProgress?.(total);
  }
}

/** How many articles wait for their search document. */
export async function pendingSearchCount(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('article_search_queue')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
