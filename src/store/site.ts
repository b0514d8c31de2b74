import { sql } from 'kysely';
import type { Entity } from '../analyze/types.js';
import type { Story, StoryVersion } from '../db/schema.js';
import { commentCounts } from './comments.js';
import type { Executor } from './db.js';

/** A published story as lists show it: headline, dek, counts, outlets and times. */
export interface StorySummary {
  id: number;
  slug: string;
  headline: string;
  dek: string;
  version: number;
  source_count: number;
  publisher_count: number;
  /** When the story was first published (falls back to when the story was created). */
  published_at: Date;
  /** The newest source article's time: lists sort on it and cursors point into it. */
  last_seen_at: Date;
  /** When the current version was written. */
  updated_at: Date;
  outlets: string[];
  /** Visible comments (replies included). */
  comments: number;
}

/** Where a list page starts: strictly older than this (last_seen_at, id). */
export interface StoryCursor {
  at: Date;
  id: number;
}

// Lists follow the news (the newest source article), not the time the software wrote a version.
const sortKey = sql<Date>`s.last_seen_at`;

/** Published stories with their current version, newest first, after an optional cursor. */
export async function listPublishedStories(
  db: Executor,
  options: { limit: number; before?: StoryCursor; storyIds?: number[] },
): Promise<StorySummary[]> {
  if (options.storyIds && options.storyIds.length === 0) return [];
  const rows = await sql<Omit<StorySummary, 'outlets'>>`
    SELECT s.id, s.slug, v.headline, v.dek, v.version, v.source_count, v.publisher_count,
           COALESCE(s.published_at, s.created_at) AS published_at, s.last_seen_at,
           v.generated_at AS updated_at
    FROM stories s JOIN story_versions v ON v.id = s.current_version_id
    WHERE s.state = 'published'
      ${options.before ? sql`AND (${sortKey}, s.id) < (${options.before.at}, ${options.before.id})` : sql``}
      ${options.storyIds ? sql`AND s.id IN (${sql.join(options.storyIds)})` : sql``}
    ORDER BY ${sortKey} DESC, s.id DESC
    LIMIT ${options.limit}`.execute(db);
  return withCardDetails(db, rows.rows);
}

/** Adds the outlet names (most articles first) and the comment count to each story. */
async function withCardDetails(
  db: Executor,
  rows: Omit<StorySummary, 'outlets' | 'comments'>[],
): Promise<StorySummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [outlets, comments] = await Promise.all([outletsOf(db, ids), commentCounts(db, ids)]);
  return rows.map((row) => ({
    ...row,
    outlets: outlets.get(row.id) ?? [],
    comments: comments.get(Number(row.id)) ?? 0,
  }));
}

/** Outlet names per story, most articles first. */
async function outletsOf(db: Executor, ids: number[]): Promise<Map<number, string[]>> {
  const outlets = await sql<{ story_id: number; name: string }>`
    SELECT sa.story_id, so.name, count(*) AS n
    FROM story_articles sa JOIN articles a ON a.id = sa.article_id JOIN sources so ON so.id = a.source_id
    WHERE sa.story_id IN (${sql.join(ids)})
    GROUP BY sa.story_id, so.name
    ORDER BY sa.story_id, n DESC, so.name`.execute(db);
  const byStory = new Map<number, string[]>();
  for (const row of outlets.rows) {
    const list = byStory.get(row.story_id) ?? [];
    list.push(row.name);
    byStory.set(row.story_id, list);
  }
  return byStory;
}

/** A source article as the story page shows it, with the text its citations point into. */
export interface SourceArticle {
  id: number;
  title: string;
  url: string;
  outlet: string;
  outlet_url: string | null;
  published_at: Date | null;
  text: string;
}

/** The articles a story stands on (its own and any cited by the given ids), oldest first. */
export async function storySourceArticles(
  db: Executor,
  storyId: number,
  citedIds: number[] = [],
): Promise<SourceArticle[]> {
  const result = await sql<SourceArticle>`
    SELECT a.id, a.title, a.url, so.name AS outlet, COALESCE(so.homepage, so.url) AS outlet_url,
           a.published_at, a.text
    FROM articles a JOIN sources so ON so.id = a.source_id
    WHERE a.id IN (SELECT article_id FROM story_articles WHERE story_id = ${storyId})
      ${citedIds.length > 0 ? sql`OR a.id IN (${sql.join(citedIds)})` : sql``}
    ORDER BY a.published_at ASC NULLS LAST, a.id`.execute(db);
  return result.rows;
}

/** The published story behind a slug with its current version, or undefined. */
export async function publishedStoryBySlug(
  db: Executor,
  slug: string,
): Promise<{ story: Story; version: StoryVersion } | undefined> {
  const story = await db
    .selectFrom('stories')
    .selectAll()
    .where('slug', '=', slug)
    .where('state', '=', 'published')
    .executeTakeFirst();
  if (!story?.current_version_id) return undefined;
  const version = await db
    .selectFrom('story_versions')
    .selectAll()
    .where('id', '=', story.current_version_id)
    .executeTakeFirst();
  return version ? { story, version } : undefined;
}

