import { sql } from 'kysely';
import type { Executor } from './db.js';

/** Articles that are in no story yet, oldest first: the clustering backlog. */
export async function unclusteredArticleIds(
  db: Executor,
  limit: number,
  except: readonly number[] = [],
): Promise<number[]> {
  let query = db
    .selectFrom('articles as a')
    .leftJoin('story_articles as sa', 'sa.article_id', 'a.id')
    .select('a.id')
    .where('sa.article_id', 'is', null);
  if (except.length > 0) query = query.where('a.id', 'not in', except);
  const rows = await query.orderBy('a.published_at').orderBy('a.id').limit(limit).execute();
  return rows.map((r) => r.id);
}

/**
 * Stories that need a new version: publishable by coverage, quiet since `quietBefore` (debounce: a
 * burst of articles makes one version), and either never written (and not marked as lacking
 * material), with more or fewer sources than their latest version, or with a source article edited
 * since it. A story an editor held is left to the editor.
 */
export async function storiesNeedingWrite(
  db: Executor,
  options: { minArticles: number; minPublishers: number; quietBefore: Date; limit: number },
): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    SELECT s.id FROM stories s
    LEFT JOIN story_versions v
      ON v.id = (SELECT max(w.id) FROM story_versions w WHERE w.story_id = s.id)
    WHERE s.state <> 'merged'
      AND s.held_by IS NULL
      AND s.article_count >= ${options.minArticles}
      AND s.publisher_count >= ${options.minPublishers}
      AND s.updated_at <= ${options.quietBefore}
      AND ((v.id IS NULL AND s.write_note IS NULL) OR v.source_count <> s.article_count
           OR s.sources_edited_at > v.created_at)
    ORDER BY s.updated_at, s.id
    LIMIT ${options.limit}`.execute(db);
  return rows.map((r) => Number(r.id));
}

/** Forgets why stories could not be written (they gained articles, so it is worth trying again). */
export async function clearWriteNotes(db: Executor, storyIds: readonly number[]): Promise<void> {
  if (storyIds.length === 0) return;
  await db
    .updateTable('stories')
    .set({ write_note: null })
    .where('id', 'in', [...new Set(storyIds)])
    .where('write_note', 'is not', null)
    .execute();
}
