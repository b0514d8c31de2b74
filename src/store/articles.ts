import type { Article, NewArticle } from '../db/schema.js';
import type { Executor } from './db.js';

/** What insertArticles did with each row, in input order. */
export interface InsertArticlesResult {
  /** Ids of the rows stored now, by canonical URL. */
  inserted: Map<string, number>;
  /** Canonical URLs that were already stored (or repeated in the input). */
  existing: string[];
}

/**
 * Stores new articles in one statement; a row whose canonical URL is already stored is left as it
 * is (articles are unique by canonical URL), so replaying the same batch adds nothing.
 */
export async function insertArticles(db: Executor, articles: NewArticle[]): Promise<InsertArticlesResult> {
  const inserted = new Map<string, number>();
  if (articles.length === 0) return { inserted, existing: [] };
  const rows = await db
    .insertInto('articles')
    .values(articles)
    .onConflict((oc) => oc.column('canonical_url').doNothing())
    .returning(['id', 'canonical_url'])
    .execute();
  for (const row of rows) inserted.set(row.canonical_url, row.id);
  const existing = articles.map((a) => a.canonical_url).filter((url) => !inserted.has(url));
  return { inserted, existing };
}

/** One article by id, or undefined. */
export async function articleById(db: Executor, id: number): Promise<Article | undefined> {
  return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One article by its canonical URL or the URL it was found at, or undefined. */
export async function articleByUrl(db: Executor, url: string): Promise<Article | undefined> {
  return db
    .selectFrom('articles')
    .selectAll()
    .where((eb) => eb.or([eb('canonical_url', '=', url), eb('url', '=', url)]))
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** Articles whose content hash matches, oldest first (exact duplicates of a text). */
export async function articlesByContentHash(db: Executor, hash: string): Promise<Article[]> {
  return db.selectFrom('articles').selectAll().where('content_hash', '=', hash).orderBy('id').execute();
}

/** A page of articles with their source, in id order after `afterId`: export and batch jobs walk these. */
export async function articlesAfter(
  db: Executor,
  afterId: number,
  limit: number,
): Promise<(Article & { source_name: string; source_url: string | null })[]> {
  return db
    .selectFrom('articles')
    .innerJoin('sources', 'sources.id', 'articles.source_id')
    .selectAll('articles')
    .select(['sources.name as source_name', 'sources.url as source_url'])
    .where('articles.id', '>', afterId)
    .orderBy('articles.id')
    .limit(limit)
    .execute();
}

/** Marks an article as a republished copy of another. */
export async function markDuplicate(db: Executor, id: number, originalId: number): Promise<void> {
  await db
    .updateTable('articles')
    .set({ duplicate_of: originalId, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}
