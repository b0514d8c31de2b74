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

/** What dedupe needs to know about an already stored article. */
export interface StoredArticleKey {
  id: number;
  source_id: number;
  title: string;
  content_hash: string;
  duplicate_of: number | null;
}

/** Stored articles with one of these canonical URLs, by canonical URL. */
export async function articlesByCanonicalUrls(
  db: Executor,
  urls: string[],
): Promise<Map<string, StoredArticleKey>> {
  const found = new Map<string, StoredArticleKey>();
  // Chunked: one statement may carry at most 65,535 parameters.
  for (let start = 0; start < urls.length; start += 5000) {
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'source_id', 'title', 'content_hash', 'duplicate_of', 'canonical_url'])
      .where('canonical_url', 'in', urls.slice(start, start + 5000))
      .execute();
    for (const { canonical_url, ...key } of rows) found.set(canonical_url, key);
  }
  return found;
}

/** For each content hash, the oldest stored article that is not itself a duplicate. */
export async function originalsByContentHash(db: Executor, hashes: string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (hashes.length === 0) return found;
  const rows = await db
    .selectFrom('articles')
    .select(['content_hash', (eb) => eb.fn.min<number>('id').as('id')])
    .where('content_hash', 'in', hashes)
    .where('duplicate_of', 'is', null)
    .groupBy('content_hash')
    .execute();
  for (const row of rows) found.set(row.content_hash, Number(row.id));
  return found;
}

/** Stores the LSH band keys of articles' fingerprints. */
export async function insertFingerprintBands(
  db: Executor,
  rows: { article_id: number; bands: number[] }[],
): Promise<void> {
  const values = rows.flatMap(({ article_id, bands }) =>
    [...new Set(bands)].map((band) => ({ band, article_id })),
  );
  if (values.length === 0) return;
  await db
    .insertInto('article_fingerprint_bands')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * Replaces the LSH band keys of one article: its text changed, so its old keys would find
 * near-duplicates of a text it no longer carries. Empty `bands` just removes them.
 */
export async function replaceFingerprintBands(
  db: Executor,
  articleId: number,
  bands: number[],
): Promise<void> {
  await db.deleteFrom('article_fingerprint_bands').where('article_id', '=', articleId).execute();
  await insertFingerprintBands(db, [{ article_id: articleId, bands }]);
}

/**
 * Original articles (not duplicates) sharing a band key with a fingerprint: near-duplicate
 * candidates from the band index, newest first, at most `limit`.
 */
export async function fingerprintCandidates(
  db: Executor,
  bands: number[],
  limit = 200,
): Promise<{ id: number; fingerprint: string }[]> {
  if (bands.length === 0) return [];
  const rows = await db
    .selectFrom('article_fingerprint_bands as b')
    .innerJoin('articles as a', 'a.id', 'b.article_id')
    .select(['a.id', 'a.fingerprint'])
    .distinct()
    .where('b.band', 'in', bands)
    .where('a.duplicate_of', 'is', null)
    .where('a.fingerprint', 'is not', null)
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, fingerprint: r.fingerprint! }));
}

/** Replaces the content of a stored article (a feed corrected its item); returns whether it existed. */
export async function updateArticleContent(
  db: Executor,
  id: number,
  patch: Pick<NewArticle, 'title' | 'html' | 'text' | 'summary' | 'content_hash' | 'author'> & {
    fingerprint?: string | null;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