/**
 * Where readers of a story that was merged into another should go: the slug of the published story
 * at the end of its merges, or undefined. Old links and shared URLs keep working after a merge.
 */
export async function mergedStoryTarget(db: Executor, slug: string): Promise<string | undefined> {
  const result = await sql<{ slug: string }>`
    WITH RECURSIVE chain (id, merged_into, state, slug, depth) AS (
      SELECT id, merged_into, state, slug, 0 FROM stories WHERE slug = ${slug} AND state = 'merged'
      UNION ALL
      SELECT s.id, s.merged_into, s.state, s.slug, c.depth + 1
      FROM chain c JOIN stories s ON s.id = c.merged_into
      WHERE c.state = 'merged' AND c.depth < 32
    )
    SELECT slug FROM chain WHERE state = 'published' LIMIT 1`.execute(db);
  return result.rows[0]?.slug;
}

/** What a cached story page is keyed on: the current version and the state of its public thread. */
export interface StoryPageKey {
  storyId: number;
  versionId: number;
  /** Changes whenever readers would see the thread differently: comments, statuses, edits, likes, closing. */
  thread: string;
}

/** The page key of a published story by slug, or undefined (one indexed query: it runs on cache checks). */
export async function storyPageKey(db: Executor, slug: string): Promise<StoryPageKey | undefined> {
  const result = await sql<{
    id: number;
    version_id: number | null;
    closed: boolean;
    n: number | string;
    changed: Date | string | null;
    likes: number | string | null;
  }>`
    SELECT s.id, s.current_version_id AS version_id, s.comments_closed AS closed, c.n, c.changed, c.likes
    FROM stories s
    LEFT JOIN LATERAL (
      SELECT count(*) AS n, max(updated_at) AS changed, sum(like_count) AS likes
      FROM comments WHERE story_id = s.id AND status <> 'rejected'
    ) c ON true
    WHERE s.slug = ${slug} AND s.state = 'published'`.execute(db);
  const row = result.rows[0];
  if (!row?.version_id) return undefined;
  const changed = row.changed === null ? 0 : new Date(row.changed).getTime();
  return {
    storyId: Number(row.id),
    versionId: Number(row.version_id),
    thread: `${Number(row.n)}.${changed}.${Number(row.likes ?? 0)}${row.closed ? '.closed' : ''}`,
  };
}

/**
 * Published stories that share the most terms with a story's headline and dek: the related-stories
 * block's fallback until the writer stores its own choice.
 */
export async function relatedStoriesByTerms(
  db: Executor,
  storyId: number,
  limit: number,
): Promise<StorySummary[]> {
  const result = await sql<{ id: number }>`
    WITH me AS (
      SELECT replace(plainto_tsquery('english', v.headline || ' ' || v.dek)::text, '&', '|') AS terms
      FROM stories s JOIN story_versions v ON v.id = s.current_version_id WHERE s.id = ${storyId}
    ), q AS (SELECT CASE WHEN terms = '' THEN NULL ELSE terms::tsquery END AS q FROM me)
    SELECT s.id
    FROM q, stories s JOIN story_version_search d ON d.version_id = s.current_version_id
    WHERE s.state = 'published' AND s.id <> ${storyId} AND q.q IS NOT NULL AND d.document @@ q.q
    ORDER BY ts_rank(d.document, q.q) DESC, s.id DESC
    LIMIT ${limit}`.execute(db);
  return orderedSummaries(
    db,
    result.rows.map((r) => r.id),
  );
}

