import { sql } from 'kysely';
import type { Executor } from './db.js';
import { orderedSummaries, type StorySummary } from './site.js';

/** Marks around highlighted words in snippets (private-use characters no source text carries). */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=40, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * The most article matches that get ranked. A word that half the archive contains would otherwise
 * make every query rank (and read) tens of thousands of documents; such words say little anyway,
 * and story documents, ranked in full, still find the stories.
 */
const CANDIDATES = 2000;

/** A story found by search, with a snippet whose matches are wrapped in MARK_START/MARK_END. */
export interface SearchHit extends StorySummary {
  snippet: string;
  rank: number;
}

/**
 * Published stories matching a web-search style query (words, "phrases", or, -not), in their current
 * version or in their source articles; best first. Returns one more than `limit` when there is a
 * next page, so callers can tell without counting every match.
 */
export async function searchStories(
  db: Executor,
  query: string,
  options: { limit: number; offset?: number },
): Promise<SearchHit[]> {
  const q = sql`websearch_to_tsquery('english', ${query})`;
  const ranked = await sql<{ story_id: number; rank: number }>`
    WITH hits AS (
      SELECT s.id AS story_id, ts_rank(d.document, ${q}) * 2 AS rank
      FROM story_version_search d JOIN stories s ON s.current_version_id = d.version_id
      WHERE d.document @@ ${q} AND s.state = 'published'
      UNION ALL
      SELECT sa.story_id, ts_rank(m.document, ${q}) AS rank
      FROM (SELECT article_id, document FROM article_search WHERE document @@ ${q} LIMIT ${CANDIDATES}) m
      JOIN story_articles sa ON sa.article_id = m.article_id
      JOIN stories s ON s.id = sa.story_id
      WHERE s.state = 'published'
    )
    SELECT story_id, max(rank) AS rank FROM hits
    GROUP BY story_id ORDER BY rank DESC, story_id DESC
    LIMIT ${options.limit + 1} OFFSET ${options.offset ?? 0}`.execute(db);
  if (ranked.rows.length === 0) return [];
  const ids = ranked.rows.map((r) => r.story_id);
  const [summaries, snippets] = await Promise.all([orderedSummaries(db, ids), storySnippets(db, ids, query)]);
  const rankOf = new Map(ranked.rows.map((r) => [r.story_id, r.rank]));
  return summaries.map((s) => ({ ...s, snippet: snippets.get(s.id) ?? s.dek, rank: rankOf.get(s.id) ?? 0 }));
}

/** Highlighted snippets from each story's current dek and body (only for one page of stories). */
async function storySnippets(db: Executor, ids: number[], query: string): Promise<Map<number, string>> {
  const result = await sql<{ id: number; snippet: string }>`
    SELECT s.id, ts_headline('english',
      v.dek || ' ' || COALESCE((SELECT string_agg(t #>> '{}', ' ')
                                FROM jsonb_path_query(v.body, '$.lede[*].text') t), '')
            || ' ' || COALESCE((SELECT string_agg(t #>> '{}', ' ')
                                FROM jsonb_path_query(v.body, '$.sections[*].sentences[*].text') t), ''),
      websearch_to_tsquery('english', ${query}), ${HEADLINE_OPTIONS}) AS snippet
    FROM stories s JOIN story_versions v ON v.id = s.current_version_id
    WHERE s.id IN (${sql.join(ids)})`.execute(db);
  return new Map(result.rows.map((r) => [r.id, r.snippet]));
}

/** An article found by search, with a highlighted snippet. */
export interface ArticleHit {
  id: number;
  title: string;
  url: string;
  outlet: string;
  published_at: Date | null;
  story_id: number | null;
  snippet: string;
}

/** Articles matching a web-search style query, best first (one extra row signals a next page). */
export async function searchArticles(
  db: Executor,
  query: string,
  options: { limit: number; offset?: number },
): Promise<ArticleHit[]> {
  const q = sql`websearch_to_tsquery('english', ${query})`;
  const result = await sql<ArticleHit>`
    WITH page AS (
      SELECT m.article_id, ts_rank(m.document, ${q}) AS rank
      FROM (SELECT article_id, document FROM article_search WHERE document @@ ${q} LIMIT ${CANDIDATES}) m
      ORDER BY rank DESC, m.article_id DESC
      LIMIT ${options.limit + 1} OFFSET ${options.offset ?? 0}
    )
    SELECT a.id, a.title, a.url, so.name AS outlet, a.published_at, sa.story_id,
           ts_headline('english', left(a.text, 20000), ${q}, ${HEADLINE_OPTIONS}) AS snippet
    FROM page JOIN articles a ON a.id = page.article_id JOIN sources so ON so.id = a.source_id
    LEFT JOIN story_articles sa ON sa.article_id = a.id
    ORDER BY page.rank DESC, a.id DESC`.execute(db);
  return result.rows;
}
