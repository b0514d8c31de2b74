import type { Executor } from '../store/db.js';
import { indexAllPendingArticles, pendingSearchCount } from '../store/search-index.js';
import { startProgress } from './progress.js';

/** Builds the search documents of every queued article, with a progress bar; returns how many. */
export async function indexSearch(db: Executor): Promise<number> {
  const pending = await pendingSearchCount(db);
  if (pending === 0) return 0;
  const progress = startProgress('search index', pending, 'articles');
  try {
    return await indexAllPendingArticles(db, (indexed) => progress.update(indexed));
  } finally {
    progress.stop();
  }
}