/** Summaries of the given published stories, in the given order. */
export async function orderedSummaries(db: Executor, ids: number[]): Promise<StorySummary[]> {
  const rows = await listPublishedStories(db, { limit: ids.length, storyIds: ids });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A version that corrected a story, for the corrections log. */
export interface CorrectionEntry {
  story_id: number;
  slug: string;
  headline: string;
  version: number;
  reason: string;
  generated_at: Date;
}

/** Versions that carry a correction reason, newest first. */
export async function listCorrections(
  db: Executor,
  options: { limit: number; offset?: number },
): Promise<CorrectionEntry[]> {
  return db
    .selectFrom('story_versions as v')
    .innerJoin('stories as s', 's.id', 'v.story_id')
    .select(['s.id as story_id', 's.slug', 'v.headline', 'v.version', 'v.generated_at'])
    .select(sql<string>`v.correction_reason`.as('reason'))
    .where('v.correction_reason', 'is not', null)
    .where('s.state', '=', 'published')
    .orderBy('v.generated_at', 'desc')
    .orderBy('v.id', 'desc')
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
}

/** An outlet and how much of the archive it covers. */
export interface SourceCoverage {
  id: number;
  name: string;
  homepage: string | null;
  articles: number;
  stories: number;
  last_published_at: Date | null;
}

/** Every source with its article and published-story counts, most articles first. */
export async function sourceCoverage(db: Executor): Promise<SourceCoverage[]> {
  const result = await sql<SourceCoverage>`
    SELECT so.id, so.name, COALESCE(so.homepage, so.url) AS homepage,
           count(a.id)::int AS articles,
           count(DISTINCT s.id)::int AS stories,
           max(a.published_at) AS last_published_at
    FROM sources so
    LEFT JOIN articles a ON a.source_id = so.id
    LEFT JOIN story_articles sa ON sa.article_id = a.id
    LEFT JOIN stories s ON s.id = sa.story_id AND s.state = 'published'
    GROUP BY so.id
    ORDER BY articles DESC, so.name`.execute(db);
  return result.rows;
}

/** Slugs and last-change times of every published story, for the sitemap. */
export async function publishedSlugs(db: Executor): Promise<{ slug: string; updated_at: Date }[]> {
  return db
    .selectFrom('stories as s')
    .innerJoin('story_versions as v', 'v.id', 's.current_version_id')
    .select(['s.slug', 'v.generated_at as updated_at'])
    .where('s.state', '=', 'published')
    .orderBy('v.generated_at', 'desc')
    .limit(50_000)
    .execute();
}

/** A site-wide setting, or undefined. */
export async function getSetting(db: Executor, key: string): Promise<unknown> {
  const row = await db.selectFrom('site_settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** Stores a site-wide setting. */
export async function setSetting(db: Executor, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('site_settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: new Date() }))
    .execute();
}

/** A person, organisation or place a story's sources name, and how many of its articles name it. */
export interface StoryEntity {
  name: string;
  kind: 'person' | 'organization' | 'place';
  articles: number;
}

const ENTITY_KINDS = new Set(['person', 'organization', 'place']);

/** The people, organisations and places a story's articles name, most widely named first. */
export async function storyEntities(db: Executor, storyId: number): Promise<StoryEntity[]> {
  const rows = await db
    .selectFrom('article_analyses as an')
    .innerJoin('story_articles as sa', 'sa.article_id', 'an.article_id')
    // Entities are objects with these fields in the stored form and in the plain one before it.
    .select(sql<Pick<Entity, 'key' | 'name' | 'kind'>[] | null>`an.analysis->'entities'`.as('entities'))
    .where('sa.story_id', '=', storyId)
    .execute();
  const byKey = new Map<string, { kinds: Map<string, number>; names: Map<string, number> }>();
  const count = (tally: Map<string, number>, value: string) => tally.set(value, (tally.get(value) ?? 0) + 1);
  for (const row of rows) {
    for (const entity of row.entities ?? []) {
      const entry = byKey.get(entity.key) ?? { kinds: new Map(), names: new Map() };
      count(entry.kinds, entity.kind);
      count(entry.names, entity.name);
      byKey.set(entity.key, entry);
    }
  }
  // What most articles take a name for: one article's "in Lumora" does not make a company a place.
  // On a tie a kind beats no kind: one article that could not tell what "Aurelis Launch" is does
  // not outweigh one that could.
  const mostArticles = (tally: Map<string, number>) =>
    [...tally].sort((a, b) => b[1] - a[1] || Number(a[0] === 'other') - Number(b[0] === 'other'))[0]![0];
  // The name most articles use, the longer one on a tie ("Ilse Varga" over "Varga").
  const bestName = (names: Map<string, number>) =>
    [...names].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]![0];
  // A company's short name in articles that never write it in full ("Lumora" of "Lumora Systems"),
  // when the story has one organisation of that first word and no article names the two apart
  // ("Calvera" beside "Calvera National Museum" is the country).
  const organizations = [...byKey.keys()].filter(
    (key) => key.includes(' ') && mostArticles(byKey.get(key)!.kinds) === 'organization',
  );
  const owner = new Map<string, string>();
  for (const key of byKey.keys()) {
    if (key.includes(' ')) continue;
    const of = organizations.filter((org) => org.startsWith(`${key} `));
    const apart = (org: string) =>
      rows.some((row) => row.entities?.some((e) => e.key === key) && row.entities.some((e) => e.key === org));
    if (of.length === 1 && !apart(of[0]!)) owner.set(key, of[0]!);
  }
  const articles = new Map<string, number>();
  for (const row of rows) {
    const keys = new Set((row.entities ?? []).map((e) => owner.get(e.key) ?? e.key));
    for (const key of keys) articles.set(key, (articles.get(key) ?? 0) + 1);
  }
  return [...byKey]
    .filter(([key]) => !owner.has(key))
    .map(([key, e]) => ({
      name: bestName(e.names),
      kind: mostArticles(e.kinds),
      articles: articles.get(key)!,
    }))
    .filter((e): e is StoryEntity => ENTITY_KINDS.has(e.kind))
    .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name));
}
