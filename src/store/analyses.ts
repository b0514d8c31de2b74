import { sql } from 'kysely';
import type { DocumentFrequencies } from '../analyze/keywords.js';
import { readStoredAnalysis, storedAnalysis } from '../analyze/stored.js';
import type { ArticleAnalysis } from '../analyze/types.js';
import type { Executor } from './db.js';

/** Stores (or replaces) the analysis of one article. */
export async function storeAnalysis(
  db: Executor,
  articleId: number,
  analysis: ArticleAnalysis,
): Promise<void> {
  await storeAnalyses(db, [{ articleId, analysis }]);
}

/** Stores (or replaces) many analyses in one statement. */
export async function storeAnalyses(
  db: Executor,
  rows: { articleId: number; analysis: ArticleAnalysis }[],
): Promise<void> {
  await storeAnalysesJson(
    db,
    rows.map((r) => ({
      articleId: r.articleId,
      language: r.analysis.language,
      json: storedAnalysis(r.analysis),
    })),
  );
}

/** Stores (or replaces) many analyses already serialized in the stored form (analyze/stored.ts), in one statement. */
export async function storeAnalysesJson(
  db: Executor,
  rows: { articleId: number; language: string; json: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('article_analyses')
    .values(rows.map((r) => ({ article_id: r.articleId, language: r.language, analysis: r.json })))
    .onConflict((oc) =>
      oc.column('article_id').doUpdateSet((eb) => ({
        language: eb.ref('excluded.language'),
        analysis: eb.ref('excluded.analysis'),
        analyzed_at: new Date(),
      })),
    )
    .execute();
}

/** The stored analysis of an article, or undefined when it was not analyzed yet. */
export async function analysisByArticleId(
  db: Executor,
  articleId: number,
): Promise<ArticleAnalysis | undefined> {
  const row = await db
    .selectFrom('article_analyses')
    .select('analysis')
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  return row ? readStoredAnalysis(row.analysis) : undefined;
}

/** The stored analyses of the given articles, by article id (missing ones are absent). */
export async function analysesForArticles(
  db: Executor,
  articleIds: readonly number[],
): Promise<Map<number, ArticleAnalysis>> {
  const out = new Map<number, ArticleAnalysis>();
  if (articleIds.length === 0) return out;
  const rows = await db
    .selectFrom('article_analyses')
    .select(['article_id', 'analysis'])
    .where('article_id', 'in', [...new Set(articleIds)])
    .execute();
  for (const row of rows) out.set(row.article_id, readStoredAnalysis(row.analysis));
  return out;
}

/**
 * Drops the analyses of articles whose title or text changed and queues them in `article_edits`,
 * where the pipeline picks them up to analyze them again (`editedArticles`).
 */
export async function invalidateAnalyses(db: Executor, articleIds: readonly number[]): Promise<void> {
  if (articleIds.length === 0) return;
  const ids = [...new Set(articleIds)];
  await db.deleteFrom('article_analyses').where('article_id', 'in', ids).execute();
  await db
    .insertInto('article_edits')
    .values(ids.map((article_id) => ({ article_id })))
    .onConflict((oc) => oc.column('article_id').doUpdateSet({ edited_at: new Date() }))
    .execute();
}

/** Edited articles waiting to be analyzed again, oldest edit first, with when they were edited. */
export async function editedArticles(
  db: Executor,
  limit: number,
): Promise<{ article_id: number; edited_at: Date }[]> {
  return db
    .selectFrom('article_edits')
    .select(['article_id', 'edited_at'])
    .orderBy('edited_at')
    .orderBy('article_id')
    .limit(limit)
    .execute();
}

/**
 * Takes analyzed edits off the queue and marks the stories of their articles as edited, so each
 * gets a new version. An article edited again meanwhile (a later `edited_at`) stays queued.
 */
export async function settleEdits(
  db: Executor,
  edits: readonly { article_id: number; edited_at: Date }[],
): Promise<void> {
  if (edits.length === 0) return;
  const ids = edits.map((e) => e.article_id);
  await db
    .updateTable('stories')
    // The database clock, as the versions' created_at it is compared with.
    .set({ sources_edited_at: sql`now()`, updated_at: sql`now()`, write_note: null })
    .where('state', '<>', 'merged')
    .where('id', 'in', (eb) =>
      eb.selectFrom('story_articles').select('story_id').where('article_id', 'in', ids),
    )
    .execute();
  await db
    .deleteFrom('article_edits')
    .where((eb) =>
      eb.or(
        // Read back as a Date, edited_at lost its microseconds: within the same millisecond is the same edit.
        edits.map((e) =>
          eb.and([
            eb('article_id', '=', e.article_id),
            eb('edited_at', '<', new Date(e.edited_at.getTime() + 1)),
          ]),
        ),
      ),
    )
    .execute();
}

/** Document frequencies of the given terms plus the document count, as a lookup for analysis. */
export async function documentFrequencies(
  db: Executor,
  terms: Iterable<string>,
): Promise<DocumentFrequencies> {
  const wanted = [...new Set(terms)].filter((t) => t !== '');
  const rows = await db
    .selectFrom('term_frequencies')
    .select(['term', 'docs'])
    .where('term', 'in', ['', ...wanted])
    .execute();
  const map = new Map(rows.map((r) => [r.term, r.docs]));
  const docs = map.get('') ?? 0;
  return { docs, get: (term) => map.get(term) ?? 0 };
}

/** Adds `documents` documents and their terms (term → documents containing it) to the running counts. */
export async function addDocumentFrequencies(
  db: Executor,
  documents: number,
  counts: ReadonlyMap<string, number>,
): Promise<void> {
  const rows = [{ term: '', docs: documents }];
  for (const [term, docs] of counts) if (term !== '') rows.push({ term, docs });
  // Sorted keys keep concurrent writers from deadlocking on each other's rows.
  rows.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  // One statement over two arrays: a many-row VALUES list costs more to parse and plan than to write.
  await sql`
    INSERT INTO term_frequencies (term, docs)
    SELECT * FROM unnest(${rows.map((r) => r.term)}::text[], ${rows.map((r) => r.docs)}::int[])
    ON CONFLICT (term) DO UPDATE SET docs = term_frequencies.docs + excluded.docs`.execute(db);
}

/** The `limit` most frequent terms with their document frequencies, and the document count. */
export async function frequentTerms(
  db: Executor,
  limit: number,
): Promise<{ docs: number; terms: Map<string, number> }> {
  const rows = await db
    .selectFrom('term_frequencies')
    .select(['term', 'docs'])
    .orderBy('docs', 'desc')
    .limit(limit + 1)
    .execute();
  const terms = new Map(rows.map((r) => [r.term, r.docs]));
  const docs = terms.get('') ?? 0;
  terms.delete('');
  return { docs, terms };
}
